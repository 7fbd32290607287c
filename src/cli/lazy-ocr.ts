// The OCR engine for a command that may or may not meet a photo: created on the first photo (a text-only run
// never starts Tesseract), closed by the command. OCR_ENABLED=false: no reader (photos go to a clerk unread).
import type { OcrSettings } from '../ocr/ocr-options.js';
import type { OcrEngine } from '../ocr/read-message-photos.js';
import type { PhotoReader } from '../intake/evaluate-message.js';

export interface LazyOcr {
  readPhotos: PhotoReader | undefined;
  engine(): OcrEngine | null;
  close(): Promise<void>;
}

export function lazyOcr(settings: OcrSettings): LazyOcr {
  let engine: Promise<OcrEngine> | null = null;
  let ready: OcrEngine | null = null;
  const start = async (): Promise<OcrEngine> => {
    const [{ createOcrEngine }, { ocrOptions }] = await Promise.all([import('../ocr/read-message-photos.js'), import('../ocr/ocr-options.js')]);
    ready = createOcrEngine(ocrOptions(settings));
    return ready;
  };
  return {
    readPhotos: settings.OCR_ENABLED ? async (attachments) => (await (engine ??= start())).readPhotos(attachments) : undefined,
    engine: () => ready,
    async close() {
      if (engine) await (await engine).close();
    },
  };
}
