// Where might the counter be? Rows of digit-shaped blobs, light-on-dark (drum windows) and dark-on-light
// (LCDs, white drums), found on a downscaled grey copy of the photo.
import { binariseAdaptive, dilate, integralImage } from './binarise.js';
import type { Blob } from './find-blobs.js';
import { findBlobs, mergeFragments, blobHeight } from './find-blobs.js';
import type { GreyImage } from './grey-image.js';
import type { BlobRow } from './group-blob-rows.js';
import { groupBlobRows, isDigitShaped } from './group-blob-rows.js';

export type Ink = 'bright' | 'dark';

export interface DisplayCandidate {
  ink: Ink;
  row: BlobRow;
  /** Analysis image → original image coordinates: divide by this. */
  scale: number;
  score: number;
}

export interface FindOptions {
  /** Digit heights considered, as fractions of the analysis image's longer side. */
  minDigitHeight: number;
  maxDigitHeight: number;
  maxCandidates: number;
}

export const DEFAULT_FIND_OPTIONS: FindOptions = { minDigitHeight: 0.007, maxDigitHeight: 0.16, maxCandidates: 8 };

export function findDisplayCandidates(grey: GreyImage, scale: number, options: Partial<FindOptions> = {}): DisplayCandidate[] {
  const opts = { ...DEFAULT_FIND_OPTIONS, ...options };
  const side = Math.max(grey.width, grey.height);
  const minH = Math.max(7, opts.minDigitHeight * side);
  const maxH = opts.maxDigitHeight * side;
  const sat = integralImage(grey);
  const out: (DisplayCandidate & { undilated: boolean })[] = [];
  for (const ink of ['bright', 'dark'] as const) {
    for (const window of [Math.round(side / 28), Math.round(side / 12)]) {
      const bin = binariseAdaptive(grey, window, 9, ink, sat);
      // Dilation closes the gaps between LCD segments, but joins the digits of a small or italic LCD whose
      // digits stand close: the segments are then joined by mergeFragments alone.
      for (const b of ink === 'dark' ? [dilate(bin, 1), bin] : [bin]) {
        const blobs = digitBlobs(findBlobs(b, 6), minH, maxH, ink);
        for (const row of groupBlobRows(blobs)) out.push({ ink, row, scale, score: row.score, undilated: b === bin && ink === 'dark' });
      }
    }
  }
  // Of rows found both ways the more regular one stays; rows only the undilated pass found are mostly faceplate
  // print and are read after the others, so they cannot crowd the counter out.
  return dedupe(out.sort((a, b) => b.score - a.score))
    .map(({ undilated, ...c }) => ({ ...c, score: undilated ? 0.5 * c.score : c.score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, opts.maxCandidates);
}

/** Digit-shaped blobs; on the dark side, segments of seven-segment digits are joined first. */
function digitBlobs(blobs: Blob[], minH: number, maxH: number, ink: Ink): Blob[] {
  const small = blobs.filter((b) => blobHeight(b) <= maxH && b.x1 - b.x0 <= maxH);
  const joined = ink === 'dark' ? mergeFragments(small, 0.35, 0.5, true) : small;
  return joined.filter((b) => isDigitShaped(b, minH, maxH));
}

/** The two window sizes often find the same row: keep the better of rows that overlap. */
function dedupe<T extends DisplayCandidate>(cands: T[]): T[] {
  const kept: T[] = [];
  for (const c of cands) {
    if (!kept.some((k) => k.ink === c.ink && overlap(rowBox(k.row), rowBox(c.row)) > 0.5)) kept.push(c);
  }
  return kept;
}

export function rowBox(row: BlobRow): { x0: number; y0: number; x1: number; y1: number } {
  return {
    x0: Math.min(...row.blobs.map((b) => b.x0)), y0: Math.min(...row.blobs.map((b) => b.y0)),
    x1: Math.max(...row.blobs.map((b) => b.x1)), y1: Math.max(...row.blobs.map((b) => b.y1)),
  };
}

function overlap(a: ReturnType<typeof rowBox>, b: ReturnType<typeof rowBox>): number {
  const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
  const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  const inter = ix * iy;
  const area = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
  return area === 0 ? 0 : inter / area;
}
