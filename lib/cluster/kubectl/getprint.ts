// What kubectl get reads and how it prints a table row: shared by a plain get and get --watch.
import type { AnyObject, KubeEvent } from '../api/types';
import type { ObjectSource } from './builder';
import type { KubectlEnv } from './env';
import { namespaceFlags, type FlagSpec, type Flags } from './flags';
import { leaderElectionLeases } from './output/leases';
import { eventColumns, type Columns } from './printers';
import type { ResourceType } from './resources';

export const getFlags = [
  ...namespaceFlags,
  { name: 'output', short: 'o', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'show-labels', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'strings' },
  { name: 'sort-by', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'request-timeout', type: 'string' },
  { name: 'no-headers', type: 'bool' },
] as const satisfies readonly FlagSpec[];

export type GetFlags = Flags<typeof getFlags>;

/**
 * The API lists events as it lists everything, in etcd key order (namespace, then name), not by
 * time (#72). An event's name is its object's name, a dot and a hex suffix: real suffixes are
 * fixed-width timestamps, so within one object the key order is the time order; the model's
 * suffix is a serial number, compared as such.
 */
export function byEventKey(a: KubeEvent, b: KubeEvent): number {
  const key = (event: KubeEvent) => {
    const dot = event.name.lastIndexOf('.');
    return { prefix: `${event.namespace}/${event.name.slice(0, dot)}`, serial: Number.parseInt(event.name.slice(dot + 1), 16) };
  };
  const left = key(a);
  const right = key(b);
  if (left.prefix !== right.prefix) return left.prefix < right.prefix ? -1 : 1;
  return left.serial - right.serial;
}

export const nameOf = (object: AnyObject | KubeEvent) => ('metadata' in object ? object.metadata.name : object.name);
export const namespaceOf = (object: AnyObject | KubeEvent) => ('metadata' in object ? object.metadata.namespace : object.namespace);

/** What get reads: the store's objects with the Leases leader election derives, and the API's events, in list order. */
export function getSource(env: KubectlEnv): ObjectSource<AnyObject | KubeEvent> {
  const all = (type: ResourceType): (AnyObject | KubeEvent)[] =>
    type.kind === 'Event'
      ? [...env.engine.api.events.list()]
      : [...env.engine.store.list(type.kind), ...leaderElectionLeases(env.engine, type.kind)];
  return {
    list(type, scope) {
      const objects = all(type).filter((object) => !type.namespaced || scope === undefined || namespaceOf(object) === scope);
      if (type.kind === 'Event') return (objects as KubeEvent[]).sort(byEventKey);
      return objects.sort((a, b) => (namespaceOf(a) + '/' + nameOf(a)).localeCompare(namespaceOf(b) + '/' + nameOf(b)));
    },
    get: (type, namespace, name) =>
      all(type).find((object) => nameOf(object) === name && (!type.namespaced || namespaceOf(object) === namespace)),
  };
}

export interface TableOptions {
  output: string;
  allNamespaces: boolean;
  /** Several types were asked for: names print as TYPE/NAME. */
  multiple: boolean;
  labelColumns: string[];
  showLabels: boolean;
}

export function tableOptions(flags: GetFlags, allNamespaces: boolean, multiple: boolean): TableOptions {
  return {
    output: flags.output ?? '',
    allNamespaces,
    multiple,
    // -L a,b or -L a -L b: one column per label.
    labelColumns: (flags['label-columns'] ?? []).flatMap((text) => text.split(',')).filter(Boolean),
    showLabels: flags['show-labels'] === true,
  };
}

/** How objects of one type print in get's table: the header, and each object's cells at an instant. */
export function tableOf(
  type: ResourceType,
  { output, allNamespaces, multiple, labelColumns, showLabels }: TableOptions,
): { header: string[]; row: (object: AnyObject | KubeEvent, now: number) => string[] } {
  if (type.kind === 'Event') {
    const header = output === 'wide' ? eventColumns.wideHeader : eventColumns.header;
    return {
      header: allNamespaces ? ['NAMESPACE', ...header] : [...header],
      row: (object, now) => {
        const event = object as KubeEvent;
        const cells = output === 'wide' ? eventColumns.wideRow(event, now) : eventColumns.row(event, now);
        return allNamespaces ? [event.namespace, ...cells] : cells;
      },
    };
  }
  const printer = type.columns as Columns<AnyObject>;
  const header = [
    ...printer.header,
    ...(output === 'wide' ? printer.wide : []),
    // A label column is headed by its key's last segment in capitals.
    ...labelColumns.map((key) => key.split('/').at(-1)!.toUpperCase()),
    ...(showLabels ? ['LABELS'] : []),
  ];
  const namespaced = type.namespaced && allNamespaces;
  return {
    header: namespaced ? ['NAMESPACE', ...header] : header,
    row: (item, now) => {
      const object = item as AnyObject;
      const cells = [
        ...printer.row(object, now),
        ...(output === 'wide' ? printer.wideRow(object, now) : []),
        ...labelColumns.map((key) => (Object.hasOwn(object.metadata.labels, key) ? object.metadata.labels[key] : '')),
      ];
      if (showLabels)
        cells.push(
          // labels.Set's String(): sorted by key.
          Object.entries(object.metadata.labels)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => `${k}=${v}`)
            .join(',') || '<none>',
        );
      if (multiple) cells[0] = `${type.qualified}/${cells[0]}`;
      return namespaced ? [object.metadata.namespace, ...cells] : cells;
    },
  };
}
