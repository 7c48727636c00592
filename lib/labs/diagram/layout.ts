import {
  kubeletNote,
  podDetail,
  type DiagramEndpoint,
  type DiagramModel,
  type DiagramNode,
  type DiagramPod,
  type DiagramService,
} from './model';

/**
 * Where everything in the cluster diagram goes, for a given width in CSS pixels: the control
 * plane across the top, workers in a grid below, pods as chips inside their node, and a tray for
 * pods no node has taken. Pure geometry, so the SVG components only draw.
 */

export const geometry = Object.freeze({
  gap: 12,
  pad: 10,
  minNodeWidth: 150,
  maxColumns: 4,
  /** Two chip columns inside a node from this node width. */
  twoChipColumnsFrom: 290,
  chipHeight: 24,
  /** A chip with a second line (back-off, restarts, not ready). */
  tallChipHeight: 38,
  chipGap: 5,
  nodeHeader: 46,
  taintLine: 16,
  systemLine: 18,
  cpHeader: 50,
  pillHeight: 36,
  memberWidth: 104,
  memberHeight: 30,
  trayHeader: 30,
  trayChipWidth: 170,
  /** Average advance of a character of the monospace chip font, for truncating names. */
  monoCharWidth: 6.7,
  /** Average advance of the small sans-serif note font (taints, subtitles). */
  noteCharWidth: 6.1,
  zoneHeader: 28,
  zonePad: 8,
  serviceMinWidth: 230,
  serviceHeader: 44,
  endpointLabel: 18,
  endpointHeight: 22,
  endpointWidth: 132,
});

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PodSlot extends Box {
  pod: DiagramPod;
}

/** Inside a node box, relative to its corner. */
export interface NodeInterior {
  pods: PodSlot[];
  /** Where the note lines start: the kubelet note first, then the taints. */
  taintTop: number;
  systemTop: number;
}

export interface ControlPlaneLayout {
  box: Box;
  node: DiagramNode | undefined;
  components: (Box & { name: string; healthy: boolean; state: string })[];
  etcdTop: number;
  members: (Box & { name: string; healthy: boolean })[];
}

/** A group of workers in one zone, drawn as a frame around them. */
export interface ZoneLayout {
  zone: string;
  box: Box;
  nodes: string[];
}

export interface EndpointSlot extends Box {
  endpoint: DiagramEndpoint;
  ready: boolean;
}

export interface ServiceLayout {
  service: DiagramService;
  box: Box;
  /** Where the "Ready" and "Not ready" labels go, relative to the box. */
  readyTop: number;
  notReadyTop: number | undefined;
  endpoints: EndpointSlot[];
}

export interface DiagramLayout {
  width: number;
  height: number;
  controlPlane: ControlPlaneLayout;
  workers: { node: DiagramNode; box: Box }[];
  zones: ZoneLayout[];
  chipColumns: number;
  tray: { box: Box; pods: PodSlot[] } | undefined;
  services: ServiceLayout[];
}

const chipHeightOf = (pod: DiagramPod) => (podDetail(pod) ? geometry.tallChipHeight : geometry.chipHeight);

/** Chips in rows; a row is as tall as its tallest chip, so a two-line chip never overlaps the next row. */
function chipGrid(pods: readonly DiagramPod[], innerWidth: number, columns: number, top: number, left: number): PodSlot[] {
  const { chipGap } = geometry;
  const w = (innerWidth - (columns - 1) * chipGap) / columns;
  const slots: PodSlot[] = [];
  let y = top;
  for (let row = 0; row * columns < pods.length; row++) {
    const inRow = pods.slice(row * columns, row * columns + columns);
    const h = Math.max(...inRow.map(chipHeightOf));
    inRow.forEach((pod, i) => {
      slots.push({ pod, x: left + i * (w + chipGap), y, w, h });
    });
    y += h + chipGap;
  }
  return slots;
}

/** Bottom of the last chip row below `top` (top itself when there are no chips). */
const gridBottom = (slots: readonly PodSlot[], top: number) => slots.reduce((bottom, s) => Math.max(bottom, s.y + s.h), top);

const rowsOf = (count: number, columns: number) => Math.ceil(count / columns);

/**
 * Splits note text into lines that fit, breaking after `:`, `=` or `/` where it can, so a long
 * taint is read in full on a phone rather than cut off.
 */
export function wrapText(text: string, width: number, charWidth: number = geometry.noteCharWidth): string[] {
  const max = Math.max(4, Math.floor(width / charWidth));
  const lines: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const head = rest.slice(0, max);
    const cut = Math.max(head.lastIndexOf(':'), head.lastIndexOf('='), head.lastIndexOf('/'), head.lastIndexOf(' '));
    const at = cut > max / 3 ? cut + 1 : max;
    lines.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  lines.push(rest);
  return lines;
}

