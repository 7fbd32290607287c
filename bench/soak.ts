// npm run bench:soak [-- --messages 20000 --photo-share 0.05 --chunk 500 --keep]
//
// The intake daemon as production runs it — its own process, started the way pm2's ecosystem.config.cjs starts it
// (`node --import tsx bin/cli.mjs intake`, the malloc settings of bin/malloc-env.cjs, OCR on with its default 2 workers) — fed --messages
// messages (the samples made unique, --photo-share of them with a 12 MP phone photo of a meter) on the project's
// local Dovecot, appended in chunks while it runs: the next chunk goes in once fewer than a chunk's worth wait.
// Every 2 s the bench reads the daemon's VmRSS from /proc and scrapes its /metrics (messages filed, JS heap, OCR
// pool). When every message is filed and the replies have left, the daemon is stopped with SIGTERM and the bench
// checks that nothing was lost, from the database (plain SQL) and the mailbox (IMAP STATUS).
//
// Prints throughput, RSS after warm-up (--warmup, default the first 10% of the messages), at the end and the
// maximum, and whether RSS is flat: the troughs and the peaks of RSS after warm-up (lowest and highest of each
// tenth of the run; OCR worker recycling makes RSS a saw-tooth) each rise less than FLAT_MB_PER_1000 MB per 1,000
// messages (a leak of 1 KB per message would show). It also prints the plain least-squares slope. A short run
// (--messages 2000) checks that everything works; it is too short to judge the slope.
// Exits 1 when anything is lost (see soak/audit.ts), the daemon dies or does not stop on SIGTERM.
//
// The soak starts its own Dovecot and SMTP sink with the project's script (scripts/mailserver) on free ports under
// .data/soak-XXXX, beside the shared instance on 3143/3993/2525, which it never touches: other engineers' tests and
// benches reset that one whenever they start. Fresh SQLite database (migrated, samples/registry.csv + one account
// per photographed meter). At the end the instance is stopped and its mail deleted; the database and the daemon's
// log are kept after a failure or with --keep. Not in CI: ~23 min for 20,000 messages on 2 cores shared with other jobs.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import mallocEnv from '../bin/malloc-env.cjs';
import { IMAP_SETTINGS, loadSettings, PROJECT_ROOT, RULE_SETTINGS, SMTP_SETTINGS } from '../src/config.js';
import type { IntakeSettings } from '../src/intake/run-intake.js';
import { MailboxClient } from '../src/mail/mailbox-client.js';
import { importRegistry } from '../src/registry/import-registry.js';
import { migrateDatabase, openStore } from '../src/store/index.js';
import { startMailServer, stopMailServer } from '../scripts/mailserver/index.js';
import { audit, problems } from './soak/audit.js';
import { soakCorpus, soakPhotos, soakRegistry, type SoakCorpus } from './soak/corpus.js';
import { filedCount, residentBytes, scrape, slope, sum, type Sample, type Scrape } from './soak/watch.js';

const FLAT_MB_PER_1000 = 1;
const SAMPLE_MS = 2000;
const PROGRESS_MS = 30_000;
// No message filed for this long while mail waits: the daemon is stuck.
const STALL_MS = 300_000;
const STOP_LIMIT_MS = 15_000;

function option(name: string, fallback: number, valid: (v: number) => boolean): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!valid(v)) throw new Error(`--${name}: bad value "${process.argv[i + 1]}"`);
  return v;
}
const whole = (v: number): boolean => Number.isInteger(v) && v > 0;
const total = option('messages', 20_000, whole);
const photoShare = option('photo-share', 0.05, (v) => v >= 0 && v <= 1);
const chunk = option('chunk', 500, whole);
const warmup = option('warmup', Math.round(total / 10), (v) => Number.isInteger(v) && v >= 0 && v < total);
const keep = process.argv.includes('--keep');

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(0)} s`;
const say = (line: string): void => void process.stderr.write(`${line}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** n ports free on loopback now (held open together, so they differ). */
async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  })));
  const ports = servers.map((srv) => (srv.address() as { port: number }).port);
  await Promise.all(servers.map((srv) => new Promise((resolve) => srv.close(resolve))));
  return ports;
}

/** The caller's environment without any of the service's settings, so the daemon uses exactly the bench's. */
function cleanEnv(): Record<string, string> {
  const ours = /^(IMAP_|SMTP_|FOLDER_|OCR_|METRICS_|READY_|OUTBOX_|REPLY_|INTAKE_|POLL_|MAIL_|WINDOW_|MAX_|RETENTION_|DATABASE_URL$|TIME_ZONE$|LOG_LEVEL$|NODE_ENV$|MALLOC_)/;
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !ours.test(e[0])));
}

