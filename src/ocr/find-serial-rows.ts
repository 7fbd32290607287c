// Rows of small printed characters around the counter, where the serial (№ …) is printed: found on a deskewed
// cut of the faceplate scaled so the counter's digits are REGION_DIGIT_HEIGHT tall, whatever the photo's size.
import { binariseAdaptive, integralImage } from './binarise.js';
import { blobHeight, blobWidth, findBlobs } from './find-blobs.js';
import type { Blob } from './find-blobs.js';
import type { GreyImage } from './grey-image.js';
import type { BlobRow } from './group-blob-rows.js';
import { groupBlobRows, isDigitShaped } from './group-blob-rows.js';

/** The most characters one blob of run-together print is split into (SERIAL_MAX_DIGITS). */
const SERIAL_RUN_MAX = 14;

/** The counter's digit height in the faceplate cut, px. */
export const REGION_DIGIT_HEIGHT = 100;

export interface TextRowBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Median character height and pitch of the row's blobs. */
  height: number;
  pitch: number;
  blobs: number;
  /** Light print on a darker plate ('bright'), or dark print (absent). */
  ink?: 'bright';
}

/**
 * Rows of ≥ minBlobs evenly spaced, equally tall characters (dark ones first, then light ones), between 0.09 and 0.7 of the counter's digit
 * height (a serial is printed smaller than the counter; under a large LCD's digits it may be a tenth of them, as
 * small as the fine print, which is read and passed over), nearest the counter first.
 * The counter itself — the row through `counter` (the cut's centre unless the photo's edge cut it) at the counter's height — is left out.
 */
export function findSerialRows(region: GreyImage, counter = { x: region.width / 2, y: region.height / 2 }, minBlobs = 5): TextRowBox[] {
  const h = REGION_DIGIT_HEIGHT;
  const sat = integralImage(region);
  const rows: TextRowBox[] = [];
  // Two windows: fine print needs a small one, bold serials a larger one (a stroke wider than half the window fades).
  // Dark print first; then light print, as on a dark faceplate or a plate darkened by the light of the photo.
  for (const ink of ['dark', 'bright'] as const) {
    for (const window of [Math.round(0.45 * h), Math.round(0.9 * h)]) {
      const bin = binariseAdaptive(region, window, 10, ink, sat);
      const blobs = findBlobs(bin, 6).flatMap(splitRun).filter((b) => isCharacter(b, h));
      for (const row of groupBlobRows(blobs, { minBlobs, maxBlobs: 16, maxSlope: 0.12 })) {
        if (row.pitch > 1.5 * row.height || row.heightSpread > 0.25) continue;
        const box: TextRowBox = ink === 'bright' ? { ...describe(row), ink } : describe(row);
        if (Math.abs((box.y0 + box.y1) / 2 - counter.y) < 0.5 * h && box.height > 0.5 * h) continue;
        // A row of light characters may stand where their dark holes (0, 8) make a row of dark ones: both are kept.
        if (!rows.some((r) => r.ink === box.ink && overlap(r, box) > 0.5)) rows.push(box);
      }
    }
  }
  const { x: cx, y: cy } = counter;
  const dist = (r: TextRowBox) => Math.hypot(Math.max(0, r.x0 - cx, cx - r.x1) * 0.5, (r.y0 + r.y1) / 2 - cy);
  // Dark print is the usual: its rows come first, each kind nearest first.
  const order = (r: TextRowBox) => (r.ink === 'bright' ? 1e9 : 0) + dist(r);
  return joinSplitRows(rows).sort((a, b) => order(a) - order(b));
}

/** A long serial, or one with a gap in its print, can come out as two rows side by side on one line: one row again. */
export function joinSplitRows(rows: TextRowBox[]): TextRowBox[] {
  const out = [...rows].sort((a, b) => a.x0 - b.x0);
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      const a = out[i]!, b = out[j]!;
      const h = Math.max(a.height, b.height);
      const sameLine = a.ink === b.ink && Math.abs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2) < 0.3 * h && Math.min(a.height, b.height) > 0.75 * h;
      if (!sameLine || b.x0 - a.x1 > 2.5 * h) continue;
      out[i] = { ...a, x0: a.x0, y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), height: h, pitch: (a.pitch + b.pitch) / 2, blobs: a.blobs + b.blobs };
      out.splice(j, 1);
      j = i;
    }
  }
  return out;
}

/** Bold print at a small size runs digits together, a shaken photo a whole serial: a blob two to fourteen
 *  characters wide (the longest serial) stands for that many (a digit of such print is about 0.72 of its height wide). */
export function splitRun(b: Blob): Blob[] {
  const w = blobWidth(b), hh = blobHeight(b);
  if (w < 1.1 * hh) return [b];
  const n = Math.round(w / (0.72 * hh));
  if (n < 2 || n > SERIAL_RUN_MAX) return [b];
  return Array.from({ length: n }, (_, i) => {
    const x0 = Math.round(b.x0 + (i * w) / n), x1 = Math.round(b.x0 + ((i + 1) * w) / n);
    return { ...b, x0, x1, area: b.area / n };
  });
}

function isCharacter(b: Blob, h: number): boolean {
  return isDigitShaped(b, 0.09 * h, 0.7 * h) && blobHeight(b) <= 3.5 * blobWidth(b);
}

function describe(row: BlobRow): TextRowBox {
  const bs = row.blobs;
  return {
    x0: Math.min(...bs.map((b) => b.x0)), y0: Math.min(...bs.map((b) => b.y0)),
    x1: Math.max(...bs.map((b) => b.x1)), y1: Math.max(...bs.map((b) => b.y1)),
    height: row.height, pitch: row.pitch, blobs: bs.length,
  };
}

function overlap(a: TextRowBox, b: TextRowBox): number {
  const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
  const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  const area = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
  return area === 0 ? 0 : (ix * iy) / area;
}
