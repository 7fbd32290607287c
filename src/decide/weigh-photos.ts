// What the meter photos of a message say, weighed against its text and the registry. Pure.
//
// Photos are evidence, never the whole story: a photo reading is taken without a clerk only when it is read
// confidently, fits the registry (digits, not below the last reading, not more above it than a month allows) and
// no other reading of the same photo fits nearly as well. Beside typed readings a photo must agree with them: a
// confident different value is a conflict, an unreadable photo leaves the typed value unverified.
import type { ReasonCode } from './reasons.js';
import type { PhotoDoubt, PhotoReading, ReadingCandidate } from '../ocr/types.js';
import type { Reading, RegistryMeter } from '../domain/types.js';

export interface PhotoRules {
  /** A photo's best reading needs at least this confidence (the recogniser's calibrated ACCEPT_CONFIDENCE). */
  acceptConfidence: number;
  /** A second reading that fits the registry must stay below this share of the best one's confidence. */
  ambiguityRatio: number;
  /** A photo read by a machine alone may rise by at most this share of the month's allowed increase: a digit
   *  gained or lost (a red decimal drum taken for a digit) multiplies the value, and no person checked it. */
  maxIncreaseShare: number;
}

export const DEFAULT_PHOTO_RULES: PhotoRules = { acceptConfidence: 0.8, ambiguityRatio: 0.5, maxIncreaseShare: 0.4 };

/** The outcome of the photos beside typed readings. */
export type PhotoCheck = 'agree' | 'conflict' | 'unverified' | 'none';

/** Readings typed in the text against the photos: one agreeing photo verifies them; any confident photo that
 *  agrees with none of the typed values is a conflict; photos read with no confidence leave them unverified. A
 *  photo in which no counter was found or no digit read (a cat, a blank wall, a document) says nothing either way:
 *  the typed readings stand as they would without it.
 *  `meterDigits`: the digit counts of the typed readings' meters (a row showing every digit must have one). */
export function checkPhotosAgainstText(readings: readonly Reading[], photos: readonly PhotoReading[], rules: PhotoRules, meterDigits: ReadonlySet<number> = new Set()): PhotoCheck {
  const read = photos.filter((p) => p.problem === null && p.candidates.length > 0);
  if (read.length === 0) return 'none';
  const typed = new Set(readings.flatMap((r) => [r.t1, r.t2, r.t3]).filter((v): v is number => v !== null));
  let agree = false;
  for (const p of read) {
    const best = p.candidates[0]!;
    // The photo's own best reading equal to a typed value is agreement however unsure the recogniser was: two
    // independent sources landing on the same digits by chance is not a risk worth a clerk; a lesser reading
    // must be reasonably likely to count. But not a best reading that is only first among equals (a digit not
    // seen at all, each value of it as likely), nor one the recogniser itself found too short (`few_digits`), nor a
    // row of fewer or more digits than the meter has where the row shows them all (a drum counter; a display
    // showing leading zeros), which was cut wrong: "9428" read off a counter showing 94286 would agree with a
    // customer who left out a digit. Nor, unless sure, a row read beside a glyph the recogniser took for faceplate
    // print (`faceplate_font`: a character just before the digits, or dark print in no counter's cells): it may be a
    // digit left out of the row — "1192" read off an LCD showing 091192 — or the row may not be the counter at all.
    const wholeRow = (c: ReadingCandidate) => {
      const showsAll = p.display === 'drum' || (c.digits.length > 1 && c.digits.startsWith('0'));
      return !showsAll || meterDigits.size === 0 || meterDigits.has(c.digits.length);
    };
    // However sure the recogniser is of the digits it read, it is not sure of the row's extent: a confident "00076"
    // off a counter showing 000760 neither confirms a typed 76 nor contradicts it.
    const faceplate = (p.doubtCodes ?? []).includes('faceplate_font');
    const counts = (c: ReadingCandidate) => !faceplate || c.confidence >= rules.acceptConfidence;
    const ownGuess = best.confidence > (p.candidates[1]?.confidence ?? 0) && !(p.doubtCodes ?? []).includes('few_digits');
    const matching = typed.has(best.value) && ownGuess && counts(best) && wholeRow(best) ? best
      : p.candidates.find((c) => typed.has(c.value) && wholeRow(c) && counts(c) && c.confidence >= rules.acceptConfidence * rules.ambiguityRatio);
    if (matching || decimalsUnseen(p, best, typed, meterDigits, rules)) agree = true;
    else if (typed.has(best.value)) continue;
    else if (best.confidence >= rules.acceptConfidence) return 'conflict';
  }
  return agree ? 'agree' : 'unverified';
}

/** An LCD showing leading zeros shows every integer digit: when its point went unseen, its first `digits` digits
 *  (the meter's count) are the integer part and the rest decimals. Those digits, together as likely as a lesser
 *  reading must be to agree, equal to a typed value written out to the meter's count agree with it ("0309771" off
 *  030977.66 and a typed 30977); a digit dropped or added by the customer changes the written-out value, so it
 *  cannot agree by this. */
