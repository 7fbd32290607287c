// Binarisation: a global Otsu threshold for normalised crops, a local-mean threshold for whole photos.
import type { GreyImage } from './grey-image.js';
import { histogram } from './grey-image.js';

/** 1 = foreground. */
export interface BinaryImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Otsu's threshold of a 256-bin histogram: foreground is > threshold. */
export function otsuThreshold(hist: ArrayLike<number>): number {
  let total = 0;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) { total += hist[v]!; sumAll += v * hist[v]!; }
  let wB = 0;
  let sumB = 0;
  let best = 0;
  let bestVar = -1;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > bestVar) { bestVar = between; best = t; }
  }
  return best;
}

/** Foreground = pixels on the given side of the Otsu threshold ('dark' marks dark ink). */
export function binariseOtsu(img: GreyImage, ink: 'dark' | 'bright'): { bin: BinaryImage; threshold: number } {
  const threshold = otsuThreshold(histogram(img.data));
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) {
    const v = img.data[i]!;
    data[i] = ink === 'dark' ? (v <= threshold ? 1 : 0) : (v > threshold ? 1 : 0);
  }
  return { bin: { data, width: img.width, height: img.height }, threshold };
}

/** Summed-area table with one extra row and column of zeros. */
export function integralImage(img: GreyImage): Float64Array {
  const w = img.width + 1;
  const sat = new Float64Array(w * (img.height + 1));
  for (let y = 0; y < img.height; y++) {
    let row = 0;
    for (let x = 0; x < img.width; x++) {
      row += img.data[y * img.width + x]!;
      sat[(y + 1) * w + x + 1] = sat[y * w + x + 1]! + row;
    }
  }
  return sat;
}

/** Mean of the box [x0,x1) × [y0,y1), clipped to the image. */
export function boxMean(sat: Float64Array, width: number, height: number, x0: number, y0: number, x1: number, y1: number): number {
  const ax = Math.max(0, x0), ay = Math.max(0, y0), bx = Math.min(width, x1), by = Math.min(height, y1);
  const w = width + 1;
  const n = (bx - ax) * (by - ay);
  if (n <= 0) return 0;
  return (sat[by * w + bx]! - sat[ay * w + bx]! - sat[by * w + ax]! + sat[ay * w + ax]!) / n;
}

/**
 * Local-mean threshold: a pixel is foreground when it differs from the mean of its window by more than
 * `offset` towards the ink side. Works under uneven light and glare, where one global threshold fails.
 */
export function binariseAdaptive(img: GreyImage, window: number, offset: number, ink: 'dark' | 'bright', sat = integralImage(img)): BinaryImage {
  const r = Math.max(1, Math.floor(window / 2));
  const { width, height } = img;
  const w1 = width + 1;
  const data = new Uint8Array(img.data.length);
  // Each column's window edges are the same on every row.
  const xas = new Int32Array(width), xbs = new Int32Array(width);
  for (let x = 0; x < width; x++) { xas[x] = Math.max(0, x - r); xbs[x] = Math.min(width, x + r + 1); }
  const dark = ink === 'dark';
  for (let y = 0; y < height; y++) {
    const ya = Math.max(0, y - r), yb = Math.min(height, y + r + 1);
    const rowA = ya * w1, rowB = yb * w1, rows = yb - ya, line = y * width;
    for (let x = 0; x < width; x++) {
      const xa = xas[x]!, xb = xbs[x]!;
      const m = (sat[rowB + xb]! - sat[rowA + xb]! - sat[rowB + xa]! + sat[rowA + xa]!) / (rows * (xb - xa));
      const v = img.data[line + x]!;
      data[line + x] = dark ? (v < m - offset ? 1 : 0) : (v > m + offset ? 1 : 0);
    }
  }
  return { data, width, height };
}

/** Binary dilation by a (2r+1)² square, separable: closes the hairline gaps between LCD segments. Each pass asks
 *  whether a window holds any foreground by the distance to the nearest foreground pixel before it, so its cost
 *  does not grow with r. */
export function dilate(bin: BinaryImage, r: number): BinaryImage {
  if (r <= 0) return bin;
  const { width, height } = bin;
  const tmp = new Uint8Array(bin.data.length);
  const out = new Uint8Array(bin.data.length);
  spread(bin.data, tmp, width, height, 1, width, r);
  spread(tmp, out, height, width, width, 1, r);
  return { data: out, width, height };
}

/** One pass of dilate(): along `lines` lines of `length` pixels (step `along` within a line, `across` between
 *  lines), a pixel is set when any pixel within r of it on its line is. */
function spread(src: Uint8Array, dst: Uint8Array, length: number, lines: number, along: number, across: number, r: number): void {
  for (let line = 0; line < lines; line++) {
    const base = line * across;
    let last = -Infinity; // the last foreground pixel at or before i + r
    for (let i = 0, ahead = 0; i < length; i++) {
      for (; ahead <= i + r && ahead < length; ahead++) if (src[base + ahead * along]) last = ahead;
      dst[base + i * along] = last >= i - r ? 1 : 0;
    }
  }
}

/**
 * Sauvola's threshold (dark ink): a pixel is ink when darker than m·(1 + k·(s/128 − 1)) over its window.
 * Follows glare and shadows better than a fixed offset from the mean, since low-contrast windows demand more.
 */
export function binariseSauvola(img: GreyImage, window: number, k = 0.2): BinaryImage {
  const r = Math.max(1, Math.floor(window / 2));
  const { width, height } = img;
  const w1 = width + 1;
  const sum = new Float64Array(w1 * (height + 1));
  const sq = new Float64Array(w1 * (height + 1));
  for (let y = 0; y < height; y++) {
    let rs = 0, rq = 0;
    for (let x = 0; x < width; x++) {
      const v = img.data[y * width + x]!;
      rs += v; rq += v * v;
      sum[(y + 1) * w1 + x + 1] = sum[y * w1 + x + 1]! + rs;
      sq[(y + 1) * w1 + x + 1] = sq[y * w1 + x + 1]! + rq;
    }
  }
  const data = new Uint8Array(img.data.length);
  for (let y = 0; y < height; y++) {
    const ya = Math.max(0, y - r), yb = Math.min(height, y + r + 1);
    for (let x = 0; x < width; x++) {
      const xa = Math.max(0, x - r), xb = Math.min(width, x + r + 1);
      const n = (yb - ya) * (xb - xa);
      const s1 = sum[yb * w1 + xb]! - sum[ya * w1 + xb]! - sum[yb * w1 + xa]! + sum[ya * w1 + xa]!;
      const s2 = sq[yb * w1 + xb]! - sq[ya * w1 + xb]! - sq[yb * w1 + xa]! + sq[ya * w1 + xa]!;
      const m = s1 / n;
      const sd = Math.sqrt(Math.max(0, s2 / n - m * m));
      data[y * width + x] = img.data[y * width + x]! < m * (1 + k * (sd / 128 - 1)) && sd > 6 ? 1 : 0;
    }
  }
  return { data, width, height };
}
