// Whether a printed row stands on the counter's own faceplate. Meters hang side by side in one cabinet, and the
// search around a counter can reach the next meter's plate, whose serial would then confirm the wrong meter. A row
// is on the counter's plate when the plate's background leads from around the row to the counter's window without
// crossing a step in brightness: a plate's edge, the wall or the cabinet behind it, the gap between two plates.
import type { GreyImage } from './grey-image.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PlateOptions {
  /** The counter's digit height in the image, px: the scale of everything else. */
  digitHeight: number;
  /** Side of the cells the background is compared in, in digit heights: small print is narrower and vanishes. */
  cell: number;
  /** Most a cell may differ from its neighbour on the plate (grey levels): a plate's edge steps further. */
  step: number;
  /** Most a cell may differ from the plate around the row: light falling off over a plate stays within it. */
  drift: number;
  /** How far from the counter's digits the plate must come, in digit heights, across and along the row: the
   *  window, its frame and the labels in it (a drum counter's red decimals, an LCD's units and zone marks). */
  reachAcross: number;
  reachAlong: number;
}

export const PLATE_OPTIONS: PlateOptions = { digitHeight: 100, cell: 0.08, step: 14, drift: 60, reachAcross: 1.2, reachAlong: 2.2 };

/**
 * A test of rows against the counter `counter` (a box in `img`'s coordinates): true when the background around a
 * row leads to within reach of it. `ink` is the row's print: the cells keep the plate's side of each cell (the
 * lighter pixels under dark print, the darker under light print), so the characters themselves are no wall. A
 * sticker the row is printed on is passed: when the row's background is a small closed patch, the plate around
 * that patch is followed instead.
 */
export function counterPlate(img: GreyImage, counter: Box, options: Partial<PlateOptions> = {}): (row: Box, ink?: 'dark' | 'bright') => boolean {
  const o = { ...PLATE_OPTIONS, ...options };
  const h = o.digitHeight;
  const cell = Math.max(2, Math.round(o.cell * h));
  const grids = new Map<'dark' | 'bright', Cells>();
  const target: Box = {
    x0: Math.floor((counter.x0 - o.reachAlong * h) / cell), x1: Math.floor((counter.x1 + o.reachAlong * h) / cell),
    y0: Math.floor((counter.y0 - o.reachAcross * h) / cell), y1: Math.floor((counter.y1 + o.reachAcross * h) / cell),
  };
  return (row, ink = 'dark') => {
    let grid = grids.get(ink);
    if (!grid) grids.set(ink, (grid = plateCells(img, cell, ink)));
    const seeds: number[] = [];
    for (let y = clampCell(row.y0 / cell, grid.rows); y <= clampCell(row.y1 / cell, grid.rows); y++) {
      for (let x = clampCell(row.x0 / cell, grid.cols); x <= clampCell(row.x1 / cell, grid.cols); x++) seeds.push(y * grid.cols + x);
    }
    let flood = floodPlate(grid, seeds, o);
    if (flood.reaches(target)) return true;
    // A small closed patch (the wall does not stop short of the region's edge, a plate is larger): a sticker.
    const sticker = !flood.touchesEdge && flood.box.x1 - flood.box.x0 < (6 * h) / cell && flood.box.y1 - flood.box.y0 < (3 * h) / cell;
    if (!sticker) return false;
    flood = floodPlate(grid, flood.ring(), o);
    return flood.reaches(target);
  };
}

interface Cells {
  values: Float32Array;
  cols: number;
  rows: number;
  cell: number;
}

/** The image in cells of `cell` px: each cell the mean of its pixels on the plate's side of the cell's mean (the
 *  lighter ones under dark ink): not the extreme pixel, which is the photo's noise. */
function plateCells(img: GreyImage, cell: number, ink: 'dark' | 'bright'): Cells {
  const cols = Math.max(1, Math.ceil(img.width / cell)), rows = Math.max(1, Math.ceil(img.height / cell));
  const values = new Float32Array(cols * rows);
  const { data, width } = img;
  for (let cy = 0; cy < rows; cy++) {
    const ya = cy * cell, yb = Math.min(img.height, ya + cell);
    for (let cx = 0; cx < cols; cx++) {
      const xa = cx * cell, xb = Math.min(width, xa + cell);
      let sum = 0;
      for (let y = ya; y < yb; y++) for (let x = xa; x < xb; x++) sum += data[y * width + x]!;
      const mean = sum / ((yb - ya) * (xb - xa));
      let side = 0, n = 0;
      for (let y = ya; y < yb; y++) {
        for (let x = xa; x < xb; x++) {
          const v = data[y * width + x]!;
          if (ink === 'dark' ? v >= mean : v <= mean) {
            side += v;
            n++;
          }
        }
      }
      values[cy * cols + cx] = side / n;
    }
  }
  return { values, cols, rows, cell };
}

function clampCell(v: number, n: number): number {
  return Math.max(0, Math.min(n - 1, Math.floor(v)));
}

interface Flood {
  reaches(target: Box): boolean;
  touchesEdge: boolean;
  box: Box;
  /** The cells just outside the flood. */
  ring(): number[];
}

function floodPlate(grid: Cells, seeds: number[], o: PlateOptions): Flood {
  const { values, cols, rows } = grid;
  const inFlood = new Uint8Array(cols * rows);
  const sorted = seeds.map((i) => values[i]!).sort((a, b) => a - b);
  const plate = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const queue: number[] = [];
  for (const i of seeds) {
    if (!inFlood[i] && Math.abs(values[i]! - plate) <= o.drift) {
      inFlood[i] = 1;
      queue.push(i);
    }
  }
  const box: Box = { x0: cols, y0: rows, x1: -1, y1: -1 };
  let touchesEdge = false;
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    const x = i % cols, y = (i - x) / cols;
    box.x0 = Math.min(box.x0, x); box.x1 = Math.max(box.x1, x);
    box.y0 = Math.min(box.y0, y); box.y1 = Math.max(box.y1, y);
    if (x === 0 || y === 0 || x === cols - 1 || y === rows - 1) touchesEdge = true;
    const v = values[i]!;
    for (const n of [x > 0 ? i - 1 : -1, x < cols - 1 ? i + 1 : -1, y > 0 ? i - cols : -1, y < rows - 1 ? i + cols : -1]) {
      if (n < 0 || inFlood[n]) continue;
      const w = values[n]!;
      if (Math.abs(w - v) <= o.step && Math.abs(w - plate) <= o.drift) {
        inFlood[n] = 1;
        queue.push(n);
      }
    }
  }
  return {
    touchesEdge,
    box,
    reaches(t) {
      for (let y = Math.max(0, t.y0); y <= Math.min(rows - 1, t.y1); y++) {
        for (let x = Math.max(0, t.x0); x <= Math.min(cols - 1, t.x1); x++) if (inFlood[y * cols + x]) return true;
      }
      return false;
    },
    ring() {
      // Two cells out: the cells right at the patch's edge are half patch, half plate.
      const near = grow(inFlood, cols, rows), far = grow(near, cols, rows);
      const out: number[] = [];
      for (let i = 0; i < far.length; i++) if (far[i] && !near[i]) out.push(i);
      return out;
    },
  };
}

/** The cells and their four neighbours. */
function grow(mask: Uint8Array, cols: number, rows: number): Uint8Array {
  const out = new Uint8Array(mask);
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const x = i % cols;
    if (x > 0) out[i - 1] = 1;
    if (x < cols - 1) out[i + 1] = 1;
    if (i >= cols) out[i - cols] = 1;
    if (i < (rows - 1) * cols) out[i + cols] = 1;
  }
  return out;
}
