// The API server's endpoint reconciler (pkg/controlplane/reconcilers, the default "lease" type,
// through EndpointsAdapter): the `kubernetes` Service in default has no selector, so no endpoint
// controller writes its endpoints; the API server does, with its own address and secure port
// (#101). The Endpoints object is labelled to keep the mirroring controller away; the slice,
// named like the Service, carries only the service-name label, no owner, and sets only `ready`.
import type { EndpointPort } from '../api/types';
import type { Engine } from '../engine/engine';
import { nodeIp } from '../kubelet/runtime';
import { serviceNameLabel } from '../controllers/endpointslice';

export const apiServerService = { namespace: 'default', name: 'kubernetes' } as const;

/** kube-apiserver --secure-port (the kubeadm default), the target port of the kubernetes Service. */
const securePort = 6443;

/** discovery.LabelSkipMirror: the EndpointSlice mirroring controller leaves these Endpoints alone. */
const skipMirrorLabel = 'endpointslice.kubernetes.io/skip-mirror';

/** The API server's advertise address: the control-plane node's address. */
function advertiseAddress(engine: Engine): string {
  return nodeIp(engine.state.hardware[engine.controlPlaneNode].index);
}

/** Sync: the Endpoints and the EndpointSlice with the API server's address, created when missing. */
export function reconcileApiServerEndpoints(engine: Engine): void {
  const { namespace, name } = apiServerService;
  const ip = advertiseAddress(engine);
  const ports: EndpointPort[] = [{ name: 'https', port: securePort, protocol: 'TCP' }];
  if (!engine.store.get('Endpoints', `${namespace}/${name}`))
    engine.api.create<'Endpoints'>({
      kind: 'Endpoints',
      metadata: { name, namespace, labels: { [skipMirrorLabel]: 'true' } },
      subsets: [{ addresses: [{ ip }], notReadyAddresses: [], ports }],
    });
  if (!engine.store.get('EndpointSlice', `${namespace}/${name}`))
    engine.api.create<'EndpointSlice'>({
      kind: 'EndpointSlice',
      metadata: { name, namespace, labels: { [serviceNameLabel]: name } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [ip], conditions: { ready: true } }],
      ports,
    });
}
