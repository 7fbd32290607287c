// The tariff indicator of an LCD (T1, T2, T3): small print above or beside the digits, read by Tesseract
// from the deskewed display crop.
import type { DisplayLayout } from './analyse-display-crop.js';
import { encodeGreyPng } from './extract-display-crop.js';
import { blobHeight, blobWidth, findBlobs } from './find-blobs.js';
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
  // Unlit indicators (ghost segments: "T1 T3 T4" beside the lit "T2") are faint: keep only ink about as dark as
  // the lit digits' own.
  const threshold = litThreshold(layout);
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) ink[y * w + x] = grey.data[(y + y0) * grey.width + x + x0]! < threshold ? 1 : 0;
  // Only character-sized marks: the display's bezel and edges crossing the strip make Tesseract read nothing.
  const out = new Uint8Array(w * h).fill(255);
  for (const b of findBlobs({ data: ink, width: w, height: h }, 4)) {
    if (blobHeight(b) < 0.15 * row.height || blobHeight(b) > 0.8 * row.height || blobWidth(b) > 1.2 * row.height) continue;
    for (let y = b.y0; y < b.y1; y++) for (let x = b.x0; x < b.x1; x++) if (ink[y * w + x] === 1) out[y * w + x] = 0;
  }
  // Indicators are a third of the digits' height: enlarged so Tesseract sees them at a readable size.
  const text = await ocr.recognise(await encodeGreyPng(out, w, h, 3), { whitelist: 'T123', psm: 'block' });
  return zoneFromText(text.text);
}

/** The whole text must be one indicator ("T1", "T 2"): anything more or less says nothing (a wrong zone is a wrong reading). */
export function zoneFromText(text: string): Zone | null {
  const m = /^T\s?([123])$/.exec(text.trim());
  return m ? (`t${m[1]}` as Zone) : null;
}

/** Halfway between the digits' ink and their background, in the dark-ink grey crop. */
export function litThreshold(layout: Pick<DisplayLayout, 'grey' | 'bin' | 'digits'>): number {
  const { grey, bin, digits } = layout;
  let ink = 0, inkN = 0, ground = 0, groundN = 0;
  for (const d of digits) {
    for (let y = d.y0; y < d.y1; y++) for (let x = d.x0; x < d.x1; x++) {
      const i = y * grey.width + x;
      if (bin.data[i] === 1) { ink += grey.data[i]!; inkN++; } else { ground += grey.data[i]!; groundN++; }
    }
  }
  if (inkN === 0 || groundN === 0) return 128;
  return (ink / inkN + ground / groundN) / 2;
}
