// A meter photo → its integer reading, "correctly or not at all": candidate digit rows are found on a small
// grey copy, the best few are cut out of the full photo, deskewed and read by Tesseract and a seven-segment
// sampler; the confidence says how far to trust the result (accept at ACCEPT_CONFIDENCE).
import { analyseDisplayCrop, type DisplayLayout } from './analyse-display-crop.js';
import { readZone } from './read-zone.js';
import type { DigitEvidence, DigitReading } from './recognise-digits.js';
import { recogniseDigits } from './recognise-digits.js';
import { expandCandidates } from './expand-candidates.js';
import { CROP_DIGIT_HEIGHT, cropGeometry, extractDisplayCrop } from './extract-display-crop.js';
import type { DisplayCandidate } from './find-display-candidates.js';
import { findDisplayCandidates, rowBox } from './find-display-candidates.js';
import { toGrey } from './grey-image.js';
import { readSerial } from './read-serial.js';
import type { TextRecogniser } from './text-recogniser.js';
import type { CropBox, OtherCounter, PhotoReading, RawImage, ReadingCandidate } from './types.js';

export type { TextRecogniser } from './text-recogniser.js';

/** A reading at or above this confidence may be taken without a clerk; below it goes to review. */
export const ACCEPT_CONFIDENCE = 0.8;

export interface ReadMeterOptions {
  /** Candidate rows read in full (each costs one Tesseract call). */
  maxDisplays: number;
  /** Stop looking once a display reads at least this confidently. */
  goodEnough: number;
  readSerial: boolean;
  /** Longer side of the grey copy used to find the display. */
  analysisSide: number;
  /** Clock for `ms` (a parameter so tests can fix it). */
  now: () => number;
}

/** Pitches added on each side of the row when its crop was too tight. */
const WIDER_CROP_PITCHES = 5;

export const DEFAULT_READ_OPTIONS: ReadMeterOptions = { maxDisplays: 6, goodEnough: 0.9, readSerial: true, analysisSide: 1000, now: () => performance.now() };

export type MeterPhotoReading = Omit<PhotoReading, 'attachmentIndex' | 'otherCounters'> & {
  /** Why the confidence is what it is (layout doubts of the chosen display). */
  doubts: string[];
  /** Per-digit evidence of the chosen display (what each recogniser said), empty when nothing was read. */
  evidence: DigitEvidence[];
  otherCounters?: (Omit<OtherCounter, 'doubtCodes'> & { doubts: string[] })[];
};

/** Share of the photo's shorter side below which digits are too small to be the counter the photo was taken of:
 *  the smallest counter read right on fourteen labelled sets (phone photos of meters filling 20–70% of the frame)
 *  had digits of 1.7%, the faceplate years read where glare hid the display 1.3–1.35%. */
const MIN_DIGIT_SHARE = 0.015;

/** Another counter is looked at when it reads at least this surely, with digits at least this share of the chosen
 *  one's height, and at most this many of them (each costs a serial search). */
const OTHER_COUNTER_CONFIDENCE = 0.5;
const OTHER_COUNTER_SIZE = 0.7;
const MAX_OTHER_COUNTERS = 2;

interface ReadDisplay {
  candidate: DisplayCandidate;
  reading: DigitReading;
  candidates: ReadingCandidate[];
  box: CropBox;
  layout: DisplayLayout;
  /** Height of its digits in the photo, px. */
  digitHeight: number;
}

