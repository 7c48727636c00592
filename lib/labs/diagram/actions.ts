import type { DiagramNode, DiagramPod, DiagramService } from './model';

/**
 * What the diagram's menus offer, as data: each item is the command line it runs, so a menu
 * choice goes through the terminal's path (echoed, logged, replayed from a link) like a typed one.
 */
export interface DiagramAction {
  /** The menu item's words. */
  label: string;
  command: string;
}

const namespaceFlag = (namespace: string) => (namespace === 'default' ? '' : ` -n ${namespace}`);

/** The size `sim app memory` is asked for from the menu: above the limits the chapters' pods set. */
export const menuMemoryUse = '1Gi';

/** How many requests the Service button sends: enough to see kube-proxy spread them over the endpoints. */
export const serviceRequestCount = 10;

/** What is in the simulated registry, offered where images matter (the control plane, a failed pull). */
const registryList: DiagramAction = { label: 'Registry images', command: 'sim registry list' };

/** A Service: send requests through kube-proxy now (sim curl), to see which endpoints answer. */
export function serviceRequests(service: Pick<DiagramService, 'name' | 'namespace'>): DiagramAction {
  return {
    label: `Send ${serviceRequestCount} requests`,
    command: `sim curl ${service.name} --count ${serviceRequestCount}${namespaceFlag(service.namespace)}`,
  };
}

/**
 * A pod: make its app misbehave (sim app), heal it, look at it, or delete it. A pod whose image
 * cannot be pulled is offered the push first, as if the image had been built and pushed.
 */
export function podActions(pod: Pick<DiagramPod, 'name' | 'key' | 'phase' | 'pullImage'>): DiagramAction[] {
  const namespace = pod.key.slice(0, pod.key.indexOf('/'));
  const on = `${pod.name}${namespaceFlag(namespace)}`;
  const describe = { label: 'Describe the pod', command: `kubectl describe pod ${on}` };
  const pull = pod.pullImage
    ? [{ label: `Push ${pod.pullImage} to the registry`, command: `sim registry push ${pod.pullImage}` }, registryList]
    : [];
  // A pod with no container yet has no app to make misbehave.
  if (pod.phase === 'Pending' || pod.phase === 'Terminating')
    return [...pull, describe, { label: 'Delete the pod', command: `kubectl delete pod ${on}` }];
  return [
    ...pull,
    { label: 'Crash the app (exit code 1)', command: `sim app crash ${on}` },
    { label: 'Hang the app (liveness and readiness fail)', command: `sim app hang ${on}` },
    { label: 'Make it unready (readiness fails)', command: `sim app unready ${on}` },
    { label: `Use ${menuMemoryUse} of memory`, command: `sim app memory ${on} ${menuMemoryUse}` },
    { label: 'Heal the app', command: `sim app heal ${on}` },
    describe,
    { label: 'Show its logs', command: `kubectl logs ${on}` },
    { label: 'Delete the pod', command: `kubectl delete pod ${on}` },
  ];
}

/** A node: its machine, its network, its kubelet, and what kubectl does to nodes. */
export function nodeActions(
  node: Pick<DiagramNode, 'name' | 'machine' | 'kubelet' | 'network' | 'unschedulable' | 'role'>,
): DiagramAction[] {
  const { name } = node;
  const off = node.machine === 'poweredOff';
  const actions: DiagramAction[] = [
    off ? { label: 'Power on', command: `sim node recover ${name}` } : { label: 'Power off', command: `sim node fail ${name}` },
    node.network === 'partitioned'
      ? { label: 'Heal the network partition', command: `sim network heal ${name}` }
      : { label: 'Cut it off the network (partition)', command: `sim network partition ${name}` },
  ];
  if (!off)
    actions.push(
      node.kubelet === 'stopped'
        ? { label: 'Start the kubelet', command: `sim kubelet start ${name}` }
        : { label: 'Stop the kubelet', command: `sim kubelet stop ${name}` },
    );
  if (node.role === 'worker')
    actions.push(
      node.unschedulable
        ? { label: 'Uncordon', command: `kubectl uncordon ${name}` }
        : { label: 'Cordon', command: `kubectl cordon ${name}` },
      { label: 'Drain', command: `kubectl drain ${name} --ignore-daemonsets` },
    );
  actions.push({ label: 'Describe the node', command: `kubectl describe node ${name}` });
  if (node.role === 'control-plane') actions.push(registryList);
  return actions;
}

/** A zone: power all its machines off or on at once. */
export function zoneActions(zone: string, nodes: readonly Pick<DiagramNode, 'machine'>[]): DiagramAction[] {
  const allOff = nodes.length > 0 && nodes.every((n) => n.machine === 'poweredOff');
  const fail = { label: 'Fail the zone (power off every node)', command: `sim zone fail ${zone}` };
  const recover = { label: 'Recover the zone (power every node on)', command: `sim zone recover ${zone}` };
  return allOff ? [recover, fail] : [fail, recover];
}
