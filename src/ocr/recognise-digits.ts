// Reads the integer digits of a laid-out display with two recognisers — Tesseract on a cleaned line image
// and the seven-segment sampler — and turns their agreement into per-digit alternatives and a quality factor.
import type { DisplayLayout } from './analyse-display-crop.js';
import type { Blob } from './find-blobs.js';
import { blobHeight, blobWidth } from './find-blobs.js';
import { FONT_GLYPHS } from './glyph-templates.js';
import type { KnownGlyph } from './match-half-turned.js';
import { matchHalfTurned } from './match-half-turned.js';
import { describeRow } from './group-blob-rows.js';
import type { DigitAlternative } from './expand-candidates.js';
import { withConfusions } from './expand-candidates.js';
import { CROP_DIGIT_HEIGHT, encodeGreyPng } from './extract-display-crop.js';
import type { DigitGuess } from './read-seven-segment.js';
import { digitSlots, digitWidth, estimateShear, readSevenSegmentDigit } from './read-seven-segment.js';
import type { RecognisedText, TextRecogniser } from './text-recogniser.js';
import { readHalfTurned } from './read-half-turned.js';
import { weighLcdDigit } from './weigh-lcd-digit.js';
import type { DisplayKind } from './types.js';

export interface DigitReading {
  kind: DisplayKind;
  alternatives: DigitAlternative[][];
  /** 0..1 multiplier for doubts about the whole reading (digit count, layout). */
  quality: number;
  /** Why quality is below 1, for debugging and the eval report. */
  doubts: string[];
  tesseractText: string;
  /** What each recogniser said about each digit, before they were combined (for calibration and debugging). */
  evidence: DigitEvidence[];
}

export interface DigitEvidence {
  /** Tesseract's digit in this box and its raw symbol confidence, null when it gave none. */
  tess: { digit: number; c: number } | null;
  /** The seven-segment sampler's guesses, best first. */
  seg: DigitGuess[];
  /** No glyph was seen in this box (half-turned drum, glare). */
  unknown: boolean;
}

export async function recogniseDigits(layout: DisplayLayout, ocr: TextRecogniser): Promise<DigitReading> {
  const { png, offsetX, scale } = await cleanLineImage(layout);
  const text = await ocr.recognise(png, { whitelist: '0123456789', psm: 'line' });
  let tess = matchSymbols(text, layout.digits, layout.unknown, offsetX, layout.row.pitch, scale);
  const lineMatched = tess.countMatches;
  if (!lineMatched && (layout.ink === 'bright' || layout.inCells)) tess = await readOneByOne(layout, ocr, tess.digits);
  const shear = estimateShear(layout.bin, layout.digits);
  const width = digitWidth(layout.digits);
  const slots = digitSlots(layout.digits, layout.row.pitch, { bin: layout.bin, shear }, nextGlyph(layout));
  const seg = layout.digits.map((b, i) => readSevenSegmentDigit(layout.bin, b, shear, width, slots[i]));
  const segFit = mean(seg.map((g) => g[0]?.p ?? 0));
  const kind: DisplayKind = layout.ink === 'dark' && !layout.inCells && segFit >= 0.6 ? 'lcd' : 'drum';
  // A digit we could not see is any digit: the candidates then spread over all ten and stay unconfident.
  const anyDigit = Array.from({ length: 10 }, (_, d) => ({ digit: d, p: 0.1 }));
  const alternatives = layout.digits.map((_, i) => (layout.unknown[i] ? anyDigit : combine(kind, tess.digits[i] ?? null, seg[i]!)));
  // On drums a missing digit is most often a drum between two digits: match its pieces to the glyphs of the
  // photo's typeface, or else read its larger piece.
  let matched = 0;
  if (kind === 'drum') {
    const known = sureGlyphs(layout, alternatives);
    for (const [i, box] of layout.digits.entries()) {
      if (!layout.unknown[i]) continue;
      const match = matchHalfTurned(layout.bin, box, known.glyphs, FONT_GLYPHS, known.width);
      if (match && match.alternatives[0]!.p >= SURE_HALF_TURNED) matched++;
      alternatives[i] = match?.alternatives ?? (await readHalfTurned(layout, box, ocr)) ?? anyDigit;
    }
  }
  const unknowns = layout.unknown.filter(Boolean).length;
  const { quality, doubts } = judgeLayout(layout, kind, tess.countMatches, text, alternatives[0]?.[0]?.digit === 0, unknowns > 0 && matched === unknowns);
  if (!lineMatched && tess.countMatches) { doubts.push('digits read one by one'); }
  const q = !lineMatched && tess.countMatches ? quality * 0.8 : quality;
  const evidence = layout.digits.map((_, i) => ({ tess: tess.digits[i] ?? null, seg: seg[i]!.slice(0, 3), unknown: layout.unknown[i] ?? false }));
  return { kind, alternatives, quality: q, doubts, tesseractText: text.text.replace(/\s+/g, ''), evidence };
}

