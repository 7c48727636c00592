/** The Clusterbook mark: three nodes of a cluster, one of them the control plane. */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect x="1.5" y="1.5" width="29" height="29" rx="8" fill="var(--accent)" />
      <path d="M16 8.5 22.5 20h-13Z" fill="none" stroke="var(--accent-contrast)" strokeWidth="1.6" strokeLinejoin="round" />
      <circle cx="16" cy="8.5" r="3.2" fill="var(--accent-contrast)" />
      <circle cx="9.5" cy="20.5" r="3" fill="var(--accent)" stroke="var(--accent-contrast)" strokeWidth="1.6" />
      <circle cx="22.5" cy="20.5" r="3" fill="var(--accent)" stroke="var(--accent-contrast)" strokeWidth="1.6" />
    </svg>
  );
}
