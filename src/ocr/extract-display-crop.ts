// Cuts the counter out of the full-resolution photo: the rotated rectangle around a candidate digit row,
// deskewed and scaled to a fixed digit height. sharp does the pixel work; the geometry is computed here.
import sharp from 'sharp';
import type { DisplayCandidate } from './find-display-candidates.js';
import { blobCx, blobCy } from './find-blobs.js';
import type { CropBox, RawImage } from './types.js';

/** Digit height in the normalised crop, px. */
export const CROP_DIGIT_HEIGHT = 40;

export interface DisplayCrop {
  /** Deskewed RGB crop, digits about CROP_DIGIT_HEIGHT tall and horizontal. */
  image: RawImage;
  /** Rotation applied to deskew, degrees (the photo's tilt is the negative). */
  angleDeg: number;
  /** The crop's box in the photo, axis-aligned around the rotated rectangle. */
  box: CropBox;
  /** Expected digit pitch in the crop, px. */
  pitch: number;
  /** The digit height in the photo the crop was scaled from, px. */
  sourceDigitHeight: number;
  /** Where the rectangle's centre is in the crop, px: off the crop's centre when the photo's edge cut the crop. */
  centre: { x: number; y: number };
}

export interface CropGeometry {
  centreX: number;
  centreY: number;
  length: number;
  height: number;
  angle: number;
  digitHeight: number;
  pitch: number;
}

/** The rotated rectangle around a candidate row in photo coordinates, one pitch wider on each side. */
export function cropGeometry(c: DisplayCandidate, extraPitches = 2.2): CropGeometry {
  const blobs = c.row.blobs;
  const first = blobs[0]!, last = blobs[blobs.length - 1]!;
  const s = c.scale;
  const x0 = blobCx(first) / s, y0 = blobCy(first) / s, x1 = blobCx(last) / s, y1 = blobCy(last) / s;
  const angle = Math.atan2(y1 - y0, x1 - x0);
  // Box heights grow with tilt; the digit's own height is about the box height times cos.
  const digitHeight = (c.row.height / s) * Math.cos(angle) * 0.95;
  const pitch = c.row.pitch / s;
  return {
    centreX: (x0 + x1) / 2, centreY: (y0 + y1) / 2,
    length: Math.hypot(x1 - x0, y1 - y0) + 2 * extraPitches * pitch + digitHeight,
    height: 3 * digitHeight, angle, digitHeight, pitch,
  };
}

export async function extractDisplayCrop(image: RawImage, g: CropGeometry): Promise<DisplayCrop> {
  const cos = Math.abs(Math.cos(g.angle)), sin = Math.abs(Math.sin(g.angle));
  const ex = (g.length / 2) * cos + (g.height / 2) * sin + 2;
  const ey = (g.length / 2) * sin + (g.height / 2) * cos + 2;
  const left = clampInt(g.centreX - ex, 0, image.width - 2), top = clampInt(g.centreY - ey, 0, image.height - 2);
  const right = clampInt(g.centreX + ex, left + 2, image.width), bottom = clampInt(g.centreY + ey, top + 2, image.height);
  const region = { left, top, width: right - left, height: bottom - top };
  const angleDeg = (-g.angle * 180) / Math.PI;
  const rotated = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .extract(region)
    .rotate(angleDeg, { background: { r: 128, g: 128, b: 128 } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Where the rectangle's centre went: rotate its offset from the region centre by −angle.
  const dx = g.centreX - (left + region.width / 2), dy = g.centreY - (top + region.height / 2);
  const c = Math.cos(g.angle), s = Math.sin(g.angle);
  const cx = rotated.info.width / 2 + dx * c + dy * s;
  const cy = rotated.info.height / 2 - dx * s + dy * c;
  const l2 = clampInt(cx - g.length / 2, 0, rotated.info.width - 2), t2 = clampInt(cy - g.height / 2, 0, rotated.info.height - 2);
  const w2 = clampInt(g.length, 2, rotated.info.width - l2), h2 = clampInt(g.height, 2, rotated.info.height - t2);
  const k = CROP_DIGIT_HEIGHT / Math.max(1, g.digitHeight);
  const out = await sharp(rotated.data, { raw: { width: rotated.info.width, height: rotated.info.height, channels: rotated.info.channels } })
    .extract({ left: l2, top: t2, width: w2, height: h2 })
    .resize(Math.max(8, Math.round(w2 * k)), Math.max(8, Math.round(h2 * k)), { kernel: 'linear' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const channels = out.info.channels === 1 ? 1 : 3;
  return {
    image: { data: out.data, width: out.info.width, height: out.info.height, channels },
    angleDeg,
    box: { left: Math.round(g.centreX - ex), top: Math.round(g.centreY - ey), width: Math.round(2 * ex), height: Math.round(2 * ey) },
    pitch: g.pitch * k,
    sourceDigitHeight: g.digitHeight,
    centre: { x: ((cx - l2) * out.info.width) / w2, y: ((cy - t2) * out.info.height) / h2 },
  };
}

/** PNG of a grey image, for the text recogniser. */
export async function encodeGreyPng(data: Uint8Array, width: number, height: number, scale = 1): Promise<Buffer> {
  let img = sharp(Buffer.from(data.buffer, data.byteOffset, data.length), { raw: { width, height, channels: 1 } });
  if (scale !== 1) img = img.resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'cubic' });
  return img.png({ compressionLevel: 1 }).toBuffer();
}

function clampInt(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.round(v)));
}
