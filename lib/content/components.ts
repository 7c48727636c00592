import * as diagrams from '@/components/diagrams';

/**
 * The names of the components MDX content may use. components/mdx.tsx maps each core name to its
 * React component (checked by its type); diagrams register themselves in components/diagrams.
 * The build rejects any other capitalised tag.
 */
export const coreComponentNames = ['Callout', 'Term', 'ClusterLab'] as const;
export type CoreComponentName = (typeof coreComponentNames)[number];
export const mdxComponentNames: readonly string[] = [...coreComponentNames, ...Object.keys(diagrams)];
