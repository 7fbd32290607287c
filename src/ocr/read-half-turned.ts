// A drum caught between two digits: the end of one digit shows at the top of its window and the start of the
// next at the bottom. The reading takes the lower digit (the one leaving at the top; 9 when 9 turns to 0).
// The larger visible piece is read on its own; a piece from below is the next digit, so one less.
import type { DisplayLayout } from './analyse-display-crop.js';
import type { Blob } from './find-blobs.js';
import { blobCy, blobHeight, findBlobs } from './find-blobs.js';
import type { DigitAlternative } from './expand-candidates.js';
import { encodeGreyPng } from './extract-display-crop.js';
import type { TextRecogniser } from './text-recogniser.js';

export async function readHalfTurned(layout: DisplayLayout, slot: Blob, ocr: TextRecogniser): Promise<DigitAlternative[] | null> {
  const { bin, row } = layout;
  const h = row.height;
  const rowCy = (slot.y0 + slot.y1) / 2;
  const x0 = Math.max(0, Math.round(slot.x0 - 0.15 * h)), x1 = Math.min(bin.width, Math.round(slot.x1 + 0.15 * h));
  const y0 = Math.max(0, Math.round(rowCy - 1.1 * h)), y1 = Math.min(bin.height, Math.round(rowCy + 1.1 * h));
  const w = x1 - x0, hh = y1 - y0;
  if (w < 4 || hh < 8) return null;
  const sub = new Uint8Array(w * hh);
  for (let y = 0; y < hh; y++) for (let x = 0; x < w; x++) sub[y * w + x] = bin.data[(y + y0) * bin.width + x + x0]!;
  // Pieces of a digit: not hairlines, not the window's edges running across the whole slot.
  const pieces = findBlobs({ data: sub, width: w, height: hh }, 8).filter((b) => blobHeight(b) >= 0.2 * h && blobHeight(b) <= 1.1 * h && b.x1 - b.x0 < 0.95 * w);
  if (pieces.length === 0) return null;
  const piece = pieces.reduce((a, b) => (b.area > a.area ? b : a));
  const fromBelow = blobCy(piece) + y0 > rowCy;
  const png = await pieceImage(sub, w, piece);
  const text = await ocr.recognise(png, { whitelist: '0123456789', psm: 'char' });
  const symbol = text.symbols.find((s) => /^\d$/.test(s.text));
  if (!symbol) return null;
  const seen = Number(symbol.text);
  const digit = fromBelow ? (seen + 9) % 10 : seen;
  // A part of a glyph is read less surely than a whole one.
  const p = Math.min(0.75, Math.max(0.05, symbol.confidence * 0.75 * Math.min(1, blobHeight(piece) / (0.7 * h))));
  return [{ digit, p }, { digit: (digit + 1) % 10, p: (1 - p) * 0.5 }, { digit: (digit + 9) % 10, p: (1 - p) * 0.2 }];
}

/** The piece's ink, dark on white with a margin of half its height. */
async function pieceImage(sub: Uint8Array, width: number, piece: Blob): Promise<Buffer> {
  const pad = Math.round(0.5 * blobHeight(piece));
  const w = piece.x1 - piece.x0 + 2 * pad, h = blobHeight(piece) + 2 * pad;
  const out = new Uint8Array(w * h).fill(255);
  for (let y = piece.y0; y < piece.y1; y++) for (let x = piece.x0; x < piece.x1; x++) if (sub[y * width + x] === 1) out[(y - piece.y0 + pad) * w + x - piece.x0 + pad] = 0;
  return encodeGreyPng(out, w, h);
}
