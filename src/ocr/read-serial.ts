// The serial number (№ …) from the faceplate around the counter. Printed rows near the counter are read whole
// (Tesseract, no whitelist) to find a number sign and the digit run after it; that run alone is then read again
// with a digit whitelist, which is what the serial's digits and confidence come from. Never the counter row,
// never a number without a sign (a model, a year, a rating, a standard), unless a row is one long number alone.
import { extractDisplayCrop, encodeGreyPng, type CropGeometry } from './extract-display-crop.js';
import { findSerialRows, REGION_DIGIT_HEIGHT, type TextRowBox } from './find-serial-rows.js';
import type { GreyImage } from './grey-image.js';
import { invert, toGrey } from './grey-image.js';
import { counterPlate } from './same-plate.js';
import type { RecognisedSymbol, RecognisedText, TextRecogniser } from './text-recogniser.js';
import type { RawImage } from './types.js';

export const SERIAL_MIN_DIGITS = 6;
export const SERIAL_MAX_DIGITS = 14;
/** A serial is returned only when its least sure digit is at least this sure. */
export const SERIAL_CONFIDENCE = 0.7;
/** Rows read per photo (two Tesseract calls each at most): the model name, the maker and the ratings often stand
 *  nearer the counter than the serial. */
const MAX_ROWS = 10;
/** Digit height the row crops are scaled to for Tesseract, px. */
const LINE_DIGIT_HEIGHT = 26;
/** Scale of the second read of a row Tesseract read as nothing. */
const RETRY_SCALE = 1.3;

export interface SerialReading {
  serial: string;
  /** 0..1: the least sure digit's confidence, lowered when the two reads disagree. */
  confidence: number;
}

/** Pitches the counter's crop is padded by on each side; the search reaches 4 digit heights further. */
const COUNTER_PAD_PITCHES = 2.2;

/** Reads the serial printed near the counter whose digit row is `counter` (photo coordinates, the row's own length,
 *  unpadded); null when none is sure. */
export async function readSerial(image: RawImage, counter: CropGeometry, ocr: TextRecogniser): Promise<SerialReading | null> {
  const H = counter.digitHeight;
  const padded = counter.length + 2 * COUNTER_PAD_PITCHES * counter.pitch;
  const region = await extractDisplayCrop(image, {
    ...counter,
    length: Math.max(padded + 8 * H, 1.6 * padded),
    height: 12 * H,
    // extractDisplayCrop scales the given digit height to CROP_DIGIT_HEIGHT (40 px); ours should come out 80 px.
    digitHeight: (H * 40) / REGION_DIGIT_HEIGHT,
  });
  const { grey } = toGrey(region.image, Math.max(region.image.width, region.image.height));
  const k = REGION_DIGIT_HEIGHT / H;
  const { x: cx, y: cy } = region.centre;
  const onPlate = counterPlate(grey, { x0: cx - (counter.length / 2) * k, x1: cx + (counter.length / 2) * k, y0: cy - REGION_DIGIT_HEIGHT / 2, y1: cy + REGION_DIGIT_HEIGHT / 2 }, { digitHeight: REGION_DIGIT_HEIGHT });
  let inverted: GreyImage | null = null;
  for (const row of findSerialRows(grey, region.centre).slice(0, MAX_ROWS)) {
    // Another meter's plate in the frame has its own serial.
    if (!onPlate(row, row.ink)) continue;
    // Light print is read as dark print on light, as Tesseract expects.
    const found = await readSerialRow(row.ink === 'bright' ? (inverted ??= invert(grey)) : grey, row, ocr);
    if (found) return found;
  }
  return null;
}

