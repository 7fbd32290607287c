import { describe, expect, it } from 'vitest';
import type { BinaryImage } from './binarise.js';
import { findBlobs, mergeFragments, type Blob } from './find-blobs.js';
import { seededRandom } from './testing/seeded-random.js';

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

/** The plain definition: flood fill from each unseen foreground pixel in raster order, eight neighbours. */
function floodFillBlobs(bin: BinaryImage, minArea: number): Blob[] {
  const { width, height, data } = bin;
  const seen = new Uint8Array(data.length);
  const blobs: Blob[] = [];
  for (let start = 0; start < data.length; start++) {
    if (data[start] === 0 || seen[start]) continue;
    const stack = [start];
    seen[start] = 1;
    const b = { x0: width, y0: height, x1: 0, y1: 0, area: 0 };
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % width, y = Math.floor(p / width);
      b.area++;
      b.x0 = Math.min(b.x0, x); b.x1 = Math.max(b.x1, x + 1); b.y0 = Math.min(b.y0, y); b.y1 = Math.max(b.y1, y + 1);
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx, yy = y + dy, q = yy * width + xx;
        if (xx >= 0 && xx < width && yy >= 0 && yy < height && data[q] === 1 && !seen[q]) { seen[q] = 1; stack.push(q); }
      }
    }
    if (b.area >= minArea) blobs.push(b);
  }
  return blobs;
}

describe('findBlobs', () => {
  it('finds the same components, in the same order, as a flood fill (random images of every density)', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 300; n++) {
      const width = 1 + Math.floor(random() * 60), height = 1 + Math.floor(random() * 40), density = random();
      const data = new Uint8Array(width * height);
      for (let i = 0; i < data.length; i++) data[i] = random() < density ? 1 : 0;
      const bin = { data, width, height };
      for (const minArea of [1, 4]) expect(findBlobs(bin, minArea)).toEqual(floodFillBlobs(bin, minArea));
    }
  });

  it('joins diagonal neighbours and U shapes whose arms meet only below', () => {
    const rows = ['1.1.....', '1.1..1..', '111.1...', '.......1'];
    const data = Uint8Array.from(rows.join('').split(''), (c) => (c === '1' ? 1 : 0));
    expect(findBlobs({ data, width: 8, height: 4 }, 1)).toEqual([
      { x0: 0, y0: 0, x1: 3, y1: 3, area: 7 },
      { x0: 4, y0: 1, x1: 6, y1: 3, area: 2 },
      { x0: 7, y0: 3, x1: 8, y1: 4, area: 1 },
    ]);
  });
});
