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

/** All components with at least minArea pixels, in the raster order of their first pixel. Labelled by runs: each
 *  row's runs of foreground join the runs of the row above that touch them (diagonals too), in a union-find whose
 *  root is always a component's first run — ~5× faster than a flood fill over every pixel's eight neighbours. */
export function findBlobs(bin: BinaryImage, minArea = 4): Blob[] {
  const { width, height, data } = bin;
  let cap = 256;
  let start = new Int32Array(cap), end = new Int32Array(cap), row = new Int32Array(cap), parent = new Int32Array(cap);
  const rootOf = (r: number): number => {
    let root = r;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[r] !== root) { const next = parent[r]!; parent[r] = root; r = next; }
    return root;
  };
  const join = (a: number, b: number): void => {
    const ra = rootOf(a), rb = rootOf(b);
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  };
  let runs = 0;
  let above = 0; // first run of the row above
  for (let y = 0; y < height; y++) {
    const base = y * width;
    const first = runs;
    let k = above; // runs of the row above that end left of this run cannot touch it or any later one
    for (let x = 0; x < width; ) {
      if (data[base + x] !== 1) { x++; continue; }
      const s = x;
      while (x < width && data[base + x] === 1) x++;
      if (runs === cap) {
        cap *= 2;
        const grow = (a: Int32Array) => { const b = new Int32Array(cap); b.set(a); return b; };
        start = grow(start); end = grow(end); row = grow(row); parent = grow(parent);
      }
      start[runs] = s; end[runs] = x; row[runs] = y; parent[runs] = runs;
      // 8-connected: a run [a, b) above touches [s, x) when a ≤ x and b ≥ s
      while (k < first && end[k]! < s) k++;
      for (let j = k; j < first && start[j]! <= x; j++) join(j, runs);
      runs++;
    }
    above = first;
  }
  const blobs: Blob[] = [];
  const index = new Int32Array(runs).fill(-1);
  for (let r = 0; r < runs; r++) {
    const root = rootOf(r);
    if (index[root] === -1) {
      index[root] = blobs.length;
      blobs.push({ x0: start[r]!, y0: row[r]!, x1: end[r]!, y1: row[r]! + 1, area: end[r]! - start[r]! });
      continue;
    }
    const b = blobs[index[root]!]!;
    if (start[r]! < b.x0) b.x0 = start[r]!;
    if (end[r]! > b.x1) b.x1 = end[r]!;
    b.y1 = row[r]! + 1;
    b.area += end[r]! - start[r]!;
  }
  return minArea <= 1 ? blobs : blobs.filter((b) => b.area >= minArea);
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
