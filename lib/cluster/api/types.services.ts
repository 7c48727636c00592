// Services and the endpoints that back them (Endpoints, EndpointSlices).
import type { ObjectMeta } from './types.meta';

export interface ServicePort {
  name?: string;
  port: number;
  targetPort: number;
  /** A named targetPort (IntOrString holding a name): resolved per pod by FindPort (#100); targetPort is then unused. */
  targetPortName?: string;
  protocol: 'TCP' | 'UDP';
  nodePort?: number;
}

export interface Service {
  kind: 'Service';
  metadata: ObjectMeta;
  spec: {
    type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
    /** An ExternalName Service's alias: cluster DNS answers its name with a CNAME to this (#121). */
    externalName?: string;
    /** The allocated virtual IP, or 'None' for a headless Service (#119). */
    clusterIP: string;
    /** Empty only for a headless Service (#119). */
    ports: ServicePort[];
    selector: Record<string, string>;
    /** Every selected pod counts as ready in the endpoints (#29), as for a StatefulSet's headless Service. */
    publishNotReadyAddresses?: boolean;
  };
}

/** The pod an endpoint stands for (an ObjectReference). */
export interface EndpointTarget {
  kind: 'Pod';
  name: string;
  namespace: string;
  uid: string;
}

export interface EndpointAddress {
  ip: string;
  /** The pod's hostname, when its subdomain names this Service (#119). */
  hostname?: string;
  nodeName?: string;
  /** Absent on the API server's own endpoints (the `kubernetes` Service, #101). */
  targetRef?: EndpointTarget;
}

/** A port of an endpoint: the Service port's name and protocol with its target port resolved. */
export interface EndpointPort {
  name: string;
  port: number;
  protocol: 'TCP' | 'UDP';
}

export interface EndpointSubset {
  addresses: EndpointAddress[];
  notReadyAddresses: EndpointAddress[];
  ports: EndpointPort[];
}

/** core/v1 Endpoints: written by the Endpoints controller, one per Service with a selector (#29). */
export interface Endpoints {
  kind: 'Endpoints';
  metadata: ObjectMeta;
  subsets: EndpointSubset[];
}

export interface SliceEndpoint {
  addresses: string[];
  /** The pod's hostname, when its subdomain names this Service (#119). */
  hostname?: string;
  /** serving and terminating are unset on the API server's own slice, which sets ready only (#101). */
  conditions: { ready: boolean; serving?: boolean; terminating?: boolean };
  nodeName?: string;
  /** Absent on the API server's own slice (#101). */
  targetRef?: EndpointTarget;
}

/** discovery.k8s.io/v1 EndpointSlice: written by the EndpointSlice controller (#30). */
export interface EndpointSlice {
  kind: 'EndpointSlice';
  metadata: ObjectMeta;
  addressType: 'IPv4';
  endpoints: SliceEndpoint[];
  /** null on the placeholder slice a Service with no endpoints keeps. */
  ports: EndpointPort[] | null;
}
