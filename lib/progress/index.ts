// The public surface of lib/progress: the stored progress (schema, migrations, export codec), the
// store over localStorage, the review scheduler and the zod-free peek the sidebar reads at first load.
export * from './browser';
export * from './codec';
export * from './errors';
export * from './keys';
export * from './migrate';
export * from './model';
export * from './peek';
export * from './policy';
export * from './scheduler';
export * from './schema';
export * from './store';
