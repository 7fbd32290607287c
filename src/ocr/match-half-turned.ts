// A drum caught between two digits, read by matching glyph templates to its pieces. Pure.
//
// The window shows the lower part of the digit leaving at the top and the upper part of the next one coming in
// from below. The piece above ends where its digit's baseline is; the piece below starts at its digit's cap
// line. So each template is placed without searching for the roll: digit d on the upper piece and d + 1 on the
// lower piece, and the pair (d, d + 1 mod 10) is scored as one. The reading is the digit leaving, d.
// Templates are the digits of a few sans typefaces (glyph-templates.ts); the photo's own whole digits pick the
// typeface and give the glyphs' width and height, so a condensed drum font is matched as condensed.
import type { BinaryImage } from './binarise.js';
import type { DigitAlternative } from './expand-candidates.js';
import type { Blob } from './find-blobs.js';
import { blobCx, blobCy, blobHeight, blobWidth, findBlobs, union } from './find-blobs.js';
import type { FontGlyphs } from './glyph-templates.js';

export interface KnownGlyph {
  box: Blob;
  digit: number;
}

export interface HalfTurnedMatch {
  /** The digit leaving (the reading), best first, with probabilities. */
  alternatives: DigitAlternative[];
  /** Pair scores (0..1, Dice of ink) for d = 0..9. */
  scores: number[];
  /** How well the chosen typeface fits the photo's whole digits (0..1). */
  fontFit: number;
  /** Share of a glyph's height seen above and below. */
  seen: { upper: number; lower: number };
}

interface Template { cols: number; rows: number; ink: Float32Array }

/** Grid of ink 0..1 from a font's digit string. */
export function templateOf(font: FontGlyphs, digit: number): Template {
  const s = font.digits[digit]!;
  const ink = new Float32Array(s.length);
  for (let i = 0; i < s.length; i++) ink[i] = (s.charCodeAt(i) - 48) / 9;
  return { cols: font.cols, rows: font.rows, ink };
}

/** Template ink at image pixel (x, y) for a template spanning [gx0, gx0 + w) × [gy0, gy0 + h); 0 outside. */
function sample(t: Template, gx0: number, gy0: number, w: number, h: number, x: number, y: number): number {
  const c = Math.floor(((x + 0.5 - gx0) / w) * t.cols), r = Math.floor(((y + 0.5 - gy0) / h) * t.rows);
  if (c < 0 || c >= t.cols || r < 0 || r >= t.rows) return 0;
  return t.ink[r * t.cols + c]!;
}

/**
 * Dice overlap of template ink and image ink over the rows [ry0, ry1) and the columns [cx - w, cx + w), the
 * template's glyph box starting at gy0 and centred on cx; the best over small shifts.
 */
export function overlap(bin: BinaryImage, t: Template, cx: number, gy0: number, w: number, h: number, ry0: number, ry1: number, shift: number): number {
  let best = 0;
  const xa = Math.max(0, Math.round(cx - w)), xb = Math.min(bin.width, Math.round(cx + w));
  const ya = Math.max(0, Math.round(ry0)), yb = Math.min(bin.height, Math.round(ry1));
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -shift; dx <= shift; dx++) {
      let both = 0, tSum = 0, oSum = 0;
      for (let y = ya; y < yb; y++) {
        for (let x = xa; x < xb; x++) {
          const t1 = sample(t, cx + dx - w / 2, gy0 + dy, w, h, x, y);
          const o = bin.data[y * bin.width + x]!;
          both += t1 * o; tSum += t1; oSum += o;
        }
      }
      if (tSum + oSum > 0) best = Math.max(best, (2 * both) / (tSum + oSum));
    }
  }
  return best;
}

/** The typeface whose digits best cover the photo's whole digits, and how well. */
export function pickFont(bin: BinaryImage, known: readonly KnownGlyph[], fonts: readonly FontGlyphs[], w: number, top: number, h: number): { font: FontGlyphs; fit: number } | null {
  let best: { font: FontGlyphs; fit: number } | null = null;
  for (const font of fonts) {
    let sum = 0;
    for (const k of known) {
      const t = templateOf(font, k.digit);
      sum += overlap(bin, t, blobCx(k.box), top, w, h, top, top + h, 1);
    }
    const fit = known.length > 0 ? sum / known.length : 0;
    if (!best || fit > best.fit) best = { font, fit };
  }
  return best;
}

/**
 * Reads the half-turned drum in `slot` (a placeholder box on the row) from the pieces in its column.
 * `known` are the row's digits read surely (at least two); `width` a whole digit's cell width (not a 1's).
 */
