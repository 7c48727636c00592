// The first-load entry of lib/progress: storage keys and the zod-free peek that the sidebar marks
// and header counts read on every page. It stays tiny on purpose; everything else (store, schema,
// scheduler) is in ./index.ts, which pages load lazily.
export * from './keys';
export * from './peek';
