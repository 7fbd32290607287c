// The OCR settings (config.ts, OCR_SETTINGS) as the options of each OCR step.
import type { OCR_SETTINGS, Settings } from '../config.js';
import type { SelectImagesLimits } from './select-images.js';
import type { TesseractPoolOptions } from './tesseract-pool.js';
import type { LoadImageLimits } from './types.js';

export type OcrSettings = Pick<Settings, (typeof OCR_SETTINGS)[number]>;

export interface OcrOptions {
  enabled: boolean;
  select: SelectImagesLimits;
  load: LoadImageLimits;
  pool: TesseractPoolOptions;
}

export function ocrOptions(s: OcrSettings): OcrOptions {
  const bounds = { maxBytes: s.OCR_MAX_IMAGE_BYTES, maxInputPixels: s.OCR_MAX_PIXELS };
  return {
    enabled: s.OCR_ENABLED,
    select: { ...bounds, maxImages: s.OCR_MAX_IMAGES },
    load: { ...bounds, maxSide: s.OCR_MAX_SIDE },
    pool: { size: s.OCR_WORKERS, recycleAfter: s.OCR_RECYCLE_AFTER, jobTimeoutMs: s.OCR_TIMEOUT_MS },
  };
}
