import { describe, expect, it } from 'vitest';
import type { BinaryImage } from './binarise.js';
import type { Blob } from './find-blobs.js';
import type { FontGlyphs } from './glyph-templates.js';
import { FONT_GLYPHS } from './glyph-templates.js';
import { matchHalfTurned, pickFont, toAlternatives } from './match-half-turned.js';

const H = 40, W = 26, PITCH = 36, TOP = 60, GAP = 10;

/** Paints a font's digit (ink ≥ half) into the image, its glyph box at (x0, y0), clipped to rows [clipTop, clipBottom). */
function paint(bin: BinaryImage, font: FontGlyphs, digit: number, x0: number, y0: number, clipTop = 0, clipBottom = bin.height): void {
  const s = font.digits[digit]!;
  for (let y = Math.max(0, y0, clipTop); y < Math.min(bin.height, y0 + H, clipBottom); y++) {
    for (let x = x0; x < x0 + W; x++) {
      const r = Math.floor(((y - y0 + 0.5) / H) * font.rows), c = Math.floor(((x - x0 + 0.5) / W) * font.cols);
      if (s.charCodeAt(r * font.cols + c) - 48 >= 5) bin.data[y * bin.width + x] = 1;
    }
  }
}

/** A drum row: whole digits, and at `turning` a drum `roll` of the way from `leaving` to the next digit. */
function drumRow(font: FontGlyphs, digits: number[], turning: number, leaving: number, roll: number): { bin: BinaryImage; known: { box: Blob; digit: number }[]; slot: Blob } {
  const bin: BinaryImage = { width: 20 + PITCH * (digits.length + 1), height: TOP + H + 60, data: new Uint8Array((20 + PITCH * (digits.length + 1)) * (TOP + H + 60)) };
  const known: { box: Blob; digit: number }[] = [];
  let slot: Blob | null = null;
  // The window reaches a little above and below the glyphs.
  const windowTop = TOP - 8, windowBottom = TOP + H + 8;
  digits.forEach((d, i) => {
    const x0 = 20 + i * PITCH;
    const box = { x0, y0: TOP, x1: x0 + W, y1: TOP + H, area: 1 };
    if (i !== turning) { paint(bin, font, d, x0, TOP); known.push({ box, digit: d }); return; }
    slot = box;
    const shift = Math.round(roll * (H + GAP));
    paint(bin, font, leaving, x0, TOP - shift, windowTop, windowBottom);
    paint(bin, font, (leaving + 1) % 10, x0, TOP - shift + H + GAP, windowTop, windowBottom);
  });
  return { bin, known, slot: slot! };
}

describe('matchHalfTurned', () => {
  const font = FONT_GLYPHS.find((f) => f.font === 'DejaVu Sans bold')!;

  it.each([[3, 0.4], [9, 0.45], [0, 0.3], [6, 0.5], [1, 0.2], [7, 0.6]])('reads a drum leaving %i (roll %f) as that digit', (leaving, roll) => {
    const { bin, known, slot } = drumRow(font, [0, 2, 5, 8, 4, 0], 4, leaving, roll);
    const m = matchHalfTurned(bin, slot, known.filter((k) => k.digit !== 1), FONT_GLYPHS, W);
    expect(m).not.toBeNull();
    expect(m!.alternatives[0]!.digit).toBe(leaving);
    expect(m!.alternatives[0]!.p).toBeGreaterThan(0.8);
  });

  it('reads a typeface that is not among the templates by the nearest one', () => {
    const narrow = FONT_GLYPHS.find((f) => f.font === 'Liberation Sans Narrow bold')!;
    const others = FONT_GLYPHS.filter((f) => f !== narrow);
    const { bin, known, slot } = drumRow(narrow, [0, 3, 6, 8, 2, 5], 4, 4, 0.4);
    const m = matchHalfTurned(bin, slot, known, others, W);
    expect(m!.alternatives[0]!.digit).toBe(4);
  });

  it('sees nothing to read in an empty slot', () => {
    const { bin, known, slot } = drumRow(font, [0, 2, 5, 8, 4, 0], 4, 3, 0.4);
    for (let y = 0; y < bin.height; y++) for (let x = slot.x0 - 4; x < slot.x1 + 4; x++) bin.data[y * bin.width + x] = 0;
    expect(matchHalfTurned(bin, slot, known, FONT_GLYPHS, W)).toBeNull();
  });

  it('is not sure of a blot', () => {
    const { bin, known, slot } = drumRow(font, [0, 2, 5, 8, 4, 0], 4, 3, 0.4);
    for (let y = 0; y < bin.height; y++) for (let x = slot.x0 - 4; x < slot.x1 + 4; x++) bin.data[y * bin.width + x] = 0;
    for (let y = TOP - 10; y < TOP + 6; y++) for (let x = slot.x0 + 4; x < slot.x1 - 4; x++) bin.data[y * bin.width + x] = 1;
    const m = matchHalfTurned(bin, slot, known, FONT_GLYPHS, W);
    expect(m === null || m.alternatives[0]!.p < 0.8).toBe(true);
  });

  it('needs two sure digits to pick the typeface', () => {
    const { bin, known, slot } = drumRow(font, [0, 2, 5, 8, 4, 0], 4, 3, 0.4);
    expect(matchHalfTurned(bin, slot, known.slice(0, 1), FONT_GLYPHS, W)).toBeNull();
  });
});

describe('pickFont', () => {
  it('picks the typeface the whole digits were drawn in', () => {
    const mono = FONT_GLYPHS.find((f) => f.font === 'Liberation Mono bold')!;
    const { bin, known } = drumRow(mono, [0, 2, 5, 8, 4, 7], 5, 7, 0);
    expect(pickFont(bin, known, FONT_GLYPHS, W, TOP, H)!.font.font).toBe('Liberation Mono bold');
  });
});

describe('toAlternatives', () => {
  it('is sure of a clear winner and not of a close one', () => {
    const clear = [0.6, 0.6, 0.9, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6];
    expect(toAlternatives(clear, 0.9, 0.9)[0]).toEqual({ digit: 2, p: expect.closeTo(0.95, 2) });
    const close = [0.6, 0.6, 0.9, 0.88, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6];
    expect(toAlternatives(close, 0.9, 0.9)[0]!.p).toBeLessThan(0.7);
  });

  it('is less sure of a small piece or a typeface that fits the photo poorly', () => {
    const clear = [0.6, 0.6, 0.9, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6];
    expect(toAlternatives(clear, 0.3, 0.9)[0]!.p).toBeLessThan(0.8);
    expect(toAlternatives(clear, 0.9, 0.5)[0]!.p).toBeLessThan(0.8);
  });
});
