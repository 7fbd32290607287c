// A fixed number of Tesseract worker threads shared by all photos: started on first use, fed from one queue,
// replaced after `recycleAfter` jobs (the wasm heap only grows) and whenever a job times out or fails.
import { OcrError } from './ocr-error.js';
import { startTesseractWorker } from './tesseract-worker.js';
import type { OcrResult, OcrWorker, RecogniseOptions } from './tesseract-worker.js';

export type { OcrResult, OcrSymbol, PageSegmentation, RecogniseOptions } from './tesseract-worker.js';

export interface TesseractPoolOptions {
  size: number;
  recycleAfter: number;
  /** Per recognition, once the worker is ready (starting one has its own limit, see tesseract-worker.ts). */
  jobTimeoutMs: number;
  /** Stand-in for tests; the real worker by default. */
  startWorker?: () => Promise<OcrWorker>;
}

export interface TesseractPoolStats {
  size: number;
  /** Worker threads alive now. */
  workers: number;
  busy: number;
  queued: number;
  /** Workers started / terminated since the pool was made. */
  started: number;
  terminated: number;
  completed: number;
  timeouts: number;
  failures: number;
}

export interface TesseractPool {
  recognise(png: Buffer, options: RecogniseOptions): Promise<OcrResult>;
  readonly size: number;
  stats(): TesseractPoolStats;
  /** Rejects queued jobs (ocr_closed) and terminates every worker. */
  close(): Promise<void>;
}

interface Slot {
  worker: OcrWorker | null;
  jobs: number;
  busy: boolean;
}

interface Job {
  png: Buffer;
  options: RecogniseOptions;
  resolve(result: OcrResult): void;
  reject(error: OcrError): void;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OcrError('ocr_timeout', `OCR job took over ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const asOcrError = (e: unknown): OcrError =>
  e instanceof OcrError ? e : new OcrError('ocr_failed', `OCR job failed: ${(e as Error)?.message ?? String(e)}`, { cause: e });

export function createTesseractPool(options: TesseractPoolOptions): TesseractPool {
  const { size, recycleAfter, jobTimeoutMs, startWorker = startTesseractWorker } = options;
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, jobs: 0, busy: false }));
  const queue: Job[] = [];
  const terminations = new Set<Promise<void>>();
  const running = new Set<Promise<void>>();
  const counts = { started: 0, terminated: 0, completed: 0, timeouts: 0, failures: 0 };
  let closed = false;

  function retire(slot: Slot): void {
    const worker = slot.worker;
    slot.worker = null;
    slot.jobs = 0;
    if (worker === null) return;
    counts.terminated += 1;
    const done = worker.terminate().catch(() => {});
    terminations.add(done);
    void done.finally(() => terminations.delete(done));
  }

  async function workerOf(slot: Slot): Promise<OcrWorker> {
    if (slot.worker === null) {
      counts.started += 1;
      slot.worker = await startWorker();
    }
    if (closed) throw new OcrError('ocr_closed', 'OCR pool closed');
    return slot.worker;
  }

  async function attempt(slot: Slot, job: Job): Promise<OcrResult> {
    try {
      const worker = await workerOf(slot);
      slot.jobs += 1;
      const result = await withTimeout(Promise.race([worker.recognise(job.png, job.options), worker.died]), jobTimeoutMs);
      counts.completed += 1;
      if (slot.jobs >= recycleAfter) retire(slot);
      return result;
    } catch (e) {
      // whatever went wrong, this worker is not trusted with another job
      retire(slot);
      const error = closed ? new OcrError('ocr_closed', 'OCR pool closed during the job', { cause: e }) : asOcrError(e);
      if (error.code === 'ocr_timeout') counts.timeouts += 1;
      else if (error.code === 'ocr_failed') counts.failures += 1;
      throw error;
    }
  }

  function start(slot: Slot, job: Job): void {
    slot.busy = true;
    // the slot is free before the caller hears back, so stats() right after an await are exact
    const release = (): void => {
      slot.busy = false;
      pump();
    };
    const done = attempt(slot, job).then(
      (result) => (release(), job.resolve(result)),
      (error: OcrError) => (release(), job.reject(error)),
    );
    running.add(done);
    void done.finally(() => running.delete(done));
  }

  function pump(): void {
    let slot: Slot | undefined;
    while (queue.length > 0 && (slot = slots.find((s) => !s.busy)) !== undefined) start(slot, queue.shift()!);
  }

  return {
    size,
    recognise(png, recogniseOptions) {
      if (closed) return Promise.reject(new OcrError('ocr_closed', 'OCR pool closed'));
      return new Promise<OcrResult>((resolve, reject) => {
        queue.push({ png, options: recogniseOptions, resolve, reject });
        pump();
      });
    },
    stats: () => ({
      size,
      workers: slots.filter((s) => s.worker !== null).length,
      busy: slots.filter((s) => s.busy).length,
      queued: queue.length,
      ...counts,
    }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new OcrError('ocr_closed', 'OCR pool closed before the job ran'));
      for (const slot of slots) retire(slot);
      // a job in flight ends at once (its thread is gone); one still starting its worker retires it itself
      await Promise.all([...running]);
      await Promise.all([...terminations]);
    },
  };
}
