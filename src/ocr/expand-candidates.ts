// Per-digit alternatives → whole readings, best first. The decision can then pick the one that fits the
// registry's last reading instead of trusting a 3 that might be an 8.
import type { ReadingCandidate } from './types.js';

export interface DigitAlternative {
  digit: number;
  p: number;
}

/** Digits a recogniser commonly mistakes for each other (drum fonts, seven-segment, blur). */
export const CONFUSABLE: Readonly<Record<number, readonly number[]>> = {
  0: [8, 6, 9], 1: [7, 4], 2: [7, 3], 3: [8, 9, 5], 4: [1, 9], 5: [6, 3, 9], 6: [5, 8, 0], 7: [1, 2], 8: [3, 0, 6, 9], 9: [8, 0, 3],
};

/** A digit read with probability p; the rest of the mass spread over its usual confusions. */
export function withConfusions(digit: number, p: number): DigitAlternative[] {
  const rest = CONFUSABLE[digit] ?? [];
  const weights = rest.map((_, i) => 1 / (i + 1.5));
  const total = weights.reduce((a, b) => a + b, 0);
  return [{ digit, p }, ...rest.map((d, i) => ({ digit: d, p: ((1 - p) * 0.9 * weights[i]!) / total }))];
}

/**
 * The `limit` most probable digit strings (beam search over positions), each with confidence
 * = product of its digit probabilities × `quality` (what the layout says about the whole reading).
 */
export function expandCandidates(digits: DigitAlternative[][], quality: number, limit = 6, minConfidence = 0.01): ReadingCandidate[] {
  if (digits.length === 0) return [];
  let beam: { s: string; p: number }[] = [{ s: '', p: 1 }];
  for (const alts of digits) {
    const next: { s: string; p: number }[] = [];
    for (const b of beam) for (const a of alts) if (a.p > 0) next.push({ s: b.s + String(a.digit), p: b.p * a.p });
    next.sort((x, y) => y.p - x.p);
    beam = next.slice(0, limit * 3);
  }
  return beam
    .slice(0, limit)
    .map(({ s, p }) => ({ digits: s, value: Number.parseInt(s, 10), confidence: round3(p * quality) }))
    .filter((c, i) => i === 0 || c.confidence >= minConfidence);
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
