// The serial number (№ …) from a faceplate row of small printed digits: never the counter row, never a short
// number (year, rating, imp/kWh).
import { extractDisplayCrop, cropGeometry, encodeGreyPng } from './extract-display-crop.js';
import type { DisplayCandidate } from './find-display-candidates.js';
import { findPrintedRows, rowBox } from './find-display-candidates.js';
import type { GreyImage } from './grey-image.js';
import { toGrey } from './grey-image.js';
import type { TextRecogniser } from './text-recogniser.js';
import type { CropBox, RawImage } from './types.js';

export const SERIAL_MIN_DIGITS = 6;
export const SERIAL_MAX_DIGITS = 14;

/** Reads the best printed row of ≥ 6 digits outside the display; null unless every digit is read surely. */
export async function readSerial(image: RawImage, grey: GreyImage, scale: number, display: CropBox | null, ocr: TextRecogniser): Promise<string | null> {
  // A faceplate may carry other numbers with a sign (a seal, a neighbour's meter): the nearest to the counter wins.
  const rows = findPrintedRows(grey, scale, SERIAL_MIN_DIGITS)
    .filter((c) => !overlaps(c, display))
    .sort((a, b) => distance(a, display) - distance(b, display))
    .slice(0, 2);
  for (const row of rows) {
    const g0 = cropGeometry(row, 0.6);
    // Widened on both sides: the number sign stands left of the digits, and the row may have lost a last digit.
    const crop = await extractDisplayCrop(image, { ...g0, length: g0.length + 4 * g0.pitch, height: 1.8 * g0.digitHeight });
    const { grey: g } = toGrey(crop.image, Math.max(crop.image.width, crop.image.height));
    const text = await ocr.recognise(await encodeGreyPng(g.data, g.width, g.height), { psm: 'line' });
    const serial = serialFromText(text.text) ?? bareSerial(text.text, text.confidence);
    if (serial !== null && text.confidence >= 0.7) return serial;
  }
  return null;
}

/**
 * The digits after a number sign: Tesseract's English model reads "№" as "No", "Ne", "N°", "Nº" or "Na".
 * Without the sign there is no serial (a bare number may be a model, a year or a rating).
 */
export function serialFromText(text: string): string | null {
  const m = /(?:№|N\s?[oO0eEaºs°]\.?)\s*([0-9]{6,14})(?![0-9])/.exec(text);
  if (!m) return null;
  const digits = m[1]!;
  return digits.length >= SERIAL_MIN_DIGITS && digits.length <= SERIAL_MAX_DIGITS ? digits : null;
}

/** A line that is one long number and nothing else, read confidently (8+ digits: no model, year or rating). */
function bareSerial(text: string, confidence: number): string | null {
  const t = text.trim();
  return /^[0-9]{8,14}$/.test(t) && confidence >= 0.9 ? t : null;
}

function distance(c: DisplayCandidate, box: CropBox | null): number {
  if (!box) return -c.score;
  const r = rowBox(c.row);
  return Math.hypot((r.x0 + r.x1) / 2 / c.scale - (box.left + box.width / 2), (r.y0 + r.y1) / 2 / c.scale - (box.top + box.height / 2));
}

function overlaps(c: DisplayCandidate, box: CropBox | null): boolean {
  if (!box) return false;
  const r = rowBox(c.row);
  const x0 = r.x0 / c.scale, x1 = r.x1 / c.scale, y0 = r.y0 / c.scale, y1 = r.y1 / c.scale;
  return x0 < box.left + box.width && box.left < x1 && y0 < box.top + box.height && box.top < y1;
}
