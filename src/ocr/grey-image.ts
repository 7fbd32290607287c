// Grey-level images for analysis: plain Uint8Array pixels, no library. sharp is used only for crops.
import type { RawImage } from './types.js';

export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Luma of an RGB or grey RawImage, downscaled by area averaging so the longer side is at most maxSide. */
export function toGrey(image: RawImage, maxSide: number): { grey: GreyImage; scale: number } {
  const f = Math.max(1, Math.max(image.width, image.height) / maxSide);
  const width = Math.max(1, Math.floor(image.width / f));
  const height = Math.max(1, Math.floor(image.height / f));
  const out = new Uint8Array(width * height);
  const ch = image.channels;
  const src = image.data;
  if (f === 1) {
    // no downscale: each pixel's own luma
    if (ch === 1) out.set(src.subarray(0, out.length));
    else for (let o = 0, i = 0; o < out.length; o++, i += ch) out[o] = (src[i]! * 77 + src[i + 1]! * 150 + src[i + 2]! * 29) >> 8;
    return { grey: { data: out, width, height }, scale: 1 };
  }
  // The columns each output pixel averages are the same on every row.
  const xa = new Int32Array(width), xb = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    xa[x] = Math.floor(x * f);
    xb[x] = Math.max(xa[x]! + 1, Math.floor((x + 1) * f));
  }
  for (let y = 0; y < height; y++) {
    const ya = Math.floor(y * f), yb = Math.max(ya + 1, Math.floor((y + 1) * f));
    for (let x = 0; x < width; x++) {
      const x0 = xa[x]!, x1 = xb[x]!;
      let sum = 0;
      for (let yy = ya; yy < yb; yy++) {
        const rowStart = (yy * image.width + x0) * ch, rowEnd = (yy * image.width + x1) * ch;
        if (ch === 1) for (let i = rowStart; i < rowEnd; i++) sum += src[i]!;
        else for (let i = rowStart; i < rowEnd; i += ch) sum += (src[i]! * 77 + src[i + 1]! * 150 + src[i + 2]! * 29) >> 8;
      }
      out[y * width + x] = Math.round(sum / ((yb - ya) * (x1 - x0)));
    }
  }
  return { grey: { data: out, width, height }, scale: width / image.width };
}

/** Stretches the 2nd..98th percentile of grey levels to 0..255 in place. */
export function stretchContrast(img: GreyImage): void {
  const hist = histogram(img.data);
  const lo = percentile(hist, img.data.length, 0.02);
  const hi = percentile(hist, img.data.length, 0.98);
  if (hi - lo < 8) return;
  const k = 255 / (hi - lo);
  for (let i = 0; i < img.data.length; i++) img.data[i] = clamp255((img.data[i]! - lo) * k);
}

export function invert(img: GreyImage): GreyImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = 255 - img.data[i]!;
  return { data, width: img.width, height: img.height };
}

export function histogram(data: Uint8Array): Uint32Array {
  const hist = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  return hist;
}

export function percentile(hist: Uint32Array, total: number, p: number): number {
  const target = total * p;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= target) return v;
  }
  return 255;
}

export function clamp255(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}
