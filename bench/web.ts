// npm run bench:web [-- --items 10000 --requests 1000 --concurrency 10 --per-url --keep] — clerk UI latency with a full queue.
//
// A fresh SQLite database (migrated, samples/registry.csv imported) gets N open review items, each with its stored
// message (plain text, some with an HTML part and a photo-sized attachment) and the decision's audit entry, as the
// intake leaves them. `cli web` runs as its own process (as under pm2); this process logs in over HTTP and sends
// the load with fetch (undici), `concurrency` requests in flight: first queue pages (first page, later pages,
// filters by kind/reason/age, search by account and by sender), then item pages of random items (each takes the
// lock, parses the stored message). Latency is measured per request from send to the last body byte.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { importRegistry } from '../src/registry/import-registry.js';
import { createUser } from '../src/review/services/manage-users.js';
import { migrateDatabase, openStore, type NewInboundMessage } from '../src/store/index.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = arg('items', 10_000);
const REQUESTS = arg('requests', 1000);
const CONCURRENCY = arg('concurrency', 10);
const PORT = 18_000 + Math.floor(Math.random() * 2000);
const PASSWORD = 'bench-password-1';

const REASON_SETS = [
  ['uncertain_value'], ['no_readings'], ['unknown_account'], ['decreased_value'], ['photo_not_read'], ['no_account'],
  ['meter_ambiguous', 'zone_count_mismatch'], ['implausible_increase'], ['attachment_unsupported'], ['conflicting_values'],
];

