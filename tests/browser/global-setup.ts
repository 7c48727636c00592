import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveExport } from './support/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the static export (built by `npm test` before vitest starts) for every browser test file. */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(process.cwd(), 'out/index.html'))) {
    throw new Error('No static export in out/: run `npm run build` first (npm test does this for you).');
  }
  const server = await serveExport();
  project.provide('baseUrl', server.url);
  return () => server.close();
}
