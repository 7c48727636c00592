// The public surface of lib/progress: the stored progress (schema, migrations, export codec), the
// store over localStorage and the review scheduler. The storage keys and the zod-free peek that
// every page reads at first load are their own entries (./keys, ./peek) and are not re-exported
// here: a re-export keeps the bundler from inlining them into the first-load chunk.
export * from './browser';
export * from './codec';
export * from './errors';
export * from './migrate';
export * from './model';
export * from './policy';
export * from './scheduler';
export * from './schema';
export * from './store';
export * from './days';
export * from './interleave';
export * from './rating';
export * from './stats';
export * from './transfer';
