import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const fixturesDir = path.join(process.cwd(), 'tests/fixtures/content');

/** A fresh copy of the valid fixture site with one case's files laid over it. */
export async function fixtureSite(overlay?: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'clusterbook-content-'));
  await cp(path.join(fixturesDir, 'base'), dir, { recursive: true });
  if (overlay) await cp(path.join(fixturesDir, overlay), dir, { recursive: true });
  return dir;
}
