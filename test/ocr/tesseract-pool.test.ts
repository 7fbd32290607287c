import { afterEach, describe, expect, it } from 'vitest';
import { OcrError } from '../../src/ocr/ocr-error.js';
import { createTesseractPool } from '../../src/ocr/tesseract-pool.js';
import type { TesseractPool } from '../../src/ocr/tesseract-pool.js';
import { startTesseractWorker } from '../../src/ocr/tesseract-worker.js';
import type { OcrWorker } from '../../src/ocr/tesseract-worker.js';
import { digitLinePng, noisePng } from './make-images.js';

const DIGITS = { psm: 'line', whitelist: '0123456789' } as const;
let pool: TesseractPool | null = null;

afterEach(async () => {
  await pool?.close();
  pool = null;
});

/** Real workers, each tagged, so a test can tell which thread did a job. */
function taggedWorkers(): { start: () => Promise<OcrWorker>; jobsBy: number[] } {
  const jobsBy: number[] = [];
  let made = 0;
  const start = async (): Promise<OcrWorker> => {
    const worker = await startTesseractWorker();
    const tag = made++;
    return { ...worker, died: worker.died, recognise: (png, o) => (jobsBy.push(tag), worker.recognise(png, o)) };
  };
  return { start, jobsBy };
}

async function rejection(promise: Promise<unknown>): Promise<OcrError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(OcrError);
  return error as OcrError;
}

describe('createTesseractPool', () => {
  it('reads a rendered digit line with per-symbol confidences and boxes', async () => {
    pool = createTesseractPool({ size: 1, recycleAfter: 50, jobTimeoutMs: 10_000 });
    const started = performance.now();
    const result = await pool.recognise(await digitLinePng('0451273'), DIGITS);
    console.info(`first job incl. worker start: ${(performance.now() - started).toFixed(0)} ms`);
    expect(result.text).toBe('0451273');
    expect(result.confidence).toBeGreaterThan(0.8);
    expect(result.symbols.map((s) => s.text).join('')).toBe('0451273');
    for (const s of result.symbols) expect(s.confidence).toBeGreaterThan(0.8);
    const lefts = result.symbols.map((s) => s.bbox.x0);
    expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
    expect(result.symbols[0]!.bbox.x1).toBeGreaterThan(result.symbols[0]!.bbox.x0);
  });

  it('starts workers lazily, once, not per image', async () => {
    pool = createTesseractPool({ size: 2, recycleAfter: 50, jobTimeoutMs: 10_000 });
    expect(pool.stats()).toMatchObject({ size: 2, workers: 0, started: 0 });
    const png = await digitLinePng('9170');
    const results = await Promise.all(Array.from({ length: 6 }, () => pool!.recognise(png, DIGITS)));
    expect(results.map((r) => r.text)).toEqual(Array(6).fill('9170'));
    expect(pool.stats()).toMatchObject({ workers: 2, started: 2, terminated: 0, completed: 6, busy: 0, queued: 0 });
  });

  it('recycles a worker after recycleAfter jobs: a new thread does the next ones', async () => {
    const { start, jobsBy } = taggedWorkers();
    pool = createTesseractPool({ size: 1, recycleAfter: 2, jobTimeoutMs: 10_000, startWorker: start });
    const png = await digitLinePng('31');
    for (let i = 0; i < 5; i++) expect((await pool.recognise(png, DIGITS)).text).toBe('31');
    expect(jobsBy).toEqual([0, 0, 1, 1, 2]);
    expect(pool.stats()).toMatchObject({ started: 3, terminated: 2, workers: 1, completed: 5, busy: 0 });
  });

  it('a job over the time limit rejects with ocr_timeout; its worker is terminated and replaced', async () => {
    const { start, jobsBy } = taggedWorkers();
    pool = createTesseractPool({ size: 1, recycleAfter: 50, jobTimeoutMs: 1500, startWorker: start });
    const line = await digitLinePng('2024');
    expect((await pool.recognise(line, DIGITS)).text).toBe('2024'); // worker started and warm
    const started = performance.now();
    const error = await rejection(pool.recognise(await noisePng(1500), { psm: 'block' }));
    const ms = performance.now() - started;
    expect(error.code).toBe('ocr_timeout');
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(3000);
    expect(pool.stats()).toMatchObject({ timeouts: 1, terminated: 1, workers: 0 });
    expect((await pool.recognise(line, DIGITS)).text).toBe('2024');
    expect(jobsBy).toEqual([0, 0, 1]);
    expect(pool.stats()).toMatchObject({ started: 2, workers: 1 });
  });

  it('close() rejects the queue, ends the job in flight and terminates every worker', async () => {
    pool = createTesseractPool({ size: 1, recycleAfter: 50, jobTimeoutMs: 30_000 });
    const line = await digitLinePng('77');
    await pool.recognise(line, DIGITS);
    const inFlight = rejection(pool.recognise(await noisePng(1500), { psm: 'block' }));
    const queued = rejection(pool.recognise(line, DIGITS));
    await new Promise((r) => setTimeout(r, 200));
    const started = performance.now();
    await pool.close();
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await queued).code).toBe('ocr_closed');
    expect((await inFlight).code).toBe('ocr_closed');
    expect((await rejection(pool.recognise(line, DIGITS))).code).toBe('ocr_closed');
    expect(pool.stats()).toMatchObject({ workers: 0, busy: 0, queued: 0, started: 1, terminated: 1 });
  });

  it('a worker that fails to start or dies mid-job → ocr_failed; the next job gets a fresh worker', async () => {
    let made = 0;
    const start = async (): Promise<OcrWorker> => {
      const n = ++made;
      if (n === 1) throw new Error('wasm failed to load');
      let die: (e: Error) => void = () => {};
      const died = new Promise<never>((_, reject) => (die = reject));
      died.catch(() => {});
      return {
        died,
        recognise: async () => {
          if (n === 2) {
            die(new Error('worker thread exited (1)'));
            return new Promise<never>(() => {}); // the job itself never answers
          }
          return { text: 'ok', confidence: 1, symbols: [] };
        },
        terminate: async () => {},
      };
    };
    pool = createTesseractPool({ size: 1, recycleAfter: 50, jobTimeoutMs: 5000, startWorker: start });
    const png = Buffer.alloc(0);
    expect((await rejection(pool.recognise(png, DIGITS))).message).toMatch(/wasm failed to load/);
    const crashed = await rejection(pool.recognise(png, DIGITS));
    expect([crashed.code, crashed.message]).toEqual(['ocr_failed', 'OCR job failed: worker thread exited (1)']);
    expect((await pool.recognise(png, DIGITS)).text).toBe('ok');
    expect(pool.stats()).toMatchObject({ started: 3, failures: 2, terminated: 1, workers: 1 });
  });
});
