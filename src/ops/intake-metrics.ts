// The intake daemon's own metrics: messages by outcome and reason, stage latencies, IMAP connections, OCR pool.
// It is the daemon's IntakeObserver (src/intake/intake-observer.ts) and remembers when IMAP last worked (readiness).
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { IntakeObserver } from '../intake/intake-observer.js';
import type { ProcessOutcome } from '../intake/process-message.js';
import type { PhotoReader } from '../intake/evaluate-message.js';
import type { IntakeStage } from '../intake/stage-timings.js';
import type { TesseractPoolStats } from '../ocr/tesseract-pool.js';

// From a 1 ms statement to an OCR job near its time limit.
const STAGE_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface IntakeMetrics {
  observer: IntakeObserver;
  /** The photo reader, timed as the `ocr` stage per message that has attachments. */
  timePhotos(reader: PhotoReader | undefined): PhotoReader | undefined;
  /** When IMAP last worked (a connection opened, a message moved, a cycle completed); null before the first. */
  imapLastAlive(): Date | null;
}

export function registerIntakeMetrics(registry: Registry, ocrStats: () => TesseractPoolStats | null, now: () => Date = () => new Date()): IntakeMetrics {
  const messages = new Counter({
    name: 'khab_intake_messages_total', help: 'Messages filed, by outcome (accept, review, reject, ignore, duplicate, failed, resumed)',
    labelNames: ['outcome'] as const, registers: [registry],
  });
  const reasons = new Counter({
    name: 'khab_intake_reasons_total', help: 'Reason codes of decided messages, by decision (a message with two reasons counts for both)',
    labelNames: ['decision', 'reason'] as const, registers: [registry],
  });
  const stages = new Histogram({
    name: 'khab_intake_stage_duration_seconds', help: 'Wall time per call of an intake stage (parse and ocr per message, apply and move per batch)',
    labelNames: ['stage'] as const, buckets: STAGE_BUCKETS, registers: [registry],
  });
  const reconnects = new Counter({ name: 'khab_imap_reconnects_total', help: 'IMAP connections opened after the first', registers: [registry] });
  const connectFailures = new Counter({ name: 'khab_imap_connect_failures_total', help: 'IMAP connection attempts that failed', registers: [registry] });
  let lastAlive: Date | null = null;
  let connections = 0;
  new Gauge({
    name: 'khab_imap_last_alive_age_seconds', help: 'Seconds since an IMAP cycle last completed (-1 before the first)', registers: [registry],
    collect() {
      this.set(lastAlive ? (now().getTime() - lastAlive.getTime()) / 1000 : -1);
    },
  });
  const ocrGauge = (name: string, help: string, pick: (s: TesseractPoolStats) => number): void => {
    new Gauge({
      name, help, registers: [registry],
      collect() {
        const s = ocrStats();
        this.set(s ? pick(s) : 0); // 0 until the first photo starts the pool
      },
    });
  };
  ocrGauge('khab_ocr_workers', 'Tesseract worker threads alive', (s) => s.workers);
  ocrGauge('khab_ocr_workers_busy', 'Tesseract workers reading a photo now', (s) => s.busy);
  ocrGauge('khab_ocr_jobs_queued', 'OCR jobs waiting for a free worker', (s) => s.queued);
  // Present from the start with 0, so rate() and alerts see every series.
  for (const outcome of ['accept', 'review', 'reject', 'ignore', 'duplicate', 'failed', 'resumed']) messages.inc({ outcome }, 0);

  const observe = (stage: IntakeStage, ms: number): void => stages.observe({ stage }, ms / 1000);
  const observer: IntakeObserver = {
    stages: {
      // 'ocr' is timed around the reader itself (timePhotos): the stage also runs for messages without photos.
      add: (stage, ms) => {
        if (stage !== 'ocr') observe(stage, ms);
      },
      addAhead: (stage, ms) => {
        if (stage !== 'ocr') observe(stage, ms);
      },
    },
    filed(outcome: ProcessOutcome) {
      lastAlive = now(); // it was just moved over IMAP: a long backlog cycle keeps the daemon ready
      const label = outcome.kind === 'decided' ? outcome.decision : outcome.kind;
      messages.inc({ outcome: label });
      if (outcome.kind === 'decided') for (const reason of outcome.reasons) reasons.inc({ decision: outcome.decision, reason });
    },
    imapConnected() {
      if (connections++ > 0) reconnects.inc();
      lastAlive = now();
    },
    imapConnectFailed() {
      connectFailures.inc();
    },
    imapAlive() {
      lastAlive = now();
    },
  };
  return {
    observer,
    timePhotos(reader) {
      if (!reader) return undefined;
      return async (attachments) => {
        const t0 = performance.now();
        try {
          return await reader(attachments);
        } finally {
          observe('ocr', performance.now() - t0);
        }
      };
    },
    imapLastAlive: () => lastAlive,
  };
}
