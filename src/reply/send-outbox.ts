// Delivers due outbox rows over SMTP. Delivery is recorded only after the server accepted the message;
// a failed attempt is retried with capped exponential backoff and given up after maxAttempts; an SMTP
// outage defers the batch instead of throwing. nodemailer is used here and nowhere else.
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Settings } from '../config.js';
import { stageLogger } from '../log.js';
import type { Repos } from '../store/index.js';
import type { OutboxEntry } from '../store/outbox.js';

export type SmtpSettings = Pick<Settings,
  'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_TLS' | 'SMTP_STARTTLS' | 'SMTP_TLS_VERIFY' | 'SMTP_USER' | 'SMTP_PASSWORD' | 'MAIL_FROM'>;

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  inReplyTo: string | null;
  references: string | null;
  messageId: string;
  /** RFC 3834 Auto-Submitted value; null for mail a person wrote (a clerk's reply). */
  autoSubmitted: 'auto-replied' | 'auto-generated' | null;
}

/**
 * Why a send failed: `rejected` — the server refused this message for good (unknown recipient, content);
 * `deferred` — this message may pass later (a 4xx answer); `unavailable` — the server cannot be used right
 * now (refused connection, timeout, TLS, login), so the rest of the batch waits too.
 */
export type SendFailure = 'rejected' | 'deferred' | 'unavailable';

export class MailerError extends Error {
  constructor(readonly failure: SendFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailerError';
  }
}

export interface Mailer {
  /** MAIL_FROM: the From of every message and the domain of our Message-IDs. */
  readonly from: string;
  /** Resolves once the server accepted the message; rejects with a MailerError. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.SMTP_HOST,
    port: settings.SMTP_PORT,
    secure: settings.SMTP_TLS,
    // STARTTLS on: refuse to send in clear; off: never upgrade (the local sink offers no certificate worth trusting).
    ...(settings.SMTP_TLS ? {} : settings.SMTP_STARTTLS ? { requireTLS: true } : { ignoreTLS: true }),
    ...(settings.SMTP_USER ? { auth: { user: settings.SMTP_USER, pass: settings.SMTP_PASSWORD ?? '' } } : {}),
    tls: { rejectUnauthorized: settings.SMTP_TLS_VERIFY },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    dnsTimeout: 10_000,
    // One SMTP session reused across replies (a new connection per reply cost ~100 ms each against the local
    // sink, more with TLS); nodemailer opens a new one when the server drops it.
    pool: true,
    maxConnections: 1,
    logger: false,
  });
  const from = settings.MAIL_FROM;
  return {
    from,
    async send(mail) {
      let info: { accepted: unknown[]; rejected: unknown[]; response?: string };
      try {
        info = await transport.sendMail({
          from, to: mail.to, subject: mail.subject, text: mail.text,
          ...(mail.html !== null ? { html: mail.html } : {}),
          messageId: mail.messageId,
          ...(mail.inReplyTo !== null ? { inReplyTo: mail.inReplyTo } : {}),
          ...(mail.references !== null ? { references: mail.references } : {}),
          headers: mail.autoSubmitted === null ? {} : {
            'Auto-Submitted': mail.autoSubmitted,
            // Exchange/Outlook: no out-of-office or other auto-answer to this one.
            'X-Auto-Response-Suppress': 'All',
          },
        });
      } catch (e) {
        throw classify(e);
      }
      if (info.accepted.length === 0) throw new MailerError('rejected', `recipient refused: ${info.response ?? ''}`.trim());
    },
    close() {
      transport.close();
    },
  };
}

/** nodemailer's error → what the outbox should do about it. */
function classify(e: unknown): MailerError {
  const err = e as { code?: string; command?: string; responseCode?: number; message?: string };
  const detail = `${err.code ?? 'ERROR'}${err.responseCode ? ` ${err.responseCode}` : ''}: ${err.message ?? String(e)}`;
  const perMessage = err.command === 'RCPT TO' || err.command === 'DATA';
  if (perMessage && err.responseCode !== undefined && err.responseCode >= 500) return new MailerError('rejected', detail, { cause: e });
  if (perMessage && err.responseCode !== undefined && err.responseCode >= 400) return new MailerError('deferred', detail, { cause: e });
  // An address nodemailer itself finds malformed can never be delivered.
  if (err.code === 'EENVELOPE' && err.command === 'API') return new MailerError('rejected', detail, { cause: e });
  return new MailerError('unavailable', detail, { cause: e });
}

export interface SendOptions {
  now: Date;
  /** OUTBOX_MAX_ATTEMPTS: the attempt that reaches it marks the row failed. */
  maxAttempts: number;
  limit?: number;
  /** First retry delay (doubling after each failure, at most 1 h); OUTBOX_RETRY_BASE_SECONDS. */
  retryBaseMs?: number;
  /** How long a claimed row stays away from other senders (and from a restart after a crash). */
  claimMs?: number;
  /** The clock for sentAt; defaults to the system clock. */
  clock?: () => Date;
  log?: Logger;
  /** A stopping daemon sends no further reply (the rest stay due for the next process). */
  signal?: AbortSignal;
}

export interface SendResult {
  sent: number;
  /** Given up: permanently rejected, or the last allowed attempt failed. */
  failed: number;
  /** Scheduled for another attempt. */
  deferred: number;
}

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 3600_000;

/** Delay before the next attempt after `attempts` failed ones: 30 s · 2^(attempts−1), at most 1 h. */
export function retryDelayMs(attempts: number, baseMs: number = BASE_DELAY_MS): number {
  return Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 20)));
}

