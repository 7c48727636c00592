// The build-time entry of lib/labs: reads and validates content/labs with node:fs. Only server
// code (the static export's pages, the CLI, tests) imports it; browser code uses ./index.ts.
export * from './load';
