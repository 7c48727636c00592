import { z } from 'zod';

/**
 * Where the site is published and where its source lives, read once at build time from the
 * environment. CLUSTERBOOK_SITE_URL makes canonical URLs, the sitemap and social cards absolute;
 * CLUSTERBOOK_REPO_URL (a GitHub-style repository URL) turns on "Edit this page".
 */
const envSchema = z.object({
  CLUSTERBOOK_SITE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  CLUSTERBOOK_REPO_URL: z.url({ protocol: /^https?$/ }).optional(),
  CLUSTERBOOK_REPO_BRANCH: z
    .string()
    .regex(/^[\w./-]+$/)
    .default('main'),
});

export interface SiteConfig {
  /** No trailing slash. */
  siteUrl: string;
  /** The edit URL of a file given by its path from the repository root, when a repository is configured. */
  editUrl?: (repoPath: string) => string;
}

export function siteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new Error(`site configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const { CLUSTERBOOK_SITE_URL, CLUSTERBOOK_REPO_URL, CLUSTERBOOK_REPO_BRANCH } = parsed.data;
  const repo = CLUSTERBOOK_REPO_URL?.replace(/\/+$/, '').replace(/\.git$/, '');
  return {
    siteUrl: CLUSTERBOOK_SITE_URL.replace(/\/+$/, ''),
    editUrl: repo
      ? (repoPath) => `${repo}/edit/${CLUSTERBOOK_REPO_BRANCH}/${repoPath.split('/').map(encodeURIComponent).join('/')}`
      : undefined,
  };
}
