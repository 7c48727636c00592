// SVG diagrams that chapters may use as MDX components; each is a server component.
export { ClusterArchitecture } from './ClusterArchitecture';
export { DockerEngineStack } from './DockerEngineStack';
export { NodeFailureTimeline } from './NodeFailureTimeline';
export { HaTopology } from './HaTopology';
export { ContainersVsVms } from './ContainersVsVms';
export { DockerWorkflow } from './DockerWorkflow';
export { RuntimeCallPaths } from './RuntimeCallPaths';
export { NamespaceView } from './NamespaceView';
export { CgroupHierarchies } from './CgroupHierarchies';
export { RunningAppSequence } from './RunningAppSequence';
export { MonolithVsMicroservices } from './MonolithVsMicroservices';
export { OsLayers } from './OsLayers';
export { ReconcileLoop } from './ReconcileLoop';
export { CpuThrottling } from './CpuThrottling';