export async function readMeterPhoto(image: RawImage, ocr: TextRecogniser, options: Partial<ReadMeterOptions> = {}): Promise<MeterPhotoReading> {
  const opts = { ...DEFAULT_READ_OPTIONS, ...options };
  const started = opts.now();
  const { grey, scale } = toGrey(image, opts.analysisSide);
  const found = findDisplayCandidates(grey, scale);
  const base = { imageWidth: image.width, imageHeight: image.height, zone: null, serial: null as string | null };
  if (found.length === 0) return { ...base, ...empty('no_display_found'), ms: Math.round(opts.now() - started) };
  const read: ReadDisplay[] = [];
  const tallestRow = Math.max(...found.map((c) => c.row.height));
  let looked = 0;
  for (const candidate of found.slice(0, opts.maxDisplays)) {
    looked++;
    const r = await readDisplay(image, candidate, ocr);
    if (r) read.push(r);
    // Stop early only on the tallest rows: a confident small row may be the serial, not the counter.
    if (r && candidate.row.height >= 0.9 * tallestRow && (r.candidates[0]?.confidence ?? 0) >= opts.goodEnough) break;
  }
  applySizePrior(read, image);
  read.sort((a, b) => (b.candidates[0]?.confidence ?? 0) - (a.candidates[0]?.confidence ?? 0));
  const best = read[0];
  // The serial is looked for around the chosen counter only: another meter in the frame has its own.
  const serialRead = opts.readSerial && best ? await readSerial(image, cropGeometry(best.candidate, 0), ocr) : null;
  const serial = serialRead?.serial ?? null;
  if (!best || best.candidates.length === 0) {
    return { ...base, ...empty('digits_unreadable'), serial, crop: best?.box ?? null, ms: Math.round(opts.now() - started) };
  }
  const zone = best.reading.kind === 'lcd' ? await readZone(best.layout, ocr) : null;
  // A counter whose serial could not be read is the customer's only if no other counter stands beside it: the rows
  // left unread when a confident one ended the search are looked at too.
  const unread = serial === null ? found.slice(looked, opts.maxDisplays).filter((c) => c.row.height >= OTHER_COUNTER_SIZE * best.candidate.row.height) : [];
  for (const candidate of unread.slice(0, MAX_OTHER_COUNTERS)) {
    const r = await readDisplay(image, candidate, ocr);
    if (r) read.push(r);
  }
  // Another counter's serial is searched for only when the chosen one's was read: only then can the chosen one be
  // told to be another meter's, and its neighbour the customer's (the decision keeps the chosen one otherwise).
  const otherCounters = opts.readSerial ? await readOtherCounters(image, best, read.slice(1), serial !== null ? ocr : null) : [];
  return {
    ...base,
    ...(otherCounters.length > 0 ? { otherCounters } : {}),
    zone,
    problem: null,
    display: best.reading.kind,
    candidates: best.candidates,
    digitConfidence: best.reading.alternatives.map((alts, i) => digitConfidence(alts, best.candidates[0]!.digits[i]!)),
    serial,
    serialConfidence: serialRead?.confidence,
    crop: best.box,
    doubts: best.reading.doubts,
    evidence: best.reading.evidence,
    ms: Math.round(opts.now() - started),
  };
}

async function readDisplay(image: RawImage, candidate: DisplayCandidate, ocr: TextRecogniser): Promise<ReadDisplay | null> {
  let crop = await extractDisplayCrop(image, cropGeometry(candidate));
  let layout = analyseDisplayCrop(crop.image, candidate.ink, CROP_DIGIT_HEIGHT);
  // The row found on the small copy may be a part of the display (a slanted LCD font falls apart into segments
  // there): when the digits run into the crop's edge, cut wider once and keep that layout if it ends inside and
  // sees at least the digits the tight one saw.
  if (layout?.flags.touchesBorder) {
    const wider = await extractDisplayCrop(image, cropGeometry(candidate, WIDER_CROP_PITCHES));
    const again = analyseDisplayCrop(wider.image, candidate.ink, CROP_DIGIT_HEIGHT);
    if (widerIsBetter(layout, again)) { crop = wider; layout = again!; }
  }
  if (!layout) return null;
  const reading = await recogniseDigits(layout, ocr);
  const digitHeight = (layout.row.height / CROP_DIGIT_HEIGHT) * crop.sourceDigitHeight;
  let candidates = expandCandidates(reading.alternatives, reading.quality);
  // An LCD point we did not see: the last one or two digits may be decimals. Offer those readings too.
  if (reading.kind === 'lcd' && layout.decimalsBy === null) candidates = withDroppedDecimals(candidates, reading.alternatives.length);
  return { candidate, reading, candidates, box: highlightBox(candidate, image), layout, digitHeight };
}

/**
 * Meters hang side by side in a cabinet, and the photo of one shows its neighbours too: the counter read most
 * surely may be a neighbour's. Other counters read nearly as well, as large, elsewhere in the photo are kept, with
 * the serial on their own plates when `ocr` is given, for the decision to take the one whose serial is the
 * customer's meter's — or to know the photo shows more than one meter.
 */
