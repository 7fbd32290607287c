// The store side of /metrics and /readyz (src/ops) on both providers: review queue depth and age, outbox counts,
// the oldest pending reply and the oldest one whose SMTP attempts failed; a closed store refuses queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type NewOutboxEntry } from '../../src/store/index.js';
import { tempDatabases, type TempDatabases } from './temp-db.js';

let dbs: TempDatabases;
beforeAll(async () => { dbs = await tempDatabases(); });
afterAll(async () => { await dbs.cleanup(); });

const reply = (key: string, at: Date): NewOutboxEntry => ({
  messageId: null, kind: 'clerk', to: 'a@example.ru', subject: 's', text: 't', html: null, inReplyTo: null, references: null, dedupeKey: key, at,
});

describe('ops health queries', () => {
  it('count and date the review queue and the outbox', async () => {
    const store = await openStore(await dbs.fresh());
    try {
      const now = new Date('2026-11-25T03:00:00Z');
      expect(await store.review.openDepth()).toEqual({ open: 0, oldest: null });
      expect(await store.outbox.health(now)).toEqual({ pending: 0, failed: 0, oldestPendingAgeMs: null, oldestFailingPending: null });

      for (const uid of [1, 2, 3]) {
        const m = await store.messages.insert({ mailbox: 'INBOX', uidValidity: 1, uid, sha256: `h${uid}`, raw: Buffer.from('x'), size: 1 });
        if (!m.ok) throw new Error('insert');
        await store.review.open(m.id, ['unknown_account']);
      }
      const depth = await store.review.openDepth();
      expect(depth.open).toBe(3);
      expect(depth.oldest).toBeInstanceOf(Date);

      const hourAgo = new Date(now.getTime() - 3600_000);
      const twoHoursAgo = new Date(now.getTime() - 7200_000);
      const { entry: old } = await store.outbox.enqueue(reply('old', twoHoursAgo)); // never tried
      const { entry: failing } = await store.outbox.enqueue(reply('failing', hourAgo));
      const { entry: gaveUp } = await store.outbox.enqueue(reply('gave-up', hourAgo));
      await store.outbox.markAttemptFailed(failing.id, 'ECONNREFUSED', now, false);
      await store.outbox.markAttemptFailed(gaveUp.id, 'ECONNREFUSED', now, true);
      expect(old.status).toBe('pending');
      expect(await store.outbox.health(now)).toEqual({ pending: 2, failed: 1, oldestPendingAgeMs: 7200_000, oldestFailingPending: hourAgo });
      expect(await store.outbox.oldestFailingPending()).toEqual(hourAgo);
    } finally {
      await store.close();
    }
  });

  it('a closed store refuses queries instead of reconnecting', async () => {
    const store = await openStore(await dbs.fresh());
    await store.close();
    await expect(store.outbox.oldestFailingPending()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(store.transaction(async () => 1)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});
