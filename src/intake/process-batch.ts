// A fetched batch through the intake, exactly once in its effects:
//   1. the sources not stored yet are parsed (for their headers) and stored, unique on mailbox + UIDVALIDITY +
//      UID, in multi-row inserts, before any IMAP action on them;
//   2. every message left to decide counts one attempt (a fresh one in its insert, one statement for those stored
//      earlier: a crash mid-batch counts one for the messages it did not reach, so a message that kills the process
//      still shows its attempts);
//   3. in UID order, every message is decided in memory; the decisions are applied in one transaction
//      (apply-decision.ts; if it fails, one by one); a copy of a message stored earlier (same Message-ID and
//      bytes) is then marked duplicate and filed with it;
//   4. the caller moves the messages to the returned folders, then marks them filed.
// A crash anywhere repeats at most the step it was in; each step is idempotent.
import { parseMessage } from '../parse/parse-message.js';
import type { ParsedMessage } from '../parse/types.js';
import type { NewInboundMessage, StoredMessage } from '../store/index.js';
import { ApplyError, applyDecisions } from './apply-decision.js';
import { readPhotosOf } from './evaluate-message.js';
import type { MessagePhotos } from '../ocr/types.js';
import {
  REJUDGE_ATTEMPTS, decideCounted, decided, markDuplicate, planDecision, recordFailure, sha256, type Fetched, type PlannedDecision, type ProcessContext, type ProcessOutcome,
} from './process-message.js';
import { timed } from './stage-timings.js';

export interface Filed {
  uid: number;
  outcome: ProcessOutcome;
}

type Copy = Pick<StoredMessage, 'id' | 'messageIdHeader' | 'sha256' | 'outcomeFolder'>;

const contentKey = (m: Pick<StoredMessage, 'messageIdHeader' | 'sha256'>): string => `${m.messageIdHeader ?? ''}\u0000${m.sha256}`;
const undecided = (row: StoredMessage): boolean => row.state === 'received' || row.state === 'processing';

export interface BatchOptions {
  /** On abort, the batch stops before the next message; the rest stay stored and undecided. */
  signal?: AbortSignal | undefined;
  /** Awaited before each message (the daemon renews its lease). */
  keepAlive?: (() => Promise<void>) | undefined;
  /** Messages parsed ahead (run-cycle.ts parses the next batch while this one is applied), by UID. */
  parsed?: ReadonlyMap<number, ParsedMessage> | undefined;
  /** Their photos read ahead, by UID (undefined: not read). */
  photos?: ReadonlyMap<number, MessagePhotos | undefined> | undefined;
}

/** Processes the batch in UID order. */
export async function processBatch(fetched: readonly Fetched[], ctx: ProcessContext, opts: BatchOptions = {}): Promise<Filed[]> {
  const { store, timings } = ctx;
  const messages = [...fetched].sort((a, b) => a.uid - b.uid);
  const rows = new Map<number, StoredMessage>();
  const parsed = new Map<number, ParsedMessage>(opts.parsed ?? []);
  const parse = (m: Fetched): Promise<ParsedMessage> => timed(timings, 'parse', () => (ctx.parse ? ctx.parse(m.source) : parseMessage(m.source, ctx.limits)));

  const known = await timed(timings, 'store_raw', () => store.messages.findByUids(ctx.mailbox, ctx.uidValidity, messages.map((m) => m.uid)));
  for (const row of known) rows.set(Number(row.uid), row);
  const fresh: NewInboundMessage[] = [];
  for (const m of messages) {
    if (rows.has(m.uid)) continue;
    const p = parsed.get(m.uid) ?? (await parse(m));
    parsed.set(m.uid, p);
    fresh.push({
      mailbox: ctx.mailbox, uidValidity: ctx.uidValidity, uid: m.uid, messageIdHeader: p.messageId, sha256: sha256(m.source),
      raw: m.source, size: m.source.length, receivedAt: m.internalDate, dateHeader: p.date, fromAddress: p.from.address,
      subject: p.subject.slice(0, 500), attempts: 1,
    });
  }
  if (fresh.length > 0) {
    for (const row of await timed(timings, 'store_raw', () => store.messages.insertMany(fresh))) rows.set(Number(row.uid), row);
  }

  const toDecide = messages.map((m) => rows.get(m.uid)!).filter(undecided);
  const earliest = new Map<string, Copy>();
  if (toDecide.length > 0) {
    const storedBefore = new Set(known.map((r) => r.id));
    const recount = toDecide.filter((r) => storedBefore.has(r.id)).map((r) => r.id);
    if (recount.length > 0) await timed(timings, 'attempt', () => store.messages.countAttempts(recount));
    const copies = await timed(timings, 'dedupe', () => store.messages.findBySha256(toDecide.map((r) => r.sha256)));
    for (const c of copies) if (!earliest.has(contentKey(c))) earliest.set(contentKey(c), c);
  }

  // Decided in memory in UID order (each judged against the registry as the ones before it left it), then applied
  // together in one transaction. Copies of messages of this batch wait for their original's folder.
  const folderOf = new Map<number, string>();
  const out: Filed[] = [];
  const toPlan: ToPlan[] = [];
  const copies: { m: Fetched; row: StoredMessage; first: Copy }[] = [];
  for (const m of messages) {
    if (opts.signal?.aborted) break;
    if (opts.keepAlive) await timed(timings, 'lease', opts.keepAlive);
    const row = rows.get(m.uid)!;
    const first = earliest.get(contentKey(row));
    if (!undecided(row)) {
      out.push({ uid: m.uid, outcome: { kind: 'resumed', messageId: row.id, folder: row.outcomeFolder ?? ctx.folders.failed } });
    } else if (first && first.id < row.id) {
      copies.push({ m, row, first });
    } else {
      const p = parsed.get(m.uid) ?? (await parse(m));
      parsed.set(m.uid, p);
      try {
        const photos = opts.photos?.has(m.uid) ? opts.photos.get(m.uid) : await timed(timings, 'ocr', () => readPhotosOf(p, ctx.readPhotos));
        toPlan.push({ row, parsed: p, photos });
      } catch (e) {
        const outcome = await recordFailure(row, e, ctx, logOf(ctx, row));
        out.push({ uid: m.uid, outcome });
      }
    }
  }
  const { plans, failed } = await planAll(toPlan, ctx);
  for (const { row, error } of failed) out.push({ uid: Number(row.uid), outcome: await recordFailure(row, error, ctx, logOf(ctx, row)) });
  const applied = await applyPlans(plans, toPlan, parsed, ctx);
  applied.forEach((outcome, i) => {
    folderOf.set(outcome.messageId, outcome.folder);
    out.push({ uid: Number(plans[i]!.row.uid), outcome });
  });
  for (const { m, row, first } of copies) {
    const folder = folderOf.get(first.id) ?? first.outcomeFolder ?? ctx.folders.review;
    const outcome = await timed(timings, 'dedupe', () => markDuplicate(row, { id: first.id, folder }, ctx, logOf(ctx, row)));
    out.push({ uid: m.uid, outcome });
  }
  return out.sort((a, b) => a.uid - b.uid);
}

