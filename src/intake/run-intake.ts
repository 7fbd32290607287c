// The intake service: holds the intake lease (so two instances never process at once), keeps an IMAP
// connection (reconnecting with capped backoff), runs a cycle whenever mail arrives (IDLE) or the poll interval
// passes, and sends due replies from the outbox. `once` processes everything waiting, sends due replies, exits.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Settings } from '../config.js';
import { connectWithBackoff } from '../mail/connect-with-backoff.js';
import { MailboxClient } from '../mail/mailbox-client.js';
import type { ImapSettings } from '../mail/types.js';
import { createParserPool, type ParserPool } from '../parse/parser-pool.js';
import type { Store } from '../store/index.js';
import { RegistryIndex } from '../validate/registry-index.js';
import { decisionRules, parseLimits, type RuleSettings } from './rules-from-settings.js';
import type { OutcomeFolders } from './apply-decision.js';
import { runCycle, type CycleContext, type CycleStats } from './run-cycle.js';
import type { ReplyConfig } from './queue-reply.js';
import type { PhotoReader } from './evaluate-message.js';
import type { ReplySender } from './reply-sender.js';
import { timed, type StageSink } from './stage-timings.js';
import type { IntakeObserver } from './intake-observer.js';

export const INTAKE_LEASE = 'intake';
/** Renewed by every shared worker (run-shared.ts): a single daemon must not run beside them, nor they beside it. */
export const SHARED_LEASE = 'intake-shared';
export const LEASE_TTL_MS = 60_000;
const LEASE_RENEW_MS = 5_000;

export type IntakeSettings = RuleSettings & ImapSettings &
  Pick<Settings, 'MAIL_FROM' | 'REPLY_ON_REVIEW' | 'REPLY_MAX_PER_SENDER_PER_DAY'>;

export interface IntakeDeps {
  /** MIME parsing off the main thread (created from INTAKE_PARSE_THREADS when absent, closed at the end). */
  parser?: ParserPool | null;
  /** Reads meter photos (src/ocr); absent: photos go to a clerk unread. */
  readPhotos?: PhotoReader | undefined;
  store: Store;
  settings: IntakeSettings;
  log: Logger;
  replies: ReplySender | null;
  signal: AbortSignal;
  /** Per-stage wall time (the benchmark). */
  timings?: StageSink;
  /** Metrics and readiness (src/ops): stage times when `timings` is absent, outcomes, the IMAP connection. */
  observer?: IntakeObserver;
}

export class LeaseHeldError extends Error {
  readonly code = 'INTAKE_LOCKED';
}

export function folders(s: ImapSettings): OutcomeFolders {
  return { accept: s.FOLDER_PROCESSED, review: s.FOLDER_REVIEW, reject: s.FOLDER_REJECTED, ignore: s.FOLDER_IGNORED, failed: s.FOLDER_FAILED };
}

export function replyConfig(s: IntakeSettings): ReplyConfig {
  return {
    replyOnReview: s.REPLY_ON_REVIEW, maxPerSenderPerDay: s.REPLY_MAX_PER_SENDER_PER_DAY, ownAddresses: [s.MAIL_FROM, s.IMAP_USER],
    window: { startDay: s.WINDOW_START_DAY, endDay: s.WINDOW_END_DAY, timeZone: s.TIME_ZONE },
  };
}

async function loadRegistry(store: Store): Promise<RegistryIndex> {
  return new RegistryIndex(await store.registry.loadAll());
}

export function holderId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Takes the lease, also from a holder on this host whose process is gone (killed: its lease would otherwise
 *  block a restart until it expires). */
