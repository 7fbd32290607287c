// One intake cycle over the mailbox: every message waiting in it is stored, decided and filed to its outcome
// folder. Messages are fetched by UID in batches (the fetch is drained before any other IMAP command) and
// processed batch by batch (process-batch.ts); once a batch's decisions are committed, its messages are moved with
// one UID MOVE per outcome folder (while the next batch is processed) and then marked filed in one statement.
import type { ParsedMessage } from '../parse/types.js';
import type { MessagePhotos } from '../ocr/types.js';
import { readPhotosOf } from './evaluate-message.js';
import type { Store } from '../store/index.js';
import type { RegistryIndex } from '../validate/registry-index.js';
import { processBatch, type Filed } from './process-batch.js';
import type { Fetched, ProcessContext, ProcessOutcome } from './process-message.js';
import { timed, timedAhead } from './stage-timings.js';

/** What the cycle needs of the IMAP side (src/mail's MailboxClient provides it). */
export interface IntakeMailbox {
  listUids(): Promise<number[]>;
  fetch(uids: number[]): Promise<Fetched[]>;
  moveMany(uids: readonly number[], folder: string): Promise<void>;
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
  /** Called for each message once it is filed (metrics, tests). */
  onFiled?(outcome: ProcessOutcome): void;
  /** Called between messages (the daemon renews its lease; cheap calls are its business). */
  keepAlive?(): Promise<void>;
}

export interface CycleContext extends Omit<ProcessContext, 'registry'> {
  /** Read when there is mail to process, once per cycle: imports and clerks change the registry between cycles. */
  loadRegistry(): Promise<RegistryIndex>;
}

/** Counts a filed message in the cycle's stats. */
export function countOutcome(stats: CycleStats, outcome: ProcessOutcome): void {
  stats.seen++;
  if (outcome.kind === 'decided') stats.decided[outcome.decision] = (stats.decided[outcome.decision] ?? 0) + 1;
  else if (outcome.kind === 'duplicate') stats.duplicates++;
  else if (outcome.kind === 'failed') stats.failed++;
  else stats.resumed++;
}

export async function runCycle(mailbox: IntakeMailbox, cycleCtx: CycleContext, opts: CycleOptions): Promise<CycleStats> {
  const stats: CycleStats = { seen: 0, decided: {}, duplicates: 0, failed: 0, resumed: 0 };
  const { timings } = cycleCtx;
  const uids = await timed(timings, 'list', async () => {
    const listed = await mailbox.listUids();
    await reconcileMoved(cycleCtx, new Set(listed));
    return listed;
  });
  if (uids.length === 0) return stats;
  const { loadRegistry, ...rest } = cycleCtx;
  const ctx: ProcessContext = { ...rest, registry: await timed(timings, 'setup', loadRegistry) };
  // Batches in flight: the next ones are fetched (and, with a parser pool, parsed) and the previous ones moved
  // while this one is stored, decided and applied. A batch is moved only after its decisions were committed, and
  // marked filed only after its move, in batch order. Only the IMAP side runs beside the batch: the database sees
  // one writer at a time (see store/sqlite-batch.ts).
  const upcoming = prefetcher(mailbox, ctx, uids, opts.batchSize, opts.signal);
  // Batches whose moves were issued, oldest first; each is marked filed once its move is done, in batch order.
  const moving: { filed: Filed[]; moved: Promise<void>; done: boolean }[] = [];
  const fileOldest = async (): Promise<void> => {
    const { filed, moved } = moving[0]!;
    await timed(timings, 'file_wait', () => moved);
    moving.shift();
    await markFiled(ctx.store, filed, ctx);
    for (const { outcome } of filed) {
      countOutcome(stats, outcome);
      opts.onFiled?.(outcome);
    }
  };
  let toMove: Filed[] = [];
  const startMove = (): void => {
    if (toMove.length === 0) return;
    const filed = toMove;
    toMove = [];
    const entry = { filed, moved: moveBatch(mailbox, filed, ctx), done: false };
    entry.moved.then(() => { entry.done = true; }, () => { entry.done = true; }); // a failure surfaces in fileOldest
    moving.push(entry);
  };
  try {
    for (;;) {
      if (opts.signal?.aborted) break;
      const next = upcoming();
      if (!next) break;
      const { batch, parsed, photos } = await timed(timings, 'fetch', () => next);
      toMove.push(...await processBatch(batch, ctx, { signal: opts.signal, keepAlive: opts.keepAlive, parsed, photos }));
      // Decided messages are moved in groups of several batches: a UID MOVE costs the server about as much for
      // 200 messages as for 20, and the moves share the IMAP connection with the fetches.
      if (toMove.length >= Math.max(MOVE_GROUP, opts.batchSize)) startMove();
      // Moves finished by now are recorded; the wait for one comes only when MOVES_IN_FLIGHT are pending.
      while (moving.length > 0 && (moving[0]!.done || moving.length > MOVES_IN_FLIGHT)) await fileOldest();
    }
    startMove();
  } finally {
    // Every decided message is moved and recorded even when the cycle stops early (a move that failed throws here).
    startMove();
    while (moving.length > 0) await fileOldest();
  }
  return stats;
}

interface Prepared {
  batch: Fetched[];
  parsed: Map<number, ParsedMessage> | undefined;
  photos: Map<number, MessagePhotos | undefined> | undefined;
}

// Groups of moves that may still be pending on the IMAP connection (behind the prefetch's fetches).
const MOVES_IN_FLIGHT = 2;
// Messages per group of moves (at least one batch).
const MOVE_GROUP = 200;

