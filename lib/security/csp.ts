import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of the static export, as data. Scripts run only from this origin
 * or when their exact text is one the build wrote (a sha256 per inline script of each page);
 * there is no 'unsafe-inline' and no 'unsafe-eval' for scripts. Styles allow inline because
 * React style attributes and highlighted code carry them, which cannot run code.
 */
export const policy: Record<string, readonly string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/**
 * Headers a static host should add, beyond the meta policy. frame-ancestors only works as a
 * header (browsers ignore it in a meta tag), so it is sent as a second, header-only policy.
 */
export const headers: readonly { key: string; value: string }[] = [
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const inlineScript = /<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g;

export function hashOf(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

export function policyFor(html: string): string {
  const hashes = [...html.matchAll(inlineScript)]
    .filter(([, attributes]) => !/\stype="application\/(ld\+)?json"/.test(attributes))
    .map(([, , body]) => hashOf(body));
  const directives = { ...policy, 'script-src': [...policy['script-src'], ...new Set(hashes)] };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

const marker = 'http-equiv="Content-Security-Policy"';

/** The page with its policy as the first element of <head>, before any script can run. */
export function withPolicy(html: string): string {
  if (html.includes(marker)) throw new Error('page already has a Content-Security-Policy meta tag');
  const head = /<head[^>]*>/.exec(html);
  if (!head) throw new Error('page has no <head>');
  const meta = `<meta ${marker} content="${policyFor(html)}"/>`;
  return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
}
