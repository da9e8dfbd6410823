/**
 * Go's text/tabwriter (as kubectl describe uses it: minwidth 0, padding 2): cells are
 * tab-terminated, and a column is aligned over each block of consecutive lines that have a cell
 * in it. A "\f"-free port of `Writer.format`.
 */

export function tabwrite(text: string, opts: { minWidth?: number; padding?: number } = {}): string {
  const minWidth = opts.minWidth ?? 0;
  const padding = opts.padding ?? 2;
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];
  const len = (s: string) => [...s].length;

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i];
      let s = '';
      cells.forEach((c, j) => {
        if (j < cells.length - 1 && j < widths.length)
          s += c + ' '.repeat(Math.max(0, widths[j] - len(c)));
        else s += c;
      });
      out.push(s);
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = minWidth;
      for (; t < line1; t++) {
        if (column >= lines[t].length - 1) break;
        width = Math.max(width, len(lines[t][column]) + padding);
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
      t--;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}
