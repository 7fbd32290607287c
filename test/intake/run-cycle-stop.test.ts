// A cycle stopped while photos of the prefetched batches are being read: the reading stops with it (a stopping
// daemon must exit within 10 s, not read the photos of up to four batches it will never process), and every
// message it did process is moved and marked filed. Real SQLite store; the IMAP side is a scripted mailbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { runCycle, type IntakeMailbox } from '../../src/intake/run-cycle.js';
import type { PhotoReader } from '../../src/intake/evaluate-message.js';
import { importRegistry } from '../../src/registry/import-registry.js';
import { openStore, type Store } from '../../src/store/index.js';
import { RegistryIndex } from '../../src/validate/registry-index.js';
import { DEFAULT_PARSE_LIMITS } from '../../src/parse/types.js';
import { parseMessage } from '../../src/parse/parse-message.js';
import { REGISTRY_CSV, tempDatabases, type TempDatabases } from '../store/temp-db.js';

let dbs: TempDatabases;
beforeAll(async () => { dbs = await tempDatabases(); });
afterAll(() => dbs.cleanup());

const photoMail = (n: number): Buffer => Buffer.from([
  `From: Customer ${n} <c${n}@example.ru>`, 'To: info@khab.dvec.ru', 'Subject: Показания', `Message-ID: <stop-${n}@example.ru>`,
  'Date: Sat, 21 Nov 2026 10:00:00 +1000', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '',
  '--b', 'Content-Type: text/plain; charset=utf-8', '', 'Лицевой счёт 2701004512, фото счётчика', '',
  '--b', 'Content-Type: image/jpeg; name="meter.jpg"', 'Content-Disposition: attachment; filename="meter.jpg"', 'Content-Transfer-Encoding: base64', '',
  Buffer.from(`not really a jpeg ${n}`).toString('base64'), '--b--', '',
].join('\r\n'));

describe('runCycle stopped mid-run', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(await dbs.fresh());
    await importRegistry(store, REGISTRY_CSV, 'test', 'registry.csv');
  });
  afterAll(() => store?.close());

  it('stops reading photos ahead and files every message it processed', async () => {
    const total = 200;
    const moved = new Map<number, string>();
    const mailbox: IntakeMailbox = {
      listUids: async () => Array.from({ length: total }, (_, i) => i + 1).filter((uid) => !moved.has(uid)),
      fetch: async (uids) => uids.map((uid) => ({ uid, internalDate: new Date('2026-11-21T00:00:00Z'), source: photoMail(uid) })),
      moveMany: async (uids, folder) => { for (const uid of uids) moved.set(uid, folder); },
    };
    const controller = new AbortController();
    let reads = 0;
    // Each photo takes a while, as OCR does; the stop comes while the 15th is read (the second batch's fifth),
    // once the first batch is decided: how far the cycle got by then depends on the store's speed, not on the stop.
    const readPhotos: PhotoReader = async () => {
      reads++;
      if (reads === 15) {
        while ((await store.messages.listByState('decided', 1000)).length < 10) await new Promise((r) => setTimeout(r, 5));
        controller.abort();
      }
      await new Promise((r) => setTimeout(r, 5));
      return { readings: [], problems: [], unsupported: 0 };
    };
    const stats = await runCycle(mailbox, {
      store, loadRegistry: async () => new RegistryIndex(await store.registry.loadAll()),
      rules: { window: { startDay: 20, endDay: 25, timeZone: 'Asia/Vladivostok' }, maxIncrease: { electricity: 5000, heat: 50 }, ownAddresses: ['info@khab.dvec.ru'] },
      limits: DEFAULT_PARSE_LIMITS, folders: { accept: 'Processed', review: 'Review', reject: 'Rejected', ignore: 'Ignored', failed: 'Failed' },
      replies: null, mailbox: 'INBOX', uidValidity: 9n, log: pino({ level: 'silent' }), readPhotos,
      // As with the parser threads: batches are parsed, and their photos read, ahead of the one in hand.
      parse: (raw) => parseMessage(raw, DEFAULT_PARSE_LIMITS),
    }, { batchSize: 10, signal: controller.signal });

    // Photos are read one after another; none after the stop (the one in hand finishes), also not in the background
    // once the cycle has returned (the prefetched batches' reads run on a chain of their own).
    await new Promise((r) => setTimeout(r, 500));
    expect(reads).toBe(15);
    // What the cycle processed before the stop was moved and marked filed; a message of the batch in hand that it
    // did not reach stays stored and undecided in the mailbox, for the next run.
    expect(stats.seen).toBeGreaterThanOrEqual(10);
    expect(moved.size).toBe(stats.seen);
    const rows = await store.messages.findByUids('INBOX', 9n, Array.from({ length: total }, (_, i) => i + 1));
    expect(rows.filter((r) => moved.has(Number(r.uid))).every((r) => r.state === 'filed' && r.filedAt !== null)).toBe(true);
    expect(rows.filter((r) => !moved.has(Number(r.uid))).every((r) => r.state === 'received')).toBe(true);
    expect(await store.messages.listByState('decided', 1000)).toEqual([]);
  });
});
