// Writes test/corpora/holdout-b/: registry.csv and NAME.eml + NAME.expected.json per case.
// Usage: npx tsx scripts/holdout-b/generate.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCEPT_CASES } from './cases-accept.js';
import { IGNORE_CASES, REJECT_CASES } from './cases-other.js';
import { REVIEW_CASES } from './cases-review.js';
import { REGISTRY, registryCsv } from './registry.js';

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = resolve(here, '../../test/corpora/holdout-b');

const cases = [...ACCEPT_CASES, ...REVIEW_CASES, ...REJECT_CASES, ...IGNORE_CASES].sort((a, b) => a.name.localeCompare(b.name));

const names = new Set<string>();
for (const item of cases) {
  if (names.has(item.name)) throw new Error(`duplicate case name ${item.name}`);
  if (/accept|review|reject|ignore/i.test(item.name)) throw new Error(`case name reveals the decision: ${item.name}`);
  names.add(item.name);
}

mkdirSync(CORPUS_DIR, { recursive: true });
for (const file of readdirSync(CORPUS_DIR)) {
  if (file.endsWith('.eml') || file.endsWith('.expected.json') || file === 'registry.csv') rmSync(join(CORPUS_DIR, file));
}

writeFileSync(join(CORPUS_DIR, 'registry.csv'), registryCsv(REGISTRY));
for (const item of cases) {
  writeFileSync(join(CORPUS_DIR, `${item.name}.eml`), item.eml);
  const expected = { decision: item.decision, readings: item.readings, note: item.note };
  writeFileSync(join(CORPUS_DIR, `${item.name}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
}

const mix = new Map<string, number>();
for (const item of cases) mix.set(item.decision, (mix.get(item.decision) ?? 0) + 1);
console.log(`wrote ${cases.length} messages to ${CORPUS_DIR}: ${[...mix].map(([k, v]) => `${k}=${v}`).join(' ')}`);
