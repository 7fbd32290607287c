import { describe, expect, it } from 'vitest';
import { joinSplitRows, splitRun, type TextRowBox } from './find-serial-rows.js';

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
