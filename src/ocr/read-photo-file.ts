// One image file → the JSON line of `cli ocr` and `npm run eval:ocr`: decode (load-image) and read.
import { readFile } from 'node:fs/promises';
import { loadImage } from './load-image.js';
import { doubtCode } from './read-message-photos.js';
import { readMeterPhoto } from './read-meter-photo.js';
import type { TextRecogniser } from './text-recogniser.js';
import type { CropBox, DisplayKind, ImageProblem, LoadImageLimits, OtherCounter, PhotoDoubt, ReadingCandidate } from './types.js';

export interface PhotoFileLine {
  file: string;
  reading: number | null;
  digits: string | null;
  confidence: number;
  display: DisplayKind | null;
  serial: string | null;
  zone: 't1' | 't2' | 't3' | null;
  crop: CropBox | null;
  candidates: ReadingCandidate[];
  /** Per-digit confidences of the best candidate. */
  digitConfidence: number[];
  problem: ImageProblem | null;
  doubts: string[];
  /** The doubts as stable codes (what the decision weighs). */
  doubtCodes: PhotoDoubt[];
  /** Other meters' counters in the photo, with their serials. */
  otherCounters: OtherCounter[];
  /** Decoded image → reading (decoding not included). */
  ms: number;
}

export async function readPhotoFile(file: string, ocr: TextRecogniser, limits: LoadImageLimits): Promise<PhotoFileLine> {
  const none = { reading: null, digits: null, confidence: 0, display: null, serial: null, zone: null, crop: null, candidates: [], digitConfidence: [], doubts: [], doubtCodes: [], otherCounters: [], ms: 0 };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { file, ...none, problem: 'image_empty' };
  }
  const loaded = await loadImage(bytes, limits);
  if (!loaded.ok) return { file, ...none, problem: loaded.problem };
  const r = await readMeterPhoto(loaded.image, ocr);
  const best = r.candidates[0];
  return {
    file,
    reading: best?.value ?? null,
    digits: best?.digits ?? null,
    confidence: best?.confidence ?? 0,
    display: r.display,
    serial: r.serial,
    zone: r.zone,
    crop: r.crop,
    candidates: r.candidates,
    digitConfidence: r.digitConfidence,
    problem: r.problem,
    doubts: r.doubts,
    doubtCodes: r.doubts.map(doubtCode),
    otherCounters: (r.otherCounters ?? []).map(({ doubts, ...o }) => ({ ...o, doubtCodes: doubts.map(doubtCode) })),
    ms: r.ms,
  };
}
