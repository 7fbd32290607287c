import { describe, expect, it } from 'vitest';
import type { BinaryImage } from './binarise.js';
import { findBlobs } from './find-blobs.js';
import { classifySegments, digitSlots, estimateShear, segmentDistance, readSevenSegmentDigit, sampleSegments, segmentOnProbabilities } from './read-seven-segment.js';

const PATTERNS: Record<number, string> = { 0: 'abcdef', 2: 'abdeg', 3: 'abcdg', 4: 'bcfg', 5: 'acdfg', 6: 'acdefg', 7: 'abc', 8: 'abcdefg', 9: 'abcdfg' };

function onProbs(pattern: string, on = 0.97, off = 0.03): number[] {
  return [...'abcdefg'].map((s) => (pattern.includes(s) ? on : off));
}

/** A seven-segment digit drawn into a binary image: w × h box at (x, y), stroke t, optional slant. */
function drawDigit(img: BinaryImage, pattern: string, x: number, y: number, w: number, h: number, t: number, slant = 0): void {
  const rects: Record<string, [number, number, number, number]> = {
    a: [t, 0, w - t, t], b: [w - t, t, w, h / 2], c: [w - t, h / 2, w, h - t], d: [t, h - t, w - t, h],
    e: [0, h / 2, t, h - t], f: [0, t, t, h / 2], g: [t, h / 2 - t / 2, w - t, h / 2 + t / 2],
  };
  for (const s of pattern) {
    const [x0, y0, x1, y1] = rects[s]!;
    for (let yy = Math.round(y0); yy < Math.round(y1); yy++) {
      const shift = Math.round(slant * (h / 2 - yy));
      for (let xx = Math.round(x0); xx < Math.round(x1); xx++) img.data[(y + yy) * img.width + x + xx + shift] = 1;
    }
  }
}

function blank(width: number, height: number): BinaryImage {
  return { data: new Uint8Array(width * height), width, height };
}

describe('classifySegments', () => {
  it.each(Object.entries(PATTERNS))('maps the clean pattern of %s to that digit', (digit, pattern) => {
    const [best] = classifySegments(onProbs(pattern));
    expect(best!.digit).toBe(Number(digit));
    expect(best!.p).toBeGreaterThan(0.9);
  });

  it('accepts the 6 without its top bar and the 9 without its bottom bar', () => {
    expect(classifySegments(onProbs('cdefg'))[0]!.digit).toBe(6);
    expect(classifySegments(onProbs('abcfg'))[0]!.digit).toBe(9);
  });

  it('is unsure between 8 and 0 when the middle segment is doubtful', () => {
    const [a, b] = classifySegments([0.97, 0.97, 0.97, 0.97, 0.97, 0.97, 0.5]);
    expect(new Set([a!.digit, b!.digit])).toEqual(new Set([8, 0]));
    expect(a!.p).toBeLessThan(0.6);
  });

  it('gives a low confidence to a pattern that is no digit', () => {
    // top and bottom-left only: no seven-segment digit looks like that
    expect(classifySegments(onProbs('ae'))[0]!.p).toBeLessThan(0.3);
  });
});

describe('segmentOnProbabilities', () => {
  it('is relative to the fullest zone, so thin strokes read as on', () => {
    const p = segmentOnProbabilities([0.3, 0.32, 0.28, 0.3, 0.02, 0.01, 0.3]);
    expect(p.map((v) => v > 0.5)).toEqual([true, true, true, true, false, false, true]);
  });

  it('keeps an almost empty box all off', () => {
    expect(segmentOnProbabilities([0.05, 0.04, 0.02, 0.05, 0.03, 0.02, 0.04]).every((v) => v < 0.5)).toBe(true);
  });
});

