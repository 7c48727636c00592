import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import handler from 'serve-handler';

/** Serves the static export the way `npm start` does: serve's handler with the project's serve.json (clean URLs, headers). */
export async function serveExport(port = 0, dir = path.join(process.cwd(), 'out')): Promise<{ url: string; close: () => Promise<void> }> {
  const config = JSON.parse(readFileSync(path.join(process.cwd(), 'serve.json'), 'utf8'));
  const server: Server = createServer((req, res) => handler(req, res, { ...config, public: dir }));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
