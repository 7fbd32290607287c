import { describe, expect, it } from 'vitest';
import { containsMost, countStrays, extendsRow, findDecimalPoint, findDecimalPointByProfile, glareShare, isDarkRed, isRed, isSegmentOne, solidLikeCounters, strokeWidth, textBefore } from './analyse-display-crop.js';
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

  it('takes no short bottom bar jutting out from under the next glyph for a point (649089.69 read 64908.969)', () => {
    // An 8, then a 9 whose bottom bar is short and set to the left of its upper segments, as in a slanted font.
    const img: BinaryImage = { data: new Uint8Array(120 * 60), width: 120, height: 60 };
    drawDigit(img, 'abcdefg', 10, 10, 24, 40, 4);
    drawDigit(img, 'abcfg', 44, 10, 24, 40, 4);
    for (let y = 46; y < 50; y++) for (let x = 38; x < 49; x++) img.data[y * 120 + x] = 1;
    const boxes = [box(10, 10, 34, 50), box(38, 10, 68, 50)];
    expect(findDecimalPointByProfile(img, boxes, describeRow(boxes), 0)).toBe(-1);
  });

  it('finds a point as wide as a stroke touching the next glyph, inside its box', () => {
    const img: BinaryImage = { data: new Uint8Array(140 * 60), width: 140, height: 60 };
    drawDigit(img, PATTERN[6]!, 10, 10, 24, 40, 5);
    drawDigit(img, PATTERN[3]!, 50, 10, 24, 40, 5);
    drawDigit(img, PATTERN[2]!, 94, 10, 24, 40, 5);
    for (let y = 45; y < 50; y++) for (let x = 89; x < 94; x++) img.data[y * 140 + x] = 1;
    const boxes = [box(10, 10, 34, 50), box(50, 10, 74, 50), box(89, 10, 118, 50)];
    expect(findDecimalPointByProfile(img, boxes, describeRow(boxes), 0)).toBe(1);
  });
});

describe('strokeWidth', () => {
  it('measures the segments\' thickness across the digits, not their bars', () => {
    const img: BinaryImage = { data: new Uint8Array(100 * 60), width: 100, height: 60 };
    drawDigit(img, 'abcdefg', 10, 10, 24, 40, 5);
    drawDigit(img, 'bc', 40, 10, 24, 40, 5);
    drawDigit(img, 'abdeg', 70, 10, 24, 40, 5);
    expect(strokeWidth(img, [box(10, 10, 34, 50), box(59, 10, 64, 50), box(70, 10, 94, 50)])).toBe(5);
  });
});

describe('containsMost (dark digits printed on white drums)', () => {
  const cell = (x: number): Blob => ({ x0: x, y0: 38, x1: x + 30, y1: 81, area: 30 * 43 * 0.8 });
  it('finds a digit in each white cell', () => {
    const cells = [0, 45, 90, 135, 180].map(cell);
    const digits = cells.map((c) => ({ x0: c.x0 + 7, y0: 45, x1: c.x0 + 23, y1: 74, area: 16 * 29 * 0.5 }));
    expect(containsMost(cells, digits)).toBe(true);
  });

  it('takes no holes of bold light digits (the counters of 0s in 000543) for dark digits in cells', () => {
    const glyphs = [0, 45, 90, 135, 180, 225].map((x) => ({ ...cell(x), area: 30 * 43 * 0.61 }));
    const holes = glyphs.slice(0, 3).map((g) => ({ x0: g.x0 + 10, y0: 46, x1: g.x0 + 20, y1: 73, area: 10 * 27 }));
    expect(containsMost(glyphs, holes)).toBe(false);
    // …nor all-zero rows, whose holes are in every glyph but far narrower than a digit
    const allHoles = glyphs.map((g) => ({ x0: g.x0 + 10, y0: 46, x1: g.x0 + 20, y1: 73, area: 10 * 27 }));
    expect(containsMost(glyphs, allHoles)).toBe(false);
  });
});