// Batches fetched and parsed ahead of the one being processed. Deep enough that the parser thread always has the
// next batch while this thread stores and decides one (bench:intake: the wait for the next batch fell from 27% of
// the run at a depth of 2 to 16–23% at 4), and the fetches absorb a slow UID MOVE on the shared connection.
const PREFETCH_DEPTH = 4;
// ... but no new fetch while the batches fetched and not yet handed out hold this many bytes (photo mail).
const PREFETCH_MAX_BYTES = 64 * 1024 * 1024;

/** Hands out the cycle's batches in UID order, keeping up to PREFETCH_DEPTH of them fetched or being fetched and
 *  parsed ahead (fewer while those fetched hold PREFETCH_MAX_BYTES); null when all were handed out. */
function prefetcher(mailbox: IntakeMailbox, ctx: ProcessContext, uids: readonly number[], batchSize: number, signal?: AbortSignal): () => Promise<Prepared> | null {
  const ahead: { prepared: Promise<Prepared>; bytes: number }[] = [];
  let start = 0;
  let photoTurn: Promise<unknown> = Promise.resolve();
  const fill = (): void => {
    while (ahead.length < PREFETCH_DEPTH && start < uids.length && ahead.reduce((n, a) => n + a.bytes, 0) < PREFETCH_MAX_BYTES) {
      const slice = uids.slice(start, start + batchSize);
      start += batchSize;
      const entry = { bytes: 0 } as { bytes: number; prepared: Promise<Prepared> }; // bytes: set once fetched
      // IMAP commands run one after another (MailboxClient's queue); each batch is parsed as soon as it arrives.
      entry.prepared = mailbox.fetch(slice).then(async (batch) => {
        entry.bytes = batch.reduce((n, m) => n + m.source.length, 0);
        const parsed = await parseAll(batch, ctx);
        // Photos one at a time across batches: a batch of 12 MP photos decoded at once would not fit in memory.
        const turn = photoTurn.then(() => readPhotos(parsed, ctx, signal));
        photoTurn = turn.catch(() => undefined);
        return { batch, parsed, photos: await turn };
      });
      entry.prepared.catch(() => undefined); // awaited later, or dropped when the cycle is aborted first
      ahead.push(entry);
    }
  };
  return () => {
    fill();
    const next = ahead.shift()?.prepared ?? null;
    fill();
    return next;
  };
}

/** Hands the batch to the parser pool, timed per message for the daemon's metrics (including the wait for a
 *  parser thread). A message the pool fails on is left for processBatch to parse in this thread. */
export async function parseAll(batch: readonly Fetched[], ctx: ProcessContext): Promise<Map<number, ParsedMessage> | undefined> {
  if (!ctx.parse) return undefined;
  const parse = ctx.parse;
  const done = await Promise.all(batch.map((m) => timedAhead(ctx.timings, 'parse', () => parse(m.source)).then((pm) => [m.uid, pm] as const, (e: Error & { code?: string }) => {
    ctx.log.warn({ stage: 'parse', uid: m.uid, code: e.code, err: e.message }, 'parser thread failed on a message; parsing it here');
    return null;
  })));
  return new Map(done.filter((d) => d !== null));
}

/** Reads the photos of a prefetched batch, message by message, until the cycle is stopped: a stopping daemon
 *  does not read the photos of batches it will never process (a message left unread here is read, if it is
 *  processed after all, by processBatch). */
async function readPhotos(parsed: Map<number, ParsedMessage> | undefined, ctx: ProcessContext, signal?: AbortSignal): Promise<Map<number, MessagePhotos | undefined> | undefined> {
  if (!parsed) return undefined;
  const photos = new Map<number, MessagePhotos | undefined>();
  if (!ctx.readPhotos) return photos;
  for (const [uid, pm] of parsed) {
    if (signal?.aborted) break;
    photos.set(uid, await readPhotosOf(pm, ctx.readPhotos));
  }
  return photos;
}

/** One UID MOVE per outcome folder (the caller has committed the batch's decisions). */
export async function moveBatch(mailbox: IntakeMailbox, filed: readonly Filed[], ctx: Pick<ProcessContext, 'timings'>): Promise<void> {
  const byFolder = new Map<string, number[]>();
  for (const { uid, outcome } of filed) {
    const uids = byFolder.get(outcome.folder) ?? [];
    uids.push(uid);
    byFolder.set(outcome.folder, uids);
  }
  for (const [folder, uids] of byFolder) await timedAhead(ctx.timings, 'move', () => mailbox.moveMany(uids, folder));
}

/** Records "filed" only after the move. */
export async function markFiled(store: Store, filed: readonly Filed[], ctx: Pick<ProcessContext, 'timings'>): Promise<void> {
  if (filed.length === 0) return;
  // The original of a copy may never have been moved: stored and decided under an earlier UIDVALIDITY, the
  // mailbox rebuilt before its move. Its bytes are the copy's, now in its folder: it is filed too.
  const originals = filed.flatMap((f) => (f.outcome.kind === 'duplicate' ? [f.outcome.originalId] : []));
  await timed(ctx.timings, 'mark_filed', () => store.messages.markFiled([...filed.map((f) => f.outcome.messageId), ...originals], new Date()));
}

/** A crash after the MOVE but before "filed" was recorded: the message is gone from the mailbox, so it was moved. */
export async function reconcileMoved(ctx: CycleContext, present: Set<number>): Promise<void> {
  const moved = (await ctx.store.messages.listUnfiled(ctx.mailbox, ctx.uidValidity)).filter((row) => row.uid !== null && !present.has(Number(row.uid)));
  if (moved.length === 0) return;
  await ctx.store.messages.markFiled(moved.map((row) => row.id), new Date());
  for (const row of moved) ctx.log.info({ stage: 'mail', messageId: row.id, uid: Number(row.uid) }, 'message was moved before a restart; marked filed');
}
