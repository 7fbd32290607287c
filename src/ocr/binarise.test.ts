import { describe, expect, it } from 'vitest';
import { binariseAdaptive, binariseOtsu, binariseSauvola, dilate, otsuThreshold } from './binarise.js';
import type { GreyImage } from './grey-image.js';
import { seededRandom } from './testing/seeded-random.js';

function image(width: number, height: number, f: (x: number, y: number) => number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = f(x, y);
  return { data, width, height };
}

describe('otsuThreshold', () => {
  it('splits a two-level histogram between the levels', () => {
    const hist = new Array<number>(256).fill(0);
    hist[40] = 500;
    hist[200] = 300;
    const t = otsuThreshold(hist);
    expect(t).toBeGreaterThanOrEqual(40);
    expect(t).toBeLessThan(200);
  });
});

describe('binarisation', () => {
  // dark 10×10 square on light ground, whose brightness ramps from 120 to 250 left to right (uneven light)
  const ramp = image(120, 40, (x, y) => (x >= 50 && x < 60 && y >= 15 && y < 25 ? 60 + x * 0.5 : 120 + x));

  it('Otsu marks the dark ink', () => {
    const { bin } = binariseOtsu(image(10, 10, (x) => (x < 5 ? 30 : 220)), 'dark');
    expect(bin.data[0]).toBe(1);
    expect(bin.data[9]).toBe(0);
  });

  it('a local threshold finds the square under a light ramp and leaves the ramp alone', () => {
    for (const bin of [binariseAdaptive(ramp, 25, 10, 'dark'), binariseSauvola(ramp, 25)]) {
      expect(bin.data[20 * 120 + 55]).toBe(1);
      expect(bin.data[5 * 120 + 10]).toBe(0);
      expect(bin.data[5 * 120 + 110]).toBe(0);
    }
  });

  it('bright ink is the mirror of dark ink', () => {
    const bin = binariseAdaptive(image(30, 30, (x, y) => (x > 10 && x < 20 && y > 10 && y < 20 ? 230 : 30)), 15, 10, 'bright');
    expect(bin.data[15 * 30 + 15]).toBe(1);
    expect(bin.data[2 * 30 + 2]).toBe(0);
  });

  it('dilation closes a one-pixel gap', () => {
    const bin = { data: new Uint8Array(7), width: 7, height: 1 };
    bin.data[2] = 1;
    bin.data[4] = 1;
    expect([...dilate(bin, 1).data]).toEqual([0, 1, 1, 1, 1, 1, 0]);
  });
});

describe('dilate', () => {
  it('sets exactly the pixels within a (2r+1)² square of foreground (random images)', () => {
    const random = seededRandom(11);
    for (let n = 0; n < 200; n++) {
      const width = 1 + Math.floor(random() * 40), height = 1 + Math.floor(random() * 30), r = Math.floor(random() * 5);
      const density = random() * 0.2;
      const data = Uint8Array.from({ length: width * height }, () => (random() < density ? 1 : 0));
      const expected = new Uint8Array(data.length);
      for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
        for (let yy = Math.max(0, y - r); yy <= Math.min(height - 1, y + r); yy++) {
          for (let xx = Math.max(0, x - r); xx <= Math.min(width - 1, x + r); xx++) expected[y * width + x]! |= data[yy * width + xx]!;
        }
      }
      expect(dilate({ data, width, height }, r).data, `${width}×${height} r=${r}`).toEqual(expected);
    }
  });
});