function rawMessage(i: number, account: string, meter: string): Buffer {
  const html = i % 3 === 0;
  const photo = i % 7 === 0;
  const b = `b${i}`;
  const text = `Здравствуйте!\r\nЛицевой счёт ${account}, счётчик ${meter}, показания примерно ${40000 + (i % 5000)}.\r\nС уважением, абонент ${i}\r\n`;
  const lines = [
    `From: Абонент ${i} <user${i}@example.ru>`, 'To: info@khab.dvec.ru', `Subject: Показания ${i}`,
    'Date: Sun, 22 Nov 2026 10:00:00 +1000', `Message-ID: <bench-${i}@example.ru>`, 'MIME-Version: 1.0',
  ];
  if (!html && !photo) return Buffer.from([...lines, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', text].join('\r\n'));
  const parts = [`--${b}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', text];
  if (html) parts.push(`--${b}`, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', `<html><body><p>${text.replace(/\r\n/g, '<br>')}</p><table><tr><td>${account}</td><td>${meter}</td></tr></table></body></html>`);
  if (photo) parts.push(`--${b}`, 'Content-Type: image/jpeg; name="meter.jpg"', 'Content-Disposition: attachment; filename="meter.jpg"', 'Content-Transfer-Encoding: base64', '', Buffer.alloc(60_000, i % 251).toString('base64').replace(/.{76}/g, '$&\r\n'));
  return Buffer.from([...lines, `Content-Type: multipart/mixed; boundary="${b}"`, '', ...parts, `--${b}--`, ''].join('\r\n'));
}

async function seed(databaseUrl: string): Promise<void> {
  await migrateDatabase(databaseUrl);
  const store = await openStore(databaseUrl);
  try {
    await importRegistry(store, readFileSync(path.join(PROJECT_ROOT, 'samples', 'registry.csv'), 'utf8'), 'bench', 'registry.csv');
    const meters = await store.registry.loadAll();
    const created = await createUser(store, { login: 'bench', role: 'clerk', password: PASSWORD, actor: 'bench' });
    if (!created.ok) throw new Error(created.message);
    const start = Date.now() - ITEMS * 60_000; // one a minute: the oldest are days old (SLA markers)
    for (let from = 0; from < ITEMS; from += 500) {
      const batch: NewInboundMessage[] = [];
      const picks: { account: string; meter: string }[] = [];
      for (let i = from; i < Math.min(ITEMS, from + 500); i++) {
        const m = meters[i % meters.length]!;
        picks.push({ account: m.account, meter: m.meter });
        const raw = rawMessage(i, m.account, m.meter);
        batch.push({
          mailbox: 'INBOX', uidValidity: 1, uid: i + 1, messageIdHeader: `bench-${i}@example.ru`, sha256: createHash('sha256').update(raw).digest('hex'),
          raw, size: raw.length, receivedAt: new Date(start + i * 60_000), dateHeader: new Date(start + i * 60_000), fromAddress: `user${i}@example.ru`, subject: `Показания ${i}`,
        });
      }
      await store.transaction(async (tx) => {
        const rows = await tx.messages.insertMany(batch);
        await tx.review.openMany(rows.map((r, k) => ({ messageId: r.id, reasons: REASON_SETS[(from + k) % REASON_SETS.length]! })));
        await tx.audit.appendMany(rows.map((r, k) => ({
          actor: 'intake', action: 'decide', entity: 'message', entityId: r.id,
          after: { decision: 'review', reasons: REASON_SETS[(from + k) % REASON_SETS.length], readings: [{ ...picks[k]!, t1: 40000 + ((from + k) % 5000), t2: null, t3: null }], period: '2026-11', replyQueued: false },
        })));
        await tx.messages.updateMany(rows.map((r) => r.id), { state: 'filed', decision: 'review', outcomeFolder: 'Review' });
      }, { timeoutMs: 120_000 });
    }
  } finally {
    await store.close();
  }
}

async function login(base: string): Promise<string> {
  const form = await fetch(`${base}/login`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const pre = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
  const res = await fetch(`${base}/login`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pre },
    body: new URLSearchParams({ _csrf: csrf, login: 'bench', password: PASSWORD }).toString(),
  });
  const sid = res.headers.getSetCookie().find((c) => c.startsWith('sid='));
  if (res.status !== 303 || !sid) throw new Error(`login failed: ${res.status}`);
  return sid.split(';')[0]!;
}

async function load(base: string, cookie: string, urls: () => string, n: number): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      const url = urls();
      const t0 = performance.now();
      const res = await fetch(`${base}${url}`, { headers: { cookie }, redirect: 'manual' });
      await res.arrayBuffer();
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return times;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function report(name: string, times: number[]): void {
  const s = [...times].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  process.stdout.write(`${name.padEnd(12)} n=${s.length}  median ${pct(s, 50).toFixed(1)} ms  p95 ${pct(s, 95).toFixed(1)} ms  p99 ${pct(s, 99).toFixed(1)} ms  max ${s[s.length - 1]!.toFixed(1)} ms  mean ${mean.toFixed(1)} ms\n`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'khab-bench-web-'));
  const databaseUrl = `file:${path.join(dir, 'bench.sqlite')}`;
  const t0 = Date.now();
  await seed(databaseUrl);
  process.stdout.write(`seeded ${ITEMS} open review items in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bin', 'cli.mjs'), 'web'], {
    cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, WEB_PORT: String(PORT), WEB_HOST: '127.0.0.1', LOG_LEVEL: 'warn', WEB_SEND_REPLIES: 'false', WEB_LOGIN_MAX_ATTEMPTS: '100' },
  });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    for (let i = 0; ; i++) {
      if (i > 300) throw new Error('cli web did not start');
      if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const cookie = await login(base);
    const store = await openStore(databaseUrl);
    const itemIds = (await store.review.listOpen({}, { offset: 0, limit: ITEMS })).rows.map((r) => r.id);
    await store.close();
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
    const queueUrls = [
      () => '/queue', () => `/queue?page=${1 + Math.floor(Math.random() * Math.ceil(ITEMS / 50))}`, () => '/queue?kind=values',
      () => '/queue?reason=no_readings', () => '/queue?age=fresh', () => '/queue?q=2701004512', () => `/queue?q=user${Math.floor(Math.random() * ITEMS)}@example.ru`,
    ];
    await load(base, cookie, () => pick(queueUrls)(), 50); // warm-up
    await load(base, cookie, () => `/items/${pick(itemIds)}`, 50);
    process.stdout.write(`load: ${REQUESTS} requests per page kind, ${CONCURRENCY} in flight, against cli web on ${base}; `
      + `machine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} before the run\n`);
    if (process.argv.includes('--per-url')) {
      for (const [k, u] of queueUrls.entries()) report(`q${k} ${u().slice(0, 30)}`, await load(base, cookie, u, 40));
    }
    const queue = await load(base, cookie, () => pick(queueUrls)(), REQUESTS);
    report('queue page', queue);
    const items = await load(base, cookie, () => `/items/${pick(itemIds)}`, REQUESTS);
    report('item page', items);
    const q95 = pct([...queue].sort((a, b) => a - b), 95);
    const i95 = pct([...items].sort((a, b) => a - b), 95);
    process.stdout.write(`load average after the run: ${loadavg()[0]!.toFixed(1)}\n`);
    process.stdout.write(`goal p95 < 100 ms: queue ${q95 < 100 ? 'met' : 'MISSED'}, item ${i95 < 100 ? 'met' : 'MISSED'}\n`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    if (process.argv.includes('--keep')) process.stdout.write(`database kept: ${databaseUrl}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:web: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
