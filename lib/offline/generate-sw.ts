import { generateSW } from 'workbox-build';

/**
 * The service worker of the export, made by Workbox after the build (and after the CSP step, so
 * the precache revisions are those of the final HTML). It precaches the whole course: every page,
 * the React Server Component payloads client navigation fetches, every script and style (the lab
 * and quiz code included), the search index and the quiz data. Left out: social cards (only link
 * previews use them), llms-full.txt (for language-model tools), and Next's per-segment payloads
 * (`__next.*.txt`), which only prefetching fetches and components/Link.tsx turns prefetching off:
 * a navigation fetches the page's whole payload (`chapters/x.txt`). That keeps the first visit's
 * background download near half of the export. A new deployment waits until the reader chooses to reload
 * (no skipWaiting), so an open page never mixes two versions.
 */
export async function writeServiceWorker(outDir: string) {
  return generateSW({
    globDirectory: outDir,
    globPatterns: ['**/*.{html,txt,js,css,json,md,svg,png,webmanifest,woff2}'],
    globIgnores: ['social/**', 'sw.js', 'sw-workers.js', 'workbox-*.js', '**/__next.*.txt', 'llms-full.txt'],
    swDest: `${outDir}/sw.js`,
    // Runs first: serves the lab's Web Worker script so that it keeps its URL (public/sw-workers.js).
    importScripts: ['/sw-workers.js'],
    // Pages are precached as chapters/x.html; /chapters/x finds them through the precache
    // route's clean-URL lookup (on by default), / through the directory index.
    directoryIndex: 'index.html',
    // Client navigation fetches a page's payload with a cache-busting ?_rsc= parameter; the search
    // page reads its ?q= in the browser, so every query is the same exported page.
    ignoreURLParametersMatching: [/^_rsc$/, /^utm_/, /^q$/],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    dontCacheBustURLsMatching: /^_next\/static\//,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    cleanupOutdatedCaches: true,
    skipWaiting: false,
    clientsClaim: true,
  });
}
