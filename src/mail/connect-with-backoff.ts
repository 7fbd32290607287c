// Reconnects after a lost connection or an unreachable server: capped exponential backoff with jitter, so
// a restarted server is not hit by every client at the same instant. Gives up only when aborted.
import { MailError } from './errors.js';
import type { MailboxClient } from './mailbox-client.js';
import type { MailboxState } from './types.js';

export interface BackoffOptions {
  signal?: AbortSignal;
  /** First delay; doubles per failed attempt. Default 1 s. */
  baseMs?: number;
  /** Longest delay. Default 60 s. */
  maxMs?: number;
  onRetry?(attempt: number, delayMs: number, err: Error): void;
  /** Source of randomness in [0, 1), for tests. */
  random?: () => number;
}

/** Delay before retry number `attempt` (1-based): half fixed, half random, so it never collapses to 0. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export async function connectWithBackoff(client: MailboxClient, opts: BackoffOptions = {}): Promise<MailboxState> {
  const { signal, baseMs = 1_000, maxMs = 60_000, onRetry, random = Math.random } = opts;
  for (let attempt = 1; ; attempt++) {
    throwIfAborted(signal);
    try {
      return await untilAborted(client.connect(), signal, () => client.close());
    } catch (e) {
      throwIfAborted(signal);
      const delay = backoffDelay(attempt, baseMs, maxMs, random);
      onRetry?.(attempt, delay, e as Error);
      await sleep(delay, signal);
    }
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new MailError('IMAP_ABORTED', 'connect aborted', signal.reason);
}

/** Settles with `promise`, or rejects as soon as `signal` aborts (after `onAbort` ran). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => Promise<void>): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      void onAbort().finally(() => reject(new MailError('IMAP_ABORTED', 'connect aborted', signal.reason)));
    };
    signal.addEventListener('abort', abort, { once: true });
    if (signal.aborted) abort(); // aborted while connect() was being called
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      if (signal?.aborted) reject(new MailError('IMAP_ABORTED', 'connect aborted', signal.reason));
      else resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