describe('reading drawn digits', () => {
  it('reads upright digits from their boxes', () => {
    const img = blank(200, 60);
    const digits = [2, 3, 5, 8, 0];
    digits.forEach((d, i) => drawDigit(img, PATTERNS[d]!, 5 + i * 36, 10, 24, 40, 5));
    const boxes = digits.map((_, i) => ({ x0: 5 + i * 36, y0: 10, x1: 29 + i * 36, y1: 50, area: 400 }));
    expect(boxes.map((b) => readSevenSegmentDigit(img, b, 0, 24)[0]!.digit)).toEqual(digits);
  });

  it('finds the slant of italic digits and reads them with it', () => {
    const img = blank(220, 70);
    const digits = [4, 0, 9, 6];
    digits.forEach((d, i) => drawDigit(img, PATTERNS[d]!, 10 + i * 44, 10, 26, 44, 5, 0.2));
    const boxes = digits.map((_, i) => ({ x0: 10 + i * 44 - 5, y0: 10, x1: 10 + i * 44 + 31, y1: 54, area: 400 }));
    const shear = estimateShear(img, boxes);
    expect(shear).toBeGreaterThan(0.1);
    expect(boxes.map((b) => readSevenSegmentDigit(img, b, shear, 26)[0]!.digit)).toEqual(digits);
    expect(sampleSegments(img, boxes[1]!, shear)[6]).toBeLessThan(0.1); // the 0 has no middle bar
  });

  it('takes a blot (ink in the holes of an 8 too) for no digit with any confidence, but a clean 8 for an 8', () => {
    const img = blank(100, 60);
    drawDigit(img, PATTERNS[8]!, 5, 10, 24, 40, 5);
    for (let y = 10; y < 50; y++) for (let x = 50; x < 74; x++) img.data[y * img.width + x] = 1;
    const [eight] = readSevenSegmentDigit(img, { x0: 5, y0: 10, x1: 29, y1: 50, area: 500 }, 0, 24);
    const [blot] = readSevenSegmentDigit(img, { x0: 50, y0: 10, x1: 74, y1: 50, area: 960 }, 0, 24);
    expect(eight).toMatchObject({ digit: 8 });
    expect(eight!.p).toBeGreaterThan(0.8);
    expect(blot!.p).toBeLessThan(0.3);
  });

  it('reads a narrow box as 1', () => {
    const img = blank(40, 60);
    drawDigit(img, 'bc', 0, 10, 24, 40, 5);
    const [best] = readSevenSegmentDigit(img, { x0: 19, y0: 10, x1: 24, y1: 50, area: 200 }, 0, 24);
    expect(best!.digit).toBe(1);
  });
});

describe('digitSlots', () => {
  const b = (x0: number, x1: number) => ({ x0, y0: 0, x1, y1: 40, area: 0 });
  it('ends each slot in the middle of the gap, so a 1 at the right of its cell keeps the next digit out', () => {
    // 0, then a 1 drawn at the right of its cell, touching the 8 after it.
    const slots = digitSlots([b(10, 32), b(55, 64), b(66, 88)], 28);
    expect(slots[1]).toEqual({ lo: 43.5, hi: 65 });
    expect(slots[2]!.lo).toBe(65);
  });

  it('measures the gaps between slanted glyphs along their slant: a 7\'s top bar after a 0 stays the 7\'s', () => {
    // A thin italic 0 and a 7 set close, as on a heat meter's LCD. The 7's box begins at the corner of its top bar,
    // which leans over the 0's lower right: the middle between the two upright boxes (45.5) lies inside the 7.
    const img = blank(110, 60);
    drawDigit(img, PATTERNS[0]!, 20, 10, 22, 40, 2, 0.15);
    drawDigit(img, PATTERNS[7]!, 43, 10, 22, 40, 2, 0.15);
    for (let y = 10; y < 12; y++) for (let x = 46; x < 48; x++) img.data[y * img.width + x] = 1;
    const boxes = findBlobs(img, 8).sort((a, b) => a.x0 - b.x0);
    const shear = estimateShear(img, boxes);
    const slots = digitSlots(boxes, 25, { bin: img, shear });
    // Along the slant the 0 ends at 42 and the 7 begins at 43.
    expect(slots[0]!.hi).toBeGreaterThanOrEqual(42);
    expect(slots[0]!.hi).toBeLessThanOrEqual(43);
    expect(boxes.map((box, i) => readSevenSegmentDigit(img, box, shear, 22, slots[i])[0]!.digit)).toEqual([0, 7]);
  });

  it('measures a glyph\'s slanted edge above a decimal point clinging to it: a 1 keeps its narrow slot', () => {
    // A slanted 1, a point at its foot, and a 6 set close after it, as on a heat meter's LCD (00041.629).
    const img = blank(110, 60);
    drawDigit(img, 'bc', 20, 10, 20, 40, 4, 0.1);
    for (let y = 45; y < 50; y++) for (let x = 38; x < 44; x++) img.data[y * img.width + x] = 1;
    drawDigit(img, PATTERNS[6]!, 46, 10, 20, 40, 4, 0.1);
    const boxes = findBlobs(img, 8).sort((a, b) => a.x0 - b.x0);
    const shear = estimateShear(img, boxes);
    const slots = digitSlots(boxes, 25, { bin: img, shear });
    expect(boxes.map((box, i) => readSevenSegmentDigit(img, box, shear, 20, slots[i])[0]!)).toEqual([{ digit: 1, p: 0.93 }, expect.objectContaining({ digit: 6 })]);
  });

  it('closes the end slots near the ink: a decimal point after the last digit stays out', () => {
    const slots = digitSlots([b(10, 32), b(38, 60)], 28);
    expect(slots[0]!.lo).toBeCloseTo(10 - 0.15 * 28);
    expect(slots[1]!.hi).toBeCloseTo(60 + 0.15 * 28);
  });
});

describe('segmentDistance', () => {
  it('counts the segments two digits differ by, over their drawn variants', () => {
    expect(segmentDistance(8, 0)).toBe(1);
    expect(segmentDistance(7, 1)).toBe(1);
    expect(segmentDistance(2, 0)).toBe(3);
    expect(segmentDistance(6, 5)).toBe(1);
    expect(segmentDistance(9, 9)).toBe(0);
  });
});
