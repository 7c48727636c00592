// kubectl's table printer: columns aligned by a tabwriter with 3 spaces of padding.

/**
 * kubectl's own tabwriter (printers.GetNewTabWriter): each call aligns its rows, remembering the
 * column widths of earlier calls so later lines (get --watch flushes after every event) stay in
 * line with earlier ones, only ever widening a column.
 */
export function tabWriter(): (rows: readonly (readonly string[])[]) => string {
  const widths: number[] = [];
  return (rows) => {
    for (const row of rows) {
      for (let column = 0; column < row.length; column++) widths[column] = Math.max(widths[column] ?? 0, row[column].length);
    }
    const line = (cells: readonly string[]) =>
      cells
        .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] + 3)))
        .join('')
        .trimEnd();
    return rows.map((row) => `${line(row)}\n`).join('');
  };
}

/** A table with its header, or without it (--no-headers: the rows alone decide the widths). */
export function formatTable(header: readonly string[], rows: string[][], noHeaders = false): string {
  const cells = rows.map((row) => header.map((_, column) => row[column] ?? ''));
  return tabWriter()(noHeaders ? cells : [header, ...cells]);
}
