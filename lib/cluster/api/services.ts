// Headless Services (#119): `clusterIP: None` asks for no virtual IP. kube-proxy skips them, the
// endpoint controllers still list their pods (and label their objects as headless), and cluster
// DNS answers the Service's name with the ready pods' own addresses.
import type { Service } from './types';

/** core/v1 ClusterIPNone. */
export const clusterIPNone = 'None';

/** v1.IsHeadlessService: the label the endpoint controllers put on a headless Service's Endpoints and slices. */
export const headlessLabel = 'service.kubernetes.io/headless';

export const isHeadless = (service: Service): boolean => service.spec.clusterIP === clusterIPNone;

/** An ExternalName Service (#121): only a DNS alias; no IP, no endpoints, no kube-proxy rules. */
export const isExternalName = (service: Service): boolean => service.spec.type === 'ExternalName';
