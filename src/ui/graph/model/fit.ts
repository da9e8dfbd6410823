/**
 * The geometry the graph needs beyond positions: how many columns of node boxes fit the pane
 * best, and the viewport that shows given bounds inside a pane with pixel margins (room for the
 * panels floating over the graph).
 */
import type { Rect, Viewport } from '@xyflow/react';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Columns (1..count) that give the largest zoom for a grid of `count` cells of `cellW`×`cellH`
 * under a band of `bandH`, in a pane of aspect ratio `aspect` (width / height). Ties keep fewer
 * columns (taller, narrower graphs read top to bottom).
 */
export function chooseColumns(
  count: number,
  aspect: number,
  cell: { w: number; h: number; gap: number },
  bandH: number,
): number {
  if (count <= 1 || !(aspect > 0)) return Math.max(1, count);
  let best = 1;
  let bestZoom = 0;
  for (let cols = 1; cols <= count; cols++) {
    const rows = Math.ceil(count / cols);
    const w = cols * cell.w + (cols - 1) * cell.gap;
    const h = bandH + rows * cell.h + (rows - 1) * cell.gap;
    const zoom = Math.min(aspect / w, 1 / h);
    if (zoom > bestZoom * 1.02) {
      best = cols;
      bestZoom = zoom;
    }
  }
  return best;
}

/** The viewport showing `b` centred in a `width`×`height` pane inside `m`, zoom at most `maxZoom`. */
export function fitViewport(
  b: Rect,
  width: number,
  height: number,
  m: Margins,
  maxZoom: number,
  minZoom: number,
): Viewport {
  const w = Math.max(1, width - m.left - m.right);
  const h = Math.max(1, height - m.top - m.bottom);
  const zoom = Math.max(
    minZoom,
    Math.min(maxZoom, w / Math.max(1, b.width), h / Math.max(1, b.height)),
  );
  return {
    zoom,
    x: m.left + (w - b.width * zoom) / 2 - b.x * zoom,
    y: m.top + (h - b.height * zoom) / 2 - b.y * zoom,
  };
}

/** Whether the viewport shows all of `b` (the minimap is only useful when it does not). */
export function showsAll(v: Viewport, b: Rect, width: number, height: number): boolean {
  const slack = 2;
  return (
    b.x * v.zoom + v.x >= -slack &&
    b.y * v.zoom + v.y >= -slack &&
    (b.x + b.width) * v.zoom + v.x <= width + slack &&
    (b.y + b.height) * v.zoom + v.y <= height + slack
  );
}
