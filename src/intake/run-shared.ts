// Several intake workers sharing one mailbox (INTAKE_SHARED, PostgreSQL only; pm2 `instances`):
//   - the worker holding the fetch lease (a PostgreSQL advisory lock, released the moment its connection ends)
//     lists the mailbox and stores every new message's raw source, parsed for its headers only;
//   - every worker, the fetcher too, claims stored, unfiled messages in batches (FOR UPDATE SKIP LOCKED: no two
//     workers take the same message; a dead worker's claims run out after CLAIM_TTL_MS) and takes them through the
//     same batch path as a single daemon (process-batch.ts): decided, applied in one transaction, moved over its
//     own IMAP connection, marked filed;
//   - each worker judges against its own copy of the registry: it reloads it every cycle, refreshes the meters
//     changed since before each batch, and the apply locks the meters it advances and fails with REGISTRY_CHANGED
//     when another worker got there first, so the batch is judged again (apply-decision.ts).
// A crash anywhere repeats work, never effects, as for the single daemon: the state lives in the database.
import type { Logger } from 'pino';
import { connectWithBackoff } from '../mail/connect-with-backoff.js';
import { MailboxClient } from '../mail/mailbox-client.js';
import { openAdvisoryLock, type AdvisoryLock } from '../store/advisory-lock.js';
import type { NewInboundMessage } from '../store/index.js';
import { RegistryIndex } from '../validate/registry-index.js';
import { processBatch } from './process-batch.js';
import { recordFailure, sha256, type Fetched, type ProcessContext, type ProcessOutcome } from './process-message.js';
import { INTAKE_LEASE, LEASE_TTL_MS, LeaseHeldError, SHARED_LEASE, cycleContext, holderId, sleep, withParser, type IntakeDeps } from './run-intake.js';
import { countOutcome, markFiled, moveBatch, parseAll, reconcileMoved, type CycleContext, type CycleStats } from './run-cycle.js';
import { parseHeaders } from '../parse/parse-message.js';
import { timed } from './stage-timings.js';

/** A claim outlives any batch (50 messages with photos take well under a minute); a dead worker's runs out. */
const CLAIM_TTL_MS = 10 * 60_000;
/** How often a worker that does not fetch looks for stored messages to claim. */
const CLAIM_POLL_MS = 1000;
/** Meters changed this long before the last refresh are asked for again: clocks of workers on other hosts differ. */
const REFRESH_OVERLAP_MS = 30_000;

interface Worker {
  holder: string;
  lock: AdvisoryLock;
  log: Logger;
}

/** Fetches (when holding the lease) and processes claimable messages until none are left, then returns. */
export async function runSharedOnce(deps: IntakeDeps): Promise<CycleStats> {
  return withParser(deps, async (d) => withWorker(d, async (worker) => {
    const client = new MailboxClient(d.settings, d.log.child({ stage: 'mail' }));
    try {
      const state = await client.connect();
      const stats = await sharedCycle(client, state.uidValidity, d, worker);
      if (d.replies) await d.replies.sendDue();
      return stats;
    } finally {
      await client.close();
    }
  }));
}

/** The shared daemon: runs until the signal aborts. */
export async function runSharedDaemon(deps: IntakeDeps): Promise<void> {
  return withParser(deps, async (d) => withWorker(d, async (worker) => {
    const { settings, signal } = d;
    const mailLog = d.log.child({ stage: 'mail' });
    const pollMs = settings.POLL_INTERVAL_SECONDS * 1000;
    while (!signal.aborted) {
      const client = new MailboxClient(settings, mailLog);
      try {
        const state = await connectWithBackoff(client, {
          signal,
          onRetry: (attempt, delayMs, err) => {
            d.observer?.imapConnectFailed();
            mailLog.warn({ attempt, delayMs, err: err.message }, 'IMAP connect failed; retrying');
          },
        });
        d.observer?.imapConnected();
        while (!signal.aborted && client.usable) {
          await sharedCycle(client, state.uidValidity, d, worker);
          if (d.replies) await d.replies.sendDue();
          // The fetcher wakes on new mail (IDLE) or the poll interval; the others look for claims every second.
          if (worker.lock.held) {
            const waited = await client.waitForChange(Math.min(pollMs, CLAIM_POLL_MS * 5), signal);
            if (waited === 'closed') mailLog.warn('IMAP connection closed; reconnecting');
          } else {
            await sleep(CLAIM_POLL_MS, signal);
          }
        }
      } catch (e) {
        if (signal.aborted) break;
        worker.log.error({ err: (e as Error).message, code: (e as { code?: string }).code }, 'shared intake cycle failed; reconnecting');
        await sleep(2000, signal);
      } finally {
        await client.close();
      }
    }
  }));
}

async function withWorker<T>(deps: IntakeDeps, run: (w: Worker) => Promise<T>): Promise<T> {
  const databaseUrl = (deps.settings as { DATABASE_URL?: string }).DATABASE_URL ?? process.env['DATABASE_URL'];
  if (deps.store.provider !== 'postgres' || !databaseUrl) throw new Error('INTAKE_SHARED needs PostgreSQL');
  const lock = await openAdvisoryLock(databaseUrl, `khab-intake-fetch:${deps.settings.IMAP_MAILBOX}`);
  const worker: Worker = { holder: holderId(), lock, log: deps.log.child({ stage: 'intake' }) };
  try {
    return await run(worker);
  } finally {
    await lock.close();
  }
}

/** Announces a shared worker (every worker renews the same lease; any of them holds it at a time) and refuses to
 *  work beside a single daemon holding the intake lock: it decides without claims. */