async function readOtherCounters(image: RawImage, best: ReadDisplay, rest: ReadDisplay[], ocr: TextRecogniser | null): Promise<NonNullable<MeterPhotoReading['otherCounters']>> {
  const out: NonNullable<MeterPhotoReading['otherCounters']> = [];
  const taken = [best.box];
  for (const r of rest) {
    if (out.length >= MAX_OTHER_COUNTERS) break;
    const top = r.candidates[0];
    if (!top || top.confidence < OTHER_COUNTER_CONFIDENCE || r.digitHeight < OTHER_COUNTER_SIZE * best.digitHeight) continue;
    if (taken.some((b) => boxesMeet(b, r.box))) continue;
    taken.push(r.box);
    const serial = ocr ? await readSerial(image, cropGeometry(r.candidate, 0), ocr) : null;
    out.push({
      display: r.reading.kind,
      candidates: r.candidates,
      digitConfidence: r.reading.alternatives.map((alts, i) => digitConfidence(alts, top.digits[i]!)),
      serial: serial?.serial ?? null,
      ...(serial ? { serialConfidence: serial.confidence } : {}),
      zone: r.reading.kind === 'lcd' && ocr ? await readZone(r.layout, ocr) : null,
      crop: r.box,
      doubts: r.reading.doubts,
    });
  }
  return out;
}

/** Two highlight boxes overlap: rows of one display (its digits and its decimals, a row found twice). */
function boxesMeet(a: CropBox, b: CropBox): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** A wider cut of a row that ran into the crop's edge replaces it when its row ends inside and loses no digit. */
export function widerIsBetter(tight: Pick<DisplayLayout, 'digits' | 'flags'>, wider: Pick<DisplayLayout, 'digits' | 'flags'> | null): boolean {
  return wider !== null && !wider.flags.touchesBorder && wider.digits.length >= tight.digits.length;
}

/** The counter's digits are the largest on the faceplate; a clearly smaller row is more likely a serial or a rating.
 *  And a counter photographed to be read fills a fair part of the frame: digits under MIN_DIGIT_SHARE of the
 *  photo's shorter side are faceplate print (a year, a rating) read where the counter itself could not be seen. */
export function applySizePrior(read: (Pick<ReadDisplay, 'digitHeight' | 'candidates'> & { reading: { doubts: string[] } })[], image: Pick<RawImage, 'width' | 'height'>): void {
  // Only rows that read as digits at all count: a tall label or a barcode says nothing about the counter.
  const tallest = Math.max(0, ...read.filter((r) => (r.candidates[0]?.confidence ?? 0) >= 0.3).map((r) => r.digitHeight));
  const smallest = MIN_DIGIT_SHARE * Math.min(image.width, image.height);
  for (const r of read) {
    if (r.digitHeight >= 0.7 * tallest && r.digitHeight >= smallest) continue;
    r.reading.doubts.push(r.digitHeight < smallest ? 'smaller digits than a counter photographed to be read' : 'smaller digits than another row in the photo');
    r.candidates = r.candidates.map((c) => ({ ...c, confidence: Math.round(c.confidence * 600) / 1000 }));
  }
}

function withDroppedDecimals(candidates: ReadingCandidate[], n: number): ReadingCandidate[] {
  const best = candidates[0];
  if (!best || n < 5) return candidates;
  const extra = [1, 2].map((k) => best.digits.slice(0, n - k)).map((digits) => ({ digits, value: Number.parseInt(digits, 10), confidence: Math.round(best.confidence * 700) / 1000 }));
  return [...candidates.slice(0, 1), ...extra, ...candidates.slice(1)].slice(0, 8);
}

/** The digit row with a margin of half a digit, clipped to the photo: what the clerk sees highlighted. */
function highlightBox(c: DisplayCandidate, image: RawImage): CropBox {
  const r = rowBoxInImage(c);
  const m = 0.5 * r.height;
  const left = Math.max(0, Math.round(r.left - m)), top = Math.max(0, Math.round(r.top - m));
  const right = Math.min(image.width, Math.round(r.left + r.width + m)), bottom = Math.min(image.height, Math.round(r.top + r.height + m));
  return { left, top, width: right - left, height: bottom - top };
}

/** The candidate's digit row in photo coordinates. */
function rowBoxInImage(c: DisplayCandidate): CropBox {
  const r = rowBox(c.row);
  return { left: r.x0 / c.scale, top: r.y0 / c.scale, width: (r.x1 - r.x0) / c.scale, height: (r.y1 - r.y0) / c.scale };
}

function digitConfidence(alts: { digit: number; p: number }[], digit: string): number {
  return Math.round((alts.find((a) => String(a.digit) === digit)?.p ?? 0) * 1000) / 1000;
}

function empty(problem: 'no_display_found' | 'digits_unreadable') {
  return { problem, display: null, candidates: [], digitConfidence: [], crop: null, doubts: [] as string[], evidence: [] as DigitEvidence[] };
}
