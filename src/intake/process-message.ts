// One stored message through the decision, exactly once in its effects: the decision is computed and applied in
// one transaction (apply-decision.ts); a message that throws is recorded as failed. The batch around it
// (process-batch.ts) stores the raw sources first; the cycle (run-cycle.ts) moves and marks filed afterwards.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { DecisionRules } from '../decide/decide-message.js';
import type { ParsedMessage, ParseLimits } from '../parse/types.js';
import type { Store, StoredMessage } from '../store/index.js';
import type { RegistryIndex } from '../validate/registry-index.js';
import { applyDecision, type OutcomeFolders } from './apply-decision.js';
import { makeQueueReply, type ReplyConfig } from './queue-reply.js';
import { evaluateParsed } from './evaluate-message.js';
import { localDate } from '../decide/billing-window.js';
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

/** Counts the attempt, then decides and applies (`cli reprocess`: one message at a time). */
export async function decideAndApply(row: StoredMessage, parsed: ParsedMessage, ctx: ProcessContext, log: Logger): Promise<ProcessOutcome> {
  await ctx.store.messages.countAttempt(row.id);
  return decideCounted(row, parsed, ctx, log);
}

/** Decides a stored message whose attempt is already counted, and applies the decision; a failure is recorded, never thrown. */
export async function decideCounted(row: StoredMessage, parsed: ParsedMessage, ctx: ProcessContext, log: Logger): Promise<ProcessOutcome> {
  const { store, folders, timings } = ctx;
  const now = ctx.now ?? (() => new Date());
  try {
    const { decision, at } = timedSync(timings, 'decide', () => evaluateParsed(parsed, {
      registry: ctx.registry, rules: ctx.rules, limits: ctx.limits, nowOverride: null, now: now(), receivedAt: row.receivedAt,
    }));
    const readingDate = localDate(at, ctx.rules.window.timeZone);
    const result = await timed(timings, 'apply', () => applyDecision(store, {
      messageRowId: row.id, decision, readingDate, source: 'text', actor: 'intake', folders,
      queueReply: ctx.replies ? makeQueueReply(parsed, row.id, at, ctx.replies, (a, m) => ctx.registry.meter(a, m)) : null,
      knownMeter: (a, m) => ctx.registry.meter(a, m),
    }));
    if (decision.decision === 'accept') {
      for (const r of decision.readings) ctx.registry.updateLast(r.account, r.meter, { t1: r.t1, t2: r.t2, t3: r.t3 }, readingDate);
    }
    log.info({ decision: decision.decision, reasons: decision.reasons, readings: result.readingsStored, reply: result.replyQueued }, 'decided');
    return { kind: 'decided', messageId: row.id, folder: result.outcomeFolder, decision: decision.decision };
  } catch (e) {
    const err = e as Error & { code?: string };
    const error = `${err.code ? `[${err.code}] ` : ''}${err.message}`.slice(0, 2000);
    await store.transaction(async (tx) => {
      await tx.messages.update(row.id, { state: 'failed', error, outcomeFolder: folders.failed, decidedAt: now() });
      await tx.audit.append({ actor: 'intake', action: 'fail', entity: 'message', entityId: row.id, after: { error } });
    });
    log.error({ err: error }, 'message failed; recorded and filed to the Failed folder');
    return { kind: 'failed', messageId: row.id, folder: folders.failed, error };
  }
}

/** Marks a message as a copy of an earlier one, to be filed with it; state and audit entry commit together. */
export async function markDuplicate(row: StoredMessage, original: { id: number; folder: string }, ctx: ProcessContext, log: Logger): Promise<ProcessOutcome> {
  const now = ctx.now ?? (() => new Date());
  await ctx.store.transaction(async (tx) => {
    await tx.messages.update(row.id, { state: 'duplicate', duplicateOfId: original.id, outcomeFolder: original.folder, decidedAt: now() });
    await tx.audit.append({ actor: 'intake', action: 'duplicate', entity: 'message', entityId: row.id, after: { originalId: original.id } });
  });
  log.info({ originalId: original.id, folder: original.folder }, 'duplicate of an earlier message');
  return { kind: 'duplicate', messageId: row.id, folder: original.folder, originalId: original.id };
}
