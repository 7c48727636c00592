import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Serves a static export exactly as `npm start` does (the `serve` package, so with gzip), from a
 * separate process. Lighthouse does heavy work on its own event loop while the page loads: a
 * server in the same process answers late, and an uncompressed one sends 3 to 4 times the bytes;
 * Lighthouse would charge both to the page.
 */
export async function serveExportInChild(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await freePort();
  const bin = path.join(process.cwd(), 'node_modules/serve/build/main.js');
  const child = spawn(process.execPath, [bin, dir, '-l', `tcp://127.0.0.1:${port}`, '--no-clipboard', '--no-port-switching'], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(url);
      break;
    } catch (error) {
      if (attempt > 100 || child.exitCode !== null) throw new Error(`static server did not start: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