interface Daemon {
  child: ChildProcess;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  gone: boolean;
}

/** pm2's way: node with tsx's loader in the same process, so the child's pid is the daemon itself. */
function startDaemon(env: Record<string, string>, logFile: string): Daemon {
  const err = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/cli.mjs', 'intake'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', err, err] });
  if (child.pid === undefined) throw new Error('the daemon did not start');
  const d: Daemon = { child, pid: child.pid, gone: false, exited: new Promise((resolve) => child.once('exit', (code, signal) => { d.gone = true; resolve({ code, signal }); })) };
  const cmdline = readFileSync(`/proc/${d.pid}/cmdline`, 'utf8').split('\0').join(' ');
  if (!cmdline.includes('bin/cli.mjs intake')) throw new Error(`pid ${d.pid} is not the daemon: ${cmdline}`);
  return d;
}

async function waitHealthy(base: string, d: Daemon): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until && !d.gone) {
    const ok = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(250);
  }
  throw new Error(d.gone ? 'the daemon exited while starting (see its log)' : 'the daemon did not answer /healthz within 60 s');
}

interface Watch {
  samples: Sample[];
  last: Scrape | null;
  filed: number;
  stop(): void;
}

function watchDaemon(d: Daemon, base: string, t0: number, appended: () => number): Watch {
  const w: Watch = { samples: [], last: null, filed: 0, stop: () => { stopped = true; } };
  let stopped = false;
  let progressAt = Date.now() + PROGRESS_MS;
  void (async () => {
    while (!stopped && !d.gone) {
      const rss = residentBytes(d.pid);
      const s = await scrape(`${base}/metrics`);
      if (s) {
        w.last = s;
        w.filed = filedCount(s);
      }
      if (rss !== null && s) {
        w.samples.push({
          t: performance.now() - t0, filed: w.filed, rss, heapUsed: sum(s, 'nodejs_heap_size_used_bytes'),
          external: sum(s, 'nodejs_external_memory_bytes'), ocrWorkers: sum(s, 'khab_ocr_workers'),
        });
      }
      if (Date.now() >= progressAt && rss !== null) {
        progressAt += PROGRESS_MS;
        const x = w.samples.at(-1);
        say(`  ${secs(performance.now() - t0).padStart(6)}  filed ${w.filed}/${total} (appended ${appended()})  RSS ${mb(rss)}` +
          (x ? `  heap ${mb(x.heapUsed)}  external ${mb(x.external)}  OCR workers ${x.ocrWorkers}` : '') + `  load ${loadavg()[0]!.toFixed(1)}`);
      }
      await sleep(SAMPLE_MS);
    }
  })();
  return w;
}

/** Appends the corpus in chunks, each once fewer than `chunk` messages wait for the daemon. */
async function feed(settings: IntakeSettings, corpus: SoakCorpus, w: Watch, d: Daemon, counter: { appended: number; firstAt: number }): Promise<void> {
  const client = new MailboxClient(settings, pino({ level: 'warn' }).child({ stage: 'bench' }));
  await client.connect();
  try {
    while (counter.appended < corpus.total) {
      if (d.gone) throw new Error('the daemon exited while mail was being appended');
      if (counter.appended - w.filed >= chunk) {
        await sleep(200);
        continue;
      }
      const end = Math.min(corpus.total, counter.appended + chunk);
      if (counter.firstAt === 0) counter.firstAt = performance.now();
      for (; counter.appended < end; counter.appended++) await client.append(settings.IMAP_MAILBOX, corpus.message(counter.appended, new Date()));
    }
  } finally {
    await client.close();
  }
}

/** Until every appended message is filed; false when the daemon died or stalled. */
async function waitFiled(w: Watch, d: Daemon): Promise<boolean> {
  let lastFiled = -1;
  let lastChange = Date.now();
  while (w.filed < total) {
    if (d.gone) return false;
    if (w.filed !== lastFiled) {
      lastFiled = w.filed;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > STALL_MS) {
      say(`no message filed for ${secs(STALL_MS)}; giving up`);
      return false;
    }
    await sleep(250);
  }
  return true;
}

/** The replies of the last cycle leave right after it; waits for the outbox to empty (at most 2 min). */
async function waitOutbox(base: string): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const s = await scrape(`${base}/metrics`);
    if (s && sum(s, 'khab_outbox_pending') === 0) return;
    await sleep(1000);
  }
}

