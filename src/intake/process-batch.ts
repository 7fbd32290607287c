// A fetched batch through the intake, exactly once in its effects:
//   1. the sources not stored yet are parsed (for their headers) and stored, unique on mailbox + UIDVALIDITY +
//      UID, in multi-row inserts, before any IMAP action on them;
//   2. every message left to decide counts one attempt (one statement for the batch: a crash mid-batch counts
//      one for the messages it did not reach, so a message that kills the process still shows its attempts);
//   3. in UID order, a copy of a message stored earlier (same Message-ID and bytes) is marked duplicate and filed
//      with it; any other is decided and applied in its own transaction (process-message.ts);
//   4. the caller moves the messages to the returned folders, then marks them filed.
// A crash anywhere repeats at most the step it was in; each step is idempotent.
import { parseMessage } from '../parse/parse-message.js';
import type { ParsedMessage } from '../parse/types.js';
import type { NewInboundMessage, StoredMessage } from '../store/index.js';
import { decideCounted, markDuplicate, sha256, type Fetched, type ProcessContext, type ProcessOutcome } from './process-message.js';
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
}

/** Processes the batch in UID order. */
export async function processBatch(fetched: readonly Fetched[], ctx: ProcessContext, opts: BatchOptions = {}): Promise<Filed[]> {
  const { store, timings } = ctx;
  const messages = [...fetched].sort((a, b) => a.uid - b.uid);
  const rows = new Map<number, StoredMessage>();
  const parsed = new Map<number, ParsedMessage>();

  const known = await timed(timings, 'store_raw', () => store.messages.findByUids(ctx.mailbox, ctx.uidValidity, messages.map((m) => m.uid)));
  for (const row of known) rows.set(Number(row.uid), row);
  const fresh: NewInboundMessage[] = [];
  for (const m of messages) {
    if (rows.has(m.uid)) continue;
    const p = await timed(timings, 'parse', () => parseMessage(m.source, ctx.limits));
    parsed.set(m.uid, p);
    fresh.push({
      mailbox: ctx.mailbox, uidValidity: ctx.uidValidity, uid: m.uid, messageIdHeader: p.messageId, sha256: sha256(m.source),
      raw: m.source, size: m.source.length, receivedAt: m.internalDate, dateHeader: p.date, fromAddress: p.from.address,
      subject: p.subject.slice(0, 500),
    });
  }
  if (fresh.length > 0) {
    for (const row of await timed(timings, 'store_raw', () => store.messages.insertMany(fresh))) rows.set(Number(row.uid), row);
  }

  const toDecide = messages.map((m) => rows.get(m.uid)!).filter(undecided);
  const earliest = new Map<string, Copy>();
  if (toDecide.length > 0) {
    await timed(timings, 'attempt', () => store.messages.countAttempts(toDecide.map((r) => r.id)));
    const copies = await timed(timings, 'dedupe', () => store.messages.findBySha256(toDecide.map((r) => r.sha256)));
    for (const c of copies) if (!earliest.has(contentKey(c))) earliest.set(contentKey(c), c);
  }

  // Folders decided in this batch: a copy of a message decided a moment ago goes where it went.
  const folderOf = new Map<number, string>();
  const out: Filed[] = [];
  for (const m of messages) {
    if (opts.signal?.aborted) break;
    if (opts.keepAlive) await timed(timings, 'lease', opts.keepAlive);
    const row = rows.get(m.uid)!;
    const log = ctx.log.child({ messageId: row.id, uid: m.uid });
    let outcome: ProcessOutcome;
    const first = earliest.get(contentKey(row));
    if (!undecided(row)) {
      outcome = { kind: 'resumed', messageId: row.id, folder: row.outcomeFolder ?? ctx.folders.failed };
    } else if (first && first.id < row.id) {
      const folder = folderOf.get(first.id) ?? first.outcomeFolder ?? ctx.folders.review;
      outcome = await timed(timings, 'dedupe', () => markDuplicate(row, { id: first.id, folder }, ctx, log));
    } else {
      const p = parsed.get(m.uid) ?? (await timed(timings, 'parse', () => parseMessage(m.source, ctx.limits)));
      outcome = await decideCounted(row, p, ctx, log);
    }
    folderOf.set(row.id, outcome.folder);
    out.push({ uid: m.uid, outcome });
  }
  return out;
}
