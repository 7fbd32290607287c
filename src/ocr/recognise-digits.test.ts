// Layout doubts of a read display: the height spread is judged on the integer digits only.
import { describe, expect, it } from 'vitest';
import type { Blob } from './find-blobs.js';
import { describeRow } from './group-blob-rows.js';
import { heightSpread } from './recognise-digits.js';

const box = (x0: number, h: number): Blob => ({ x0, x1: x0 + 30, y0: 40, y1: 40 + h, area: 30 * h * 0.5 });

describe('heightSpread', () => {
  it('ignores the smaller decimals after an LCD point: two equal integer digits do not spread', () => {
    const digits = [box(0, 40), box(36, 40)];
    const row = describeRow([...digits, box(80, 28), box(112, 28)]);
    expect(row.heightSpread).toBeGreaterThan(0.12);
    expect(heightSpread({ digits, row }, 'lcd')).toBe(0);
  });

  it('still sees integer digits of different heights', () => {
    const digits = [box(0, 40), box(36, 28), box(72, 40)];
    expect(heightSpread({ digits, row: describeRow(digits) }, 'drum')).toBeGreaterThan(0.12);
  });

  it('leaves out placeholders of digits that could not be seen', () => {
    const digits = [box(0, 40), box(36, 10), box(72, 40)];
    expect(heightSpread({ digits, row: describeRow(digits), unknown: [false, true, false] }, 'drum')).toBe(0);
  });
});
