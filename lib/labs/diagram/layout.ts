import { kubeletNote, type DiagramModel, type DiagramNode, type DiagramPod } from './model';

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

export interface DiagramLayout {
  width: number;
  height: number;
  controlPlane: ControlPlaneLayout;
  workers: { node: DiagramNode; box: Box }[];
  chipColumns: number;
  tray: { box: Box; pods: PodSlot[] } | undefined;
}

function chipGrid(pods: readonly DiagramPod[], innerWidth: number, columns: number, top: number, left: number): PodSlot[] {
  const { chipHeight, chipGap } = geometry;
  const w = (innerWidth - (columns - 1) * chipGap) / columns;
  return pods.map((pod, i) => ({
    pod,
    x: left + (i % columns) * (w + chipGap),
    y: top + Math.floor(i / columns) * (chipHeight + chipGap),
    w,
    h: chipHeight,
  }));
}

const rowsOf = (count: number, columns: number) => Math.ceil(count / columns);

/** Lines between the status and the pods: a stopped kubelet, then one per taint. */
const noteLines = (node: DiagramNode) => node.taints.length + (kubeletNote(node) ? 1 : 0);

function nodeHeight(node: DiagramNode, chipColumns: number): number {
  const { pad, nodeHeader, taintLine, chipHeight, chipGap, systemLine } = geometry;
  const chipRows = rowsOf(node.pods.length, chipColumns);
  const chips = chipRows ? chipRows * chipHeight + (chipRows - 1) * chipGap + 6 : 0;
  return nodeHeader + noteLines(node) * taintLine + chips + (node.systemPods.length ? systemLine : 0) + pad;
}

export function layoutNodeInterior(node: DiagramNode, width: number, chipColumns: number): NodeInterior {
  const { pad, nodeHeader, taintLine, chipHeight, chipGap } = geometry;
  const taintTop = nodeHeader;
  const chipsTop = taintTop + noteLines(node) * taintLine + (noteLines(node) ? 4 : 0);
  const pods = chipGrid(node.pods, width - 2 * pad, chipColumns, chipsTop, pad);
  const chipRows = rowsOf(node.pods.length, chipColumns);
  const systemTop = chipsTop + (chipRows ? chipRows * (chipHeight + chipGap) + 2 : 0);
  return { pods, taintTop, systemTop };
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

export function layoutDiagram(model: DiagramModel, width: number): DiagramLayout {
  const { gap, minNodeWidth, maxColumns, twoChipColumnsFrom, pad, trayHeader, trayChipWidth, chipHeight, chipGap } = geometry;
  const controlPlane = layoutControlPlane(model, width);
  const columns = Math.max(1, Math.min(maxColumns, Math.floor((width + gap) / (minNodeWidth + gap)), model.workers.length || 1));
  const nodeWidth = (width - (columns - 1) * gap) / columns;
  const chipColumns = nodeWidth >= twoChipColumnsFrom ? 2 : 1;
  let y = controlPlane.box.h + gap;
  const workers: DiagramLayout['workers'] = [];
  for (let row = 0; row * columns < model.workers.length; row++) {
    const nodes = model.workers.slice(row * columns, row * columns + columns);
    const h = Math.max(...nodes.map((n) => nodeHeight(n, chipColumns)));
    nodes.forEach((node, i) => {
      workers.push({ node, box: { x: i * (nodeWidth + gap), y, w: nodeWidth, h } });
    });
    y += h + gap;
  }
  let tray: DiagramLayout['tray'];
  if (model.unscheduled.length) {
    const trayColumns = Math.max(1, Math.floor((width - 2 * pad + chipGap) / (trayChipWidth + chipGap)));
    const pods = chipGrid(model.unscheduled, width - 2 * pad, trayColumns, trayHeader, pad);
    const h = trayHeader + rowsOf(pods.length, trayColumns) * (chipHeight + chipGap) + pad;
    tray = { box: { x: 0, y, w: width, h }, pods };
    y += h + gap;
  }
  return { width, height: y - gap, controlPlane, workers, chipColumns, tray };
}

/** Shortens text to fit `width` pixels of the chip font, with an ellipsis. */
export function fitText(text: string, width: number, charWidth: number = geometry.monoCharWidth): string {
  const max = Math.max(1, Math.floor(width / charWidth));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
