import { describe, expect, it } from 'vitest';
import type { GreyImage } from './grey-image.js';
import { counterPlate, type Box } from './same-plate.js';

const onCounterPlate = (img: GreyImage, row: Box, counter: Box) => counterPlate(img, counter)(row);
import { seededRandom } from './testing/seeded-random.js';


/** A wall of `wall` grey with noise, and the painter's rectangles on it. */
function scene(width: number, height: number, wall: number, seed = 7): GreyImage & { fill(b: Box, v: number | ((x: number, y: number) => number)): void } {
  const rnd = seededRandom(seed);
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(wall + (rnd() - 0.5) * 24)));
  return {
    data, width, height,
    fill(b, v) {
      for (let y = Math.max(0, b.y0); y < Math.min(height, b.y1); y++) {
        for (let x = Math.max(0, b.x0); x < Math.min(width, b.x1); x++) data[y * width + x] = typeof v === 'number' ? v : v(x, y);
      }
    },
  };
}

/** Small dark characters along a row box: 0.2 H tall, strokes 4 px. */
function print(img: ReturnType<typeof scene>, row: Box): void {
  for (let x = row.x0; x + 14 <= row.x1; x += 20) {
    img.fill({ x0: x, y0: row.y0, x1: x + 4, y1: row.y1 }, 30);
    img.fill({ x0: x, y0: row.y0, x1: x + 14, y1: row.y0 + 4 }, 30);
    img.fill({ x0: x + 10, y0: row.y0, x1: x + 14, y1: row.y1 }, 30);
  }
}

// Two plates side by side on a dark wall; the counter's digits on the left plate, a drum window around them.
function cabinet(options: { gap?: number; wall?: number; gradient?: boolean } = {}) {
  const gap = options.gap ?? 150;
  const img = scene(2200, 1200, options.wall ?? 70);
  const left: Box = { x0: 50, y0: 100, x1: 950, y1: 1150 }, right: Box = { x0: 950 + gap, y0: 100, x1: 2150, y1: 1150 };
  img.fill(left, options.gradient ? (x) => Math.round(150 + (x - 50) * 0.1) : 210);
  img.fill(right, 205);
  img.fill({ x0: 200, y0: 330, x1: 800, y1: 470 }, 25);
  const counter: Box = { x0: 250, y0: 350, x1: 700, y1: 450 };
  img.fill(counter, 180);
  return { img, left, right, counter };
}

describe('onCounterPlate', () => {
  it('takes a row printed on the counter\'s plate, below it or beside it', () => {
    const { img, counter } = cabinet();
    const below: Box = { x0: 250, y0: 620, x1: 560, y1: 640 }, beside: Box = { x0: 720, y0: 520, x1: 900, y1: 540 };
    print(img, below);
    print(img, beside);
    expect(onCounterPlate(img, below, counter)).toBe(true);
    expect(onCounterPlate(img, beside, counter)).toBe(true);
  });

  it('refuses a row on the next meter\'s plate, however near', () => {
    for (const gap of [150, 60]) {
      const { img, counter } = cabinet({ gap });
      const row: Box = { x0: 1000 + gap, y0: 520, x1: 1300 + gap, y1: 540 };
      print(img, row);
      expect(onCounterPlate(img, row, counter)).toBe(false);
    }
  });

  it('follows a plate whose light falls off across it, and goes round print and a barcode in the way', () => {
    const { img, counter } = cabinet({ gradient: true });
    for (let y = 500; y < 600; y += 30) print(img, { x0: 100, y0: y, x1: 900, y1: y + 20 });
    for (let x = 200; x < 700; x += 12) img.fill({ x0: x, y0: 700, x1: x + 5, y1: 800 }, 20);
    const row: Box = { x0: 300, y0: 850, x1: 600, y1: 870 };
    print(img, row);
    expect(onCounterPlate(img, row, counter)).toBe(true);
  });

  it('passes a sticker on the counter\'s plate to the plate round it, but not one on the next plate', () => {
    const { img, counter } = cabinet();
    img.fill({ x0: 300, y0: 600, x1: 620, y1: 720 }, 250);
    img.fill({ x0: 1200, y0: 600, x1: 1520, y1: 720 }, 250);
    const own: Box = { x0: 330, y0: 640, x1: 590, y1: 660 }, other: Box = { x0: 1230, y0: 640, x1: 1490, y1: 660 };
    print(img, own);
    print(img, other);
    expect(onCounterPlate(img, own, counter)).toBe(true);
    expect(onCounterPlate(img, other, counter)).toBe(false);
  });

  it('cannot tell two plates apart without a step between them: the row is taken', () => {
    const { img, counter } = cabinet({ wall: 208 });
    const row: Box = { x0: 1150, y0: 520, x1: 1450, y1: 540 };
    print(img, row);
    expect(onCounterPlate(img, row, counter)).toBe(true);
  });
});
