import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The smallest page Next 16 can export: one server component with a heading and a paragraph, no
// client component, no CSS. Whatever Lighthouse scores it on this machine is the best any App
// Router page can score here, since every such page loads and hydrates the same framework.
const files: Record<string, string> = {
  'package.json': '{ "name": "framework-floor", "private": true, "type": "module" }\n',
  'next.config.mjs': "export default { output: 'export', turbopack: { root: '/' } };\n",
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2017',
      lib: ['dom', 'esnext'],
      jsx: 'react-jsx',
      module: 'esnext',
      moduleResolution: 'bundler',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      isolatedModules: true,
    },
    include: ['**/*.tsx'],
  }),
  'app/layout.tsx':
    'export default function Layout({ children }: { children: React.ReactNode }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
  'app/page.tsx':
    "export default function Page() {\n  return <main><h1>Framework floor</h1><p>{'A paragraph of text, long enough to be the largest thing painted. '.repeat(8)}</p></main>;\n}\n",
};

/** Builds the floor app in a temporary directory with this repository's Next and React; returns its out/. */
export function buildFrameworkFloor(repo = process.cwd()): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clusterbook-floor-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  execFileSync(process.execPath, [path.join(repo, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  return path.join(dir, 'out');
}
