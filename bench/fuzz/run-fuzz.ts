// The fuzz run: mutated messages through the intake's own batch path (parse → store raw → decide → apply in one
// transaction → filed), as if fetched from a mailbox, on a real database. Checks that nothing throws past the
// pipeline, that every message ends in exactly one recorded state, and measures throughput and RSS.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { IMAP_SETTINGS, loadSettings, PROJECT_ROOT, RULE_SETTINGS } from '../../src/config.js';
import { processBatch } from '../../src/intake/process-batch.js';
import type { ProcessContext } from '../../src/intake/process-message.js';
import { decisionRules, parseLimits } from '../../src/intake/rules-from-settings.js';
import { folders, replyConfig } from '../../src/intake/run-intake.js';
import { importRegistry } from '../../src/registry/import-registry.js';
import type { Store } from '../../src/store/index.js';
import { RegistryIndex } from '../../src/validate/registry-index.js';
import { mutant, type MutatorName } from './mutate.js';

export const SAMPLES_DIR = path.join(PROJECT_ROOT, 'samples');

export function loadSamples(dir = SAMPLES_DIR): Buffer[] {
  return readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((f) => readFileSync(path.join(dir, f)));
}

export interface FuzzOptions {
  store: Store;
  samples: readonly Buffer[];
  count: number;
  seed: number;
  /** Messages per batch, like IMAP_BATCH_SIZE. */
  batchSize?: number;
  /** Called after each batch with the number of messages done. */
  progress?: (done: number) => void;
}

export interface FuzzResult {
  messages: number;
  bytes: number;
  seconds: number;
  /** Final recorded states: decided outcomes by decision, duplicate, failed. */
  outcomes: Record<string, number>;
  /** States found in the database, by state (every message should be filed, failed or duplicate, and filed). */
  states: Record<string, number>;
  /** Messages whose outcome was not exactly one final state (should be empty). */
  problems: string[];
  /** Messages recorded as failed (an exception inside the pipeline), with their mutations and error. */
  failures: { uid: number; mutations: MutatorName[]; error: string }[];
  /** Unhandled promise rejections seen during the run. */
  unhandled: number;
  rssMb: { start: number; peak: number; end: number };
}

const mb = (n: number): number => Math.round(n / 1024 / 1024);

export async function runFuzz(opts: FuzzOptions): Promise<FuzzResult> {
  const { store, samples, count, seed } = opts;
  const batchSize = opts.batchSize ?? 50;
  const settings = loadSettings([...RULE_SETTINGS, ...IMAP_SETTINGS, 'MAIL_FROM', 'REPLY_ON_REVIEW', 'REPLY_MAX_PER_SENDER_PER_DAY'], {});
  await importRegistry(store, readFileSync(path.join(SAMPLES_DIR, 'registry.csv'), 'utf8'), 'fuzz', 'registry.csv');
  const now = new Date('2026-11-22T02:00:00Z'); // inside the window: most readable mail is accepted
  const ctx: ProcessContext = {
    store, registry: new RegistryIndex(await store.registry.loadAll()), rules: decisionRules(settings), limits: parseLimits(settings),
    folders: folders(settings), replies: replyConfig(settings), mailbox: 'FUZZ', uidValidity: 1n,
    log: pino({ level: 'silent' }), now: () => now,
  };

  let unhandled = 0;
  const onUnhandled = () => { unhandled++; };
  process.on('unhandledRejection', onUnhandled);
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 25);
  sampler.unref();

  const outcomes: Record<string, number> = {};
  const problems: string[] = [];
  const failures: FuzzResult['failures'] = [];
  const mutationsOf = new Map<number, MutatorName[]>();
  let bytes = 0;
  const t0 = process.hrtime.bigint();
  try {
    for (let first = 0; first < count; first += batchSize) {
      const batch = [];
      for (let i = first; i < Math.min(count, first + batchSize); i++) {
        const m = mutant(samples, seed, i);
        bytes += m.raw.length;
        batch.push({ uid: i + 1, internalDate: now, source: m.raw });
        mutationsOf.set(i + 1, m.mutations);
      }
      const filed = await processBatch(batch, ctx);
      const seen = new Map<number, number>();
      for (const f of filed) seen.set(f.uid, (seen.get(f.uid) ?? 0) + 1);
      for (const m of batch) if (seen.get(m.uid) !== 1) problems.push(`uid ${m.uid}: ${seen.get(m.uid) ?? 0} outcomes`);
      for (const f of filed) {
        const o = f.outcome;
        const key = o.kind === 'decided' ? o.decision : o.kind;
        outcomes[key] = (outcomes[key] ?? 0) + 1;
        if (o.kind === 'failed') failures.push({ uid: f.uid, mutations: mutationsOf.get(f.uid) ?? [], error: (await store.messages.get(o.messageId))?.error ?? '' });
      }
      // The intake moves the messages, then records them as filed.
      await store.messages.markFiled(filed.map((f) => f.outcome.messageId), now);
      for (const m of batch) mutationsOf.delete(m.uid);
      peak = Math.max(peak, process.memoryUsage().rss);
      opts.progress?.(Math.min(count, first + batchSize));
    }
  } finally {
    clearInterval(sampler);
    process.off('unhandledRejection', onUnhandled);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;

  // Every message has exactly one row (unique on mailbox + UIDVALIDITY + UID) in one final, filed state.
  const states: Record<string, number> = {};
  let rows = 0;
  for (let first = 1; first <= count; first += 500) {
    const uids = Array.from({ length: Math.min(500, count - first + 1) }, (_, i) => first + i);
    for (const row of await store.messages.findByUids('FUZZ', 1n, uids)) {
      rows++;
      states[row.state] = (states[row.state] ?? 0) + 1;
      if (!['filed', 'failed', 'duplicate'].includes(row.state) || row.filedAt === null) problems.push(`uid ${row.uid}: state ${row.state}, filed ${row.filedAt !== null}`);
    }
  }
  if (rows !== count) problems.push(`${rows} rows for ${count} messages`);
  return { messages: count, bytes, seconds, outcomes, states, problems, failures, unhandled, rssMb: { start: mb(start), peak: mb(peak), end: mb(process.memoryUsage().rss) } };
}