function decimalsUnseen(p: PhotoReading, best: ReadingCandidate, typed: ReadonlySet<number>, meterDigits: ReadonlySet<number>, rules: PhotoRules): boolean {
  if (p.display !== 'lcd' || !(p.doubtCodes ?? []).includes('no_decimal_point') || !best.digits.startsWith('0')) return false;
  if (p.digitConfidence.length !== best.digits.length) return false;
  const likely = (n: number) => p.digitConfidence.slice(0, n).reduce((a, b) => a * b, 1) >= rules.acceptConfidence * rules.ambiguityRatio;
  return [...meterDigits].some((n) => n < best.digits.length && likely(n) && [...typed].some((v) => String(v).padStart(n, '0') === best.digits.slice(0, n)));
}

export interface PhotoValue {
  value: number;
  zone: PhotoReading['zone'];
  confidence: number;
  attachmentIndex: number;
}

export type PhotoPick = { ok: true; values: PhotoValue[] } | { ok: false; reason: ReasonCode; best: PhotoValue | null };

/** The reading the photos give for a known meter, or why there is none a machine may take. */
export function pickPhotoReading(meter: RegistryMeter, photos: readonly PhotoReading[], rules: PhotoRules, maxIncrease: number): PhotoPick {
  const read = photos.filter((p) => p.problem === null && p.candidates.length > 0);
  if (read.length === 0) return { ok: false, reason: 'photo_not_read', best: null };
  const band = maxIncrease * rules.maxIncreaseShare;
  const fits = (c: ReadingCandidate, p: PhotoReading): boolean => {
    const last = meter.last[p.zone ?? 't1'];
    // A drum counter shows every digit, leading zeros too: a reading with more or fewer drums than the meter
    // has lost or gained one. An LCD may blank leading zeros.
    const drumsMatch = p.display !== 'drum' || c.digits.length === meter.digits;
    return drumsMatch && String(c.value).length <= meter.digits && (last === null || (c.value >= last && c.value - last <= band));
  };
  const values: PhotoValue[] = [];
  let best: PhotoValue | null = null;
  for (const p of read) {
    const window = { last: meter.last[p.zone ?? 't1'], band };
    const top = cutByRegistry(p, p.candidates[0]!, meter, window) ?? p.candidates[0]!;
    const confidence = settledConfidence(p, top, meter, window);
    const value = { value: top.value, zone: p.zone, confidence, attachmentIndex: p.attachmentIndex };
    if (!best || value.confidence > best.confidence) best = value;
    if (confidence < rules.acceptConfidence) continue;
    if (!fits(top, p)) return { ok: false, reason: 'photo_implausible', best: value };
    const rival = p.candidates.slice(1).find((c) => c.value !== top.value && fits(c, p) && c.confidence >= top.confidence * rules.ambiguityRatio);
    if (rival) return { ok: false, reason: 'ocr_low_confidence', best: value };
    values.push(value);
  }
  if (values.length === 0) return { ok: false, reason: 'ocr_low_confidence', best };
  // Several photos of one meter must say the same per zone.
  const byZone = new Map<string, number>();
  for (const v of values) {
    const z = v.zone ?? 't1';
    if (byZone.has(z) && byZone.get(z) !== v.value) return { ok: false, reason: 'photo_conflict', best };
    byZone.set(z, v.value);
  }
  return { ok: true, values: dedupe(values) };
}

/** The registry's window for a reading: not below the last one, at most `band` above it. */
export interface ReadingWindow {
  last: number | null;
  band: number;
}

/** The recogniser's confidence, or more when its only doubts are ones the registry settles: where the integer part
 *  begins and ends. A drum counter shows exactly the meter's `digits` digits, so a row of that many digits, each
 *  read surely (one drum between two digits matched surely from its pieces among them), is the whole counter. An LCD may blank its leading zeros and its point may go unseen; but a digit
 *  gained or lost at either end, or decimals taken for integers, changes the value ten-fold or more, so when no
 *  such variant of the reading fits the registry's window and the reading itself does, its extent is settled and
 *  the digits' own certainty is the reading's. */