export function matchHalfTurned(bin: BinaryImage, slot: Blob, known: readonly KnownGlyph[], fonts: readonly FontGlyphs[], width: number): HalfTurnedMatch | null {
  if (known.length < 2 || fonts.length === 0) return null;
  const top = median(known.map((k) => k.box.y0)), bottom = median(known.map((k) => k.box.y1));
  const h = bottom - top, mid = (top + bottom) / 2, cx = blobCx(slot);
  if (h < 8 || width < 4) return null;
  const pieces = piecesIn(bin, cx, width, top, bottom);
  const upper = pieces.filter((p) => blobCy(p) < mid && p.y1 < bottom - 0.04 * h);
  const lower = pieces.filter((p) => blobCy(p) >= mid && p.y0 > top + 0.04 * h);
  if (upper.length === 0 && lower.length === 0) return null;
  const up = upper.length > 0 ? upper.reduce(union) : null, low = lower.length > 0 ? lower.reduce(union) : null;
  // The digit leaving ends at the upper piece's bottom; the next one starts at the lower piece's top. Rows inside
  // the row's band are surely inside the window, and so are rows holding ink: there, no ink is evidence too.
  const upRows = up ? [Math.max(up.y1 - h, Math.min(top, up.y0)), up.y1] as const : null;
  const lowRows = low ? [low.y0, Math.min(low.y0 + h, Math.max(bottom, low.y1))] as const : null;
  if (up && low && low.y0 < up.y1) return null;
  const seenUp = upRows ? (upRows[1] - upRows[0]) / h : 0, seenLow = lowRows ? (lowRows[1] - lowRows[0]) / h : 0;
  if (seenUp + seenLow < 0.3) return null;
  const picked = pickFont(bin, known, fonts, width, top, h);
  if (!picked) return null;
  const templates = Array.from({ length: 10 }, (_, d) => templateOf(picked.font, d));
  const shift = Math.max(1, Math.round(0.12 * width));
  const upScore = templates.map((t) => (up && upRows ? overlap(bin, t, cx, up.y1 - h, width, h, upRows[0], upRows[1], shift) : 0));
  const lowScore = templates.map((t) => (low && lowRows ? overlap(bin, t, cx, low.y0, width, h, lowRows[0], lowRows[1], shift) : 0));
  const scores = Array.from({ length: 10 }, (_, d) => (seenUp * upScore[d]! + seenLow * lowScore[(d + 1) % 10]!) / (seenUp + seenLow));
  return { alternatives: toAlternatives(scores, seenUp + seenLow, picked.fit), scores, fontFit: picked.fit, seen: { upper: seenUp, lower: seenLow } };
}

/**
 * Scores → probabilities. A clear margin between the best pair and the next is what makes a digit sure; the
 * share of a glyph seen and how well the typeface fits the photo bound how sure it may be.
 */
export function toAlternatives(scores: readonly number[], seen: number, fontFit: number): DigitAlternative[] {
  const max = Math.max(...scores);
  const weights = scores.map((s) => Math.exp(SHARPNESS * (s - max)));
  const total = weights.reduce((a, b) => a + b, 0);
  const cap = Math.min(0.95, 0.6 + 0.5 * Math.min(1, seen)) * Math.min(1, fontFit / 0.75);
  return weights
    .map((w, d) => ({ digit: d, p: Math.min(cap, w / total) }))
    .sort((a, b) => b.p - a.p)
    .filter((a, i) => i < 4 && a.p >= 0.01);
}

/** Score points between two pairs that make the better one e times as likely. */
const SHARPNESS = 40;

/** Pieces of ink in the slot's column within a glyph's height above and below the row. */
function piecesIn(bin: BinaryImage, cx: number, width: number, top: number, bottom: number): Blob[] {
  const h = bottom - top;
  const x0 = Math.max(0, Math.round(cx - 0.8 * width)), x1 = Math.min(bin.width, Math.round(cx + 0.8 * width));
  const y0 = Math.max(0, Math.round(top - 1.1 * h)), y1 = Math.min(bin.height, Math.round(bottom + 1.1 * h));
  const w = x1 - x0, hh = y1 - y0;
  if (w < 2 || hh < 2) return [];
  const sub = new Uint8Array(w * hh);
  for (let y = 0; y < hh; y++) for (let x = 0; x < w; x++) sub[y * w + x] = bin.data[(y + y0) * bin.width + x + x0]!;
  return findBlobs({ data: sub, width: w, height: hh }, 4)
    .map((b) => ({ x0: b.x0 + x0, y0: b.y0 + y0, x1: b.x1 + x0, y1: b.y1 + y0, area: b.area }))
    // A digit's piece: inside the column, not the window's edge or the faceplate beyond it.
    .filter((b) => Math.abs(blobCx(b) - cx) < 0.45 * width && blobWidth(b) <= 1.2 * width && blobHeight(b) <= 1.05 * h &&
      b.y0 > y0 && b.y1 < y1 && b.area >= 0.01 * width * h);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
