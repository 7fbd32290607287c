// One LCD digit from two independent readers: the seven-segment sampler (the main reader) and Tesseract (a second
// opinion). Bayes: the sampler's guesses are the prior, Tesseract's digit the evidence.
//
// Calibration, measured on 330 LCD digits of photo sets from two renderers (tuning sets only, layout errors
// excluded): the sampler's best guess was wrong on none of them although its own probability was mostly
// 0.92-0.98, so its probabilities are sharpened (SAMPLER_SHARPNESS); Tesseract read 86% of them right, and its
// symbol confidence did not tell its right reads from its wrong ones (it misread seven-segment glyphs at 0.99),
// so it counts as a reader right TESSERACT_ACCURACY of the time whatever it says its confidence is. Where the two
// disagreed, the sampler was right on all 54 digits it read at 0.8 or more; below that Tesseract was right more
// often than not (5 of 8), which this model reproduces.
import type { DigitAlternative } from './expand-candidates.js';
import type { DigitGuess } from './read-seven-segment.js';

/** Power applied to the sampler's probabilities before they are normalised. */
export const SAMPLER_SHARPNESS = 2;
/** How often Tesseract's digit is right on a seven-segment glyph. */
export const TESSERACT_ACCURACY = 0.85;

/** The digit's alternatives, most probable first. The sampler's unassigned mass (a glyph that fits no digit well)
 *  is a hypothesis of its own, "not a clean digit", on which Tesseract reads any digit: it keeps a smudge
 *  unconfident however the readers agree. */
export function weighLcdDigit(seg: readonly DigitGuess[], tess: { digit: number } | null): DigitAlternative[] {
  const prior = Array.from({ length: 10 }, (_, d) => Math.max(0, seg.find((g) => g.digit === d)?.p ?? 0));
  const unassigned = Math.max(0, 1 - prior.reduce((a, b) => a + b, 0));
  const likelihood = (d: number) => (tess === null ? 1 : d === tess.digit ? TESSERACT_ACCURACY : (1 - TESSERACT_ACCURACY) / 9);
  const joint = prior.map((p, d) => p ** SAMPLER_SHARPNESS * likelihood(d));
  const total = joint.reduce((a, b) => a + b, 0) + unassigned ** SAMPLER_SHARPNESS * (tess === null ? 1 : 0.1);
  if (total <= 0) return [];
  const alts = joint.map((p, d) => ({ digit: d, p: p / total })).filter((a) => a.p > 0.0005).sort((a, b) => b.p - a.p);
  // A disagreement is never settled as surely as an agreement; and where Tesseract overrules the sampler's best
  // guess (only on glyphs the sampler found unclear) it was right only about two times in three.
  const top = alts[0];
  const segTop = [...seg].sort((a, b) => b.p - a.p)[0]?.digit;
  if (top && tess !== null && tess.digit !== segTop) top.p = Math.min(top.p, top.digit === segTop ? DISAGREED_CAP : OVERRULED_CAP);
  return alts.map((a) => ({ digit: a.digit, p: Math.round(a.p * 10000) / 10000 }));
}

/** Most a digit may get when the readers disagreed and the sampler's guess stands, or was overruled. */
export const DISAGREED_CAP = 0.97;
export const OVERRULED_CAP = 0.7;
