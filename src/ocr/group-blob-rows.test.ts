import { describe, expect, it } from 'vitest';
import type { Blob } from './find-blobs.js';
import { findBlobs, mergeFragments } from './find-blobs.js';
import { groupBlobRows, isDigitShaped } from './group-blob-rows.js';

function digitBox(cx: number, cy: number, w = 14, h = 24): Blob {
  return { x0: Math.round(cx - w / 2), y0: Math.round(cy - h / 2), x1: Math.round(cx + w / 2), y1: Math.round(cy + h / 2), area: Math.round(w * h * 0.45) };
}

describe('findBlobs', () => {
  it('finds 8-connected components with their boxes', () => {
    const width = 6, height = 4;
    const data = new Uint8Array(width * height);
    for (const [x, y] of [[0, 0], [1, 1], [2, 2], [5, 0], [5, 1], [4, 3]]) data[y! * width + x!] = 1;
    const blobs = findBlobs({ data, width, height }, 1).sort((a, b) => a.x0 - b.x0);
    expect(blobs.map((b) => [b.x0, b.y0, b.x1, b.y1, b.area])).toEqual([[0, 0, 3, 3, 3], [4, 3, 5, 4, 1], [5, 0, 6, 2, 2]]);
  });
});

describe('mergeFragments', () => {
  it('joins the upper and lower halves of a segment digit but not two digits side by side', () => {
    const upper = { x0: 10, y0: 0, x1: 20, y1: 11, area: 30 };
    const lower = { x0: 10, y0: 13, x1: 20, y1: 24, area: 30 };
    const next = { x0: 26, y0: 0, x1: 36, y1: 24, area: 60 };
    const merged = mergeFragments([upper, lower, next]);
    expect(merged).toHaveLength(2);
    expect(merged.find((b) => b.x0 === 10)).toMatchObject({ y0: 0, y1: 24, area: 60 });
  });
});

describe('groupBlobRows', () => {
  it('groups a tilted row of equal digits and leaves the text around it', () => {
    const slope = Math.tan((15 * Math.PI) / 180);
    const row = [0, 1, 2, 3, 4, 5].map((i) => digitBox(100 + i * 20, 100 + i * 20 * slope));
    const noise = [digitBox(80, 160, 8, 12), digitBox(300, 40, 14, 24), digitBox(100, 140, 30, 10)];
    const [best] = groupBlobRows([...noise, ...row]);
    expect(best!.blobs).toEqual(row);
    expect(best!.slope).toBeCloseTo(slope, 2);
    expect(best!.pitch).toBeCloseTo(20 / Math.cos((15 * Math.PI) / 180), 0);
  });

  it('bridges a single missing digit and keeps going', () => {
    const row = [0, 1, 3, 4, 5].map((i) => digitBox(100 + i * 20, 50));
    expect(groupBlobRows(row)[0]!.blobs).toHaveLength(5);
  });

  it('does not join digits of very different heights', () => {
    const big = [0, 1, 2].map((i) => digitBox(100 + i * 20, 50));
    const small = [3, 4, 5].map((i) => digitBox(100 + i * 20, 50, 7, 12));
    const rows = groupBlobRows([...big, ...small]);
    expect(rows.every((r) => r.blobs.every((b) => big.includes(b)) || r.blobs.every((b) => small.includes(b)))).toBe(true);
  });

  it('a digit is taller than wide, neither a hairline nor a solid block', () => {
    expect(isDigitShaped(digitBox(0, 0), 10, 40)).toBe(true);
    expect(isDigitShaped({ x0: 0, y0: 0, x1: 30, y1: 10, area: 150 }, 5, 40)).toBe(false);
    expect(isDigitShaped({ x0: 0, y0: 0, x1: 14, y1: 24, area: 14 * 24 }, 10, 40)).toBe(false);
  });
});
