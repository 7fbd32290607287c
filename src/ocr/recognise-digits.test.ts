// Layout doubts of a read display: the height spread is judged on the integer digits only.
import { describe, expect, it } from 'vitest';
import type { Blob } from './find-blobs.js';
import { describeRow } from './group-blob-rows.js';
import { heightSpread, sureGlyphs } from './recognise-digits.js';

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

describe('sureGlyphs', () => {
  const at = (x0: number, w: number): Blob => ({ x0, x1: x0 + w, y0: 0, y1: 40, area: 400 });
  it('keeps the surely read whole digits, not a narrow 1, an unsure digit or a gap, and gives their width', () => {
    const layout = { digits: [at(0, 24), at(30, 8), at(60, 26), at(90, 24), at(120, 25)], unknown: [false, false, false, true, false] };
    const alternatives = [[{ digit: 4, p: 0.95 }], [{ digit: 1, p: 0.97 }], [{ digit: 7, p: 0.9 }], [{ digit: 0, p: 0.1 }], [{ digit: 3, p: 0.5 }]];
    const { glyphs, width } = sureGlyphs(layout, alternatives);
    expect(glyphs.map((g) => g.digit)).toEqual([4, 7]);
    expect(width).toBe(26);
  });
});
