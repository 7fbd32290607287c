// The serial number (№ …) from a faceplate row of small printed digits: never the counter row, never a
// short number (year, rating, imp/kWh).
import { CROP_DIGIT_HEIGHT, cropGeometry, extractDisplayCrop } from './extract-display-crop.js';
import { analyseDisplayCrop } from './analyse-display-crop.js';
import type { DisplayCandidate } from './find-display-candidates.js';
import { rowBox } from './find-display-candidates.js';
import type { TextRecogniser } from './text-recogniser.js';
import type { RawImage } from './types.js';
import { encodeGreyPng } from './extract-display-crop.js';

export const SERIAL_MIN_DIGITS = 6;

export async function readSerial(image: RawImage, found: DisplayCandidate[], display: DisplayCandidate | null, ocr: TextRecogniser): Promise<string | null> {
  const row = found.find((c) => c !== display && c.ink === 'dark' && c.row.blobs.length >= SERIAL_MIN_DIGITS && !overlaps(c, display));
  if (!row) return null;
  const crop = await extractDisplayCrop(image, cropGeometry(row, 0.6));
  const layout = analyseDisplayCrop(crop.image, 'dark', CROP_DIGIT_HEIGHT);
  if (!layout || layout.ink !== 'dark') return null;
  const png = await encodeGreyPng(layout.grey.data, layout.grey.width, layout.grey.height);
  const text = await ocr.recognise(png, { whitelist: '0123456789', psm: 'line' });
  const digits = text.text.replace(/\D/g, '');
  const sure = text.symbols.every((s) => s.confidence >= 0.6);
  return sure && digits.length >= SERIAL_MIN_DIGITS && digits.length <= 14 ? digits : null;
}

function overlaps(a: DisplayCandidate, b: DisplayCandidate | null): boolean {
  if (!b) return false;
  const p = rowBox(a.row), q = rowBox(b.row);
  const s = (x: number, c: DisplayCandidate) => x / c.scale;
  return s(p.x0, a) < s(q.x1, b) && s(q.x0, b) < s(p.x1, a) && s(p.y0, a) < s(q.y1, b) && s(q.y0, b) < s(p.y1, a);
}