export function settledConfidence(p: PhotoReading, top: ReadingCandidate, meter: Pick<RegistryMeter, 'digits'>, window?: ReadingWindow): number {
  const doubts = p.doubtCodes;
  if (!doubts || doubts.length === 0 || p.digitConfidence.length !== top.digits.length) return top.confidence;
  if (p.display === 'drum') {
    if (doubts.some((d) => d !== 'row_extent' && d !== 'half_turned') || top.digits.length !== meter.digits) return top.confidence;
    // One drum caught between two digits and matched from its pieces is read as surely as its match says; every
    // other digit must be sure on its own.
    const unsure = p.digitConfidence.filter((c) => c < SURE_DIGIT);
    const halfTurnedSure = doubts.includes('half_turned') && unsure.length === 1 && unsure[0]! >= SURE_HALF_TURNED;
    if (unsure.length > 0 && !halfTurnedSure) return top.confidence;
    return Math.max(top.confidence, Math.min(...p.digitConfidence));
  }
  if (p.display !== 'lcd' || !window || window.last === null || doubts.some((d) => !LCD_EXTENT_DOUBTS.has(d))) return top.confidence;
  const inWindow = (v: number) => v >= window.last! && v - window.last! <= window.band && String(v).length <= meter.digits;
  if (!inWindow(top.value) || extentVariants(top.value, leftEdgeShown(top.digits, meter)).some(inWindow)) return top.confidence;
  const digitsSure = p.digitConfidence.reduce((a, b) => a * b, 1);
  return Math.max(top.confidence, Math.round(digitsSure * 1000) / 1000);
}

/** An LCD whose point went unseen shows its decimals as more digits. When the registry's window admits exactly one
 *  way of cutting one to four of them off (heat meters show Гкал to three or four places), and nothing else a
 *  misjudged extent would give fits it too, that cut is the reading, as sure as its own digits. A display that
 *  shows leading zeros shows all the meter's integer digits, so there the cut must leave exactly that many. */
export function cutByRegistry(p: PhotoReading, top: ReadingCandidate, meter: Pick<RegistryMeter, 'digits'>, window: ReadingWindow): ReadingCandidate | null {
  const doubts = p.doubtCodes ?? [];
  if (p.display !== 'lcd' || window.last === null || !doubts.includes('no_decimal_point') || doubts.some((d) => !LCD_EXTENT_DOUBTS.has(d))) return null;
  if (p.digitConfidence.length !== top.digits.length) return null;
  const inWindow = (v: number) => v >= window.last! && v - window.last! <= window.band && String(v).length <= meter.digits;
  const fitting = [0, 1, 2, 3, 4]
    .map((k) => top.digits.slice(0, top.digits.length - k))
    .filter((s) => s.length >= 1 && (s[0] !== '0' || s.length === meter.digits) && inWindow(Number.parseInt(s, 10)));
  if (fitting.length !== 1 || fitting[0] === top.digits) return null;
  const digits = fitting[0]!;
  const value = Number.parseInt(digits, 10);
  if (extentVariants(value, leftEdgeShown(digits, meter)).some(inWindow)) return null;
  const confidence = p.digitConfidence.slice(0, digits.length).reduce((a, b) => a * b, 1);
  return { digits, value, confidence: Math.round(confidence * 1000) / 1000 };
}

/** Digits shown with leading zeros up to the meter's digit count: the row's left end is the counter's. */
function leftEdgeShown(digits: string, meter: Pick<RegistryMeter, 'digits'>): boolean {
  return digits.startsWith('0') && digits.length === meter.digits;
}

/** Per-digit certainty a digit needs for the registry to settle the row's extent. */
const SURE_DIGIT = 0.95;

/** A half-turned drum's match at or above this is sure (src/ocr/recognise-digits.ts SURE_HALF_TURNED: no sure
 *  wrong digit among 2,880 synthetic half-turned drums, each typeface left out of the templates in turn). */
const SURE_HALF_TURNED = 0.8;

/** LCD doubts about the extent of the integer part only (Tesseract counting other glyphs than the sampler is one:
 *  it reads seven-segment digits poorly, and their count is what is in doubt). */
const LCD_EXTENT_DOUBTS: ReadonlySet<PhotoDoubt> = new Set<PhotoDoubt>(['row_extent', 'touches_border', 'few_digits', 'many_digits', 'no_decimal_point', 'engines_disagree']);

/** The values a reading would have with its extent misjudged: one to three decimals taken for integers, one or two
 *  integer digits lost at the right end (any digit), a leading digit lost (any digit), or one gained. A display
 *  showing leading zeros up to the meter's digit count (`leftEdgeShown`) has lost none on the left. */
export function extentVariants(value: number, leftEdgeShown = false): number[] {
  const out: number[] = [];
  for (const k of [1, 2, 3]) if (value >= 10 ** k) out.push(Math.floor(value / 10 ** k));
  for (const k of [1, 2]) for (let d = 0; d < 10 ** k; d++) out.push(value * 10 ** k + d);
  const m = String(value).length;
  if (!leftEdgeShown) for (let d = 1; d <= 9; d++) out.push(d * 10 ** m + value);
  if (m >= 2) out.push(value % 10 ** (m - 1));
  return out.filter((v) => v !== value);
}

function dedupe(values: PhotoValue[]): PhotoValue[] {
  const seen = new Map<string, PhotoValue>();
  for (const v of values) if (!seen.has(`${v.zone ?? 't1'}`)) seen.set(`${v.zone ?? 't1'}`, v);
  return [...seen.values()];
}
