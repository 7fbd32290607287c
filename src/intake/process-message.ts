// One stored message through the decision, exactly once in its effects: the decision is computed and applied in
// one transaction (apply-decision.ts); a message that throws is recorded as failed. The batch around it
// (process-batch.ts) stores the raw sources first; the cycle (run-cycle.ts) moves and marks filed afterwards.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { DecisionRules } from '../decide/decide-message.js';
import type { RegistryMeter } from '../domain/types.js';
import type { ParsedMessage, ParseLimits } from '../parse/types.js';
import type { Store, StoredMessage } from '../store/index.js';
import type { RegistryIndex } from '../validate/registry-index.js';
import { ApplyError, applyDecision, type ApplyInput, type ApplyResult, type OutcomeFolders } from './apply-decision.js';
import { makeQueueReply, type ReplyConfig } from './queue-reply.js';
import { evaluateParsed, readPhotosOf, type PhotoReader } from './evaluate-message.js';
import type { MessagePhotos } from '../ocr/types.js';
import { localDate } from '../decide/billing-window.js';
import { timed, timedSync, type StageSink } from './stage-timings.js';

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
  /** Per-stage wall time: the benchmark's StageTimings, or the daemon's metrics (src/ops). */
  timings?: StageSink;
  /** MIME parsing, e.g. on worker threads (src/parse/parser-pool.ts); parseMessage in this thread when absent. */
  parse?: (raw: Buffer) => Promise<ParsedMessage>;
  /** Reads meter photos (src/ocr); absent: photos are not read and go to a clerk. */
  readPhotos?: PhotoReader | undefined;
}

export type ProcessOutcome =
  | { kind: 'decided'; messageId: number; folder: string; decision: string; reasons: readonly string[] }
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

/** A decision computed and not yet applied. The in-memory registry already holds its accepted values (the next
 *  message of the batch is judged against them); `undo` puts the touched meters back if the apply fails. */
export interface PlannedDecision {
  row: StoredMessage;
  input: ApplyInput;
  undo: () => void;
}

/** Decides a stored message (pure but for the in-memory registry); throws only on a bug or a broken message. */
export function planDecision(row: StoredMessage, parsed: ParsedMessage, ctx: ProcessContext, photos?: MessagePhotos): PlannedDecision {
  const now = (ctx.now ?? (() => new Date()))();
  const { decision, at } = timedSync(ctx.timings, 'decide', () => evaluateParsed(parsed, {
    registry: ctx.registry, rules: ctx.rules, limits: ctx.limits, nowOverride: null, now, receivedAt: row.receivedAt,
  }, photos));
  const readingDate = localDate(at, ctx.rules.window.timeZone);
  // The meters as this decision saw them: the apply reads their ids and the values before this message.
  const seen = new Map<string, RegistryMeter>();
  for (const r of decision.readings) {
    const m = ctx.registry.meter(r.account, r.meter);
    if (m) seen.set(`${r.account}\u0000${r.meter}`, { ...m, last: { ...m.last } });
  }
  if (decision.decision === 'accept') {
    for (const r of decision.readings) ctx.registry.updateLast(r.account, r.meter, { t1: r.t1, t2: r.t2, t3: r.t3 }, readingDate);
  }
  return {
    row,
    input: {
      messageRowId: row.id, decision, readingDate, source: decision.source ?? 'text', actor: 'intake', folders: ctx.folders, now,
      queueReply: ctx.replies ? makeQueueReply(parsed, row.id, decision, at, ctx.replies, now) : null,
      knownMeter: (a, m) => seen.get(`${a}\u0000${m}`) ?? ctx.registry.meter(a, m),
    },
    undo: () => {
      if (decision.decision !== 'accept') return;
      for (const m of seen.values()) ctx.registry.restoreLast(m.account, m.meter, m.last, m.lastDate);
    },
  };
}

/** Logs an applied decision. */
export function decided(plan: PlannedDecision, result: ApplyResult, log: Logger): ProcessOutcome {
  const { decision } = plan.input;
  log.info({ decision: decision.decision, reasons: decision.reasons, readings: result.readingsStored, reply: result.replyQueued }, 'decided');
  return { kind: 'decided', messageId: plan.row.id, folder: result.outcomeFolder, decision: decision.decision, reasons: decision.reasons };
}

/** Decides a stored message whose attempt is already counted, and applies the decision; a failure is recorded, never thrown. */
export async function decideCounted(row: StoredMessage, parsed: ParsedMessage, ctx: ProcessContext, log: Logger): Promise<ProcessOutcome> {
  let plan: PlannedDecision | null = null;
  try {
    const photos = await timed(ctx.timings, 'ocr', () => readPhotosOf(parsed, ctx.readPhotos));
    for (let attempt = 1; ; attempt++) {
      plan = planDecision(row, parsed, ctx, photos);
      const input = plan.input;
      try {
        const result = await timed(ctx.timings, 'apply', () => applyDecision(ctx.store, input));
        return decided(plan, result, log);
      } catch (e) {
        // A meter advanced by another worker or a clerk since this process read it: judge again against it.
        if (!(e instanceof ApplyError && e.code === 'REGISTRY_CHANGED') || attempt >= REJUDGE_ATTEMPTS) throw e;
        plan.undo();
        plan = null;
        for (const m of e.changed) ctx.registry.restoreLast(m.account, m.meter, m.last, m.lastDate);
      }
    }
  } catch (e) {
    plan?.undo();
    return recordFailure(row, e, ctx, log);
  }
}

/** How often a message (or a batch) is judged again when its meters keep changing under it. */
export const REJUDGE_ATTEMPTS = 5;

/** Records a message that threw: state failed with the error, filed to the Failed folder. */
export async function recordFailure(row: StoredMessage, e: unknown, ctx: ProcessContext, log: Logger): Promise<ProcessOutcome> {
  const now = ctx.now ?? (() => new Date());
  const err = e as Error & { code?: string };
  const error = `${err.code ? `[${err.code}] ` : ''}${err.message}`.slice(0, 2000);
  await ctx.store.transaction(async (tx) => {
    await tx.messages.update(row.id, { state: 'failed', error, outcomeFolder: ctx.folders.failed, decidedAt: now() });
    await tx.audit.append({ actor: 'intake', action: 'fail', entity: 'message', entityId: row.id, after: { error } });
  });
  log.error({ err: error }, 'message failed; recorded and filed to the Failed folder');
  return { kind: 'failed', messageId: row.id, folder: ctx.folders.failed, error };
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
