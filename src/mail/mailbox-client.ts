// One IMAP connection to the intake mailbox, on imapflow. The mailbox stays selected for the connection's
// life and our commands run one at a time, so imapflow's auto-IDLE is broken cleanly before each of them.
import { ImapFlow, type ExistsEvent, type MailboxObject } from 'imapflow';
import { pino, type Logger } from 'pino';
import { describeCause, MailError } from './errors.js';
import { SerialQueue } from './serial-queue.js';
import type { FetchedMessage, ImapSettings, MailboxState, WaitResult } from './types.js';
import { toUidRanges } from './uid-ranges.js';

// imapflow's default waits 15 s after the last command before it IDLEs; new mail would go unseen that long.
const AUTO_IDLE_DELAY_MS = 500;
// A server without IDLE reports new mail only in answer to a command.
const DEFAULT_POLL_MS = 5_000;
const CONNECT_TIMEOUT_MS = 20_000;
const LOGOUT_TIMEOUT_MS = 5_000;
const MAX_TIMER_MS = 2 ** 31 - 1; // setTimeout fires at once for anything longer

export interface MailboxClientOptions {
  /** Use IDLE when the server offers it (default true); false polls, for servers whose IDLE is broken. */
  idle?: boolean;
  /** NOOP interval of waitForChange when not idling. Default 5 s. */
  pollIntervalMs?: number;
}

type ConnectionEvent = 'changed' | 'closed';

export class MailboxClient {
  private imap: ImapFlow | null = null; // set once the mailbox is selected
  private connecting: ImapFlow | null = null;
  private generation = 0; // bumped by connect() and close(): a connect that was overtaken gives up
  private readonly queue = new SerialQueue();
  private readonly knownFolders = new Set<string>();
  private readonly waiters = new Set<(event: ConnectionEvent) => void>();
  private uidValidity: bigint | null = null;
  // New-mail notifications on this connection, and their count when listUids last asked the server:
  // mail announced while the caller was busy still wakes the next waitForChange.
  private changes = 0;
  private seenChanges = 0;

  constructor(
    private readonly settings: ImapSettings,
    private readonly log: Logger,
    private readonly options: MailboxClientOptions = {},
  ) {}

  /** Connected, the mailbox selected, and not closed. */
  get usable(): boolean {
    return this.imap !== null && this.imap.usable;
  }

  /** Opens a new connection (dropping any previous one) and SELECTs IMAP_MAILBOX. */
  async connect(): Promise<MailboxState> {
    const generation = ++this.generation;
    await this.closeCurrent();
    if (generation !== this.generation) throw new MailError('IMAP_CLOSED', 'connect cancelled by close()');
    const { IMAP_HOST: host, IMAP_PORT: port, IMAP_MAILBOX: mailbox } = this.settings;
    const imap = this.createImap();
    this.connecting = imap;
    try {
      try {
        await imap.connect();
      } catch (e) {
        const auth = (e as { authenticationFailed?: boolean }).authenticationFailed === true;
        throw new MailError(auth ? 'IMAP_AUTH' : 'IMAP_CONNECT', `cannot log in to ${host}:${port}: ${describeCause(e)}`, e);
      }
      let box: MailboxObject;
      try {
        box = await imap.mailboxOpen(mailbox);
      } catch (e) {
        throw new MailError(imap.usable ? 'IMAP_MAILBOX' : 'IMAP_CLOSED', `cannot select ${mailbox}: ${describeCause(e)}`, e);
      }
      if (generation !== this.generation || !imap.usable) throw new MailError('IMAP_CLOSED', 'connection closed while connecting');
      this.connecting = null;
      this.imap = imap;
      this.uidValidity = box.uidValidity;
      this.changes = this.seenChanges = 0;
      const state: MailboxState = { mailbox: box.path, uidValidity: box.uidValidity, uidNext: box.uidNext, exists: box.exists };
      this.log.info({ host, port, tls: imap.secureConnection, idle: this.idling(imap), ...state, uidValidity: String(state.uidValidity) }, 'IMAP connected');
      return state;
    } catch (e) {
      if (this.connecting === imap) this.connecting = null;
      closeQuietly(imap);
      if (generation !== this.generation) throw new MailError('IMAP_CLOSED', 'connect cancelled by close()', e);
      throw e;
    }
  }

  /** UIDs of every message in the mailbox, ascending. */
  listUids(): Promise<number[]> {
    return this.run('UID SEARCH', async (imap) => {
      this.seenChanges = this.changes;
      const uids = await imap.search({ all: true }, { uid: true });
      if (!Array.isArray(uids)) throw this.refused(imap, 'UID SEARCH ALL');
      return [...uids].sort((a, b) => a - b);
    });
  }

  /** UIDs of the messages the server received (INTERNALDATE) before the day of `date`, ascending (IMAP SEARCH BEFORE
   *  compares dates, not times). */
  listUidsBefore(date: Date): Promise<number[]> {
    return this.run('UID SEARCH BEFORE', async (imap) => {
      const uids = await imap.search({ before: date }, { uid: true });
      if (!Array.isArray(uids)) throw this.refused(imap, 'UID SEARCH BEFORE');
      return [...uids].sort((a, b) => a - b);
    });
  }