async function acquireLease(store: Store, holder: string, log: Logger): Promise<boolean> {
  const shared = await store.leases.holderOf(SHARED_LEASE);
  if (shared) {
    log.warn({ sharedWorker: shared.holder }, 'shared intake workers (INTAKE_SHARED) are running on this database: this intake must be shared too');
    return false;
  }
  if (await store.leases.acquire(INTAKE_LEASE, holder, LEASE_TTL_MS)) return true;
  const held = await store.leases.holderOf(INTAKE_LEASE);
  if (!held) return store.leases.acquire(INTAKE_LEASE, holder, LEASE_TTL_MS);
  const [host, pid] = held.holder.split(':');
  if (host === hostname() && pid && !processAlive(Number(pid))) {
    log.warn({ staleHolder: held.holder }, 'taking over the intake lock of a process that is gone');
    return store.leases.takeOver(INTAKE_LEASE, held.holder, holder, LEASE_TTL_MS);
  }
  return false;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Processes everything waiting and sends due replies, then returns. Throws LeaseHeldError or a connect error. */
export async function runIntakeOnce(deps: IntakeDeps): Promise<CycleStats> {
  return withParser(deps, runOnce);
}

/** Gives the run a parser pool of INTAKE_PARSE_THREADS threads (0: parse in this thread), closed when it ends. */
export async function withParser<T>(deps: IntakeDeps, run: (deps: IntakeDeps) => Promise<T>): Promise<T> {
  if (deps.parser !== undefined || deps.settings.INTAKE_PARSE_THREADS === 0) return run(deps);
  const parser = createParserPool(deps.settings.INTAKE_PARSE_THREADS);
  try {
    return await run({ ...deps, parser });
  } finally {
    await parser.close();
  }
}

async function runOnce(deps: IntakeDeps): Promise<CycleStats> {
  const { store, settings, log, timings } = deps;
  const holder = holderId();
  if (!(await timed(timings, 'lease', () => acquireLease(store, holder, log)))) {
    const held = await store.leases.holderOf(INTAKE_LEASE);
    throw new LeaseHeldError(`another intake holds the lock (${held?.holder ?? 'unknown'}, until ${held?.expiresAt.toISOString() ?? '?'})`);
  }
  const client = new MailboxClient(settings, log.child({ stage: 'mail' }));
  try {
    const state = await timed(timings, 'setup', () => client.connect());
    const stats = await cycle(client, state.uidValidity, deps, holder);
    if (deps.replies) await deps.replies.sendDue();
    return stats;
  } finally {
    await client.close();
    await store.leases.release(INTAKE_LEASE, holder).catch(() => undefined);
  }
}

/** Renews the lease while a long cycle runs, at most every LEASE_RENEW_MS: a write per message would cost more than the lease. */
function leaseKeeper(store: Store, holder: string): () => Promise<void> {
  let renewedAt = Date.now();
  return async () => {
    if (Date.now() - renewedAt < LEASE_RENEW_MS) return;
    renewedAt = Date.now();
    await store.leases.acquire(INTAKE_LEASE, holder, LEASE_TTL_MS).catch(() => undefined);
  };
}

/** What a cycle over the mailbox epoch `uidValidity` works with. */
export function cycleContext(deps: IntakeDeps, uidValidity: bigint): CycleContext {
  const { store, settings, log, observer } = deps;
  const timings = deps.timings ?? observer?.stages;
  const ctx: CycleContext = {
    store, loadRegistry: () => loadRegistry(store), rules: decisionRules(settings, [settings.MAIL_FROM, settings.IMAP_USER]),
    limits: parseLimits(settings), folders: folders(settings), replies: replyConfig(settings),
    // Unbound: each line names its stage (decide, apply, mail), and pino would repeat a bound `stage` key.
    mailbox: settings.IMAP_MAILBOX, uidValidity, log, timings,
    ...(deps.parser ? { parse: (raw: Buffer) => deps.parser!.parse(raw, ctx.limits) } : {}),
    readPhotos: deps.readPhotos,
  };
  return ctx;
}

async function cycle(client: MailboxClient, uidValidity: bigint, deps: IntakeDeps, holder: string): Promise<CycleStats> {
  const { store, settings, log, observer } = deps;
  const ctx = cycleContext(deps, uidValidity);
  const stats = await runCycle(client, ctx, {
    batchSize: settings.IMAP_BATCH_SIZE, signal: deps.signal,
    keepAlive: leaseKeeper(store, holder), ...(observer ? { onFiled: (o) => observer.filed(o) } : {}),
  });
  observer?.imapAlive();
  if (stats.seen > 0) log.info({ stage: 'intake', ...stats }, 'cycle done');
  return stats;
}

/** The daemon: runs until the signal aborts; finishes the message in flight, then closes IMAP. */
export async function runIntakeDaemon(deps: IntakeDeps): Promise<void> {
  return withParser(deps, runDaemon);
}

async function runDaemon(deps: IntakeDeps): Promise<void> {
  const { store, settings, signal } = deps;
  const log = deps.log.child({ stage: 'intake' });
  const mailLog = deps.log.child({ stage: 'mail' });
  const holder = holderId();
  const pollMs = settings.POLL_INTERVAL_SECONDS * 1000;
  let standbyLogged = false;
  while (!signal.aborted) {
    if (!(await acquireLease(store, holder, log))) {
      if (!standbyLogged) log.warn('another intake holds the lock; standing by');
      standbyLogged = true;
      await sleep(5000, signal);
      continue;
    }
    standbyLogged = false;
    const client = new MailboxClient(settings, mailLog);
    try {
      const state = await connectWithBackoff(client, {
        signal,
        onRetry: (attempt, delayMs, err) => {
          deps.observer?.imapConnectFailed();
          mailLog.warn({ attempt, delayMs, err: err.message }, 'IMAP connect failed; retrying');
        },
      });
      deps.observer?.imapConnected(); // (MailboxClient logs the connection itself)
      while (!signal.aborted && client.usable) {
        await cycle(client, state.uidValidity, deps, holder);
        if (deps.replies) await deps.replies.sendDue();
        await store.leases.acquire(INTAKE_LEASE, holder, LEASE_TTL_MS);
        // Wake on new mail (IDLE) or after the poll interval; the lease is renewed at least twice per TTL.
        const waited = await client.waitForChange(Math.min(pollMs, LEASE_TTL_MS / 2), signal);
        if (waited === 'closed') mailLog.warn('IMAP connection closed; reconnecting');
      }
    } catch (e) {
      if (signal.aborted) break;
      log.error({ err: (e as Error).message, code: (e as { code?: string }).code }, 'intake cycle failed; reconnecting');
      await sleep(2000, signal);
    } finally {
      await client.close();
    }
  }
  await store.leases.release(INTAKE_LEASE, holder).catch(() => undefined);
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
