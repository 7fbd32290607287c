// Connected components of a binary image (8-connected), with their boxes and pixel counts.
import type { BinaryImage } from './binarise.js';

export interface Blob {
  /** Inclusive-exclusive box: x0 ≤ x < x1. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  area: number;
}

export const blobWidth = (b: Blob): number => b.x1 - b.x0;
export const blobHeight = (b: Blob): number => b.y1 - b.y0;
export const blobCx = (b: Blob): number => (b.x0 + b.x1) / 2;
export const blobCy = (b: Blob): number => (b.y0 + b.y1) / 2;

/** All components with at least minArea pixels. Iterative flood fill: no recursion depth limit. */
export function findBlobs(bin: BinaryImage, minArea = 4): Blob[] {
  const { width, height, data } = bin;
  const seen = new Uint8Array(data.length);
  const stack = new Int32Array(data.length);
  const blobs: Blob[] = [];
  for (let start = 0; start < data.length; start++) {
    if (data[start] === 0 || seen[start] === 1) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let x0 = width, y0 = height, x1 = 0, y1 = 0, area = 0;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % width;
      const y = (p - x) / width;
      area++;
      if (x < x0) x0 = x;
      if (x >= x1) x1 = x + 1;
      if (y < y0) y0 = y;
      if (y >= y1) y1 = y + 1;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const q = yy * width + xx;
          if (data[q] === 1 && seen[q] === 0) { seen[q] = 1; stack[top++] = q; }
        }
      }
    }
    if (area >= minArea) blobs.push({ x0, y0, x1, y1, area });
  }
  return blobs;
}

/**
 * Joins fragments of one character: seven-segment digits fall apart into segments, and a glare line can cut a
 * drum digit. Two blobs merge when they overlap horizontally by most of the narrower one and the vertical gap
 * is small against their height.
 */
export function mergeFragments(blobs: Blob[], maxGapRatio = 0.35, minOverlap = 0.5, joinUprights = false): Blob[] {
  let out = blobs.map((b) => ({ ...b }));
  for (let pass = 0; pass < 4; pass++) {
    out.sort((a, b) => a.x0 - b.x0);
    const gone = new Uint8Array(out.length);
    let merged = 0;
    for (let i = 0; i < out.length; i++) {
      if (gone[i]) continue;
      for (let j = i + 1; j < out.length && out[j]!.x0 < out[i]!.x1; j++) {
        if (gone[j] || !shouldMerge(out[i]!, out[j]!, maxGapRatio, minOverlap, joinUprights)) continue;
        out[i] = union(out[i]!, out[j]!);
        gone[j] = 1;
        merged++;
      }
    }
    out = out.filter((_, i) => !gone[i]);
    if (merged === 0) break;
  }
  return out;
}

function shouldMerge(a: Blob, b: Blob, maxGapRatio: number, minOverlap: number, joinUprights: boolean): boolean {
  const overlapX = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  if (overlapX <= 0) return false;
  if (overlapX < minOverlap * Math.min(blobWidth(a), blobWidth(b))) return false;
  // A frame around the digits (an LCD's bezel, a drum window) holds them inside its box: not a fragment of them.
  if (encloses(a, b) || encloses(b, a)) return false;
  const gapY = Math.max(a.y0, b.y0) - Math.min(a.y1, b.y1);
  const h = Math.max(blobHeight(a), blobHeight(b));
  const merged = Math.max(a.y1, b.y1) - Math.min(a.y0, b.y0);
  // The union must still look like one character, not two stacked text lines.
  // The two upright segments of a seven-segment 1 stand further apart than fragments of a wider digit (asked for
  // where LCD segments are joined; bright drum digits never need it).
  const uprights = joinUprights && blobHeight(a) >= 2.5 * blobWidth(a) && blobHeight(b) >= 2.5 * blobWidth(b);
  if (uprights) return gapY <= Math.max(maxGapRatio, 0.6) * h && merged <= 2.3 * h;
  return gapY <= maxGapRatio * h && merged <= 2.6 * Math.max(blobWidth(a), blobWidth(b), h * 0.4) + h;
}

function encloses(outer: Blob, inner: Blob): boolean {
  return outer.x0 <= inner.x0 && outer.x1 >= inner.x1 && outer.y0 <= inner.y0 && outer.y1 >= inner.y1 && blobWidth(outer) > 1.6 * blobWidth(inner);
}

export function union(a: Blob, b: Blob): Blob {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), area: a.area + b.area };
}
