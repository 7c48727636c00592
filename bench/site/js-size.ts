import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface JsSize {
  page: string;
  /** Script files the page loads at start (what Next used to print as First Load JS). */
  files: { src: string; raw: number; gzip: number }[];
  gzip: number;
  raw: number;
  /** Inline scripts (theme script, RSC payload): not files, reported apart. */
  inlineGzip: number;
}

/** Measures, from the static export, the JS a page's HTML makes the browser load. */
export async function measurePageJs(outDir: string, htmlFile: string): Promise<JsSize> {
  const html = await readFile(path.join(outDir, htmlFile), 'utf8');
  const srcs = [...new Set([...html.matchAll(/<script(?![^>]*nomodule)[^>]*\ssrc="([^"]+\.js)"/gi)].map((m) => m[1]))];
  const files = await Promise.all(
    srcs.map(async (src) => {
      const body = await readFile(path.join(outDir, src.replace(/^\//, '')));
      return { src, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    }),
  );
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  return {
    page: htmlFile,
    files,
    raw: files.reduce((n, f) => n + f.raw, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
    inlineGzip: gzipSync(inline, { level: 9 }).length,
  };
}