  /** Deletes these UIDs for good (\Deleted, then UID EXPUNGE of exactly them). UIDs already gone are not an error. */
  async deleteMany(uids: readonly number[]): Promise<void> {
    if (uids.length === 0) return;
    const range = toUidRanges(uids);
    return this.run('UID EXPUNGE', async (imap) => {
      if (!(await imap.messageDelete(range, { uid: true }))) throw this.refused(imap, `UID EXPUNGE ${range.length > 60 ? `${range.slice(0, 60)}…` : range}`);
    });
  }

  /** Source, INTERNALDATE and size of these UIDs, ascending; UIDs no longer in the mailbox are absent. */
  async fetch(uids: number[]): Promise<FetchedMessage[]> {
    if (uids.length === 0) return [];
    const range = toUidRanges(uids);
    const wanted = new Set(uids);
    return this.run('UID FETCH', async (imap) => {
      const out: FetchedMessage[] = [];
      let withoutSource = 0;
      // Drained to the end before anything else runs: a command issued inside the iterator deadlocks imapflow.
      for await (const msg of imap.fetch(range, { uid: true, source: true, internalDate: true, size: true }, { uid: true })) {
        if (!wanted.has(msg.uid)) continue;
        if (!msg.source) { withoutSource++; continue; }
        out.push({ uid: msg.uid, internalDate: toDate(msg.internalDate), size: msg.size ?? msg.source.length, source: msg.source });
      }
      if (withoutSource > 0) throw new MailError('IMAP_COMMAND', `UID FETCH ${range}: ${withoutSource} message(s) came without a source`);
      return out.sort((a, b) => a.uid - b.uid);
    });
  }

  /** UID MOVE to `folder`, creating it when missing. A UID already gone (moved earlier) is not an error. */
  moveTo(uid: number, folder: string): Promise<void> {
    return this.moveMany([uid], folder);
  }

  /** One UID MOVE of all these UIDs to `folder`, creating it when missing. UIDs already gone are not an error. */
  async moveMany(uids: readonly number[], folder: string): Promise<void> {
    if (uids.length === 0) return;
    const range = toUidRanges(uids);
    return this.run('UID MOVE', async (imap) => {
      for (let attempt = 1; ; attempt++) {
        await this.createFolder(imap, folder);
        if (await imap.messageMove(range, folder, { uid: true })) return;
        if (!imap.usable || attempt > 1) throw this.refused(imap, `UID MOVE ${range.length > 60 ? `${range.slice(0, 60)}…` : range} ${folder}`);
        // The folder may have been deleted since we created it: create it again and retry once.
        this.knownFolders.delete(folder);
      }
    });
  }

  /** APPENDs a message to `folder` (created when missing); the UID when the server reports it (UIDPLUS). */
  append(folder: string, raw: Buffer, opts: { flags?: string[]; date?: Date } = {}): Promise<{ uid?: number }> {
    return this.run('APPEND', async (imap) => {
      await this.createFolder(imap, folder);
      const res = await imap.append(folder, raw, opts.flags, opts.date);
      if (!res) throw this.refused(imap, `APPEND ${folder}`);
      return res.uid === undefined ? {} : { uid: res.uid };
    });
  }

