// The build-time entry of lib/quiz: reads and validates content/quizzes with node:fs. Only server
// code (the static export's pages, the CLI, tests) imports it; browser code uses ./index.ts.
export * from './load';
