import { describe, expect, it } from 'vitest';
import { findDecimalPoint, findDecimalPointByProfile } from './analyse-display-crop.js';
import type { BinaryImage } from './binarise.js';
import type { Blob } from './find-blobs.js';
import { describeRow } from './group-blob-rows.js';

const box = (x0: number, y0: number, x1: number, y1: number): Blob => ({ x0, y0, x1, y1, area: (x1 - x0) * (y1 - y0) });

describe('findDecimalPoint', () => {
  const digits = [box(10, 40, 30, 80), box(34, 40, 54, 80), box(66, 40, 86, 80), box(90, 40, 110, 80)];
  const row = describeRow(digits);

  it('finds a lone point on the baseline between two digits', () => {
    expect(findDecimalPoint([...digits, box(56, 74, 62, 80)], digits, row)).toBe(1);
  });

  it('takes no letter of a unit label under the digits for a point, nor lets a digit joined with it move the baseline', () => {
    // The last digit joined with the label below it reaches down to 92; the label's letters stand in a line.
    const joined = [...digits.slice(0, 3), box(90, 40, 110, 92)];
    const label = [box(84, 84, 90, 92), box(92, 85, 98, 92), box(100, 85, 106, 92)];
    expect(findDecimalPoint([...joined, ...label], joined, describeRow(joined))).toBe(-1);
  });
});

/** A seven-segment digit drawn into a binary image: w × h box at (x, y), stroke t. */
function drawDigit(img: BinaryImage, pattern: string, x: number, y: number, w: number, h: number, t: number): void {
  const rects: Record<string, [number, number, number, number]> = {
    a: [t, 0, w - t, t], b: [w - t, t, w, h / 2], c: [w - t, h / 2, w, h - t], d: [t, h - t, w - t, h],
    e: [0, h / 2, t, h - t], f: [0, t, t, h / 2], g: [t, h / 2 - t / 2, w - t, h / 2 + t / 2],
  };
  for (const seg of pattern) {
    const [x0, y0, x1, y1] = rects[seg]!;
    for (let yy = Math.round(y0); yy < Math.round(y1); yy++) for (let xx = Math.round(x0); xx < Math.round(x1); xx++) img.data[(y + yy) * img.width + x + xx] = 1;
  }
}

describe('findDecimalPointByProfile', () => {
  const PATTERN: Record<number, string> = { 2: 'abdeg', 3: 'abcdg', 5: 'acdfg', 6: 'acdefg' };
  const draw = (digits: number[], pointAfter: number | null) => {
    const img: BinaryImage = { data: new Uint8Array(260 * 60), width: 260, height: 60 };
    const boxes = digits.map((d, i) => {
      const x = 10 + i * 40 + (pointAfter !== null && i > pointAfter ? 10 : 0);
      drawDigit(img, PATTERN[d]!, x, 10, 24, 40, 5);
      return { x0: x, y0: 10, x1: x + 24, y1: 50, area: 400 };
    });
    if (pointAfter !== null) {
      const px = boxes[pointAfter]!.x1 + 7;
      for (let y = 45; y < 50; y++) for (let x = px; x < px + 5; x++) img.data[y * 260 + x] = 1;
    }
    return { img, boxes };
  };

  it('finds a point between two digits', () => {
    const { img, boxes } = draw([6, 6, 3, 2, 5], 2);
    expect(findDecimalPointByProfile(img, boxes, describeRow(boxes), 0)).toBe(2);
  });

  it('takes no bottom bar of a digit without a lower-left segment (3, 5) for a point', () => {
    const { img, boxes } = draw([6, 3, 5, 2, 5], null);
    expect(findDecimalPointByProfile(img, boxes, describeRow(boxes), 0)).toBe(-1);
  });
});
