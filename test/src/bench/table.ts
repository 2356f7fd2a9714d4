// Plain-text tables for the terminal: a title, a header, right-aligned numbers, thousands separators.

export type Cell = string | number | undefined;

function format(cell: Cell): string {
  if (cell === undefined) return '–';
  if (typeof cell === 'string') return cell;
  if (!Number.isFinite(cell)) return String(cell);
  const digits = Number.isInteger(cell) || Math.abs(cell) >= 100 ? 0 : Math.abs(cell) >= 10 ? 1 : 2;
  return cell.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Renders rows under a header; the first column is left-aligned, numbers right-aligned. */
export function renderTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): string {
  const text = rows.map((row) => row.map(format));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[], numeric: readonly boolean[]) =>
    cells
      .map((c, i) => (i > 0 && numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const numericHeader = header.map(() => false);
  const body = rows.map((row, r) =>
    line(
      text[r] ?? [],
      row.map((cell) => typeof cell === 'number' || cell === undefined),
    ),
  );
  return [
    `\n${title}`,
    line(header, numericHeader),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body,
  ].join('\n');
}

/** a / b rounded to 0.001, undefined when b is 0 or missing. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || b === 0) return undefined;
  return Math.round((a / b) * 1000) / 1000;
}
