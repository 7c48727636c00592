// The public surface of lib/quiz for browser code: schemas, preparing and grading questions, quiz
// sessions and the port to the simulated cluster (loaded on demand by ./simulation/realCluster).
// Build-time loading (node:fs) is in ./server.ts, so that no browser bundle can pull it in here.
export * from './answers';
export * from './attempt';
export * from './errors';
export * from './exam';
export * from './grade';
export * from './policy';
export * from './prepare';
export * from './random';
export * from './schema';
export * from './session';
export * from './simulation/checks';
export * from './simulation/grade';
export * from './simulation/port';
export * from './simulation/queries';
export * from './simulation/realCluster';
export * from './simulation/scenario';
export * from './template';
export * from './variants';
