// The LCD digit weighing: the sampler's calibrated guess, Tesseract as a second opinion that settles unclear glyphs.
import { describe, expect, it } from 'vitest';
import { DISAGREED_CAP, OVERRULED_CAP, weighLcdDigit } from './weigh-lcd-digit.js';

const seg = (...g: [number, number][]) => g.map(([digit, p]) => ({ digit, p }));

describe('weighLcdDigit', () => {
  it('two readers agreeing on a clean glyph make the digit nearly certain', () => {
    const [top] = weighLcdDigit(seg([9, 0.941], [3, 0.019], [5, 0.019]), { digit: 9 });
    expect(top).toEqual({ digit: 9, p: expect.closeTo(0.9999, 3) });
  });

  it('the sampler alone on a clean glyph is sure, but less so than with agreement', () => {
    const alone = weighLcdDigit(seg([9, 0.941], [3, 0.019], [5, 0.019]), null)[0]!;
    expect(alone.digit).toBe(9);
    expect(alone.p).toBeGreaterThan(0.99);
    expect(alone.p).toBeLessThan(weighLcdDigit(seg([9, 0.941], [3, 0.019], [5, 0.019]), { digit: 9 })[0]!.p);
  });

  it('a clean glyph keeps the sampler\'s digit against Tesseract, capped, with Tesseract\'s digit as the runner-up', () => {
    const alts = weighLcdDigit(seg([9, 0.941], [3, 0.019], [5, 0.019]), { digit: 5 });
    expect(alts[0]).toEqual({ digit: 9, p: DISAGREED_CAP });
    expect(alts[1]!.digit).toBe(5);
  });

  it('on a glyph the sampler found unclear, an agreeing Tesseract settles it', () => {
    const [top, second] = weighLcdDigit(seg([4, 0.371], [9, 0.308], [3, 0.006]), { digit: 4 });
    expect(top!.digit).toBe(4);
    expect(top!.p).toBeGreaterThan(0.85);
    expect(second!.p).toBeLessThan(0.05);
  });

  it('Tesseract may overrule an unclear sampler guess, but only up to the overruled cap', () => {
    const [top] = weighLcdDigit(seg([4, 0.5], [9, 0.3]), { digit: 9 });
    expect(top).toEqual({ digit: 9, p: OVERRULED_CAP });
  });

  it('a glyph that fits no digit stays unconfident however Tesseract reads it', () => {
    expect(weighLcdDigit(seg([4, 0]), { digit: 4 })).toEqual([]);
    const [top] = weighLcdDigit(seg([1, 0.2], [7, 0.05]), { digit: 1 });
    expect(top!.p).toBeLessThan(0.8);
  });
});