describe('countStrays', () => {
  const digits = [box(10, 40, 30, 80), box(34, 40, 54, 80), box(58, 40, 78, 80), box(82, 40, 102, 80)];
  const row = describeRow(digits);
  it('counts digit-sized blobs on the row that are not its digits, only up to where the integer part ends', () => {
    const stray = box(104, 44, 112, 78);
    expect(countStrays([...digits, stray], row, 40)).toBe(1);
    expect(countStrays([...digits, stray], row, 40, 80)).toBe(0);
    expect(countStrays([...digits, box(0, 44, 7, 78)], row, 40, 80)).toBe(1);
  });

  it('leaves out the pieces of a half-turned drum standing in a placeholder slot', () => {
    const piece = box(108, 40, 124, 66);
    expect(countStrays([...digits, piece], row, 40)).toBe(1);
    expect(countStrays([...digits, piece], row, 40, Infinity, [box(106, 40, 126, 80)])).toBe(0);
    expect(countStrays([...digits, piece], row, 40, Infinity, [box(10, 40, 30, 80)])).toBe(1);
  });
});

describe('textBefore', () => {
  const digits = [box(40, 40, 60, 80), box(64, 40, 84, 80), box(88, 40, 108, 80), box(112, 40, 132, 80)];
  const row = describeRow(digits);
  it('sees a sign or letter as tall as the digits just before them (a faceplate line, not a counter)', () => {
    expect(textBefore([...digits, box(12, 41, 34, 79)], row)).toBe(true);
  });
  it('takes no hairline and no smaller scrap low beside the row (the wall behind the meter) for one', () => {
    expect(textBefore([...digits, box(30, 40, 32, 80)], row)).toBe(false);
    expect(textBefore([...digits, box(14, 58, 25, 82)], row)).toBe(false);
  });
});

describe('extendsRow', () => {
  const row = { blobs: [box(60, 40, 80, 80), box(84, 40, 104, 80), box(108, 40, 128, 80)] };
  it('takes a row that keeps every digit and adds more at its ends', () => {
    expect(extendsRow(row, { blobs: [box(14, 40, 34, 80), box(40, 40, 50, 80), ...row.blobs.map((b) => ({ ...b, x0: b.x0 - 1, x1: b.x1 + 1 }))] })).toBe(true);
  });
  it('takes no row that drops or merges a digit, however long', () => {
    expect(extendsRow(row, { blobs: [box(14, 40, 34, 80), box(40, 40, 50, 80), box(60, 40, 128, 80), box(140, 40, 160, 80)] })).toBe(false);
    expect(extendsRow(row, { blobs: [box(14, 40, 34, 80), ...row.blobs.slice(0, 2)] })).toBe(false);
  });
});

describe('solidLikeCounters', () => {
  const withFill = (fill: number) => ({ x0: 0, y0: 0, x1: 20, y1: 30, area: Math.round(fill * 600) });
  it('tells the oval holes of bold light digits from dark digits drawn in strokes', () => {
    expect(solidLikeCounters([withFill(0.8), withFill(0.85), withFill(0.6), withFill(0.78)])).toBe(true);
    expect(solidLikeCounters([withFill(0.4), withFill(0.45), withFill(0.9), withFill(0.38)])).toBe(false);
    expect(solidLikeCounters([])).toBe(false);
  });
});

