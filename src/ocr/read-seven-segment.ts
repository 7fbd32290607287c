// Seven-segment digits (LCD counters): sample the seven segment zones of each digit box, turn the ink
// fractions into on-probabilities and score every digit's segment pattern. Tesseract reads these digits
// poorly; this reader is the main one for LCDs and a second opinion elsewhere.
import type { BinaryImage } from './binarise.js';
import type { Blob } from './find-blobs.js';
import { blobHeight, blobWidth } from './find-blobs.js';

export interface DigitGuess {
  digit: number;
  /** Posterior-like probability, 0..1. */
  p: number;
}

/** Segment order a b c d e f g (top, top-right, bottom-right, bottom, bottom-left, top-left, middle). */
const PATTERNS: ReadonlyArray<readonly [number, string]> = [
  [0, 'abcdef'], [1, 'bc'], [2, 'abdeg'], [3, 'abcdg'], [4, 'bcfg'], [5, 'acdfg'], [6, 'acdefg'], [6, 'cdefg'],
  [7, 'abc'], [7, 'abcf'], [8, 'abcdefg'], [9, 'abcdfg'], [9, 'abcfg'],
];
const SEGMENTS = 'abcdefg';

/** Segments that differ between two digits' patterns (the closest variants): what a misread must have got wrong. */
export function segmentDistance(a: number, b: number): number {
  let best = 7;
  for (const [da, pa] of PATTERNS) {
    if (da !== a) continue;
    for (const [db, pb] of PATTERNS) {
      if (db !== b) continue;
      best = Math.min(best, [...SEGMENTS].filter((s) => pa.includes(s) !== pb.includes(s)).length);
    }
  }
  return best;
}

/** Zones as [u0, u1, v0, v1] in the digit's box (u across, v down). */
const ZONES: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.3, 0.7, 0, 0.18], [0.7, 1, 0.14, 0.42], [0.7, 1, 0.58, 0.86], [0.3, 0.7, 0.82, 1],
  [0, 0.3, 0.58, 0.86], [0, 0.3, 0.14, 0.42], [0.3, 0.7, 0.41, 0.59],
];

/** Digit probabilities from seven segment on-probabilities; best first, with a fit penalty for non-digits. */
export function classifySegments(onProb: readonly number[]): DigitGuess[] {
  const byDigit = new Map<number, number>();
  let bestLikelihood = 0;
  for (const [digit, pattern] of PATTERNS) {
    let likelihood = 1;
    for (let i = 0; i < 7; i++) {
      const p = Math.min(0.98, Math.max(0.02, onProb[i]!));
      likelihood *= pattern.includes(SEGMENTS[i]!) ? p : 1 - p;
    }
    bestLikelihood = Math.max(bestLikelihood, likelihood);
    byDigit.set(digit, Math.max(byDigit.get(digit) ?? 0, likelihood));
  }
  let total = 0;
  for (const l of byDigit.values()) total += l;
  // Geometric mean agreement per segment: a clean digit scores ~0.95, a letter or a smudge far less.
  const fit = Math.pow(bestLikelihood, 1 / 7);
  const fitFactor = Math.min(1, Math.max(0, (fit - 0.55) / 0.35));
  return [...byDigit.entries()]
    .map(([digit, l]) => ({ digit, p: (l / total) * fitFactor }))
    .sort((a, b) => b.p - a.p);
}

/**
 * Ink fractions → probabilities that each segment is lit. Relative to the digit's fullest zone, so thin
 * and thick segment fonts read alike; an almost empty box stays all-off.
 */
export function segmentOnProbabilities(fractions: readonly number[]): number[] {
  const top = Math.max(0.25, ...fractions);
  return fractions.map((f) => 1 / (1 + Math.exp(-(f / top - 0.42) / 0.08)));
}

/**
 * Ink fractions of the seven zones of one digit box. `shear` undoes the italic slant of most LCD fonts:
 * the ink at row y is shifted by shear·(y − centre) before sampling.
 */
export function sampleSegments(bin: BinaryImage, box: Blob, shear: number, slot?: SlotBounds, zones: ReadonlyArray<readonly [number, number, number, number]> = ZONES): number[] {
  const h = blobHeight(box);
  const yc = (box.y0 + box.y1) / 2;
  const { left, right } = shearedExtent(bin, box, shear, slot);
  const w = right - left;
  return zones.map(([u0, u1, v0, v1]) => {
    let on = 0, n = 0;
    const ya = Math.floor(box.y0 + v0 * h), yb = Math.ceil(box.y0 + v1 * h);
    for (let y = ya; y < yb; y++) {
      if (y < 0 || y >= bin.height) continue;
      const off = shear * (y - yc);
      const xa = Math.floor(left + u0 * w - off), xb = Math.ceil(left + u1 * w - off);
      for (let x = xa; x < xb; x++) {
        if (x < 0 || x >= bin.width) continue;
        on += bin.data[y * bin.width + x]!;
        n++;
      }
    }
    return n === 0 ? 0 : on / n;
  });
}

/** Limits of a digit's own slot in sheared coordinates: neighbours of a slanted font reach into its box. */
export interface SlotBounds {
  lo: number;
  hi: number;
}

