// The outbox's delivery side as the daemon uses it: one SMTP transport, due replies sent after each cycle.
import type { Logger } from 'pino';
import type { Settings, SMTP_SETTINGS } from '../config.js';
import { createMailer, sendDueReplies, type SendResult } from '../reply/send-outbox.js';
import type { Store } from '../store/index.js';

export interface ReplySender {
  sendDue(now?: Date): Promise<SendResult>;
  close(): Promise<void>;
}

export function createReplySender(store: Store, settings: Pick<Settings, (typeof SMTP_SETTINGS)[number]>, log: Logger): ReplySender {
  const mailer = createMailer(settings);
  return {
    async sendDue(now = new Date()) {
      const result = await sendDueReplies(store, mailer, { now, maxAttempts: settings.OUTBOX_MAX_ATTEMPTS, log });
      if (result.sent + result.failed + result.deferred > 0) log.info({ ...result }, 'outbox pass');
      return result;
    },
    async close() {
      await mailer.close?.();
    },
  };
}
