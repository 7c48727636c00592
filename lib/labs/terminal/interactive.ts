/**
 * What only an interactive terminal does: a node shell opened with `sim ssh NODE` (its lines run
 * as `sim ssh NODE -- LINE`, `exit` leaves), and `kubectl get ... -w`, which prints the table and
 * then a row whenever an object's row changes, until Ctrl+C. Pure: the component keeps the state.
 */

/** The node a bare `sim ssh NODE` opens a shell on, if the line is one. */
export function nodeShellTarget(line: string): string | undefined {
  return /^(?:\$\s+)?sim\s+ssh\s+([a-z0-9][-a-z0-9.]*)\s*$/.exec(line.trim())?.[1];
}

export const onNode = (node: string, line: string) => `sim ssh ${node} -- ${line}`;

/** A recorded command typed in a node shell, split back into node and line for display. */
export function nodeCommandParts(command: string): { node: string; line: string } | undefined {
  const match = /^sim ssh (\S+) -- (.*)$/s.exec(command);
  return match ? { node: match[1], line: match[2] } : undefined;
}

export const nodePromptText = (node: string) => `root@${node}:~#`;

const watchFlag = /\s(?:-w|--watch(?:=true)?)(?=\s|$)/;

/** For `kubectl get ... -w`, the same command without the watch flag; undefined otherwise. */
export function watchTarget(line: string): string | undefined {
  const text = ` ${line.trim()} `;
  if (!/^ (?:kubectl|k) get\s/.test(text) || !watchFlag.test(text)) return undefined;
  return text.replace(watchFlag, '').trim();
}

export interface WatchState {
  command: string;
  /** The last row printed per object, with the AGE cell blanked (age alone is no change). */
  rows: Record<string, string>;
}

function parseTable(output: string): { key: (row: string) => string; mask: (row: string) => string; rows: string[] } {
  const [header = '', ...rows] = output.split('\n').filter((line) => line.trim() !== '');
  const starts = [...header.matchAll(/\S+(?: \S+)*/g)].map((match) => match.index ?? 0);
  const names = [...header.matchAll(/\S+(?: \S+)*/g)].map((match) => match[0]);
  const cell = (row: string, i: number) => row.slice(starts[i], starts[i + 1] ?? row.length).trim();
  const keyColumns = names[0] === 'NAMESPACE' ? [0, 1] : [0];
  const age = names.indexOf('AGE');
  return {
    rows,
    key: (row) => keyColumns.map((i) => cell(row, i)).join('/'),
    mask: (row) => (age === -1 ? row : row.slice(0, starts[age]) + row.slice(starts[age + 1] ?? row.length)),
  };
}

export function startWatch(command: string, output: string): WatchState {
  const table = parseTable(output);
  return { command, rows: Object.fromEntries(table.rows.map((row) => [table.key(row), table.mask(row)])) };
}

/** The rows to print now: objects that are new or whose row changed since the last print. */
export function watchStep(state: WatchState, output: string): { state: WatchState; lines: string[] } {
  const table = parseTable(output);
  const lines: string[] = [];
  const rows = { ...state.rows };
  for (const row of table.rows) {
    const key = table.key(row);
    const masked = table.mask(row);
    if (rows[key] === masked) continue;
    rows[key] = masked;
    lines.push(row);
  }
  return { state: { ...state, rows }, lines };
}