async function stopDaemon(d: Daemon): Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null; killed: boolean }> {
  const t = performance.now();
  if (!d.gone) d.child.kill('SIGTERM');
  const timeout = sleep(STOP_LIMIT_MS).then(() => null);
  let r = await Promise.race([d.exited, timeout]);
  const killed = r === null;
  if (r === null) {
    d.child.kill('SIGKILL');
    r = await d.exited;
  }
  return { ms: performance.now() - t, ...r, killed };
}

function logLevels(file: string): { lines: number; warn: number; error: number; firstErrors: string[] } {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const level = (l: string): number => Number(/"level":(\d+)/.exec(l)?.[1] ?? 0);
  const errors = lines.filter((l) => level(l) >= 50);
  return { lines: lines.length, warn: lines.filter((l) => level(l) === 40).length, error: errors.length, firstErrors: errors.slice(0, 3).map((l) => l.slice(0, 300)) };
}

/** RSS when `filed` first reached n. */
const at = (samples: readonly Sample[], n: number): Sample | undefined => samples.find((s) => s.filed >= n);

/**
 * Slopes (MB per 1,000 messages) of the lowest and of the highest RSS in each tenth of the samples. The OCR workers
 * are recycled after a number of jobs, so RSS is a saw-tooth, and a straight line fitted through all samples
 * follows where the run stops in the last tooth (the first soak's second-half fit said +1.28 while its end was
 * 21 MB below its warm-up). A leak lifts the troughs and the peaks alike.
 */
function envelope(samples: readonly Sample[]): { troughs: number | null; peaks: number | null } {
  const windows = 10;
  if (samples.length < windows * 2) return { troughs: null, peaks: null };
  const lows: { x: number; y: number }[] = [];
  const highs: { x: number; y: number }[] = [];
  for (let i = 0; i < windows; i++) {
    const part = samples.slice(Math.floor((i * samples.length) / windows), Math.floor(((i + 1) * samples.length) / windows));
    const x = part.reduce((a, s) => a + s.filed, 0) / part.length / 1000;
    lows.push({ x, y: Math.min(...part.map((s) => s.rss)) / 1048576 });
    highs.push({ x, y: Math.max(...part.map((s) => s.rss)) / 1048576 });
  }
  return { troughs: slope(lows), peaks: slope(highs) };
}

function report(samples: readonly Sample[], allFiledAt: number): boolean {
  const warm = at(samples, warmup) ?? samples[0]!;
  const end = samples.at(-1)!;
  const max = samples.reduce((a, s) => (s.rss > a.rss ? s : a));
  const after = samples.filter((s) => s.filed >= warmup);
  const maxAfter = after.reduce((a, s) => (s.rss > a.rss ? s : a), warm);
  const half = samples.filter((s) => s.filed >= total / 2 && s.t <= allFiledAt);
  const perK = (pts: readonly Sample[]): number | null => {
    const k = slope(pts.map((s) => ({ x: s.filed / 1000, y: s.rss / 1048576 })));
    return k;
  };
  const k2 = perK(half);
  const kAll = perK(after.filter((s) => s.t <= allFiledAt));
  const { troughs, peaks } = envelope(after.filter((s) => s.t <= allFiledAt));
  const flat = troughs !== null && peaks !== null && troughs < FLAT_MB_PER_1000 && peaks < FLAT_MB_PER_1000;
  console.log(`RSS (VmRSS of the daemon, pid's /proc): idle before any mail ${mb(samples[0]!.rss)}, after warm-up (${warm.filed} filed) ${mb(warm.rss)}, end ${mb(end.rss)}, ` +
    `max ${mb(max.rss)} (at ${max.filed} filed), max after warm-up ${mb(maxAfter.rss)}; JS heap used ${mb(warm.heapUsed)} → ${mb(end.heapUsed)}, ` +
    `external ${mb(warm.external)} → ${mb(end.external)}`);
  const marks = Array.from({ length: 10 }, (_, i) => Math.round(((i + 1) * total) / 10));
  console.log(`RSS by messages filed: ${marks.map((n) => `${n}: ${at(samples, n) ? mb(at(samples, n)!.rss).replace(' MB', '') : '?'}`).join(', ')} MB`);
  const fmt = (k: number | null): string => (k === null ? '?' : `${k >= 0 ? '+' : ''}${k.toFixed(2)} MB per 1,000 messages`);
  console.log(`RSS slope: second half (${half.length} samples from ${Math.round(total / 2)} filed) ${fmt(k2)}; after warm-up ${fmt(kAll)}`);
  console.log(`RSS envelope after warm-up (lowest and highest RSS of each tenth): troughs ${fmt(troughs)}, peaks ${fmt(peaks)}`);
  console.log(`RSS verdict: ${flat ? 'FLAT' : 'NOT FLAT'} (flat = troughs and peaks each rise < ${FLAT_MB_PER_1000} MB per 1,000 messages)` +
    (total < 10_000 ? ' — a short run, too short to judge' : ''));
  return flat;
}

