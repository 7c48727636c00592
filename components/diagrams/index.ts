// SVG diagrams that chapters may use as MDX components; each is a server component.
export {};
export { ClusterArchitecture } from './ClusterArchitecture';
export { DockerEngineStack } from './DockerEngineStack';
export { ContainersVsVms } from './ContainersVsVms';
export { DockerWorkflow } from './DockerWorkflow';
export { RuntimeCallPaths } from './RuntimeCallPaths';