/** Our Message-ID for a row: stable, so a resend after a crash carries the same one and can be recognised. */
export function outboxMessageId(entry: Pick<OutboxEntry, 'id' | 'createdAt'>, from: string): string {
  const domain = from.slice(from.lastIndexOf('@') + 1) || 'localhost';
  return `<reply.${entry.id}.${entry.createdAt.getTime().toString(36)}@${domain}>`;
}

const AUTO_SUBMITTED: Record<OutboxEntry['kind'], OutgoingMail['autoSubmitted']> = {
  accepted: 'auto-replied', rejected: 'auto-replied', review: 'auto-replied', forward: 'auto-generated', clerk: null,
};

export async function sendDueReplies(store: Pick<Repos, 'outbox'>, mailer: Mailer, opts: SendOptions): Promise<SendResult> {
  const { now, maxAttempts } = opts;
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? stageLogger('reply');
  const result: SendResult = { sent: 0, failed: 0, deferred: 0 };
  const claimUntil = new Date(now.getTime() + (opts.claimMs ?? 5 * 60_000));
  let outage: MailerError | null = null;

  const recordFailure = async (entry: OutboxEntry, error: MailerError): Promise<void> => {
    const attempts = entry.attempts + 1;
    const giveUp = error.failure === 'rejected' || attempts >= maxAttempts;
    await store.outbox.markAttemptFailed(entry.id, error.message, new Date(now.getTime() + retryDelayMs(attempts, opts.retryBaseMs)), giveUp);
    if (giveUp) result.failed++;
    else result.deferred++;
    log.warn({ outboxId: entry.id, attempts, giveUp, failure: error.failure, err: error.message }, 'reply not sent');
  };

  for (const entry of await store.outbox.due(now, opts.limit ?? 50)) {
    if (opts.signal?.aborted) break;
    if (!(await store.outbox.claim(entry.id, now, claimUntil))) continue; // sent or claimed by another sender
    // While the server is unreachable, the rest of the batch waits its turn instead of hammering it.
    if (outage) {
      await recordFailure(entry, outage);
      continue;
    }
    const messageId = outboxMessageId(entry, mailer.from);
    try {
      await mailer.send({
        to: entry.to, subject: entry.subject, text: entry.text, html: entry.html,
        inReplyTo: entry.inReplyTo, references: entry.references, messageId, autoSubmitted: AUTO_SUBMITTED[entry.kind],
      });
    } catch (e) {
      const error = e instanceof MailerError ? e : new MailerError('unavailable', String((e as Error).message ?? e), { cause: e });
      if (error.failure === 'unavailable') outage = error;
      await recordFailure(entry, error);
      continue;
    }
    // The server has the message. A crash before this write is the one window in which the row is sent
    // again (once, after the claim expires, with the same Message-ID): nothing else happens in between.
    await store.outbox.markSent(entry.id, messageId, clock());
    result.sent++;
    log.info({ outboxId: entry.id, messageId: entry.messageId, kind: entry.kind }, 'reply sent');
  }
  return result;
}