function stageTable(s: Scrape): string {
  const stages = [...s.keys()].map((k) => /^khab_intake_stage_duration_seconds_sum\{stage="(\w+)"\}$/.exec(k)?.[1]).filter((x): x is string => !!x);
  return stages
    .map((st) => ({ st, sumS: s.get(`khab_intake_stage_duration_seconds_sum{stage="${st}"}`) ?? 0, n: s.get(`khab_intake_stage_duration_seconds_count{stage="${st}"}`) ?? 0 }))
    .filter((x) => x.n > 0).sort((a, b) => b.sumS - a.sumS)
    .map((x) => `${x.st} ${x.sumS.toFixed(0)} s/${x.n} (${((x.sumS / x.n) * 1000).toFixed(x.sumS / x.n < 0.01 ? 1 : 0)} ms)`).join(', ');
}

async function main(): Promise<number> {
  // Under .data, not /tmp: Dovecot's unprivileged mail user must be able to walk down to the maildir.
  const dir = mkdtempSync(path.join(PROJECT_ROOT, '.data', 'soak-'));
  chmodSync(dir, 0o755);
  const dbFile = path.join(dir, 'soak.sqlite');
  const logFile = path.join(dir, 'daemon.log');
  const [imapPort, imapsPort, smtpPort, metricsPort] = await freePorts(4);
  const base = `http://127.0.0.1:${metricsPort}`;
  // The soak's own Dovecot and sink, by the project's script, beside the shared instance on 3143/3993/2525: the
  // others' tests and benches reset that one whenever they start, which a run of many minutes would not survive.
  const mailEnv = { DATA_DIR: dir, MAILSERVER_IMAP_PORT: String(imapPort), MAILSERVER_IMAPS_PORT: String(imapsPort), MAILSERVER_SMTP_PORT: String(smtpPort) };
  const env = {
    ...cleanEnv(), DATABASE_URL: `file:${dbFile}`, IMAP_PORT: String(imapPort), SMTP_PORT: String(smtpPort),
    METRICS_HOST: '127.0.0.1', METRICS_PORT: String(metricsPort), OCR_ENABLED: 'true', ...mallocEnv, LOG_LEVEL: 'info', NODE_ENV: 'production',
  };
  const settings = loadSettings([...RULE_SETTINGS, ...IMAP_SETTINGS, ...SMTP_SETTINGS, 'DATABASE_URL'], env);
  let daemon: Daemon | null = null;
  let failed = true;
  try {
    const photos = soakPhotos(say);
    const corpus = soakCorpus(total, photoShare, photos);
    await startMailServer({ env: mailEnv });
    await migrateDatabase(env.DATABASE_URL);
    const store = await openStore(env.DATABASE_URL);
    try {
      const imported = await importRegistry(store, soakRegistry(photos), 'bench', 'soak-registry.csv');
      if (!imported.ok) throw new Error(`the soak registry did not import: ${JSON.stringify(imported.errors.slice(0, 3))}`);
    } finally {
      await store.close();
    }
    const load0 = loadavg()[0]!;
    const t0 = performance.now();
    daemon = startDaemon(env, logFile);
    await waitHealthy(base, daemon);
    const startedMs = performance.now() - t0;
    const sizes = photos.map((p) => p.bytes);
    console.log(`soak: ${total} messages, ${corpus.photos} with a 12 MP photo (${photos.length} distinct, ${mb(Math.min(...sizes))}–${mb(Math.max(...sizes))}), ` +
      `appended in chunks of ${chunk} while the daemon runs; ${cpus().length} CPUs, load average ${load0.toFixed(1)} before`);
    console.log(`daemon: pid ${daemon.pid} = node --import tsx bin/cli.mjs intake (bin/malloc-env.cjs, OCR on, defaults otherwise), healthy after ${secs(startedMs)}; log ${logFile}`);

    const counter = { appended: 0, firstAt: 0 };
    const w = watchDaemon(daemon, base, t0, () => counter.appended);
    const appendedIds = Array.from({ length: total }, (_, i) => corpus.messageId(i));
    let fed = true;
    const feeding = feed(settings, corpus, w, daemon, counter).catch((e: Error) => { fed = false; say(`appending failed: ${e.message}`); });
    const allFiled = await waitFiled(w, daemon);
    await feeding;
    const allFiledAt = performance.now() - t0;
    const elapsed = performance.now() - counter.firstAt;
    const drainT = performance.now();
    if (allFiled) await waitOutbox(base);
    const drainMs = performance.now() - drainT;
    if (allFiled) await sleep(SAMPLE_MS * 2); // a last sample or two with the daemon idle
    w.stop();
    const metrics = w.last;
    const diedEarly = daemon.gone;
    const stop = await stopDaemon(daemon);
    const loadEnd = loadavg()[0]!;

    console.log(`throughput: ${w.filed} filed in ${secs(elapsed)} (first append → last filed) = ${(w.filed / (elapsed / 1000)).toFixed(1)} msg/s; ` +
      `the last replies left ${secs(drainMs)} later; load average ${loadEnd.toFixed(1)} at the end`);
    const flat = w.samples.length > 1 ? report(w.samples, allFiledAt) : false;
    if (metrics) {
      const outcomes = [...metrics].filter(([k, v]) => k.startsWith('khab_intake_messages_total{') && v > 0).map(([k, v]) => `${/outcome="(\w+)"/.exec(k)?.[1]} ${v}`);
      console.log(`outcomes (daemon's metrics): ${outcomes.join(', ')}; IMAP reconnects ${sum(metrics, 'khab_imap_reconnects_total')}`);
      console.log(`stage time (sum/calls, mean): ${stageTable(metrics)}`);
    }

    const a = await audit(dbFile, settings, appendedIds);
    const lost = problems(a, settings, counter.appended);
    if (!fed || counter.appended !== total) lost.unshift(`${counter.appended} of ${total} messages appended`);
    if (!allFiled) lost.unshift(`the daemon filed ${w.filed} of ${total} (${diedEarly ? 'it died' : 'it stalled'})`);
    const inFolders = Object.entries(a.imap).filter(([f]) => f !== settings.IMAP_MAILBOX);
    console.log(`nothing lost? stored ${a.rows} of ${counter.appended} appended, ${a.missing.length} missing, ${a.storedTwice.length} stored twice; ` +
      `states ${JSON.stringify(a.states)}, ${a.unfinished} not final; decisions ${JSON.stringify(a.decisions)}`);
    console.log(`  IMAP: ${settings.IMAP_MAILBOX} ${a.imap[settings.IMAP_MAILBOX]}, ${inFolders.map(([f, n]) => `${f} ${n}`).join(', ')} = ${inFolders.reduce((n, [, c]) => n + c, 0)}`);
    console.log(`  readings ${a.readings} (${a.readingsTwice} twice, ${a.readingsNotAccepted} of unaccepted messages); review items ${a.reviewItems}; ` +
      `replies ${JSON.stringify(a.outbox)}, ${a.repliedTwice} messages answered twice`);
    const logs = logLevels(logFile);
    console.log(`daemon: SIGTERM → exit in ${(stop.ms / 1000).toFixed(1)} s, code ${stop.code}${stop.signal ? ` signal ${stop.signal}` : ''}${stop.killed ? ' (did not stop: killed)' : ''}; ` +
      `log ${logs.lines} lines, ${logs.warn} warnings, ${logs.error} errors`);
    for (const l of logs.firstErrors) console.log(`  error: ${l}`);
    if (stop.killed || stop.code !== 0) lost.push(`the daemon did not stop cleanly on SIGTERM (code ${stop.code}, killed ${stop.killed})`);
    if (lost.length > 0) {
      console.log(`CHECK FAILED: ${lost.join('; ')}`);
      return 1;
    }
    console.log(`OK: nothing lost; RSS ${flat ? 'flat' : 'NOT flat'}`);
    failed = false;
    return 0;
  } finally {
    if (daemon && !daemon.gone) await stopDaemon(daemon);
    await stopMailServer({ env: mailEnv });
    // The mail (gigabytes) goes in any case; the database and the daemon's log stay after a failure or with --keep.
    rmSync(path.join(dir, 'mailserver'), { recursive: true, force: true });
    if (keep || failed) say(`kept ${dir} (database, daemon log, sink)`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((e: Error) => {
  say(`bench:soak: ${e.message}`);
  return 1;
});