/**
 * When the line read does not give one digit per box (a digit merged, split or dropped), each box missing its
 * digit is read on its own (drums only: their digits are whole glyphs).
 */
async function readOneByOne(layout: DisplayLayout, ocr: TextRecogniser, found: ({ digit: number; c: number } | null)[]): Promise<{ digits: ({ digit: number; c: number } | null)[]; countMatches: boolean }> {
  const digits = [...found];
  for (const [i, box] of layout.digits.entries()) {
    if (layout.unknown[i] || digits[i]) continue;
    const png = await boxImage(layout, box);
    const text = await ocr.recognise(png, { whitelist: '0123456789', psm: 'char' });
    const s = text.symbols.find((x) => /^\d$/.test(x.text));
    digits[i] = s ? { digit: Number(s.text), c: s.confidence } : null;
  }
  return { digits, countMatches: digits.every((d, i) => layout.unknown[i] || d !== null) };
}

/** One digit's ink, dark on white, with margins, at the crop's digit height. */
async function boxImage(layout: DisplayLayout, d: Blob): Promise<Buffer> {
  const { bin } = layout;
  const h = blobHeight(d), pad = Math.round(0.4 * h);
  const w = d.x1 - d.x0 + 2 * pad, hh = h + 2 * pad;
  const out = new Uint8Array(w * hh).fill(255);
  for (let y = d.y0; y < d.y1; y++) for (let x = d.x0; x < d.x1; x++) if (bin.data[y * bin.width + x] === 1) out[(y - d.y0 + pad) * w + x - d.x0 + pad] = 0;
  const scale = h < 0.75 * CROP_DIGIT_HEIGHT ? Math.min(2, (0.9 * CROP_DIGIT_HEIGHT) / h) : 1;
  return encodeGreyPng(out, w, hh, scale);
}

/** The row's glyph after the integer digits (the first decimal past a point, a red drum): the next glyph's corner
 *  may reach under a slanted last digit. */
function nextGlyph(layout: Pick<DisplayLayout, 'digits' | 'row'>): Blob | undefined {
  const last = layout.digits[layout.digits.length - 1];
  return last && layout.row.blobs.find((b) => b.x0 >= last.x1 - 0.2 * blobWidth(last));
}

/** A half-turned drum read this surely from its pieces is read, not a digit unseen. */
const SURE_HALF_TURNED = 0.8;

/** The row's digits read surely, as glyphs to pick the typeface by, and a whole digit's width (not a 1's). */
export function sureGlyphs(layout: Pick<DisplayLayout, 'digits' | 'unknown'>, alternatives: DigitAlternative[][]): { glyphs: KnownGlyph[]; width: number } {
  const sure = layout.digits.flatMap((box, i) => {
    const top = alternatives[i]?.[0];
    return !layout.unknown[i] && top && top.p >= 0.8 ? [{ box, digit: top.digit }] : [];
  });
  const widest = Math.max(0, ...sure.map((g) => blobWidth(g.box)));
  const wide = sure.filter((g) => blobWidth(g.box) >= 0.7 * widest);
  const widths = wide.map((g) => blobWidth(g.box)).sort((a, b) => a - b);
  return { glyphs: wide, width: widths[widths.length >> 1] ?? 0 };
}

