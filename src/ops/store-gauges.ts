// Gauges read from the database when Prometheus scrapes: review queue depth and age, outbox counts and age.
// One snapshot (three aggregate statements) serves every gauge of a scrape; a database that does not answer
// leaves them unset and khab_store_up at 0 instead of failing the whole scrape.
import { Gauge, type Registry } from 'prom-client';
import type { OutboxHealth, Store } from '../store/index.js';

interface Snapshot {
  review: { open: number; oldest: Date | null };
  outbox: OutboxHealth;
}

const SNAPSHOT_TIMEOUT_MS = 2000;

export function registerStoreGauges(registry: Registry, store: Pick<Store, 'outbox' | 'review'>, now: () => Date = () => new Date()): void {
  let inflight: Promise<Snapshot | null> | null = null;
  // prom-client calls every collect of a scrape in one synchronous pass: the first starts the snapshot, the rest
  // share it; it is dropped once it settles, so the next scrape reads afresh.
  const snapshot = (): Promise<Snapshot | null> => {
    inflight ??= withTimeout(Promise.all([store.review.openDepth(), store.outbox.health(now())]), SNAPSHOT_TIMEOUT_MS)
      .then(([review, outbox]) => ({ review, outbox }), () => null)
      .finally(() => {
        inflight = null;
      });
    return inflight;
  };
  const ageSeconds = (d: Date | null): number => (d ? Math.max(0, (now().getTime() - d.getTime()) / 1000) : 0);

  const gauge = (name: string, help: string, value: (s: Snapshot) => number): void => {
    new Gauge({
      name, help, registers: [registry],
      async collect() {
        const s = await snapshot();
        if (s) this.set(value(s));
        else this.reset();
      },
    });
  };
  new Gauge({
    name: 'khab_store_up', help: '1 when the database answered the last scrape\'s queries in time, else 0', registers: [registry],
    async collect() {
      this.set((await snapshot()) ? 1 : 0);
    },
  });
  gauge('khab_review_open_items', 'Review items waiting for a clerk', (s) => s.review.open);
  gauge('khab_review_oldest_open_age_seconds', 'Age of the oldest open review item (0 when none)', (s) => ageSeconds(s.review.oldest));
  gauge('khab_outbox_pending', 'Replies queued and not sent yet', (s) => s.outbox.pending);
  gauge('khab_outbox_failed', 'Replies given up on after OUTBOX_MAX_ATTEMPTS', (s) => s.outbox.failed);
  gauge('khab_outbox_oldest_pending_age_seconds', 'Age of the oldest pending reply (0 when none)', (s) => (s.outbox.oldestPendingAgeMs ?? 0) / 1000);
  gauge('khab_outbox_oldest_failing_age_seconds', 'Age of the oldest pending reply whose SMTP attempts failed so far (0 when none)',
    (s) => ageSeconds(s.outbox.oldestFailingPending));
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'OPS_TIMEOUT' })), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}
