// npm run bench:extract — throughput of the whole decision pipeline (MIME parse → text → extraction →
// registry rules → decision, exactly what `cli dry-run` does per message) against mailparser's simpleParser
// alone on the same messages in the same process. Prints both rates and the ratio (goal: ≥ 50%).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { loadSettings, PROJECT_ROOT, RULE_SETTINGS } from '../src/config.js';
import { evaluateMessage } from '../src/intake/evaluate-message.js';
import { decisionRules, parseLimits } from '../src/intake/rules-from-settings.js';
import { parseRegistryCsv } from '../src/registry/parse-registry-csv.js';
import { RegistryIndex } from '../src/validate/registry-index.js';

const dir = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, 'samples'));
const target = Number(process.argv[3] ?? 10_000);
const rounds = 3;

const registry = new RegistryIndex(parseRegistryCsv(readFileSync(path.join(dir, 'registry.csv'), 'utf8')).meters);
const settings = loadSettings(RULE_SETTINGS, {});
const opts = { registry, rules: decisionRules(settings), limits: parseLimits(settings), nowOverride: null, now: new Date() };

const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
const raws = files.map((f) => readFileSync(path.join(dir, f)));
const messages: Buffer[] = [];
while (messages.length < target) messages.push(...raws);
const bytes = messages.reduce((n, m) => n + m.length, 0);

async function timeIt(fn: (m: Buffer) => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (const m of messages) await fn(m);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const baseline = (m: Buffer) => simpleParser(m);
const pipeline = (m: Buffer) => evaluateMessage(m, opts);

// Warm up both paths (JIT, lazy module state) before measuring.
for (const m of raws) { await baseline(m); await pipeline(m); }

const base: number[] = [];
const pipe: number[] = [];
for (let r = 0; r < rounds; r++) {
  // Alternate so that drift of the machine hits both alike.
  base.push(await timeIt(baseline));
  pipe.push(await timeIt(pipeline));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const baseRate = messages.length / median(base);
const pipeRate = messages.length / median(pipe);
const ratio = pipeRate / baseRate;

console.log(`corpus: ${files.length} distinct messages from ${path.relative(process.cwd(), dir) || '.'}, ` +
  `repeated to ${messages.length} (${(bytes / 1e6).toFixed(1)} MB), median of ${rounds} rounds`);
console.log(`simpleParser alone : ${baseRate.toFixed(0).padStart(7)} msg/s  (${(1000 / baseRate).toFixed(3)} ms/msg)`);
console.log(`dry-run pipeline   : ${pipeRate.toFixed(0).padStart(7)} msg/s  (${(1000 / pipeRate).toFixed(3)} ms/msg)`);
console.log(`ratio pipeline/simpleParser = ${(ratio * 100).toFixed(1)}% (goal ≥ 50%)`);
