// The ops pieces a process needs: one metrics registry (process defaults + database gauges, + the intake's own
// when it is the daemon), and readiness. The intake daemon serves them with startOpsServer; the web app can mount
// the same two functions as Fastify routes (see the note in README, "Health and metrics").
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Store } from '../store/index.js';
import type { TesseractPoolStats } from '../ocr/tesseract-pool.js';
import { checkReadiness, type ReadinessResult } from './check-readiness.js';
import { registerIntakeMetrics, type IntakeMetrics } from './intake-metrics.js';
import { registerStoreGauges } from './store-gauges.js';

export interface Ops {
  /** Prometheus text of every metric, with its content type. */
  metrics(): Promise<{ contentType: string; body: string }>;
  readiness(): Promise<ReadinessResult>;
  /** The intake daemon's observer and photo timing; null for other processes. */
  intake: IntakeMetrics | null;
  registry: Registry;
}

export interface OpsOptions {
  store: Pick<Store, 'outbox' | 'review'>;
  /** READY_OUTBOX_MAX_AGE_MINUTES. */
  outboxMaxAgeMinutes: number;
  /** Only for the intake daemon: its IMAP readiness limit and its OCR pool's stats. */
  intake?: { imapMaxAgeSeconds: number; ocrStats: () => TesseractPoolStats | null };
  /** Label on every metric, e.g. the pm2 app name (`intake`, `web`). */
  app: string;
  /** The process's own registries, served on the same /metrics (the web app's request latency). */
  also?: Registry[];
  now?: () => Date;
}

export function createOps(opts: OpsOptions): Ops {
  const registry = new Registry();
  registry.setDefaultLabels({ app: opts.app });
  collectDefaultMetrics({ register: registry });
  registerStoreGauges(registry, opts.store, opts.now);
  const intake = opts.intake ? registerIntakeMetrics(registry, opts.intake.ocrStats, opts.now) : null;
  const served = opts.also && opts.also.length > 0 ? Registry.merge([registry, ...opts.also]) : registry;
  served.setDefaultLabels({ app: opts.app });
  const imap = opts.intake && intake ? { lastAlive: intake.imapLastAlive, maxAgeSeconds: opts.intake.imapMaxAgeSeconds } : undefined;
  return {
    registry,
    intake,
    metrics: async () => ({ contentType: served.contentType, body: await served.metrics() }),
    readiness: () => checkReadiness({ store: opts.store, outboxMaxAgeMinutes: opts.outboxMaxAgeMinutes, imap, now: opts.now }),
  };
}
