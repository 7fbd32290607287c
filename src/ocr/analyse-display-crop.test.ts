import { describe, expect, it } from 'vitest';
import { findDecimalPoint } from './analyse-display-crop.js';
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
