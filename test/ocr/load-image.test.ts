import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { decodeHeic } from '../../src/ocr/decode-heic.js';
import { loadImage } from '../../src/ocr/load-image.js';
import type { RawImage } from '../../src/ocr/types.js';
import { BLUE, MINIMAL_PDF, RED, REMOTE_SVG, bombPng, halvesImage, twoFrameGif } from './make-images.js';

const LIMITS = { maxBytes: 15 * 1024 * 1024, maxInputPixels: 50_000_000, maxSide: 2000 };
const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'ocr');

function pixel(image: RawImage, x: number, y: number): number[] {
  const i = (y * image.width + x) * image.channels;
  return [...image.data.subarray(i, i + image.channels)];
}

/** Close to the colour (lossy codecs move it a little). */
function near(actual: number[], expected: readonly number[]): boolean {
  return actual.every((v, i) => Math.abs(v - expected[i]!) <= 40);
}

async function loaded(bytes: Buffer, limits = LIMITS): Promise<{ image: RawImage; format: string }> {
  const result = await loadImage(bytes, limits);
  if (!result.ok) throw new Error(`${result.problem}: ${result.detail}`);
  return result;
}

describe('loadImage: formats', () => {
  const encoders: [string, () => Promise<Buffer>][] = [
    ['jpeg', () => halvesImage(400, 300).jpeg().toBuffer()],
    ['png', () => halvesImage(400, 300).png().toBuffer()],
    ['webp', () => halvesImage(400, 300).webp().toBuffer()],
    ['gif', () => twoFrameGif(400, 300)],
    ['avif', () => halvesImage(400, 300).avif({ effort: 0 }).toBuffer()],
    ['heic', async () => readFileSync(path.join(FIXTURES, 'halves-400x300.heic'))],
  ];

  it.each(encoders)('decodes %s to upright RGB (first frame of a GIF)', async (format, encode) => {
    const { image, format: detected } = await loaded(await encode());
    expect(detected).toBe(format);
    expect([image.width, image.height, image.channels]).toEqual([400, 300, 3]);
    expect(image.data.length).toBe(400 * 300 * 3);
    expect(near(pixel(image, 50, 150), RED)).toBe(true);
    expect(near(pixel(image, 350, 150), BLUE)).toBe(true);
  });

  it('decodes a HEIC with alpha to RGB', async () => {
    const { image, format } = await loaded(readFileSync(path.join(FIXTURES, 'digits-alpha-400x300.heic')));
    expect([format, image.width, image.height, image.channels]).toEqual(['heic', 400, 300, 3]);
  });

  it('applies EXIF orientation 6 (width and height swapped, left half now on top)', async () => {
    const bytes = await halvesImage(400, 300).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const { image } = await loaded(bytes);
    expect([image.width, image.height]).toEqual([300, 400]);
    expect(near(pixel(image, 150, 50), RED)).toBe(true);
    expect(near(pixel(image, 150, 350), BLUE)).toBe(true);
  });

  it('flattens transparency onto white and drops alpha', async () => {
    const bytes = await sharp({ create: { width: 300, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const { image } = await loaded(bytes);
    expect(image.channels).toBe(3);
    expect(pixel(image, 10, 10)).toEqual([255, 255, 255]);
  });

  it('gives 8-bit RGB for greyscale, 16-bit and CMYK input', async () => {
    const grey = await halvesImage(300, 300).greyscale().jpeg().toBuffer();
    const deep = await halvesImage(300, 300).toColourspace('rgb16').png().toBuffer();
    const cmyk = await halvesImage(300, 300).toColourspace('cmyk').jpeg().toBuffer();
    for (const bytes of [grey, deep, cmyk]) {
      const { image } = await loaded(bytes);
      expect([image.channels, image.data.length]).toEqual([3, 300 * 300 * 3]);
    }
  });

  it('downscales so the longer side is at most maxSide, keeping the aspect', async () => {
    const { image } = await loaded(await halvesImage(4000, 3000).jpeg().toBuffer());
    expect([image.width, image.height]).toEqual([2000, 1500]);
  });

  it('detects by content, not by name: a JPEG is a JPEG whatever it is called', async () => {
    const { format } = await loaded(await halvesImage(300, 300).jpeg().toBuffer());
    expect(format).toBe('jpeg');
  });
});

describe('loadImage: bad input is a result', () => {
  it('zero bytes → image_empty', async () => {
    expect(await loadImage(Buffer.alloc(0), LIMITS)).toMatchObject({ ok: false, problem: 'image_empty' });
  });

  it('a truncated JPEG → image_corrupt', async () => {
    const jpeg = await halvesImage(800, 600).jpeg().toBuffer();
    const result = await loadImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)), LIMITS);
    expect(result).toMatchObject({ ok: false, problem: 'image_corrupt' });
  });

  it('a JPEG with extraneous bytes before a marker (a libjpeg warning, common from phones) still decodes', async () => {
    const jpeg = await halvesImage(800, 600).jpeg().toBuffer();
    const marker = jpeg.indexOf(Buffer.from([0xff, 0xdb]), 4);
    const bytes = Buffer.concat([jpeg.subarray(0, marker), Buffer.from([1, 2, 3, 4]), jpeg.subarray(marker)]);
    expect(await loadImage(bytes, LIMITS)).toMatchObject({ ok: true, image: { width: 800, height: 600 } });
  });

  it('a truncated HEIC → image_corrupt with libheif\'s reason, nothing printed', async () => {
    const heic = readFileSync(path.join(FIXTURES, 'halves-400x300.heic'));
    const write = vi.spyOn(process.stdout, 'write');
    const result = await loadImage(heic.subarray(0, heic.length - 50), LIMITS);
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
    expect(result).toMatchObject({ ok: false, problem: 'image_corrupt' });
    expect(result.ok === false && result.detail).toMatch(/outside of file bounds/);
  });

  it('HEIC decoding has a time limit (its thread is terminated)', async () => {
    const heic = readFileSync(path.join(FIXTURES, 'halves-400x300.heic'));
    await expect(decodeHeic(heic, 1)).rejects.toThrow(/took over 1 ms/);
  });

  it('JPEG magic followed by garbage → image_corrupt', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 0x5a)]);
    expect(await loadImage(bytes, LIMITS)).toMatchObject({ ok: false, problem: 'image_corrupt' });
  });

  it('random bytes → image_unsupported (no known magic)', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
    expect(await loadImage(bytes, LIMITS)).toMatchObject({ ok: false, problem: 'image_unsupported' });
  });

  it.each([
    ['PDF', MINIMAL_PDF],
    ['SVG (never rendered: it could fetch remote resources)', REMOTE_SVG],
  ])('%s → image_unsupported', async (_name, bytes) => {
    expect(await loadImage(bytes, LIMITS)).toMatchObject({ ok: false, problem: 'image_unsupported' });
  });

  it('TIFF → image_unsupported', async () => {
    const tiff = await halvesImage(300, 300).tiff().toBuffer();
    expect(await loadImage(tiff, LIMITS)).toMatchObject({ ok: false, problem: 'image_unsupported' });
  });

  it('over the byte limit → image_too_large, before anything is read', async () => {
    const jpeg = await halvesImage(400, 300).jpeg().toBuffer();
    const result = await loadImage(jpeg, { ...LIMITS, maxBytes: jpeg.length - 1 });
    expect(result).toMatchObject({ ok: false, problem: 'image_too_large' });
  });

  it('a 20,000 × 20,000 PNG → image_too_large from its header: fast, memory bounded', async () => {
    const bomb = bombPng(20_000, 20_000);
    expect(bomb.length).toBeLessThan(LIMITS.maxBytes);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const result = await loadImage(bomb, LIMITS);
    const ms = performance.now() - started;
    const grownMb = (process.memoryUsage().rss - rss) / 1024 / 1024;
    expect(result).toMatchObject({ ok: false, problem: 'image_too_large' });
    expect(ms).toBeLessThan(1000);
    expect(grownMb).toBeLessThan(100);
  });
});
