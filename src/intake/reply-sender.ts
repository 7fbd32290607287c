// The outbox's delivery side as the daemon uses it: one SMTP transport, due replies sent after each cycle.
import type { Logger } from 'pino';
import type { Settings, SMTP_SETTINGS } from '../config.js';
import { createMailer, sendDueReplies, type SendResult } from '../reply/send-outbox.js';
import type { Store } from '../store/index.js';

const BATCH = 50;

export interface ReplySender {
  sendDue(now?: Date): Promise<SendResult>;
  close(): Promise<void>;
}

/** `signal`: once aborted (the daemon stopping), no further reply is sent; the rest wait for the next process. */
export function createReplySender(store: Store, settings: Pick<Settings, (typeof SMTP_SETTINGS)[number]>, log: Logger, signal?: AbortSignal): ReplySender {
  const mailer = createMailer(settings);
  return {
    /** Sends every due reply, batch after batch, until none is due (an outage defers the rest at once). */
    async sendDue(now = new Date()) {
      const total = { sent: 0, failed: 0, deferred: 0 };
      for (;;) {
        const r = await sendDueReplies(store, mailer, {
          now, maxAttempts: settings.OUTBOX_MAX_ATTEMPTS, retryBaseMs: settings.OUTBOX_RETRY_BASE_SECONDS * 1000,
          claimMs: settings.OUTBOX_CLAIM_SECONDS * 1000, log, limit: BATCH, ...(signal ? { signal } : {}),
        });
        total.sent += r.sent;
        total.failed += r.failed;
        total.deferred += r.deferred;
        if (r.sent + r.failed + r.deferred < BATCH || signal?.aborted) break;
      }
      if (total.sent + total.failed + total.deferred > 0) log.info({ ...total }, 'outbox pass');
      return total;
    },
    async close() {
      await mailer.close?.();
    },
  };
}
