import { describe, expect, it } from 'vitest';
import { findSerialRows, joinSplitRows, REGION_DIGIT_HEIGHT, splitRun, type TextRowBox } from './find-serial-rows.js';

const row = (x0: number, x1: number, y0 = 100, height = 20): TextRowBox => ({ x0, y0, x1, y1: y0 + height, height, pitch: 15, blobs: Math.round((x1 - x0) / 15) });

describe('joinSplitRows', () => {
  it('joins two halves of one printed line', () => {
    expect(joinSplitRows([row(300, 400), row(120, 260)])).toEqual([{ x0: 120, y0: 100, x1: 400, y1: 120, height: 20, pitch: 15, blobs: 16 }]);
  });

  it('keeps rows on other lines, far apart on one line, or of another size apart', () => {
    expect(joinSplitRows([row(120, 260), row(280, 400, 140)])).toHaveLength(2);
    expect(joinSplitRows([row(120, 260), row(320, 400)])).toHaveLength(2);
    expect(joinSplitRows([row(120, 260), row(270, 400, 100, 10)])).toHaveLength(2);
  });
});

describe('splitRun', () => {
  const blob = (w: number, h = 27) => ({ x0: 100, y0: 10, x1: 100 + w, y1: 10 + h, area: w * h * 0.5 });
  it('splits bold digits run together into as many characters as their width holds', () => {
    expect(splitRun(blob(39)).map((b) => [b.x0, b.x1])).toEqual([[100, 120], [120, 139]]);
    expect(splitRun(blob(67)).map((b) => [b.x0, b.x1])).toEqual([[100, 122], [122, 145], [145, 167]]);
  });

  it('splits a whole blurred serial run together, up to the longest serial', () => {
    expect(splitRun(blob(155))).toHaveLength(8);
    expect(splitRun(blob(270))).toHaveLength(14);
  });

  it('leaves a single character, and a bar far too long to be digits, alone', () => {
    expect(splitRun(blob(20))).toHaveLength(1);
    expect(splitRun(blob(300))).toHaveLength(1);
  });
});

describe('findSerialRows', () => {
  /** A light faceplate with a line of `n` dark ring-shaped characters `h` px tall (about 0.7 h wide) at y. */
  function plate(h: number, n = 9, y = 700, ground = 220, ink = 40): { data: Uint8Array; width: number; height: number } {
    const width = 1000, height = 1200, data = new Uint8Array(width * height).fill(ground);
    const w = Math.round(0.7 * h), t = Math.max(1, Math.round(0.15 * h));
    for (let k = 0; k < n; k++) {
      const x0 = 200 + k * Math.round(0.95 * h);
      for (let yy = 0; yy < h; yy++) for (let xx = 0; xx < w; xx++) {
        if (yy < t || yy >= h - t || xx < t || xx >= w - t) data[(y + yy) * width + x0 + xx] = ink;
      }
    }
    return { data, width, height };
  }

  it('finds a serial printed a tenth as tall as the counter\'s digits (a large LCD over fine print)', () => {
    const rows = findSerialRows(plate(Math.round(0.1 * REGION_DIGIT_HEIGHT)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.blobs).toBe(9);
    expect(rows[0]!.ink).toBeUndefined();
  });

  it('finds light print on a darker plate, after the dark rows, and says so', () => {
    // Rings: their dark holes make a row of dark characters too, which comes first.
    const rows = findSerialRows(plate(20, 9, 700, 110, 200));
    expect(rows.at(-1)).toMatchObject({ blobs: 9, ink: 'bright' });
    expect(rows.findIndex((r) => r.ink === 'bright')).toBe(rows.length - 1);
  });
});
