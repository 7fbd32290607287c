import { describe, expect, it } from 'vitest';
import { mergeFragments, type Blob } from './find-blobs.js';

const box = (x0: number, y0: number, x1: number, y1: number): Blob => ({ x0, y0, x1, y1, area: (x1 - x0) * (y1 - y0) });

describe('mergeFragments', () => {
  it('joins the two upright segments of a seven-segment 1, further apart than other fragments', () => {
    const merged = mergeFragments([box(52, 43, 58, 59), box(49, 61, 55, 76)], 0.25, 0.5, true);
    expect(mergeFragments([box(52, 43, 58, 59), box(49, 61, 55, 76)], 0.25, 0.5)).toHaveLength(2);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ x0: 49, y0: 43, x1: 58, y1: 76 });
  });

  it('does not join two stacked short marks that are not uprights', () => {
    expect(mergeFragments([box(50, 40, 62, 50), box(50, 56, 62, 66)], 0.25, 0.5)).toHaveLength(2);
  });

  it('never swallows the digits into a frame around them', () => {
    const frame = { x0: 0, y0: 0, x1: 240, y1: 110, area: 3000 };
    const digits = [box(60, 39, 80, 80), box(90, 39, 110, 80)];
    const merged = mergeFragments([frame, ...digits]);
    expect(merged).toHaveLength(3);
  });
});