async function readSerialRow(grey: GreyImage, row: TextRowBox, ocr: TextRecogniser): Promise<SerialReading | null> {
  const h = row.height;
  // Wide on the left: the sign ("№", "Зав. №", "No") stands before the digits and may not be part of the row;
  // wide on the right too: the row may hold only the first digits of the number.
  const line = cutRow(grey, row.x0 - 4 * h, row.y0 - 0.45 * h, row.x1 + 3.5 * h, row.y1 + 0.45 * h);
  if (!line) return null;
  let k = LINE_DIGIT_HEIGHT / Math.max(1, h);
  let whole = await ocr.recognise(await encodeGreyPng(line.data, line.width, line.height, k), { psm: 'line' });
  // Tesseract now and then returns nothing at all for a clean printed line, and reads it at another scale.
  if (whole.text.trim().length < 2) {
    k *= RETRY_SCALE;
    whole = await ocr.recognise(await encodeGreyPng(line.data, line.width, line.height, k), { psm: 'line' });
  }
  const run = findSerialRun(whole);
  if (!run) return null;
  // The run alone, digits only: the whitelist keeps a 0 from being an O and a 1 from being an l.
  const x0 = line.x0 + run.x0 / k - 0.2 * h, x1 = line.x0 + run.x1 / k + 0.35 * h;
  const digitsCut = cutRow(grey, x0, row.y0 - 0.45 * h, x1, row.y1 + 0.45 * h);
  if (!digitsCut) return null;
  const digits = await ocr.recognise(await encodeGreyPng(digitsCut.data, digitsCut.width, digitsCut.height, k), { psm: 'line', whitelist: '0123456789' });
  return serialFromReads(run, digits);
}

/** The digit run after a number sign, or a row that is one long number alone, with its x-span in the read image. */
export interface SerialRun {
  digits: string;
  signed: boolean;
  x0: number;
  x1: number;
  /** The whole-row read's confidence in each of the run's characters. */
  confidences?: number[];
}

/**
 * Finds the serial in a whole-row read. Tesseract's English model reads "№" as "No", "Ne", "N°", "Nº", "Nq:",
 * "N2"…: a sign is an N followed by at most two other characters and then the digits (letters that look like
 * digits — O, l, S, B — count as digits there). Without a sign the row must be nothing but 8–14 digits.
 */
export function findSerialRun(read: Pick<RecognisedText, 'text' | 'symbols'>): SerialRun | null {
  const text = read.text.replace(/\s+/g, ' ').trim();
  const signed = /(?:^|[^A-Za-z])(?:№|[Nn][^\s0-9]{0,2}\s*|[Nn]\S{1,2}\s+)([0-9OoQDIl|SZBg]{6,16})(?![0-9A-Za-z])/.exec(text);
  // Unsigned: one long number alone on its row, or after a short mark or two (a sign Tesseract could not read
  // at all: "I»", "Jo", "[ce", "3as.", "| Mm"), and perhaps a speck after it read as a point. Not a stroke: an edge
  // there may cut the number short (a seal's number after a flat number, "кв. 18 № 3327104", reads "183327104 |").
  const bare = signed ? null : /^(?:\S{1,3}\s+|\S{2,3}\.\s*){0,2}([0-9]{8,14})(?:\s*[.,])?$/.exec(text);
  const m = signed ?? bare;
  if (!m) return null;
  const digits = fold(m[1]!);
  if (digits.length < SERIAL_MIN_DIGITS || digits.length > SERIAL_MAX_DIGITS || !/[0-9]{4}/.test(digits)) return null;
  const start = m.index + m[0].lastIndexOf(m[1]!);
  const span = symbolSpan(read.symbols, text, start, start + m[1]!.length);
  if (!span) return null;
  return { digits, signed: signed !== null, ...span };
}

