// Rows of equally sized, evenly spaced blobs: the digits of a counter. Tolerates a tilt (±25°) because the
// row's line is fitted as it grows.
import type { Blob } from './find-blobs.js';
import { blobCx, blobCy, blobHeight, blobWidth } from './find-blobs.js';

export interface BlobRow {
  blobs: Blob[];
  /** Line through the blob centres: cy = slope · cx + intercept. */
  slope: number;
  intercept: number;
  /** Median blob height and median centre-to-centre distance. */
  height: number;
  pitch: number;
  /** Coefficients of variation of heights and of pitches (0 = perfectly regular). */
  heightSpread: number;
  pitchSpread: number;
  score: number;
}

export interface RowOptions {
  minBlobs: number;
  maxBlobs: number;
  /** Largest |slope| considered (tan 25° ≈ 0.47). */
  maxSlope: number;
}

const DEFAULT_ROW_OPTIONS: RowOptions = { minBlobs: 3, maxBlobs: 12, maxSlope: 0.47 };

/** Keeps blobs shaped like a digit: taller than wide (a tilted digit less so), not a solid block or a hairline. */
export function isDigitShaped(b: Blob, minHeight: number, maxHeight: number): boolean {
  const h = blobHeight(b);
  const w = blobWidth(b);
  if (h < minHeight || h > maxHeight) return false;
  const aspect = h / w;
  const fill = b.area / (h * w);
  return aspect >= 0.85 && aspect <= 7 && fill >= 0.12 && fill <= 0.92;
}

/** All maximal rows of ≥ minBlobs blobs, best first, no blob in two returned rows. */
export function groupBlobRows(blobs: Blob[], options: Partial<RowOptions> = {}): BlobRow[] {
  const opts = { ...DEFAULT_ROW_OPTIONS, ...options };
  const sorted = [...blobs].sort((a, b) => blobCx(a) - blobCx(b));
  const rows: BlobRow[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < sorted.length; i++) {
    for (const j of seedPartners(sorted, i, opts)) {
      const chain = growChain(sorted, i, j, opts);
      if (chain.length < opts.minBlobs) continue;
      const key = chain.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(describeRow(chain.map((k) => sorted[k]!)));
    }
  }
  rows.sort((a, b) => b.score - a.score);
  return suppressOverlapping(rows);
}

/** Up to three nearest right-hand neighbours that could be the next digit of the same row. */
function seedPartners(sorted: Blob[], i: number, opts: RowOptions): number[] {
  const a = sorted[i]!;
  const h = blobHeight(a);
  const out: number[] = [];
  for (let j = i + 1; j < sorted.length && out.length < 3; j++) {
    const b = sorted[j]!;
    const dx = blobCx(b) - blobCx(a);
    if (dx > 2.0 * h) break;
    if (dx < 0.25 * h) continue;
    const hr = blobHeight(b) / h;
    if (hr < 0.67 || hr > 1.5) continue;
    if (Math.abs(blobCy(b) - blobCy(a)) > opts.maxSlope * dx + 0.12 * h) continue;
    out.push(j);
  }
  return out;
}

/** Extends the pair (i, j) to the right, refitting the line after each added blob. */
function growChain(sorted: Blob[], i: number, j: number, opts: RowOptions): number[] {
  const chain = [i, j];
  for (;;) {
    if (chain.length >= opts.maxBlobs) break;
    const members = chain.map((k) => sorted[k]!);
    const { slope, intercept } = fitLine(members);
    const h = median(members.map(blobHeight));
    const pitch = median(pitches(members));
    const last = members[members.length - 1]!;
    let best = -1;
    let bestErr = Infinity;
    for (let k = chain[chain.length - 1]! + 1; k < sorted.length; k++) {
      const b = sorted[k]!;
      const dx = blobCx(b) - blobCx(last);
      // Up to one digit may be missing (glare, a half-turned drum): the gap is flagged by the layout.
      if (dx > 2.4 * pitch) break;
      if (dx < 0.55 * pitch) continue;
      const hr = blobHeight(b) / h;
      if (hr < 0.75 || hr > 1.5) continue;
      const dy = Math.abs(blobCy(b) - (slope * blobCx(b) + intercept));
      if (dy > 0.22 * h) continue;
      const err = Math.abs(dx - pitch) / pitch + dy / h + Math.abs(1 - hr) + (dx > 1.75 * pitch ? 2 : 0);
      if (err < bestErr) { bestErr = err; best = k; }
    }
    if (best < 0) break;
    chain.push(best);
  }
  return Math.abs(fitLine(chain.map((k) => sorted[k]!)).slope) <= opts.maxSlope ? chain : [];
}

export function describeRow(blobs: Blob[]): BlobRow {
  const { slope, intercept } = fitLine(blobs);
  const heights = blobs.map(blobHeight);
  const ps = pitches(blobs);
  const height = median(heights);
  const pitch = median(ps);
  const heightSpread = spread(heights);
  const pitchSpread = spread(ps);
  const n = blobs.length;
  const countFactor = n >= 4 && n <= 9 ? 1 : n === 3 ? 0.45 : 0.7;
  const regularity = Math.max(0, 1 - 2.5 * heightSpread) * Math.max(0, 1 - 1.5 * pitchSpread);
  // Digits of a counter sit close: pitch is about 0.6–1.2 of their height.
  const closeness = pitch / height < 1.4 ? 1 : Math.max(0, 1 - (pitch / height - 1.4));
  // A row of nearly solid bars is a grille or a barcode, not digits (drum faces with a digit inside stay below).
  const fill = blobs.reduce((a, b) => a + b.area / (blobWidth(b) * blobHeight(b)), 0) / n;
  const solid = fill > 0.86 ? 0.1 : 1;
  const score = countFactor * regularity * closeness * solid * Math.sqrt(height) * Math.min(n, 9);
  return { blobs, slope, intercept, height, pitch, heightSpread, pitchSpread, score };
}

export function fitLine(blobs: Blob[]): { slope: number; intercept: number } {
  const n = blobs.length;
  let sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const b of blobs) {
    const x = blobCx(b), y = blobCy(b);
    sx += x; sy += y; sxx += x * x; sxy += x * y;
  }
  const den = n * sxx - sx * sx;
  const slope = den === 0 ? 0 : (n * sxy - sx * sy) / den;
  return { slope, intercept: (sy - slope * sx) / n };
}

/** Distances between neighbours: centres, or right edges when closer (an LCD "1" sits at the right of its cell). */
function pitches(blobs: Blob[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < blobs.length; i++) {
    const a = blobs[i - 1]!, b = blobs[i]!;
    const dy = blobCy(b) - blobCy(a);
    const byCentre = Math.hypot(blobCx(b) - blobCx(a), dy);
    const byRight = Math.hypot(b.x1 - a.x1, dy);
    out.push(Math.abs(byRight - byCentre) < 0.08 * byCentre ? byCentre : Math.min(byCentre, byRight));
  }
  return out;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function spread(values: number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const v = values.reduce((a, b) => a + (b - mean) * (b - mean), 0) / values.length;
  return mean === 0 ? 0 : Math.sqrt(v) / mean;
}

function suppressOverlapping(rows: BlobRow[]): BlobRow[] {
  const used = new Set<Blob>();
  const out: BlobRow[] = [];
  for (const row of rows) {
    if (row.blobs.some((b) => used.has(b))) continue;
    row.blobs.forEach((b) => used.add(b));
    out.push(row);
  }
  return out;
}