/** Tesseract's symbol confidence is optimistic near the top: map it onto a probability-like scale. */
export function calibrateTesseract(c: number): number {
  return Math.max(0.02, Math.min(0.985, (c - 0.35) / 0.6));
}

function combine(kind: DisplayKind, tess: { digit: number; c: number } | null, seg: DigitGuess[]): DigitAlternative[] {
  const top = seg[0] ?? { digit: 0, p: 0 };
  if (kind === 'lcd') {
    const alts = weighLcdDigit(seg, tess);
    // A glyph neither reader could place is any digit, unconfidently.
    return alts.length > 0 ? alts : Array.from({ length: 10 }, (_, d) => ({ digit: d, p: 0.1 }));
  }
  if (!tess) return withConfusions(top.digit, 0.05);
  let p = calibrateTesseract(tess.c);
  if (top.digit === tess.digit && top.p > 0.7) p = 1 - (1 - p) * 0.7;
  return withConfusions(tess.digit, p);
}

/** Multiplier for what makes the whole reading doubtful, with the reasons. */
function judgeLayout(layout: DisplayLayout, kind: DisplayKind, countMatches: boolean, text: RecognisedText, leadingZero: boolean, halfTurnedRead = false): { quality: number; doubts: string[] } {
  const doubts: string[] = [];
  let q = 1;
  const doubt = (factor: number, why: string): void => { q *= factor; doubts.push(why); };
  const n = layout.digits.length;
  if (!countMatches) doubt(kind === 'lcd' ? 0.92 : 0.4, 'tesseract digit count differs');
  if (layout.flags.touchesBorder) doubt(0.5, 'row touches crop border');
  // A gap whose pieces matched a pair of consecutive glyphs clearly is a drum between two digits, read; the
  // digit's own probability carries how sure.
  if (layout.flags.missingDigit) {
    if (halfTurnedRead) doubt(0.95, 'a half-turned drum read from its pieces');
    else doubt(0.5, 'a digit could not be seen (half-turned drum, glare)');
  }
  if (layout.flags.rowContinues) doubt(0.3, 'the digit row may continue beyond what was read');
  if (layout.flags.strays > 0) doubt(layout.flags.strays > 2 ? 0.4 : 0.7, `${layout.flags.strays} stray blobs on the row`);
  if (kind === 'lcd' && layout.decimalsBy === null) doubt(0.5, 'no decimal point found on the LCD');
  if (layout.flags.textBefore) doubt(0.4, 'a character stands just before the digits (№ or a letter): faceplate text?');
  if (layout.flags.glare) doubt(0.5, 'glare on the display');
  if (layout.flags.redInside) doubt(0.4, 'red blob inside the integer part');
  if (heightSpread(layout, kind) > 0.12) doubt(0.7, 'uneven digit heights');
  // Few digits are most often a row read in part; but an LCD showing a point with decimals after it, and no digit
  // beyond its ends, shows a small number with its leading zeros blank (a heat meter's Гкал). A leading digit
  // lost there lowers the value by a power of ten, which the registry's last reading catches. A display that
  // shows a leading zero shows all its zeros: a few digits there are a part of it.
  const anchored = kind === 'lcd' && layout.decimalsBy === 'point' && layout.dropped > 0 && !layout.flags.rowContinues && !layout.flags.touchesBorder && !leadingZero;
  if (n < 4) doubt(anchored && n >= 2 ? 0.85 : 0.3, `only ${n} integer digits`);
  if (n > 8) doubt(0.4, `${n} integer digits`);
  // Dark digits on white drums are found inside their cells; dark print without cells is most likely the faceplate
  // (serial, ratings), never to be taken for the reading on its own.
  if (layout.ink === 'dark' && kind === 'drum' && !layout.inCells) doubt(0.4, 'dark digits in a non-LCD font (could be faceplate text)');
  // Tesseract often reads nothing on seven-segment glyphs, whose segments stand apart: there the sampler reads.
  if (text.text.replace(/\D/g, '').length === 0) doubt(kind === 'lcd' ? 0.75 : 0.5, 'tesseract read nothing');
  return { quality: q, doubts };
}

