// The tariff indicator of an LCD (T1, T2, T3): small print above or beside the digits, read by Tesseract
// from the deskewed display crop.
import type { DisplayLayout } from './analyse-display-crop.js';
import { encodeGreyPng } from './extract-display-crop.js';
import type { TextRecogniser } from './text-recogniser.js';

export type Zone = 't1' | 't2' | 't3';

export async function readZone(layout: DisplayLayout, ocr: TextRecogniser): Promise<Zone | null> {
  const { grey, digits, row } = layout;
  const top = Math.min(...digits.map((d) => d.y0));
  const y0 = Math.max(0, Math.round(top - 0.9 * row.height)), y1 = Math.round(top - 0.05 * row.height);
  const x0 = Math.max(0, Math.round(digits[0]!.x0 - 1.5 * row.pitch));
  const x1 = Math.min(grey.width, Math.round(digits[digits.length - 1]!.x1 + row.pitch));
  if (y1 - y0 < 8 || x1 - x0 < 8) return null;
  const w = x1 - x0, h = y1 - y0;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = grey.data[(y + y0) * grey.width + x + x0]!;
  // Indicators are a third of the digits' height: enlarged so Tesseract sees them at a readable size.
  const text = await ocr.recognise(await encodeGreyPng(out, w, h, 3), { whitelist: 'T123', psm: 'block' });
  return zoneFromText(text.text);
}

/** The whole text must be one indicator ("T1", "T 2"): anything more or less says nothing (a wrong zone is a wrong reading). */
export function zoneFromText(text: string): Zone | null {
  const m = /^T\s?([123])$/.exec(text.trim());
  return m ? (`t${m[1]}` as Zone) : null;
}