/** Joins the two reads: the digit-only read decides, the whole-row read must agree for full confidence. */
export function serialFromReads(run: SerialRun, digitsRead: Pick<RecognisedText, 'text' | 'symbols'>): SerialReading | null {
  let digits = digitsRead.text.replace(/\s+/g, '');
  let symbols = digitsRead.symbols.filter((s) => /^[0-9]$/.test(s.text));
  // The end of the sign just inside the cut reads as one more digit in front: the run tells. A sign printed
  // against the digits ("№2355…") falls inside whole and reads as two ("10"), where the whole-row read saw it.
  const extra = digits.length - run.digits.length;
  if ((extra === 1 || (extra === 2 && run.signed)) && digits.endsWith(run.digits)) {
    digits = digits.slice(extra);
    symbols = symbols.slice(extra);
  }
  // The other way round: the whole-row read took the sign itself for a digit ("№" as a 7), which the digit-only
  // read, seeing the same ink, did not: the run is the digits after it.
  if (run.digits.length === digits.length + 1 && run.digits.endsWith(digits)) {
    run = { ...run, digits, confidences: run.confidences?.slice(1) };
  }
  // The small raised o of a "№" set against the digits reads as one more digit in front ("N92603521095"), which the
  // two reads give differently ("9" and "0") where they agree on every digit after it: it is the sign's. (A digit
  // of the serial misread by one of the reads leaves the rest too short or unmatched by the registry, never another
  // meter's serial.)
  const signRemnant = run.signed && digits.length === run.digits.length && digits.length > SERIAL_MIN_DIGITS &&
    digits[0] !== run.digits[0] && digits.slice(1) === run.digits.slice(1) && symbols.length === digits.length;
  if (signRemnant) {
    digits = digits.slice(1);
    symbols = symbols.slice(1);
    run = { ...run, digits: run.digits.slice(1), confidences: run.confidences?.slice(1) };
  }
  if (!/^[0-9]+$/.test(digits) || digits.length < SERIAL_MIN_DIGITS || digits.length > SERIAL_MAX_DIGITS) return null;
  if (symbols.length !== digits.length) return null;
  // Where both reads give the same digits, a digit is as sure as the surer read of it: the digit-only cut can
  // clip a remnant of the sign into its first digit, which the whole-row read sees in its context.
  const agree = digits === run.digits && run.confidences?.length === digits.length;
  let confidence = Math.min(...symbols.map((s, i) => (agree ? Math.max(s.confidence, run.confidences![i]!) : s.confidence)));
  if (digits !== run.digits) confidence *= 0.6;
  if (!run.signed) confidence *= 0.9;
  confidence = Math.round(confidence * 1000) / 1000;
  return confidence >= SERIAL_CONFIDENCE ? { serial: digits, confidence } : null;
}

const FOLD: Record<string, string> = { O: '0', o: '0', Q: '0', D: '0', I: '1', l: '1', '|': '1', S: '5', Z: '2', B: '8', g: '9' };

function fold(s: string): string {
  return [...s].map((c) => FOLD[c] ?? c).join('');
}

/** The x-span of characters [from, to) of the spaced text, through the symbols (which carry no spaces). */
function symbolSpan(symbols: readonly RecognisedSymbol[], text: string, from: number, to: number): { x0: number; x1: number; confidences: number[] } | null {
  // Tesseract now and then gives a blank symbol (a space before the sign): it is no character of the text.
  const flat = [...symbols].flatMap((s) => [...s.text].filter((c) => !/\s/.test(c)).map(() => s));
  const index = (i: number) => text.slice(0, i).replace(/ /g, '').length;
  const a = index(from), b = index(to) - 1;
  if (flat.length !== text.replace(/ /g, '').length || a < 0 || b >= flat.length || b < a) return null;
  const span = flat.slice(a, b + 1);
  return { x0: Math.min(...span.map((s) => s.bbox.x0)), x1: Math.max(...span.map((s) => s.bbox.x1)), confidences: span.map((s) => s.confidence) };
}

/** A grey sub-image, clipped to the image; null when nothing of it is inside. */
function cutRow(img: GreyImage, x0: number, y0: number, x1: number, y1: number): (GreyImage & { x0: number }) | null {
  const ax = Math.max(0, Math.floor(x0)), ay = Math.max(0, Math.floor(y0));
  const bx = Math.min(img.width, Math.ceil(x1)), by = Math.min(img.height, Math.ceil(y1));
  if (bx - ax < 8 || by - ay < 4) return null;
  const data = new Uint8Array((bx - ax) * (by - ay));
  for (let y = ay; y < by; y++) data.set(img.data.subarray(y * img.width + ax, y * img.width + bx), (y - ay) * (bx - ax));
  return { data, width: bx - ax, height: by - ay, x0: ax };
}