/** Left and right ink limits of a box in sheared coordinates (x + shear·(y − centre)), within its slot. */
function shearedExtent(bin: BinaryImage, box: Blob, shear: number, slot?: SlotBounds, rows = 1): { left: number; right: number } {
  const yc = (box.y0 + box.y1) / 2;
  const reach = slot ? Math.ceil(Math.abs(shear) * blobHeight(box)) : 0;
  let left = Infinity, right = -Infinity;
  for (let y = box.y0; y < box.y0 + Math.round(rows * blobHeight(box)); y++) {
    const off = shear * (y - yc);
    for (let x = Math.max(0, box.x0 - reach); x < Math.min(bin.width, box.x1 + reach); x++) {
      if (bin.data[y * bin.width + x] !== 1) continue;
      const xs = x + off;
      if (slot && (xs < slot.lo || xs > slot.hi)) continue;
      if (xs < left) left = xs;
      if (xs + 1 > right) right = xs + 1;
    }
  }
  return Number.isFinite(left) ? { left, right } : { left: box.x0, right: box.x1 };
}

/**
 * The slant of the digits (−0.35..0.35, about ±19°): the shear under which the vertical segments line up,
 * i.e. the column histogram of the ink is sharpest (largest sum of squares).
 */
export function estimateShear(bin: BinaryImage, boxes: Blob[]): number {
  let best = 0, bestScore = -1;
  for (let step = -7; step <= 7; step++) {
    const s = step * 0.05;
    const hist = new Map<number, number>();
    for (const box of boxes) {
      const yc = (box.y0 + box.y1) / 2;
      for (let y = box.y0; y < box.y1; y++) {
        for (let x = box.x0; x < box.x1; x++) {
          if (bin.data[y * bin.width + x] !== 1) continue;
          const k = Math.round(x + s * (y - yc));
          hist.set(k, (hist.get(k) ?? 0) + 1);
        }
      }
    }
    let score = 0;
    for (const v of hist.values()) score += v * v;
    // Prefer upright on ties: a slant must earn its place.
    if (score > bestScore * (step === 0 ? 1 : 1.01)) { bestScore = score; best = s; }
  }
  return Math.round(best * 100) / 100;
}

/** Reads one digit box. A narrow box is a "1" (its two segments fill the box, so zones cannot tell). */
export function readSevenSegmentDigit(bin: BinaryImage, box: Blob, shear: number, rowDigitWidth: number, slot?: SlotBounds): DigitGuess[] {
  // Width above the bottom quarter, where a decimal point may cling to a 1.
  const { left, right } = shearedExtent(bin, box, shear, slot, 0.75);
  const w = right - left;
  if (w < 0.5 * rowDigitWidth || w < 0.3 * blobHeight(box)) {
    const fill = box.area / (blobHeight(box) * Math.max(1, w));
    return [{ digit: 1, p: fill > 0.55 ? 0.93 : 0.6 }, { digit: 7, p: 0.03 }];
  }
  const fractions = sampleSegments(bin, box, shear, slot);
  const guesses = classifySegments(segmentOnProbabilities(fractions));
  // Ink in the holes of an 8 belongs to no digit: a blot of glare or blur reads as all seven segments lit.
  const counters = sampleSegments(bin, box, shear, slot, COUNTERS);
  if (Math.min(...counters) > BLOT_SHARE * Math.max(0.25, ...fractions)) return guesses.map((g) => ({ ...g, p: g.p * BLOT_FACTOR }));
  return guesses;
}

/** The two counters of a seven-segment glyph (inside the upper and the lower loop), as ZONES. */
const COUNTERS: ReadonlyArray<readonly [number, number, number, number]> = [[0.33, 0.67, 0.23, 0.36], [0.33, 0.67, 0.64, 0.77]];
/** Both counters inked to this share of the fullest segment make the glyph a blot (a slanted segment may reach
 *  into one of them)… */
const BLOT_SHARE = 0.6;
/** …whose digit guesses keep this share of their probability. */
const BLOT_FACTOR = 0.2;

/**
 * Each digit's slot: from the middle of the gap to its left neighbour to the middle of the gap to its right one.
 * Gaps, not centres: a "1" is drawn on the right of its cell, so halfway between centres would hand it the left
 * strokes of the digit after it. With `ink` the gaps are measured between the glyphs' slanted edges, where the
 * slots are used: between the upright boxes of an italic font the middle falls on the next glyph's top corner
 * (the top bar of a 7 after a 0). `after`: the row's glyph after the last box (the first decimal), which may close
 * the last slot sooner.
 */
export function digitSlots(boxes: Blob[], pitch: number, ink?: { bin: BinaryImage; shear: number }, after?: Blob): SlotBounds[] {
  // Edges above the bottom quarter, where a 1's width is measured too: a decimal point clinging to a glyph's foot
  // would carry its edge into the next glyph (the 1 of 00041.629 took in the 6's corner and read unsure).
  const edge = (b: Blob) => (ink && ink.shear !== 0 ? shearedExtent(ink.bin, b, ink.shear, undefined, 0.75) : { left: b.x0, right: b.x1 });
  const edges = boxes.map(edge);
  const next = after ? edge(after) : null;
  return edges.map((e, i) => {
    const prev = edges[i - 1], following = edges[i + 1];
    // At the ends, close to the ink: a decimal point or a unit sign stands right after the last digit.
    const close = e.right + 0.15 * pitch;
    return {
      lo: prev ? (prev.right + e.left) / 2 : e.left - 0.15 * pitch,
      hi: following ? (e.right + following.left) / 2 : next ? Math.min(close, (e.right + next.left) / 2) : close,
    };
  });
}

export function digitWidth(boxes: Blob[]): number {
  const widths = boxes.map(blobWidth).sort((a, b) => a - b);
  return widths[Math.floor(widths.length * 0.75)] ?? 0;
}
