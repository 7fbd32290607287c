// One intake cycle over the mailbox: every message waiting in it is stored, decided and filed to its outcome
// folder. Messages are fetched by UID in batches (the fetch is drained before any other IMAP command), processed
// one by one, and moved only after their decision is committed.
import type { Logger } from 'pino';
import type { Store } from '../store/index.js';
import { processMessage, type Fetched, type ProcessContext, type ProcessOutcome } from './process-message.js';
import { timed } from './stage-timings.js';

/** What the cycle needs of the IMAP side (src/mail's MailboxClient provides it). */
export interface IntakeMailbox {
  listUids(): Promise<number[]>;
  fetch(uids: number[]): Promise<Fetched[]>;
  moveTo(uid: number, folder: string): Promise<void>;
}

export interface CycleStats {
  seen: number;
  decided: Record<string, number>;
  duplicates: number;
  failed: number;
  resumed: number;
}

export interface CycleOptions {
  batchSize: number;
  signal?: AbortSignal;
  /** Called after each message is filed (metrics, tests). */
  onFiled?(outcome: ProcessOutcome): void;
}

export async function runCycle(mailbox: IntakeMailbox, ctx: ProcessContext, opts: CycleOptions): Promise<CycleStats> {
  const stats: CycleStats = { seen: 0, decided: {}, duplicates: 0, failed: 0, resumed: 0 };
  const { timings } = ctx;
  const uids = await timed(timings, 'list', async () => {
    const listed = await mailbox.listUids();
    await reconcileMoved(ctx.store, ctx, new Set(listed), ctx.log);
    return listed;
  });
  for (let i = 0; i < uids.length; i += opts.batchSize) {
    if (opts.signal?.aborted) break;
    const batch = await timed(timings, 'fetch', () => mailbox.fetch(uids.slice(i, i + opts.batchSize)));
    for (const m of batch) {
      if (opts.signal?.aborted) break;
      stats.seen++;
      const outcome = await processMessage(m, ctx);
      if (outcome.kind === 'decided') stats.decided[outcome.decision] = (stats.decided[outcome.decision] ?? 0) + 1;
      else if (outcome.kind === 'duplicate') stats.duplicates++;
      else if (outcome.kind === 'failed') stats.failed++;
      else stats.resumed++;
      await timed(timings, 'move', () => mailbox.moveTo(m.uid, outcome.folder));
      await timed(timings, 'mark_filed', () => markFiled(ctx.store, outcome.messageId));
      opts.onFiled?.(outcome);
    }
  }
  return stats;
}

async function markFiled(store: Store, id: number): Promise<void> {
  const row = await store.messages.get(id);
  if (!row || row.filedAt) return;
  await store.messages.update(id, { filedAt: new Date(), ...(row.state === 'decided' ? { state: 'filed' } : {}) });
}

/** A crash after the MOVE but before "filed" was recorded: the message is gone from the mailbox, so it was moved. */
async function reconcileMoved(store: Store, ctx: ProcessContext, present: Set<number>, log: Logger): Promise<void> {
  for (const row of await store.messages.listUnfiled(ctx.mailbox, ctx.uidValidity)) {
    if (row.uid !== null && !present.has(Number(row.uid))) {
      await markFiled(store, row.id);
      log.info({ messageId: row.id, uid: Number(row.uid) }, 'message was moved before a restart; marked filed');
    }
  }
}