describe('isRed (a decimal drum)', () => {
  /** A 60×60 RGB crop of one colour with a grey digit-sized box in its middle. */
  const crop = (rgb: [number, number, number]) => {
    const data = Buffer.alloc(60 * 60 * 3);
    for (let i = 0; i < 60 * 60; i++) data.set(rgb, 3 * i);
    for (let y = 15; y < 45; y++) for (let x = 22; x < 38; x++) data.set([150, 150, 150], 3 * (y * 60 + x));
    return { data, width: 60, height: 60, channels: 3 as const };
  };
  const digit = { x0: 20, y0: 12, x1: 40, y1: 48, area: 200 };

  it('sees a red drum in good light and in the shade', () => {
    expect(isRed(crop([180, 40, 40]), digit, 30)).toBe(true);
    expect(isRed(crop([60, 12, 12]), digit, 30)).toBe(true);
  });

  it('sees a red frame round the decimal drums above and below the digit, though far from it; not red on one side only', () => {
    /** A black 60×100 crop, a grey digit at rows 30–70, red lines across at the given rows. */
    const framed = (rows: number[]) => {
      const data = Buffer.alloc(60 * 100 * 3, 10);
      for (let y = 30; y < 70; y++) for (let x = 22; x < 38; x++) data.set([150, 150, 150], 3 * (y * 60 + x));
      for (const r of rows) for (let y = r; y < r + 3; y++) for (let x = 0; x < 60; x++) data.set([170, 25, 20], 3 * (y * 60 + x));
      return { data, width: 60, height: 100, channels: 3 as const };
    };
    const tall = { x0: 22, y0: 30, x1: 38, y1: 70, area: 400 };
    expect(isRed(framed([2, 96]), tall, 30)).toBe(true);
    expect(isRed(framed([12, 86]), tall, 30)).toBe(true);
    expect(isRed(framed([2]), tall, 30)).toBe(false);
    expect(isRed(framed([]), tall, 30)).toBe(false);
  });

  it('takes no black drum, brown wood or dark brown for red', () => {
    expect(isRed(crop([20, 20, 20]), digit, 30)).toBe(false);
    expect(isRed(crop([150, 100, 60]), digit, 30)).toBe(false);
    expect(isRed(crop([45, 15, 10]), digit, 30)).toBe(false);
  });
});

describe('isDarkRed', () => {
  it('is a red hue too dark for the bright test, not a dim brown or a grey near black', () => {
    expect(isDarkRed(47, 7, 8)).toBe(true);
    expect(isDarkRed(77, 18, 20)).toBe(true);
    expect(isDarkRed(45, 15, 10)).toBe(false);
    expect(isDarkRed(30, 5, 5)).toBe(false);
    expect(isDarkRed(60, 40, 40)).toBe(false);
  });
});

describe('glareShare', () => {
  /** A dark drum window 200×60 with five blown-out white digits (20×30, pitch 30) and, optionally, a spot of glare. */
  const window = (spot: boolean) => {
    const data = new Uint8Array(200 * 60).fill(30);
    const digits = [0, 1, 2, 3, 4].map((i) => ({ x0: 30 + 30 * i, y0: 15, x1: 50 + 30 * i, y1: 45, area: 300 }));
    for (const d of digits) for (let y = d.y0; y < d.y1; y++) for (let x = d.x0; x < d.x1; x++) data[y * 200 + x] = 255;
    if (spot) for (let y = 15; y < 45; y++) for (let x = 50; x < 60; x++) data[y * 200 + x] = 255;
    return { grey: { data, width: 200, height: 60 }, row: describeRow(digits) };
  };

  it('takes blown-out light digits for no glare, but a blown-out spot on the ground between them for glare', () => {
    const plain = window(false), spotted = window(true);
    expect(glareShare(plain.grey, plain.row, 'bright')).toBe(0);
    expect(glareShare(spotted.grey, spotted.row, 'bright')).toBeGreaterThan(0.03);
  });

  it('counts the whole band for dark ink, whose light ground tells nothing', () => {
    const plain = window(false);
    expect(glareShare(plain.grey, plain.row, 'dark')).toBeGreaterThan(0.03);
  });
});

describe('isSegmentOne', () => {
  const upright = (w: number, hh: number, fill = 0.9) => ({ x0: 10, y0: 10, x1: 10 + w, y1: 10 + hh, area: Math.round(w * hh * fill) });
  it('takes a solid upright of the digits\' height, thinner than other digits, for a seven-segment 1', () => {
    expect(isSegmentOne(upright(5, 39), 40)).toBe(true);
    expect(isSegmentOne(upright(3, 40), 40)).toBe(true);
  });

  it('takes no digit of ordinary width, no hairline, no short or tall bar and no hollow outline', () => {
    expect(isSegmentOne(upright(8, 40), 40)).toBe(false);
    expect(isSegmentOne(upright(1, 40), 40)).toBe(false);
    expect(isSegmentOne(upright(4, 25), 40)).toBe(false);
    expect(isSegmentOne(upright(4, 60), 40)).toBe(false);
    expect(isSegmentOne(upright(5, 40, 0.3), 40)).toBe(false);
  });
});
