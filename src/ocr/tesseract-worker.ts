// One tesseract.js worker thread, started offline: the English LSTM model comes from the installed
// @tesseract.js-data/eng package (never the CDN tesseract.js falls back to), nothing is cached to the working
// directory, and Tesseract's debug output goes nowhere instead of stdout.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Worker as ThreadWorker } from 'node:worker_threads';
import Tesseract from 'tesseract.js';
import { OcrError } from './ocr-error.js';

export type PageSegmentation = 'line' | 'word' | 'char' | 'block';

export interface RecogniseOptions {
  /** Only these characters may be recognised, e.g. "0123456789". */
  whitelist?: string;
  psm: PageSegmentation;
}

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrSymbol {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: OcrBox;
}

export interface OcrResult {
  text: string;
  /** 0..1, Tesseract's mean word confidence. */
  confidence: number;
  symbols: OcrSymbol[];
}

export interface OcrWorker {
  recognise(png: Buffer, options: RecogniseOptions): Promise<OcrResult>;
  terminate(): Promise<void>;
  /** Rejects when the thread dies or tesseract.js reports an error; never resolves. */
  readonly died: Promise<never>;
}

const PSM: Record<PageSegmentation, Tesseract.PSM> = {
  line: Tesseract.PSM.SINGLE_LINE,
  word: Tesseract.PSM.SINGLE_WORD,
  char: Tesseract.PSM.SINGLE_CHAR,
  block: Tesseract.PSM.SINGLE_BLOCK,
};

// Resolved from this module, not the working directory (pm2 and tests start elsewhere).
const LANG_PATH = path.join(path.dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
const INIT_TIMEOUT_MS = 30_000;

function toResult(page: Tesseract.Page): OcrResult {
  const symbols: OcrSymbol[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          for (const s of word.symbols) symbols.push({ text: s.text, confidence: s.confidence / 100, bbox: { ...s.bbox } });
        }
      }
    }
  }
  return { text: page.text.trim(), confidence: page.confidence / 100, symbols };
}

function wrap(worker: Tesseract.Worker, died: Promise<never>): OcrWorker {
  return {
    died,
    async recognise(png, options) {
      await worker.setParameters({ tessedit_char_whitelist: options.whitelist ?? '', tessedit_pageseg_mode: PSM[options.psm] });
      const { data } = await worker.recognize(png, {}, { text: true, blocks: true });
      return toResult(data);
    },
    async terminate() {
      await worker.terminate();
    },
  };
}

export async function startTesseractWorker(): Promise<OcrWorker> {
  if (!existsSync(path.join(LANG_PATH, 'eng.traineddata.gz'))) throw new OcrError('ocr_failed', `no language data in ${LANG_PATH}`);
  let fail: (reason: Error) => void = () => {};
  const died = new Promise<never>((_, reject) => (fail = reject));
  died.catch(() => {}); // observed by whoever races it; a death nobody waits for is not an unhandled rejection
  const options = { langPath: LANG_PATH, gzip: true, cacheMethod: 'none', errorHandler: (e: unknown) => fail(new Error(String(e))) };
  let timer: NodeJS.Timeout | undefined;
  const tooSlow = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not ready in ${INIT_TIMEOUT_MS} ms`)), INIT_TIMEOUT_MS)));
  try {
    const worker = await Promise.race([Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, options, 'debug_file /dev/null'), died, tooSlow]);
    // tesseract.js leaves the thread's 'error' unobserved, which would take the whole process down
    const thread = (worker as unknown as { worker: ThreadWorker }).worker;
    thread.on('error', (e) => fail(e));
    thread.on('exit', (code) => fail(new Error(`worker thread exited (${code})`)));
    return wrap(worker, died);
  } catch (e) {
    throw new OcrError('ocr_failed', `Tesseract worker did not start: ${(e as Error).message}`, { cause: e });
  } finally {
    clearTimeout(timer);
  }
}
