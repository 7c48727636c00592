// Imported by the service worker before Workbox's own routes (lib/offline/generate-sw.ts).
// Turbopack hands a Web Worker its bootstrap settings in the script URL's fragment (`#params=`),
// and a worker takes its URL from the response it gets. A response from the cache carries the
// cache entry's URL, without the fragment, and the worker then fails to start; a response built
// here has no URL of its own, so the worker keeps the one it asked for.
self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.destination !== 'worker' || new URL(request.url).origin !== self.location.origin) return;
  event.stopImmediatePropagation();
  event.respondWith(
    (async () => {
      const url = request.url.split('#')[0];
      const response = (await caches.match(url)) ?? (await fetch(url));
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
    })(),
  );
});
