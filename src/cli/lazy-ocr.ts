// The OCR engine for a command that may or may not meet a photo: created on the first photo (a text-only run
// never starts Tesseract), closed by the command. OCR_ENABLED=false: no reader (photos go to a clerk unread).
import type { Logger } from 'pino';
import type { OcrSettings } from '../ocr/ocr-options.js';
import type { OcrEngine } from '../ocr/read-message-photos.js';
import type { PhotoReader } from '../intake/evaluate-message.js';

export interface LazyOcr {
  readPhotos: PhotoReader | undefined;
  engine(): OcrEngine | null;
  close(): Promise<void>;
}

/** `log` (stage ocr): the engine's start and a reader that broke (the message then goes to a clerk, unread). */
export function lazyOcr(settings: OcrSettings, log?: Logger): LazyOcr {
  let engine: Promise<OcrEngine> | null = null;
  let ready: OcrEngine | null = null;
  const start = async (): Promise<OcrEngine> => {
    const [{ createOcrEngine }, { ocrOptions }] = await Promise.all([import('../ocr/read-message-photos.js'), import('../ocr/ocr-options.js')]);
    ready = createOcrEngine(ocrOptions(settings));
    log?.info({ workers: settings.OCR_WORKERS }, 'OCR engine started');
    return ready;
  };
  return {
    readPhotos: settings.OCR_ENABLED ? async (attachments) => {
      try {
        return await (await (engine ??= start())).readPhotos(attachments);
      } catch (e) {
        log?.warn({ err: (e as Error).message, code: (e as { code?: string }).code, attachments: attachments.length }, 'photo reading failed');
        throw e;
      }
    } : undefined,
    engine: () => ready,
    async close() {
      if (engine) await (await engine).close();
    },
  };
}
