// Shared set-up for intake integration tests: the project's own Dovecot + SMTP sink, a fresh migrated SQLite
// database with the sample registry, settings pointing at both, and readers of folders and the sink.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { IMAP_SETTINGS, loadSettings, PROJECT_ROOT, RULE_SETTINGS, SMTP_SETTINGS } from '../../src/config.js';
import { log } from '../../src/log.js';
import { MailboxClient } from '../../src/mail/mailbox-client.js';
import { importRegistry } from '../../src/registry/import-registry.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDatabases } from '../store/temp-db.js';
import { resetMailData, sinkMessages, startMailServer } from '../../scripts/mailserver/index.js';
import type { IntakeSettings } from '../../src/intake/run-intake.js';

export const SAMPLES = path.join(PROJECT_ROOT, 'samples');

export type TestSettings = IntakeSettings & ReturnType<typeof loadSettings<(typeof SMTP_SETTINGS)[number] | 'DATABASE_URL'>>;

export interface IntakeWorld {
  dir: string;
  databaseUrl: string;
  settings: TestSettings;
  env: Record<string, string>;
  store: Store;
  cleanup(): Promise<void>;
}

/** Fresh mail data and database (SQLite, or PostgreSQL under TEST_DATABASE=postgres). Dovecot and the sink are
 *  started by the project's own script. */
export async function intakeWorld(extraEnv: Record<string, string> = {}): Promise<IntakeWorld> {
  await resetMailData();
  await startMailServer();
  const dbs = await tempDatabases();
  const dir = dbs.dir;
  const databaseUrl = await dbs.fresh();
  const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ...extraEnv };
  const settings = loadSettings([...RULE_SETTINGS, ...IMAP_SETTINGS, ...SMTP_SETTINGS, 'DATABASE_URL'], env) as TestSettings;
  const store = await openStore(databaseUrl);
  await importRegistry(store, readFileSync(path.join(SAMPLES, 'registry.csv'), 'utf8'), 'test', 'registry.csv');
  return {
    dir, databaseUrl, settings, env, store,
    async cleanup() {
      await store.close();
      await dbs.cleanup();
    },
  };
}

/** The samples in the order they were written (Date header; none → last), as they would arrive in the mailbox:
 *  several samples report the same meter, and a later reading is checked against the earlier one. */
export function sampleFiles(): string[] {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.eml')).sort().map((f) => path.join(SAMPLES, f));
  const when = (f: string): number => {
    const m = /^date:\s*(.+)$/im.exec(readFileSync(f).toString('latin1'));
    const t = m ? Date.parse(m[1]!.replace(/\s*\([^)]*\)\s*$/, '')) : NaN;
    return Number.isNaN(t) ? Number.MAX_SAFE_INTEGER : t;
  };
  return files.map((f) => ({ f, t: when(f) })).sort((a, b) => a.t - b.t).map((x) => x.f);
}

/** `total` distinct messages made from the samples (at most `maxBytes` each): message i gets the Message-ID
 *  <TAG-i@test.khab> and a sender of its own (TAGi.name@…), so none is a duplicate and no sender cap holds a reply. */
export function distinctCorpus(total: number, tag: string, opts: { maxBytes?: number } = {}): Buffer[] {
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.eml')).sort().map((f) => readFileSync(path.join(SAMPLES, f)).toString('latin1'))
    .filter((src) => src.length < (opts.maxBytes ?? Infinity));
  return Array.from({ length: total }, (_, i) => {
    const src = samples[i % samples.length]!;
    const headerEnd = src.search(/\r?\n\r?\n/);
    let head = src.slice(0, headerEnd).replace(/^message-id:.*(\r?\n[ \t].*)*$/im, '').replace(/^(\r?\n)+/, '');
    head = head.replace(/^(from:.*?)([\w.+-]+)@/im, `$1${tag}${i}.$2@`);
    return Buffer.from(`Message-ID: <${tag}-${i}@test.khab>\r\n${head}${src.slice(headerEnd)}`, 'latin1');
  });
}

export interface Expected {
  decision: string;
  readings: { account: string; meter: string; t1: number | null; t2: number | null; t3: number | null }[];
}

export function expectedOf(file: string): Expected {
  return JSON.parse(readFileSync(file.replace(/\.eml$/, '.expected.json'), 'utf8')) as Expected;
}

/** Message-ID headers of the messages in a folder. */
export async function folderMessageIds(settings: TestSettings, folder: string): Promise<string[]> {
  const client = new MailboxClient({ ...settings, IMAP_MAILBOX: folder }, log.child({ stage: 'test' }));
  try {
    await client.connect();
    const uids = await client.listUids();
    const out: string[] = [];
    for (let i = 0; i < uids.length; i += 200) {
      for (const m of await client.fetch(uids.slice(i, i + 200))) out.push(messageIdOf(m.source));
    }
    return out;
  } catch (e) {
    if ((e as { code?: string }).code === 'IMAP_MAILBOX_MISSING' || /exist|NONEXISTENT/i.test(String((e as Error).message))) return [];
    throw e;
  } finally {
    await client.close();
  }
}

export function messageIdOf(raw: Buffer): string {
  const m = /^message-id:\s*<?([^>\r\n]+)>?/im.exec(raw.toString('latin1'));
  return m ? m[1]!.trim() : '';
}

/** The replies in the sink, by the Message-ID they answer (In-Reply-To). */
export async function sinkReplies(): Promise<{ inReplyTo: string; to: string; subject: string; autoSubmitted: string }[]> {
  const out = [];
  for (const file of sinkMessages()) {
    const mail = await simpleParser(readFileSync(file));
    out.push({
      inReplyTo: (mail.inReplyTo ?? '').replace(/^<|>$/g, ''),
      to: Array.isArray(mail.to) ? '' : mail.to?.value[0]?.address ?? '',
      subject: mail.subject ?? '',
      autoSubmitted: String(mail.headers.get('auto-submitted') ?? ''),
    });
  }
  return out;
}