async function announce(deps: IntakeDeps, worker: Worker): Promise<void> {
  const single = await deps.store.leases.holderOf(INTAKE_LEASE);
  if (single) throw new LeaseHeldError(`a single intake (${single.holder}) holds the intake lock: stop it before starting shared workers`);
  const held = await deps.store.leases.holderOf(SHARED_LEASE);
  if (!held || held.holder === worker.holder || held.expiresAt.getTime() - Date.now() < LEASE_TTL_MS / 2) {
    await deps.store.leases.acquire(SHARED_LEASE, worker.holder, LEASE_TTL_MS).catch(() => undefined);
    if (held && held.holder !== worker.holder) await deps.store.leases.takeOver(SHARED_LEASE, held.holder, worker.holder, LEASE_TTL_MS).catch(() => undefined);
  }
}

async function sharedCycle(client: MailboxClient, uidValidity: bigint, deps: IntakeDeps, worker: Worker): Promise<CycleStats> {
  await announce(deps, worker);
  const stats: CycleStats = { seen: 0, decided: {}, duplicates: 0, failed: 0, resumed: 0 };
  const cycleCtx = cycleContext(deps, uidValidity);
  const { loadRegistry, ...rest } = cycleCtx;
  let refreshedAt = new Date(Date.now() - REFRESH_OVERLAP_MS);
  const ctx: ProcessContext = { ...rest, registry: await timed(cycleCtx.timings, 'setup', loadRegistry) };
  if (await worker.lock.tryHold()) {
    const stored = await storeNew(client, cycleCtx, ctx, deps.settings.IMAP_BATCH_SIZE, deps.signal);
    if (stored > 0) worker.log.info({ stored }, 'new messages stored for the workers');
  }
  const batchSize = deps.settings.IMAP_BATCH_SIZE;
  while (!deps.signal.aborted) {
    const now = new Date();
    const claimed = await timed(ctx.timings, 'attempt', () => ctx.store.messages.claim(ctx.mailbox, uidValidity, worker.holder, batchSize, new Date(now.getTime() + CLAIM_TTL_MS), now));
    if (claimed.length === 0) break;
    // Meters other workers (or clerks) advanced since this worker last looked.
    const changed = await ctx.store.registry.changedSince(refreshedAt);
    refreshedAt = new Date(now.getTime() - REFRESH_OVERLAP_MS);
    for (const m of changed) ctx.registry.restoreLast(m.account, m.meter, m.last, m.lastDate);

    const raws = await ctx.store.messages.rawOf(claimed.map((c) => c.id));
    const fetched: Fetched[] = [];
    const outcomes: { uid: number; outcome: ProcessOutcome }[] = [];
    for (const c of claimed) {
      const raw = raws.get(c.id);
      if (raw) {
        fetched.push({ uid: c.uid, internalDate: null, source: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength) });
        continue;
      }
      // Unfiled messages are never purged; a row without its bytes is a broken store, recorded rather than skipped.
      const row = await ctx.store.messages.get(c.id);
      if (row) outcomes.push({ uid: c.uid, outcome: await recordFailure(row, new Error('the raw message is missing from the store'), ctx, worker.log) });
    }
    const parsed = await parseAll(fetched, ctx);
    const filed = [...outcomes, ...await processBatch(fetched, ctx, { signal: deps.signal, parsed })];
    await moveBatch(client, filed, ctx);
    await markFiled(ctx.store, filed, ctx);
    for (const { outcome } of filed) {
      countOutcome(stats, outcome);
      deps.observer?.filed(outcome);
    }
  }
  deps.observer?.imapAlive();
  if (stats.seen > 0) worker.log.info({ ...stats, worker: worker.holder }, 'shared cycle done');
  return stats;
}

/** The fetcher's part: every message in the mailbox not stored yet is stored (raw source, headers), undecided. */
async function storeNew(client: MailboxClient, cycleCtx: CycleContext, ctx: ProcessContext, batchSize: number, signal: AbortSignal): Promise<number> {
  const uids = await timed(ctx.timings, 'list', async () => {
    const listed = await client.listUids();
    await reconcileMoved(cycleCtx, new Set(listed));
    return listed;
  });
  const known = new Set<number>();
  for (let i = 0; i < uids.length; i += 1000) {
    for (const row of await ctx.store.messages.findByUids(ctx.mailbox, ctx.uidValidity, uids.slice(i, i + 1000))) known.add(Number(row.uid));
  }
  const fresh = uids.filter((uid) => !known.has(uid));
  let stored = 0;
  for (let i = 0; i < fresh.length && !signal.aborted; i += batchSize) {
    const batch = await timed(ctx.timings, 'fetch', () => client.fetch(fresh.slice(i, i + batchSize)));
    const rows: NewInboundMessage[] = [];
    for (const m of batch) {
      // The row needs the header fields only; the worker that claims the message parses it whole.
      const p = await timed(ctx.timings, 'parse', () => parseHeaders(m.source, ctx.limits));
      rows.push({
        mailbox: ctx.mailbox, uidValidity: ctx.uidValidity, uid: m.uid, messageIdHeader: p.messageId, sha256: sha256(m.source),
        raw: m.source, size: m.source.length, receivedAt: m.internalDate, dateHeader: p.date, fromAddress: p.from.address, subject: p.subject.slice(0, 500),
      });
    }
    await timed(ctx.timings, 'store_raw', () => ctx.store.messages.insertMany(rows));
    stored += rows.length;
  }
  return stored;
}
