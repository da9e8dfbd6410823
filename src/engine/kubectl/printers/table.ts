/**
 * Table output as kubectl's `printers.TablePrinter` writes it through a `tabwriter` with
 * minwidth 6, padding 3 (`k8s.io/cli-runtime/pkg/printers/tabwriter.go`): every column but the
 * last is padded to its widest cell plus 3; the last is not padded.
 */
import type { KObject } from '../../api/types';
import type { Simulation } from '../../sim';
import { since } from '../humanize';

/** `tabwriterMinWidth` and `tabwriterPadding` in cli-runtime tabwriter.go. */
const TAB_MIN_WIDTH = 6;
const TAB_PADDING = 3;

export interface PrintContext {
  now: number;
  sim: Simulation;
}

export interface Column {
  header: string;
  /** Priority 1 columns appear with `-o wide` only. */
  wide?: boolean;
  cell: (o: KObject, ctx: PrintContext) => string;
}

export function renderTable(rows: string[][], widths?: number[]): string {
  const w = widths ?? columnWidths(rows);
  return rows.map((r) => renderRow(r, w)).join('');
}

export function columnWidths(rows: string[][], prev: number[] = []): number[] {
  const w = [...prev];
  for (const r of rows) {
    r.forEach((c, i) => {
      if (i === r.length - 1) return;
      w[i] = Math.max(w[i] ?? 0, TAB_MIN_WIDTH, [...c].length + TAB_PADDING);
    });
  }
  return w;
}

export function renderRow(r: string[], widths: number[]): string {
  return (
    r
      .map((c, i) =>
        i === r.length - 1 ? c : c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...c].length)),
      )
      .join('')
      .replace(/\s+$/, '') + '\n'
  );
}

export const ageColumn: Column = {
  header: 'AGE',
  cell: (o, ctx) => sinceCell(o.metadata.creationTimestamp, ctx.now),
};

export function sinceCell(ts: string | undefined | null, now: number): string {
  return since(ts, now);
}

export function nameColumn(): Column {
  return { header: 'NAME', cell: (o) => o.metadata.name };
}

/** `<none>` for empty strings, as printers.go does for optional cells. */
export function orNone(s: string | undefined | null): string {
  return s ? s : '<none>';
}

export function num(v: unknown): string {
  return String(typeof v === 'number' ? v : 0);
}
