// The public surface of lib/labs for browser code: lab sessions, the cluster diagram, the
// terminal and the checks. Build-time loading (node:fs) is in ./server.ts, so that no browser
// bundle can pull it in through this file.
export * from './checks';
export * from './completions';
export * from './diagram/layout';
export * from './diagram/model';
export * from './errors';
export * from './match';
export * from './policy';
export * from './schema';
export * from './session/context';
export * from './session/selectors';
export * from './session/session.machine';
export * from './session/remote';
export * from './session/protocol';
export * from './terminal/complete';
export * from './terminal/history';
export * from './terminal/interactive';
export * from './timeline';
export * from './world';
export * from './lines';
export * from './log/codec';
export * from './log/events';
export * from './log/hash';
export * from './log/share';
export * from './log/storage';
export * from './diagram/actions';
export * from './why';
export * from './pending';
export * from './playground/errors';
export * from './playground/limits';
export * from './playground/schema';
export * from './playground/script';
export * from './playground/setup';
export * from './playground/storage';
