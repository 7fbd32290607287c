// npm run bench:scale [-- --messages 2000 --workers 1,2,4] — messages/s of the intake daemon with 1, 2 and 4
// workers on PostgreSQL (INTAKE_SHARED, each worker its own process as under pm2 `instances`), and one worker on
// SQLite, in the same run and on the same corpus.
//
// Each configuration gets fresh mail data and a fresh database (migrated, samples/registry.csv imported). The
// corpus is appended to a staging folder while the workers start on an empty INBOX; once every worker is connected,
// one server-side COPY puts the corpus into INBOX, and the clock runs from that COPY until the last message is
// filed (moved to its outcome folder and recorded). OCR is off (no photos in the corpus); replies go to the local
// SMTP sink, as the daemon sends them between cycles.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ImapFlow } from 'imapflow';
import pg from 'pg';
import { pino } from 'pino';
import mallocEnv from '../bin/malloc-env.cjs';
import { IMAP_SETTINGS, loadSettings, PROJECT_ROOT, RULE_SETTINGS, SMTP_SETTINGS } from '../src/config.js';
import { MailboxClient } from '../src/mail/mailbox-client.js';
import { importRegistry } from '../src/registry/import-registry.js';
import { migrateDatabase, openStore } from '../src/store/index.js';
import { resetMailData, startMailServer } from '../scripts/mailserver/index.js';
import { pgLayout, pgUrl } from '../scripts/pg/layout.js';
import { startPostgres } from '../scripts/pg/index.js';
import { benchCorpus } from './intake-corpus.js';

const STAGING = 'BenchStaging';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1] ?? fallback;
}
const total = Number(option('messages', '2000'));
const workerCounts = option('workers', '1,2,4').split(',').map(Number);
if (!Number.isInteger(total) || total < 1 || workerCounts.some((n) => !Number.isInteger(n) || n < 1)) {
  throw new Error('--messages wants a whole number, --workers a list such as 1,2,4');
}

interface Config { label: string; provider: 'sqlite' | 'postgres'; workers: number }
interface Result extends Config { seconds: number; rate: number; decided: Record<string, number> }

