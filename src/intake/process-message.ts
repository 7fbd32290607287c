// One fetched message through the intake, exactly once in its effects:
//   1. the raw source is stored (unique on mailbox + UIDVALIDITY + UID) before any IMAP action;
//   2. a copy of a message already stored (same Message-ID and bytes) is marked duplicate and filed with it;
//   3. otherwise the decision is computed and applied in one transaction (apply-decision.ts);
//   4. the caller then moves the message to the returned folder and marks it filed.
// A crash anywhere repeats at most the step it was in; each step is idempotent.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { DecisionRules } from '../decide/decide-message.js';
import { parseMessage } from '../parse/parse-message.js';
import type { ParseLimits } from '../parse/types.js';
import type { Store, StoredMessage } from '../store/index.js';
import type { RegistryIndex } from '../validate/registry-index.js';
import { applyDecision, type OutcomeFolders } from './apply-decision.js';
import { makeQueueReply, type ReplyConfig } from './queue-reply.js';
import { evaluateParsed } from './evaluate-message.js';
import { timed, timedSync, type StageTimings } from './stage-timings.js';

export interface Fetched {
  uid: number;
  internalDate: Date | null;
  source: Buffer;
}

export interface ProcessContext {
  store: Store;
  registry: RegistryIndex;
  rules: DecisionRules;
  limits: ParseLimits;
  folders: OutcomeFolders;
  /** null: no replies are queued (dry runs, tests of the decision alone). */
  replies: ReplyConfig | null;
  mailbox: string;
  uidValidity: bigint;
  log: Logger;
  now?: () => Date;
  /** Per-stage wall time (the benchmark); absent in the daemon. */
  timings?: StageTimings;
}

export type ProcessOutcome =
  | { kind: 'decided'; messageId: number; folder: string; decision: string }
  | { kind: 'duplicate'; messageId: number; folder: string; originalId: number }
  | { kind: 'failed'; messageId: number; folder: string; error: string }
  /** Already decided in an earlier run (crash before the move): only the move is left. */
  | { kind: 'resumed'; messageId: number; folder: string };

export function sha256(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}

export async function processMessage(m: Fetched, ctx: ProcessContext): Promise<ProcessOutcome> {
  const { store, folders, timings } = ctx;
  const now = ctx.now ?? (() => new Date());
  let row = await timed(timings, 'store_raw', () => store.messages.findByUid(ctx.mailbox, ctx.uidValidity, m.uid));
  let parsed = null;
  if (!row) {
    const p = await timed(timings, 'parse', () => parseMessage(m.source, ctx.limits));
    parsed = p;
    row = await timed(timings, 'store_raw', async () => {
      const inserted = await store.messages.insert({
        mailbox: ctx.mailbox, uidValidity: ctx.uidValidity, uid: m.uid,
        messageIdHeader: p.messageId, sha256: sha256(m.source), raw: m.source, size: m.source.length,
        receivedAt: m.internalDate, dateHeader: p.date, fromAddress: p.from.address, subject: p.subject.slice(0, 500),
      });
      const id = inserted.ok ? inserted.id : inserted.existingId;
      return id === null ? null : store.messages.get(id);
    });
    if (!row) throw Object.assign(new Error(`message uid ${m.uid} could not be stored`), { code: 'STORE_INSERT' });
  }
  const log = ctx.log.child({ messageId: row.id, uid: m.uid });
  if (row.state !== 'received' && row.state !== 'processing') {
    return { kind: 'resumed', messageId: row.id, folder: row.outcomeFolder ?? folders.failed };
  }

  const stored = row;
  const earlier = await timed(timings, 'dedupe', () => store.messages.findEarlierCopy(stored.id, stored.messageIdHeader, stored.sha256));
  if (earlier) {
    const folder = earlier.outcomeFolder ?? folders.review;
    await timed(timings, 'dedupe', async () => {
      await store.messages.update(stored.id, { state: 'duplicate', duplicateOfId: earlier.id, outcomeFolder: folder, decidedAt: now() });
      await store.audit.append({ actor: 'intake', action: 'duplicate', entity: 'message', entityId: stored.id, after: { originalId: earlier.id } });
    });
    log.info({ originalId: earlier.id, folder }, 'duplicate of an earlier message');
    return { kind: 'duplicate', messageId: row.id, folder, originalId: earlier.id };
  }
  return decideAndApply(row, parsed ?? (await timed(timings, 'parse', () => parseMessage(m.source, ctx.limits))), ctx, log);
}

/** Decides a stored message and applies the decision; a failure is recorded, never thrown. */
export async function decideAndApply(
  row: StoredMessage, parsed: Awaited<ReturnType<typeof parseMessage>>, ctx: ProcessContext, log: Logger,
): Promise<ProcessOutcome> {
  const { store, folders, timings } = ctx;
  const now = ctx.now ?? (() => new Date());
  try {
    await timed(timings, 'attempt', () => store.messages.countAttempt(row.id));
    const { decision, at } = timedSync(timings, 'decide', () => evaluateParsed(parsed, {
      registry: ctx.registry, rules: ctx.rules, limits: ctx.limits, nowOverride: null, now: now(), receivedAt: row.receivedAt,
    }));
    const readingDate = localDate(at, ctx.rules.window.timeZone);
    const result = await timed(timings, 'apply', () => applyDecision(store, {
      messageRowId: row.id, decision, readingDate, source: 'text', actor: 'intake', folders,
      queueReply: ctx.replies ? makeQueueReply(parsed, row.id, at, ctx.replies) : null,
    }));
    if (decision.decision === 'accept') {
      for (const r of decision.readings) ctx.registry.updateLast(r.account, r.meter, { t1: r.t1, t2: r.t2, t3: r.t3 }, readingDate);
    }
    log.info({ decision: decision.decision, reasons: decision.reasons, readings: result.readingsStored, reply: result.replyQueued }, 'decided');
    return { kind: 'decided', messageId: row.id, folder: result.outcomeFolder, decision: decision.decision };
  } catch (e) {
    const err = e as Error & { code?: string };
    const error = `${err.code ? `[${err.code}] ` : ''}${err.message}`.slice(0, 2000);
    await store.messages.update(row.id, { state: 'failed', error, outcomeFolder: folders.failed, decidedAt: now() });
    await store.audit.append({ actor: 'intake', action: 'fail', entity: 'message', entityId: row.id, after: { error } });
    log.error({ err: error }, 'message failed; recorded and filed to the Failed folder');
    return { kind: 'failed', messageId: row.id, folder: folders.failed, error };
  }
}

/** YYYY-MM-DD of an instant in the utility's time zone (en-CA formats dates that way). */
function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
