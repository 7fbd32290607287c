import { describe, expect, it } from 'vitest';
import { backoffDelay, connectWithBackoff } from './connect-with-backoff.js';
import { MailError } from './errors.js';
import type { MailboxClient } from './mailbox-client.js';
import type { MailboxState } from './types.js';

const STATE: MailboxState = { mailbox: 'INBOX', uidValidity: 7n, uidNext: 1, exists: 0 };

/** A client whose connect fails `failures` times, then succeeds. */
function flakyClient(failures: number): MailboxClient & { attempts: number; closed: number } {
  const fake = {
    attempts: 0,
    closed: 0,
    async connect() {
      fake.attempts++;
      if (fake.attempts <= failures) throw new MailError('IMAP_CONNECT', `refused #${fake.attempts}`);
      return STATE;
    },
    async close() {
      fake.closed++;
    },
  };
  return fake as unknown as MailboxClient & { attempts: number; closed: number };
}

describe('backoffDelay', () => {
  it('doubles from the base, is capped, and jitters within the upper half', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 100, 1000, () => 0.999999))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 100, 1000, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
    expect(backoffDelay(500, 100, 1000, () => 0.5)).toBe(750);
  });
});

describe('connectWithBackoff', () => {
  it('retries until connect succeeds, reporting each failure', async () => {
    const client = flakyClient(3);
    const retries: Array<[number, number, string]> = [];
    const state = await connectWithBackoff(client, {
      baseMs: 1, maxMs: 4, random: () => 0.999999,
      onRetry: (attempt, delay, err) => retries.push([attempt, delay, err.message]),
    });
    expect(state).toEqual(STATE);
    expect(client.attempts).toBe(4);
    expect(retries).toEqual([[1, 1, 'refused #1'], [2, 2, 'refused #2'], [3, 4, 'refused #3']]);
  });

  it('throws IMAP_ABORTED when aborted while waiting, and never otherwise', async () => {
    const client = flakyClient(Number.POSITIVE_INFINITY);
    const controller = new AbortController();
    const run = connectWithBackoff(client, {
      signal: controller.signal, baseMs: 5, maxMs: 20,
      onRetry: (attempt) => { if (attempt === 3) controller.abort(); },
    });
    await expect(run).rejects.toMatchObject({ code: 'IMAP_ABORTED' });
    expect(client.attempts).toBe(3);
  });

  it('does not try when already aborted', async () => {
    const client = flakyClient(0);
    await expect(connectWithBackoff(client, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'IMAP_ABORTED' });
    expect(client.attempts).toBe(0);
  });

  it.each([
    ['while connect() is called', (abort: () => void) => abort()],
    ['later', (abort: () => void) => setTimeout(abort, 5)],
  ])('closes the client when aborted during a connect attempt (%s)', async (_, when) => {
    const controller = new AbortController();
    const hanging = {
      closed: 0,
      connect: () => new Promise<MailboxState>(() => when(() => controller.abort())),
      async close() { hanging.closed++; },
    };
    await expect(connectWithBackoff(hanging as unknown as MailboxClient, { signal: controller.signal })).rejects.toMatchObject({ code: 'IMAP_ABORTED' });
    expect(hanging.closed).toBe(1);
  });
});