const corpus = benchCorpus(path.join(PROJECT_ROOT, 'samples'), { small: total, photos: 0, photoBytes: 0 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freshDatabase(provider: Config['provider'], dir: string, n: number): Promise<{ url: string; drop(): Promise<void> }> {
  if (provider === 'sqlite') return { url: `file:${path.join(dir, `scale-${n}.sqlite`)}`, drop: async () => undefined };
  const { port } = pgLayout();
  await startPostgres();
  const name = `khab_scale_${process.pid}_${n}`;
  const admin = new pg.Client({ connectionString: pgUrl(port, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: pgUrl(port, name),
    async drop() {
      const c = new pg.Client({ connectionString: pgUrl(port, 'postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** How many messages are filed (moved and recorded), read on a connection of the bench's own. */
function filedCounter(url: string): { count(): Promise<number>; close(): Promise<void> } {
  if (url.startsWith('file:')) {
    const db = new Database(url.slice('file:'.length), { readonly: true });
    const st = db.prepare('SELECT COUNT(*) AS n FROM "InboundMessage" WHERE "filedAt" IS NOT NULL');
    return { count: async () => Number((st.get() as { n: number }).n), close: async () => { db.close(); } };
  }
  const c = new pg.Client({ connectionString: url });
  const ready = c.connect();
  return {
    async count() {
      await ready;
      return Number((await c.query<{ n: string }>('SELECT COUNT(*) AS n FROM "InboundMessage" WHERE "filedAt" IS NOT NULL')).rows[0]!.n);
    },
    close: () => c.end(),
  };
}

function spawnWorker(env: Record<string, string>, logFile: string): ChildProcess {
  const out = openSync(logFile, 'a');
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'intake'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', out, out] });
}

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

async function run(config: Config, n: number, dir: string): Promise<Result> {
  await resetMailData();
  await startMailServer();
  const db = await freshDatabase(config.provider, dir, n);
  const env = {
    PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DATABASE_URL: db.url, INTAKE_SHARED: config.provider === 'postgres' ? 'true' : 'false',
    OCR_ENABLED: 'false', METRICS_PORT: '0', POLL_INTERVAL_SECONDS: '1', IMAP_BATCH_SIZE: '50', LOG_LEVEL: 'info', REPLY_MAX_PER_SENDER_PER_DAY: '1000',
    ...mallocEnv,
  };
  const settings = loadSettings([...RULE_SETTINGS, ...IMAP_SETTINGS, ...SMTP_SETTINGS, 'DATABASE_URL'], env);
  let counter: ReturnType<typeof filedCounter> | null = null;
  const workers: ChildProcess[] = [];
  try {
    await migrateDatabase(db.url);
    counter = filedCounter(db.url);
    const store = await openStore(db.url);
    await importRegistry(store, readFileSync(path.join(PROJECT_ROOT, 'samples', 'registry.csv'), 'utf8'), 'bench', 'registry.csv');
    await store.close();
    const client = new MailboxClient(settings, pino({ level: 'silent' }));
    await client.connect();
    for (const raw of corpus) await client.append(STAGING, raw);
    await client.close();

    const logs = Array.from({ length: config.workers }, (_, i) => path.join(dir, `${config.label}-${config.workers}-${i}.log`));
    for (const log of logs) workers.push(spawnWorker(env, log));
    // Every worker connected to IMAP (and so past its start-up) before the mail arrives.
    for (const deadline = Date.now() + 60_000; ;) {
      const connected = logs.filter((f) => readFileSync(f, 'utf8').includes('IMAP connected')).length;
      if (connected === config.workers) break;
      if (Date.now() > deadline || workers.some((w) => w.exitCode !== null)) throw new Error(`${config.label}: workers did not start (see ${dir})`);
      await sleep(100);
    }
    const imap = new ImapFlow({
      host: settings.IMAP_HOST, port: settings.IMAP_PORT, secure: settings.IMAP_TLS, doSTARTTLS: settings.IMAP_TLS ? undefined : settings.IMAP_STARTTLS,
      tls: { rejectUnauthorized: settings.IMAP_TLS_VERIFY }, auth: { user: settings.IMAP_USER, pass: settings.IMAP_PASSWORD }, logger: false,
    });
    await imap.connect();
    await imap.mailboxOpen(STAGING);
    const t0 = performance.now();
    if (!(await imap.messageCopy('1:*', settings.IMAP_MAILBOX))) throw new Error('COPY to INBOX refused');
    await imap.logout();
    for (const deadline = Date.now() + 30 * 60_000; ;) {
      if ((await counter.count()) >= total) break;
      if (Date.now() > deadline) throw new Error(`${config.label}: not done in 30 minutes`);
      if (workers.some((w) => w.exitCode !== null)) throw new Error(`${config.label}: a worker exited (see ${dir})`);
      await sleep(100);
    }
    const ms = performance.now() - t0;
    const check = await openStore(db.url);
    const decided: Record<string, number> = {};
    for (const state of ['filed', 'failed', 'duplicate'] as const) {
      const rows = await check.messages.listByState(state, 1_000_000);
      for (const r of rows) decided[r.decision ?? state] = (decided[r.decision ?? state] ?? 0) + 1;
    }
    await check.close();
    return { ...config, seconds: ms / 1000, rate: total / (ms / 1000), decided };
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map(exited));
    await counter?.close();
    await db.drop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'khab-bench-scale-'));
  const configs: Config[] = [
    { label: 'sqlite', provider: 'sqlite', workers: 1 },
    ...workerCounts.map((workers): Config => ({ label: 'postgres', provider: 'postgres', workers })),
  ];
  const results: Result[] = [];
  try {
    for (const [i, config] of configs.entries()) {
      const r = await run(config, i, dir);
      results.push(r);
      console.log(`${r.label.padEnd(9)} ${String(r.workers).padStart(2)} worker(s): ${r.rate.toFixed(0).padStart(5)} msg/s  (${r.seconds.toFixed(1)} s)  ${JSON.stringify(r.decided)}`);
    }
    const base = results.find((r) => r.provider === 'postgres' && r.workers === 1);
    console.log(`\n${total} messages from samples/ (no photos, OCR off), fetch/claim batches of 50, replies sent to the local sink; ${(await import('node:os')).cpus().length} CPU cores`);
    console.log('| database   | workers | msg/s | time     | vs 1 PostgreSQL worker |');
    console.log('|------------|---------|-------|----------|------------------------|');
    for (const r of results) {
      const vs = base ? `${(r.rate / base.rate).toFixed(2)}×` : '—';
      console.log(`| ${r.label.padEnd(10)} | ${String(r.workers).padStart(7)} | ${r.rate.toFixed(0).padStart(5)} | ${`${r.seconds.toFixed(1)} s`.padStart(8)} | ${vs.padStart(22)} |`);
    }
    // Workers judge messages of one meter in the order their batches commit, not always in UID order: a reading
    // older than one another worker stored first goes to a clerk instead of being stored and superseded.
    const decidedSame = results.every((r) => JSON.stringify(r.decided) === JSON.stringify(results[0]!.decided));
    console.log(`decisions identical across configurations: ${decidedSame ? 'yes' : 'no (see the decisions per line: concurrent workers judge one meter\'s messages in commit order)'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
