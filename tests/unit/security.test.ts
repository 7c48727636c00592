import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const roots = ['app', 'components', 'lib'];

async function sourceFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const root of roots) {
    const entries = await readdir(path.join(process.cwd(), root), { withFileTypes: true, recursive: true });
    files.push(...entries.filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name)));
  }
  return files;
}

describe('security basics in the source', () => {
  it('uses dangerouslySetInnerHTML only for the build-time theme script', async () => {
    const users: string[] = [];
    for (const file of await sourceFiles()) {
      if ((await readFile(file, 'utf8')).includes('dangerouslySetInnerHTML')) users.push(path.relative(process.cwd(), file));
    }
    expect(users).toEqual(['app/layout.tsx']);
  });

  it('evaluates MDX only in server code, never in a client component', async () => {
    for (const file of await sourceFiles()) {
      const source = await readFile(file, 'utf8');
      if (source.includes('mdx-bundler/client')) expect(source, file).not.toMatch(/^['"]use client['"]/m);
    }
  });
});