/** Taints as the node box shows them: without the node.kubernetes.io/ prefix, wrapped to the box. */
export function taintLines(node: Pick<DiagramNode, 'taints'>, width: number): string[][] {
  const { pad } = geometry;
  return node.taints.map((taint) => wrapText(taint.replace(/^node\.kubernetes\.io\//, ''), width - 2 * pad - 12));
}

/** Lines between the status and the pods: a note on the machine, then the taints. */
const noteLines = (node: DiagramNode, width: number) =>
  taintLines(node, width).reduce((sum, lines) => sum + lines.length, 0) + (kubeletNote(node) ? 1 : 0);

export function layoutNodeInterior(node: DiagramNode, width: number, chipColumns: number): NodeInterior {
  const { pad, nodeHeader, taintLine } = geometry;
  const taintTop = nodeHeader;
  const lines = noteLines(node, width);
  const chipsTop = taintTop + lines * taintLine + (lines ? 4 : 0);
  const pods = chipGrid(node.pods, width - 2 * pad, chipColumns, chipsTop, pad);
  const systemTop = pods.length ? gridBottom(pods, chipsTop) + 2 : chipsTop;
  return { pods, taintTop, systemTop };
}

function nodeHeight(node: DiagramNode, width: number, chipColumns: number): number {
  const { pad, systemLine } = geometry;
  const interior = layoutNodeInterior(node, width, chipColumns);
  const chipsEnd = interior.pods.length ? gridBottom(interior.pods, 0) + 6 : interior.systemTop;
  return chipsEnd + (node.systemPods.length ? systemLine : 0) + pad;
}

function layoutControlPlane(model: DiagramModel, width: number): ControlPlaneLayout {
  const { pad, cpHeader, pillHeight, memberWidth, memberHeight } = geometry;
  const inner = width - 2 * pad;
  const pillColumns = inner >= 560 ? 4 : 2;
  const pillWidth = (inner - (pillColumns - 1) * 8) / pillColumns;
  const components = model.components.map((c, i) => ({
    ...c,
    x: pad + (i % pillColumns) * (pillWidth + 8),
    y: cpHeader + Math.floor(i / pillColumns) * (pillHeight + 8),
    w: pillWidth,
    h: pillHeight,
  }));
  const etcdTop = cpHeader + rowsOf(components.length, pillColumns) * (pillHeight + 8) + 4;
  const perRow = Math.max(1, Math.floor((inner + 8) / (memberWidth + 8)));
  const members = model.etcd.members.map((m, i) => ({
    ...m,
    x: pad + (i % perRow) * (memberWidth + 8),
    y: etcdTop + 20 + Math.floor(i / perRow) * (memberHeight + 8),
    w: memberWidth,
    h: memberHeight,
  }));
  const height = etcdTop + 20 + rowsOf(members.length, perRow) * (memberHeight + 8) + pad - 6;
  return { box: { x: 0, y: 0, w: width, h: height }, node: model.controlPlane[0], components, etcdTop, members };
}

/** Workers in a grid of `columns` within [left, left + width), from `top`; returns the bottom. */
function nodeGrid(
  nodes: readonly DiagramNode[],
  left: number,
  width: number,
  top: number,
  columns: number,
  chipColumns: number,
  out: DiagramLayout['workers'],
): number {
  const { gap } = geometry;
  const nodeWidth = (width - (columns - 1) * gap) / columns;
  let y = top;
  for (let row = 0; row * columns < nodes.length; row++) {
    const inRow = nodes.slice(row * columns, row * columns + columns);
    const h = Math.max(...inRow.map((n) => nodeHeight(n, nodeWidth, chipColumns)));
    inRow.forEach((node, i) => {
      out.push({ node, box: { x: left + i * (nodeWidth + gap), y, w: nodeWidth, h } });
    });
    y += h + gap;
  }
  return y - gap;
}

const columnsFor = (width: number, count: number) => {
  const { gap, minNodeWidth, maxColumns } = geometry;
  return Math.max(1, Math.min(maxColumns, Math.floor((width + gap) / (minNodeWidth + gap)), count || 1));
};

function layoutServices(services: readonly DiagramService[], width: number, top: number): { services: ServiceLayout[]; bottom: number } {
  const { gap, pad, serviceMinWidth, serviceHeader, endpointLabel, endpointHeight, endpointWidth, chipGap } = geometry;
  const columns = Math.max(1, Math.min(services.length, Math.floor((width + gap) / (serviceMinWidth + gap))));
  const w = (width - (columns - 1) * gap) / columns;
  const perRow = Math.max(1, Math.floor((w - 2 * pad + chipGap) / (endpointWidth + chipGap)));
  const pillWidth = (w - 2 * pad - (perRow - 1) * chipGap) / perRow;
  const pills = (endpoints: readonly DiagramEndpoint[], ready: boolean, start: number): EndpointSlot[] =>
    endpoints.map((endpoint, i) => ({
      endpoint,
      ready,
      x: pad + (i % perRow) * (pillWidth + chipGap),
      y: start + Math.floor(i / perRow) * (endpointHeight + chipGap),
      w: pillWidth,
      h: endpointHeight,
    }));
  const block = (count: number) => endpointLabel + Math.max(1, rowsOf(count, perRow)) * (endpointHeight + chipGap);
  const laid: ServiceLayout[] = [];
  let y = top;
  for (let row = 0; row * columns < services.length; row++) {
    const inRow = services.slice(row * columns, row * columns + columns);
    const heightOf = (s: DiagramService) =>
      serviceHeader + block(s.ready.length) + (s.notReady.length ? block(s.notReady.length) : 0) + pad - chipGap;
    const h = Math.max(...inRow.map(heightOf));
    inRow.forEach((service, i) => {
      const readyTop = serviceHeader;
      const notReadyTop = service.notReady.length ? readyTop + block(service.ready.length) : undefined;
      laid.push({
        service,
        box: { x: i * (w + gap), y, w, h },
        readyTop,
        notReadyTop,
        endpoints: [
          ...pills(service.ready, true, readyTop + endpointLabel),
          ...(notReadyTop === undefined ? [] : pills(service.notReady, false, notReadyTop + endpointLabel)),
        ],
      });
    });
    y += h + gap;
  }
  return { services: laid, bottom: y };
}

export function layoutDiagram(model: DiagramModel, width: number): DiagramLayout {
  const { gap, twoChipColumnsFrom, pad, trayHeader, trayChipWidth, chipGap, zoneHeader, zonePad } = geometry;
  const controlPlane = layoutControlPlane(model, width);
  let y = controlPlane.box.h + gap;
  const workers: DiagramLayout['workers'] = [];
  const zones: ZoneLayout[] = [];
  let chipColumns: number;
  if (model.zones.length === 0) {
    const columns = columnsFor(width, model.workers.length);
    chipColumns = (width - (columns - 1) * gap) / columns >= twoChipColumnsFrom ? 2 : 1;
    if (model.workers.length) y = nodeGrid(model.workers, 0, width, y, columns, chipColumns, workers) + gap;
  } else {
    // One frame per zone (and one for workers without a zone), each with its own grid of nodes.
    const inner = width - 2 * zonePad;
    const groups = [...model.zones, null].map((zone) => ({ zone, nodes: model.workers.filter((n) => n.zone === zone) }));
    const widest = Math.max(...groups.map((g) => g.nodes.length));
    const columns = columnsFor(inner, widest);
    chipColumns = (inner - (columns - 1) * gap) / columns >= twoChipColumnsFrom ? 2 : 1;
    for (const { zone, nodes } of groups) {
      if (nodes.length === 0) continue;
      const bottom = nodeGrid(nodes, zonePad, inner, y + zoneHeader, columnsFor(inner, nodes.length), chipColumns, workers);
      zones.push({ zone: zone ?? 'no zone', box: { x: 0, y, w: width, h: bottom + zonePad - y }, nodes: nodes.map((n) => n.name) });
      y = bottom + zonePad + gap;
    }
  }
  let tray: DiagramLayout['tray'];
  if (model.unscheduled.length) {
    const trayColumns = Math.max(1, Math.floor((width - 2 * pad + chipGap) / (trayChipWidth + chipGap)));
    const pods = chipGrid(model.unscheduled, width - 2 * pad, trayColumns, trayHeader, pad);
    const h = gridBottom(pods, trayHeader) + pad;
    tray = { box: { x: 0, y, w: width, h }, pods };
    y += h + gap;
  }
  const services = layoutServices(model.services, width, y);
  y = services.bottom;
  return { width, height: y - gap, controlPlane, workers, zones, chipColumns, tray, services: services.services };
}

/** Shortens text to fit `width` pixels of the chip font, with an ellipsis. */
export function fitText(text: string, width: number, charWidth: number = geometry.monoCharWidth): string {
  const max = Math.max(1, Math.floor(width / charWidth));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
