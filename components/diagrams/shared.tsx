import type { ReactNode } from 'react';

// What every diagram shares: the frame, the arrowhead and the common text and box styles. The style objects
// work both spread as SVG attributes ({...label}) and as style={label}.

/** Text in the page's font and the diagram's foreground colour. */
export const text = { fill: 'var(--diagram-fg)', fontFamily: 'inherit' } as const;
export const mutedText = { ...text, fill: 'var(--diagram-muted)' } as const;

/** Left-aligned text whose y is the middle of the line. */
export const body = { ...text, fontSize: 13, dominantBaseline: 'central' } as const;
/** A box's name, centred on (x, y). */
export const label = { ...text, fontSize: 14, textAnchor: 'middle', dominantBaseline: 'central' } as const;
/** A detail line under a label, or a note. */
export const sub = { ...label, fontSize: 12, fill: 'var(--diagram-muted)' } as const;
export const heading = { ...label, fontSize: 15, fontWeight: 600 } as const;

export const box = { fill: 'var(--diagram-surface)', stroke: 'var(--diagram-border)', strokeWidth: 1.5 } as const;
/** The box the reader should look at first. */
export const accentBox = { fill: 'var(--diagram-accent-soft)', stroke: 'var(--diagram-accent)', strokeWidth: 2 } as const;

/** A line that ends in the arrowhead of the <ArrowMarker> with this id. */
export function arrowStyle(markerId: string) {
  return { stroke: 'var(--diagram-fg)', strokeWidth: 2, fill: 'none', markerEnd: `url(#${markerId})` } as const;
}

/** An arrowhead for <defs>; `size` is in stroke widths, so it grows with the line. It also serves as markerStart. */
export function ArrowMarker({ id, size, color = 'var(--diagram-fg)' }: { id: string; size: number; color?: string }) {
  return (
    <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth={size} markerHeight={size} orient="auto-start-reverse">
      <path d="M0,0 L10,5 L0,10 z" fill={color} />
    </marker>
  );
}

/**
 * A captioned figure whose svg screen readers announce as one image, named by its title and described by `desc`.
 * Every drawing is 720 units wide; `height` is the viewBox height. `id` prefixes the title and desc ids.
 */
export function Diagram({
  id,
  height,
  title,
  desc,
  caption,
  children,
}: {
  id: string;
  height: number;
  title: string;
  desc: ReactNode;
  caption: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className="diagram">
      <svg viewBox={`0 0 720 ${height}`} style={{ aspectRatio: `720 / ${height}` }} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {children}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
