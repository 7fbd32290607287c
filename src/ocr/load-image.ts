// Encoded photo bytes → upright, bounded RGB pixels. Bad input is a result, never an exception.
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import { decodeHeic } from './decode-heic.js';
import { inspectImage } from './inspect-image.js';
import type { ImageHeader } from './inspect-image.js';
import type { LoadImageLimits, LoadImageResult, RawImage } from './types.js';

// Decoded pixels of one mail are used once; libvips' operation cache would only hold on to them.
sharp.cache(false);

// 'truncated' rejects cut-off files but tolerates the warnings real phone JPEGs carry ("extraneous bytes").
const FAIL_ON = 'truncated';
// A 12 MP photo takes 0.2 s (JPEG) to 1 s (HEIC) here; far longer means a pathological file.
const DECODE_TIMEOUT_SECONDS = 20;

async function decoder(bytes: Buffer, header: ImageHeader, limits: LoadImageLimits): Promise<Sharp> {
  const limitInputPixels = limits.maxInputPixels;
  if (header.format === 'heic') {
    const { width, height, data } = await decodeHeic(bytes, DECODE_TIMEOUT_SECONDS * 1000);
    return sharp(data, { raw: { width, height, channels: 4 }, limitInputPixels });
  }
  // pages: 1 → the first frame of a GIF / animated WebP
  return sharp(bytes, { limitInputPixels, failOn: FAIL_ON, pages: 1 });
}

async function toRgb(image: Sharp, maxSide: number): Promise<RawImage> {
  const { data, info } = await image
    .rotate() // EXIF orientation
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' }) // transparent areas become paper-white, not black
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .timeout({ seconds: DECODE_TIMEOUT_SECONDS })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected RGB, got ${info.channels} channels`);
  return { data, width: info.width, height: info.height, channels: 3 };
}

export async function loadImage(bytes: Buffer, limits: LoadImageLimits): Promise<LoadImageResult> {
  const inspected = await inspectImage(bytes, limits);
  if (!inspected.ok) return inspected;
  const { header } = inspected;
  try {
    const image = await toRgb(await decoder(bytes, header, limits), limits.maxSide);
    return { ok: true, image, format: header.format };
  } catch (e) {
    const message = (e as Error).message;
    if (/pixel limit/i.test(message)) return { ok: false, problem: 'image_too_large', detail: message };
    if (/timeout|took over/i.test(message)) return { ok: false, problem: 'ocr_timeout', detail: `${header.format}: ${message}` };
    return { ok: false, problem: 'image_corrupt', detail: `${header.format}: ${message}` };
  }
}