  /**
   * Waits for new mail: 'changed' when the mailbox grew since the last listUids (at once if it already has),
   * 'timeout' after `ms`, 'aborted' on `signal`, 'closed' when the connection is gone or goes.
   */
  waitForChange(ms: number, signal?: AbortSignal): Promise<WaitResult> {
    const imap = this.imap;
    if (signal?.aborted) return Promise.resolve('aborted');
    if (!imap || !imap.usable) return Promise.resolve('closed');
    if (this.changes !== this.seenChanges) return Promise.resolve('changed');
    return new Promise<WaitResult>((resolve) => {
      let done = false;
      let pollTimer: NodeJS.Timeout | undefined;
      const finish = (result: WaitResult): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearTimeout(pollTimer);
        this.waiters.delete(finish);
        signal?.removeEventListener('abort', onAbort);
        resolve(result);
      };
      const onAbort = (): void => finish('aborted');
      const timer = setTimeout(() => finish('timeout'), Math.min(ms, MAX_TIMER_MS));
      this.waiters.add(finish);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (this.idling(imap)) return; // imapflow IDLEs by itself; EXISTS arrives as an event
      const poll = (): void => {
        pollTimer = setTimeout(() => {
          this.run('NOOP', (c) => c.noop())
            .catch(() => undefined) // a lost connection reports itself through the close event
            .finally(() => { if (!done) poll(); });
        }, this.options.pollIntervalMs ?? DEFAULT_POLL_MS);
      };
      poll();
    });
  }

  /** Creates `folder` unless it exists (remembered per client, so each folder costs one CREATE). */
  ensureFolder(folder: string): Promise<void> {
    return this.run('CREATE', (imap) => this.createFolder(imap, folder));
  }

  /** LOGOUT, then close; also cancels a connect in progress. Idempotent, never throws; a pending waitForChange resolves 'closed'. */
  async close(): Promise<void> {
    this.generation++;
    await this.closeCurrent();
  }

  private async closeCurrent(): Promise<void> {
    if (this.connecting) {
      closeQuietly(this.connecting);
      this.connecting = null;
    }
    const imap = this.imap;
    if (!imap) return;
    this.imap = null;
    this.notify('closed');
    try {
      if (imap.usable) await withTimeout(imap.logout(), LOGOUT_TIMEOUT_MS);
    } catch (e) {
      this.log.debug({ err: describeCause(e) }, 'IMAP logout failed; closing the socket');
    }
    closeQuietly(imap);
  }

  private createImap(): ImapFlow {
    const s = this.settings;
    const imap = new ImapFlow({
      host: s.IMAP_HOST,
      port: s.IMAP_PORT,
      secure: s.IMAP_TLS,
      // Implicit TLS already encrypts; otherwise STARTTLS is required or not attempted, never opportunistic.
      doSTARTTLS: s.IMAP_TLS ? undefined : s.IMAP_STARTTLS,
      tls: { rejectUnauthorized: s.IMAP_TLS_VERIFY },
      auth: { user: s.IMAP_USER, pass: s.IMAP_PASSWORD },
      logger: libraryLogger(this.log),
      autoIdleDelay: AUTO_IDLE_DELAY_MS,
      disableAutoIdle: this.options.idle === false,
      connectionTimeout: CONNECT_TIMEOUT_MS,
    });
    const onExists = (ev: ExistsEvent): void => {
      if (this.imap !== imap || ev.count <= ev.prevCount) return;
      this.changes++;
      this.notify('changed');
    };
    // UIDs cached by the caller are void under a new UIDVALIDITY: end the connection so that the caller
    // reconnects and reads the new value from connect().
    const onMailboxOpen = (box: MailboxObject): void => {
      if (this.imap !== imap || this.uidValidity === null || box.uidValidity === this.uidValidity) return;
      this.log.warn({ old: String(this.uidValidity), new: String(box.uidValidity) }, 'UIDVALIDITY changed; closing the connection');
      imap.close();
    };
    const onClose = (): void => {
      imap.off('exists', onExists).off('mailboxOpen', onMailboxOpen).off('close', onClose);
      if (this.imap !== imap) return; // closed by us
      this.log.warn({ idling: imap.idlingAtClose, bye: imap.byeReason }, 'IMAP connection lost');
      this.notify('closed');
    };
    imap.on('exists', onExists).on('mailboxOpen', onMailboxOpen).on('close', onClose);
    // Stays attached after close: an 'error' event without a listener would crash the process.
    imap.on('error', (err: Error) => this.log.warn({ err: describeCause(err) }, 'IMAP connection error'));
    return imap;
  }

  /** Runs a command after the ones before it, on the connection that was current when it was issued. */
  private run<T>(what: string, task: (imap: ImapFlow) => Promise<T>): Promise<T> {
    const imap = this.imap;
    return this.queue.run(async () => {
      if (!imap || this.imap !== imap || !imap.usable) throw new MailError('IMAP_CLOSED', `${what}: not connected`);
      try {
        return await task(imap);
      } catch (e) {
        if (e instanceof MailError) throw e;
        throw new MailError(imap.usable ? 'IMAP_COMMAND' : 'IMAP_CLOSED', `${what} failed: ${describeCause(e)}`, e);
      }
    });
  }

  private idling(imap: ImapFlow): boolean {
    return this.options.idle !== false && imap.capabilities.has('IDLE');
  }

  private async createFolder(imap: ImapFlow, folder: string): Promise<void> {
    if (this.knownFolders.has(folder) || folder.toUpperCase() === 'INBOX' || folder === this.settings.IMAP_MAILBOX) return;
    const res = await imap.mailboxCreate(folder); // an existing folder answers created: false
    if (!res) throw this.refused(imap, `CREATE ${folder}`);
    if (res.created) this.log.info({ folder }, 'IMAP folder created');
    this.knownFolders.add(folder);
  }

  /** imapflow answers some refusals with false instead of throwing. */
  private refused(imap: ImapFlow, what: string): MailError {
    return imap.usable
      ? new MailError('IMAP_COMMAND', `${what}: refused by the server`)
      : new MailError('IMAP_CLOSED', `${what}: connection lost`);
  }

  private notify(event: ConnectionEvent): void {
    for (const waiter of [...this.waiters]) waiter(event);
  }
}

function closeQuietly(imap: ImapFlow): void {
  try {
    imap.close();
  } catch {
    // already closed
  }
}

function toDate(value: Date | string | undefined): Date | null {
  if (value === undefined) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// imapflow logs every command at debug, and at warn it repeats what our errors and 'IMAP connection lost'
// already say (with stack traces, on every reconnect); only its errors are worth a line of their own.
function libraryLogger(log: Logger): Logger {
  const level = log.levelVal > pino.levels.values['error']! ? log.level : 'error';
  return log.child({ lib: 'imapflow' }, { level });
}
