// npm run bench:fuzz [-- COUNT [SEED]] — 10,000 mutated messages made from samples/*.eml (truncated, bit-flipped,
// header-mangled, MIME nested 50 deep, 1 MB headers, boundary abuse, bad base64 and quoted-printable, wrong
// charsets) through the intake's batch path on a fresh SQLite database (DATABASE_URL=postgres://… to use that
// instead: the database must be empty and migrated). Exits 1 when a message did not end in exactly one
// recorded state, a message failed inside the pipeline, or a promise rejection went unhandled.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSettings } from '../src/config.js';
import { migrateDatabase, openStore, providerOf } from '../src/store/index.js';
import { loadSamples, runFuzz } from './fuzz/run-fuzz.js';

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);
const given = process.env['DATABASE_URL'] ? loadSettings(['DATABASE_URL']).DATABASE_URL : null;
const dir = mkdtempSync(path.join(tmpdir(), 'khab-fuzz-'));
const url = given && providerOf(given) === 'postgres' ? given : `file:${path.join(dir, 'fuzz.sqlite')}`;
await migrateDatabase(url);
const store = await openStore(url);
try {
  const samples = loadSamples();
  console.log(`fuzz: ${count} messages from ${samples.length} samples, seed ${seed}, ${providerOf(url)} database`);
  const r = await runFuzz({
    store, samples, count, seed,
    progress: (done) => { if (done % 1000 === 0) process.stderr.write(`  ${done} messages, rss ${Math.round(process.memoryUsage().rss / 1048576)} MB\n`); },
  });
  console.log(`throughput: ${(r.messages / r.seconds).toFixed(0)} msg/s (${r.seconds.toFixed(1)} s, ${(r.bytes / 1e6).toFixed(0)} MB of mail)`);
  console.log(`RSS MB: start ${r.rssMb.start}, peak ${r.rssMb.peak}, end ${r.rssMb.end}`);
  console.log(`outcomes: ${JSON.stringify(r.outcomes)}`);
  console.log(`states in the database: ${JSON.stringify(r.states)}`);
  console.log(`problems: ${r.problems.length}, failed in the pipeline: ${r.failures.length}, unhandled rejections: ${r.unhandled}`);
  for (const p of r.problems.slice(0, 10)) console.log(`  problem: ${p}`);
  for (const f of r.failures.slice(0, 10)) console.log(`  failed uid ${f.uid} [${f.mutations.join(', ')}]: ${f.error.slice(0, 200)}`);
  process.exitCode = r.problems.length + r.failures.length + r.unhandled > 0 ? 1 : 0;
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
