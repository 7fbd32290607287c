import { describe, expect, it } from 'vitest';
import { toGrey } from './grey-image.js';
import type { RawImage } from './types.js';
import { seededRandom } from './testing/seeded-random.js';

/** The plain definition: each output pixel is the rounded mean luma of the input pixels its area covers. */
function plainGrey(image: RawImage, maxSide: number): Uint8Array {
  const f = Math.max(1, Math.max(image.width, image.height) / maxSide);
  const width = Math.max(1, Math.floor(image.width / f)), height = Math.max(1, Math.floor(image.height / f));
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const ya = Math.floor(y * f), yb = Math.max(ya + 1, Math.floor((y + 1) * f));
    for (let x = 0; x < width; x++) {
      const xa = Math.floor(x * f), xb = Math.max(xa + 1, Math.floor((x + 1) * f));
      let sum = 0;
      for (let yy = ya; yy < yb; yy++) for (let xx = xa; xx < xb; xx++) {
        const i = (yy * image.width + xx) * image.channels;
        const d = image.data;
        sum += image.channels === 1 ? d[i]! : (d[i]! * 77 + d[i + 1]! * 150 + d[i + 2]! * 29) >> 8;
      }
      out[y * width + x] = Math.round(sum / ((yb - ya) * (xb - xa)));
    }
  }
  return out;
}

describe('toGrey', () => {
  it('is the mean luma over each output pixel\'s area, downscaled or not (random images)', () => {
    const random = seededRandom(3);
    for (let n = 0; n < 120; n++) {
      const width = 1 + Math.floor(random() * 50), height = 1 + Math.floor(random() * 50);
      const channels = random() < 0.3 ? 1 : 3;
      const image = { data: Buffer.from(Array.from({ length: width * height * channels }, () => Math.floor(random() * 256))), width, height, channels } as RawImage;
      for (const maxSide of [Math.max(width, height), Math.max(width, height) + 7, Math.ceil(Math.max(width, height) / 2.5), 3]) {
        const { grey, scale } = toGrey(image, maxSide);
        expect(grey.data, `${width}×${height}×${channels} → ${maxSide}`).toEqual(plainGrey(image, maxSide));
        expect(scale).toBe(grey.width / width);
      }
    }
  });
});
