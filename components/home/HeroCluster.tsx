/** The home page illustration: a small cluster in which one worker has just failed. */
export function HeroCluster() {
  const workers = [
    { x: 20, name: 'worker-1', status: 'Ready', pods: ['run', 'run', 'new', 'run'] },
    { x: 200, name: 'worker-2', status: 'NotReady', pods: ['term', 'term', 'term'] },
    { x: 380, name: 'worker-3', status: 'Ready', pods: ['run', 'new', 'run', 'run'] },
  ];
  const components = ['kube-apiserver', 'etcd', 'scheduler', 'controller-manager'];
  return (
    <figure className="hero-figure">
      <svg viewBox="0 0 560 330" role="img" aria-labelledby="hero-cluster-title hero-cluster-desc">
        <title id="hero-cluster-title">A cluster where one worker node has failed</title>
        <desc id="hero-cluster-desc">
          A control plane with the API server, etcd, the scheduler and the controller manager sits above three worker nodes. worker-2 is
          NotReady and its pods are terminating; replacement pods start on worker-1 and worker-3.
        </desc>
        <rect x="20" y="16" width="520" height="104" rx="14" fill="var(--bg-subtle)" stroke="var(--border-strong)" />
        <text x="38" y="42" fill="var(--fg)" fontSize="14" fontWeight="700">
          Control plane
        </text>
        {components.map((c, i) => (
          <g key={c} transform={`translate(${38 + i * 124} 58)`}>
            <rect width="114" height="42" rx="8" fill="var(--bg)" stroke="var(--border-strong)" />
            <text
              x="57"
              y="25"
              textAnchor="middle"
              fill="var(--fg-muted)"
              fontSize={c.length > 14 ? 10 : 11.5}
              fontFamily="var(--font-mono)"
            >
              {c}
            </text>
          </g>
        ))}
        {workers.map((w) => {
          const failed = w.status === 'NotReady';
          return (
            <g key={w.name} transform={`translate(${w.x} 160)`}>
              <path d={`M80 -40 V0`} stroke="var(--border-strong)" strokeDasharray={failed ? '4 4' : undefined} />
              <rect
                width="160"
                height="150"
                rx="14"
                fill={failed ? 'var(--warning-soft)' : 'var(--bg)'}
                stroke={failed ? 'var(--warning)' : 'var(--border-strong)'}
                strokeDasharray={failed ? '6 4' : undefined}
              />
              <text x="16" y="28" fill="var(--fg)" fontSize="14" fontWeight="700" fontFamily="var(--font-mono)">
                {w.name}
              </text>
              <text x="16" y="48" fill={failed ? 'var(--warning)' : 'var(--tip)'} fontSize="12" fontWeight="600">
                {failed ? '✕ NotReady' : '✓ Ready'}
              </text>
              {w.pods.map((p, i) => (
                <g key={i} transform={`translate(${12 + (i % 2) * 70} ${64 + Math.floor(i / 2) * 38})`}>
                  <rect
                    width="66"
                    height="28"
                    rx="7"
                    fill={p === 'term' ? 'transparent' : p === 'new' ? 'var(--accent-soft)' : 'var(--tip-soft)'}
                    stroke={p === 'term' ? 'var(--fg-faint)' : p === 'new' ? 'var(--accent)' : 'var(--tip)'}
                    strokeDasharray={p === 'term' ? '3 3' : undefined}
                  />
                  {/* The long word gets a fixed length so it stays inside its chip whatever the monospace font. */}
                  <text
                    x="33"
                    y="18"
                    textAnchor="middle"
                    fontSize={p === 'term' ? 8.5 : 9.5}
                    fill="var(--fg-muted)"
                    fontFamily="var(--font-mono)"
                    {...(p === 'term' ? { textLength: 56, lengthAdjust: 'spacingAndGlyphs' } : {})}
                  >
                    {p === 'term' ? 'Terminating' : p === 'new' ? 'new' : 'Running'}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        A worker loses power: about 50 seconds later it is NotReady, and after the 300-second toleration its pods are replaced on the
        healthy nodes.
      </figcaption>
    </figure>
  );
}
