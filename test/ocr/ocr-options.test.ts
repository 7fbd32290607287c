import { describe, expect, it } from 'vitest';
import { ConfigError, OCR_SETTINGS, loadSettings } from '../../src/config.js';
import { ocrOptions } from '../../src/ocr/ocr-options.js';

describe('OCR settings', () => {
  it('defaults', () => {
    expect(ocrOptions(loadSettings(OCR_SETTINGS, {}))).toEqual({
      enabled: true,
      select: { maxBytes: 15 * 1024 * 1024, maxInputPixels: 50_000_000, maxImages: 10 },
      load: { maxBytes: 15 * 1024 * 1024, maxInputPixels: 50_000_000, maxSide: 2000 },
      pool: { size: 2, recycleAfter: 200, jobTimeoutMs: 8000 },
    });
  });

  it('reads the environment', () => {
    const env = { OCR_ENABLED: 'no', OCR_WORKERS: '4', OCR_TIMEOUT_MS: '15000', OCR_MAX_SIDE: '1600' };
    expect(ocrOptions(loadSettings(OCR_SETTINGS, env))).toMatchObject({
      enabled: false, load: { maxSide: 1600 }, pool: { size: 4, jobTimeoutMs: 15000 },
    });
  });

  it('lists every bad value in one error', () => {
    const env = { OCR_ENABLED: 'maybe', OCR_WORKERS: '0', OCR_MAX_PIXELS: '1e9', OCR_MAX_IMAGES: '-1', OCR_MAX_SIDE: '50' };
    const error = (() => {
      try {
        loadSettings(OCR_SETTINGS, env);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(' ')[0])).toEqual([
      'OCR_ENABLED', 'OCR_WORKERS', 'OCR_MAX_PIXELS', 'OCR_MAX_IMAGES', 'OCR_MAX_SIDE',
    ]);
  });
});