/** Spread of the integer digits' heights (decimals after an LCD point are often printed smaller); on an LCD
 *  without its 1s, which lack the top and bottom segments and stand shorter. */
export function heightSpread(layout: Pick<DisplayLayout, 'digits' | 'row'> & Partial<Pick<DisplayLayout, 'unknown'>>, kind: DisplayKind): number {
  const seen = layout.digits.filter((_, i) => !layout.unknown?.[i]);
  const width = digitWidth(seen);
  const wide = kind === 'lcd' ? seen.filter((d) => d.x1 - d.x0 >= 0.5 * width) : seen;
  if (wide.length >= 2) return describeRow(wide).heightSpread;
  return seen.length >= 2 ? describeRow(seen).heightSpread : 0;
}

/** One Tesseract digit per box, when the symbols fall one to a box. */
function matchSymbols(text: RecognisedText, boxes: Blob[], unknown: boolean[], offsetX: number, pitch: number, scale: number): { digits: ({ digit: number; c: number } | null)[]; countMatches: boolean } {
  const symbols = text.symbols.filter((s) => /^\d$/.test(s.text));
  const digits = boxes.map((b, i) => {
    if (unknown[i]) return null;
    const inside = symbols.filter((s) => {
      const cx = (s.bbox.x0 + s.bbox.x1) / 2 / scale + offsetX;
      return cx >= b.x0 - 0.15 * pitch && cx <= b.x1 + 0.15 * pitch;
    });
    return inside.length === 1 ? { digit: Number(inside[0]!.text), c: inside[0]!.confidence } : null;
  });
  const known = unknown.filter((u) => !u).length;
  return { digits, countMatches: symbols.length === known && digits.every((d, i) => unknown[i] || d !== null) };
}

/** White canvas with only the ink of the digit boxes: no drum edges, glare or neighbouring text for Tesseract. */
async function cleanLineImage(layout: DisplayLayout): Promise<{ png: Buffer; offsetX: number; scale: number }> {
  const { bin, digits, row } = layout;
  const h = Math.max(...digits.map(blobHeight));
  const x0 = Math.max(0, Math.round(digits[0]!.x0 - 0.7 * row.pitch));
  const x1 = Math.min(bin.width, Math.round(digits[digits.length - 1]!.x1 + 0.7 * row.pitch));
  const y0 = Math.max(0, Math.round(Math.min(...digits.map((d) => d.y0)) - 0.4 * h));
  const y1 = Math.min(bin.height, Math.round(Math.max(...digits.map((d) => d.y1)) + 0.4 * h));
  const w = x1 - x0, hh = y1 - y0;
  const out = new Uint8Array(w * hh).fill(255);
  for (const [i, d] of digits.entries()) {
    if (layout.unknown[i]) continue;
    for (let y = Math.max(y0, d.y0 - 1); y < Math.min(y1, d.y1 + 1); y++) {
      for (let x = Math.max(x0, d.x0 - 1); x < Math.min(x1, d.x1 + 1); x++) {
        if (bin.data[y * bin.width + x] === 1) out[(y - y0) * w + (x - x0)] = 0;
      }
    }
  }
  // Digits found inside drum cells are smaller than the crop's normal digit height: enlarge them for Tesseract.
  const scale = h < 0.75 * CROP_DIGIT_HEIGHT ? Math.min(2, (0.9 * CROP_DIGIT_HEIGHT) / h) : 1;
  return { png: await encodeGreyPng(out, w, hh, scale), offsetX: x0, scale };
}

function mean(v: number[]): number {
  return v.length === 0 ? 0 : v.reduce((a, b) => a + b, 0) / v.length;
}