const logOf = (ctx: ProcessContext, row: StoredMessage) => ctx.log.child({ stage: 'decide', messageId: row.id, uid: Number(row.uid) });

interface ToPlan {
  row: StoredMessage;
  parsed: ParsedMessage;
  photos: MessagePhotos | undefined;
}

// The decisions of a batch take tens of milliseconds of this thread: it lets the event loop run every few, so the
// next batches' IMAP data and parsed messages keep arriving meanwhile (measured: the wait for the next batch fell
// from ~50% to ~20% of the run).
const DECIDE_SLICE_MS = 4;

/** Decides in memory, in order; a message the decider throws on is left out, to be recorded as failed. */
async function planAll(items: readonly ToPlan[], ctx: ProcessContext): Promise<{ plans: PlannedDecision[]; failed: { row: StoredMessage; error: unknown }[] }> {
  const plans: PlannedDecision[] = [];
  const failed: { row: StoredMessage; error: unknown }[] = [];
  let slice = performance.now();
  for (const { row, parsed, photos } of items) {
    if (performance.now() - slice > DECIDE_SLICE_MS) {
      await new Promise((r) => setImmediate(r));
      slice = performance.now();
    }
    try {
      plans.push(planDecision(row, parsed, ctx, photos));
    } catch (error) {
      failed.push({ row, error });
    }
  }
  return { plans, failed };
}


/** One transaction for the batch's decisions; if it fails, each message is applied alone (and a message that
 *  still fails is recorded as failed), so one bad message cannot hold up the others. */
async function applyPlans(first: PlannedDecision[], items: readonly ToPlan[], parsed: Map<number, ParsedMessage>, ctx: ProcessContext): Promise<ProcessOutcome[]> {
  let plans = first;
  for (let attempt = 1; plans.length > 0; attempt++) {
    try {
      const results = await timed(ctx.timings, 'apply', () => applyDecisions(ctx.store, plans.map((p) => p.input)));
      return plans.map((plan, i) => decided(plan, results[i]!, logOf(ctx, plan.row)));
    } catch (e) {
      for (const plan of [...plans].reverse()) plan.undo();
      if (e instanceof ApplyError && e.code === 'REGISTRY_CHANGED' && attempt < REJUDGE_ATTEMPTS) {
        // Judged against last values another worker or a clerk changed meanwhile: judged again against the stored
        // ones; a meter that keeps changing under the batch sends it down the one-by-one path.
        ctx.log.info({ stage: 'apply', meters: e.changed.length, attempt }, 'meters changed since the batch was judged; judging it again');
        for (const m of e.changed) ctx.registry.restoreLast(m.account, m.meter, m.last, m.lastDate);
        // The same messages as before (none of them failed the first time, or it would not be here).
        const again = await planAll(items.filter((it) => plans.some((p) => p.row.id === it.row.id)), ctx);
        if (again.failed.length === 0) {
          plans = again.plans;
          continue;
        }
        for (const plan of [...again.plans].reverse()) plan.undo();
      }
      ctx.log.warn({ stage: 'apply', err: (e as Error).message, messages: plans.length }, 'batch apply failed; applying its messages one by one');
      const out: ProcessOutcome[] = [];
      for (const plan of plans) {
        out.push(await decideCounted(plan.row, parsed.get(Number(plan.row.uid))!, ctx, logOf(ctx, plan.row)));
      }
      return out;
    }
  }
  return [];
}
