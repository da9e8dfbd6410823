import { describe, expect, it } from 'vitest';
import { chooseColumns, fitViewport, showsAll } from './fit';

const m = { top: 50, right: 10, bottom: 50, left: 10 };

describe('fit', () => {
  it('centres the bounds inside the margins at the largest zoom that fits', () => {
    const v = fitViewport({ x: 0, y: 0, width: 400, height: 200 }, 820, 500, m, 2, 0.1);
    expect(v.zoom).toBe(2);
    expect(v.x).toBe(10 + (800 - 800) / 2);
    expect(v.y).toBe(50 + (400 - 400) / 2);
    expect(showsAll(v, { x: 0, y: 0, width: 400, height: 200 }, 820, 500)).toBe(true);
  });

  it('never zooms in past maxZoom, nor out past minZoom', () => {
    expect(fitViewport({ x: 0, y: 0, width: 10, height: 10 }, 800, 600, m, 1.2, 0.1).zoom).toBe(
      1.2,
    );
    expect(fitViewport({ x: 0, y: 0, width: 1e6, height: 10 }, 800, 600, m, 1.2, 0.1).zoom).toBe(
      0.1,
    );
  });

  it('a view that cuts off part of the bounds does not show all', () => {
    expect(
      showsAll({ x: 0, y: 0, zoom: 1 }, { x: 0, y: 0, width: 900, height: 10 }, 800, 600),
    ).toBe(false);
  });

  it('one node is one column; a wide pane gets more columns than a tall one', () => {
    const cell = { w: 300, h: 200, gap: 20 };
    expect(chooseColumns(1, 2, cell, 100)).toBe(1);
    expect(chooseColumns(6, 3, cell, 100)).toBeGreaterThan(chooseColumns(6, 0.8, cell, 100));
  });
});
