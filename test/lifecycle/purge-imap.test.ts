// Retention against the real Dovecot (shared with other tests: started idempotently, never stopped, and only
// folders of this test's own are used): outcome folders lose what the server received before the cutoff, Review
// keeps it; a purged message appended again is still recognised as a duplicate of the original.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IMAP_SETTINGS, loadSettings, RULE_SETTINGS, SMTP_SETTINGS } from '../../src/config.js';
import { purge } from '../../src/cli/commands/purge.js';
import { purgeFolders } from '../../src/lifecycle/purge-folders.js';
import { log } from '../../src/log.js';
import { MailboxClient } from '../../src/mail/index.js';
import { runIntakeOnce } from '../../src/intake/run-intake.js';
import { importRegistry } from '../../src/registry/import-registry.js';
import { openStore, type Store } from '../../src/store/index.js';
import { startMailServer } from '../../scripts/mailserver/index.js';
import { folderMessageIds, SAMPLES, type TestSettings } from '../intake/helpers.js';
import { tempDatabases, type TempDatabases } from '../store/temp-db.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const tag = `Purge${process.pid}${Date.now() % 100_000}`;
const env: Record<string, string> = {
  IMAP_MAILBOX: `${tag}-In`, FOLDER_PROCESSED: `${tag}-Processed`, FOLDER_REVIEW: `${tag}-Review`,
  FOLDER_REJECTED: `${tag}-Rejected`, FOLDER_IGNORED: `${tag}-Ignored`, FOLDER_FAILED: `${tag}-Failed`,
  LOG_LEVEL: 'warn', INTAKE_PARSE_THREADS: '0', RETENTION_RAW_DAYS: '180',
};
let dbs: TempDatabases;
let store: Store;
let settings: TestSettings;
let databaseUrl: string;

beforeAll(async () => {
  await startMailServer();
  dbs = await tempDatabases();
  databaseUrl = await dbs.fresh();
  settings = loadSettings([...RULE_SETTINGS, ...IMAP_SETTINGS, ...SMTP_SETTINGS, 'DATABASE_URL'], { ...env, DATABASE_URL: databaseUrl }) as TestSettings;
  store = await openStore(databaseUrl);
  await importRegistry(store, readFileSync(path.join(SAMPLES, 'registry.csv'), 'utf8'), 'test', 'registry.csv');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await store?.close();
  await dbs?.cleanup();
});

let seq = 0;
function mail(value: number): Buffer {
  seq++;
  return Buffer.from([
    `From: Абонент <purge${seq}@example.ru>`, 'To: info@khab.dvec.ru', 'Subject: Показания',
    'Date: Sun, 22 Nov 2026 10:00:00 +1000', `Message-ID: <${tag}-${seq}@example.ru>`, 'X-Auto-Response-Suppress: All',
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', `2701004512 011234567 ${value}`, '',
  ].join('\r\n'));
}

async function append(folder: string, raw: Buffer, date: Date): Promise<void> {
  const client = new MailboxClient({ ...settings, IMAP_MAILBOX: 'INBOX' }, log.child({ stage: 'test' }));
  try {
    await client.connect();
    await client.append(folder, raw, { date });
  } finally {
    await client.close();
  }
}

const intakeOnce = () => runIntakeOnce({ store, settings, log, replies: null, signal: new AbortController().signal });

describe('purge (IMAP folders, Dovecot)', () => {
  it('deletes from Processed/Rejected/Ignored what the server received before the cutoff, keeps Review and newer mail', async () => {
    const old = new Date('2025-01-10T00:00:00Z');
    const recent = new Date();
    await append(settings.FOLDER_PROCESSED, mail(1), old);
    await append(settings.FOLDER_PROCESSED, mail(2), recent);
    await append(settings.FOLDER_REJECTED, mail(3), old);
    await append(settings.FOLDER_REVIEW, mail(4), old);
    const cutoff = new Date(Date.now() - 180 * 86_400_000);
    const folders = [settings.FOLDER_PROCESSED, settings.FOLDER_REJECTED, settings.FOLDER_IGNORED];

    const dry = await purgeFolders(settings, { folders, cutoff, dryRun: true }, log);
    expect(dry).toEqual([
      { folder: settings.FOLDER_PROCESSED, messages: 1, exists: true },
      { folder: settings.FOLDER_REJECTED, messages: 1, exists: true },
      { folder: settings.FOLDER_IGNORED, messages: 0, exists: false },
    ]);
    expect(await folderMessageIds(settings, settings.FOLDER_PROCESSED)).toHaveLength(2);

    expect(await purgeFolders(settings, { folders, cutoff, dryRun: false }, log)).toEqual(dry);
    expect(await folderMessageIds(settings, settings.FOLDER_PROCESSED)).toEqual([`${tag}-2@example.ru`]);
    expect(await folderMessageIds(settings, settings.FOLDER_REJECTED)).toEqual([]);
    expect(await folderMessageIds(settings, settings.FOLDER_REVIEW)).toEqual([`${tag}-4@example.ru`]);
  });

  it('cli purge: a purged message appended again is still a duplicate of the original; its reading stays', async () => {
    const raw = mail(48_300);
    await append(settings.IMAP_MAILBOX, raw, new Date('2026-11-22T00:00:00Z'));
    const first = await intakeOnce();
    expect(first.decided['accept']).toBe(1);
    const [original] = await store.messages.listByState('filed', 10);
    expect(original).toMatchObject({ decision: 'accept', outcomeFolder: settings.FOLDER_PROCESSED });

    // A year later: the database's copy and the folder's copy are due.
    vi.stubEnv('DATABASE_URL', databaseUrl);
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out += String(chunk); return true; });
    const now = new Date(Date.now() + 365 * 86_400_000);
    expect(await purge.run(['--now', now.toISOString()])).toBe(0);
    vi.restoreAllMocks();
    expect(out).toContain('database: purged the raw source of 1 message(s) (accept 1,');
    expect(out).toContain(`imap ${settings.FOLDER_PROCESSED}: purged 2 message(s)`);
    expect(await store.messages.getRaw(original!.id)).toBeNull();
    expect(await folderMessageIds(settings, settings.FOLDER_PROCESSED)).toEqual([]);
    const audit = await store.audit.list({ action: 'purge' });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ messages: 1, folders: { [settings.FOLDER_PROCESSED]: 2, [settings.FOLDER_REJECTED]: 0, [settings.FOLDER_IGNORED]: 0 } });

    // The customer's client sends the same message again.
    await append(settings.IMAP_MAILBOX, raw, new Date());
    const second = await intakeOnce();
    expect(second.duplicates).toBe(1);
    const [copy] = await store.messages.listByState('duplicate', 10);
    expect(copy).toMatchObject({ duplicateOfId: original!.id, outcomeFolder: settings.FOLDER_PROCESSED });
    expect(await store.readings.ofMessage(original!.id)).toHaveLength(1);
    expect(await store.readings.ofMessage(copy!.id)).toHaveLength(0);
  });
});
