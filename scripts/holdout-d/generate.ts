// Writes the hold-out D corpus: registry.csv plus dNNN-xxxx.eml / .expected.json, in a shuffled, decision-neutral order.
// Run: npx tsx scripts/holdout-d/generate.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Case } from './case-kit.js';
import { householdCases } from './cases-households.js';
import { machineCases } from './cases-machines.js';
import { organisationCases } from './cases-organisations.js';
import { residentCases } from './cases-residents.js';
import { randomToken, seededRandom } from './mime.js';
import { registryCsv } from './registry.js';

const OUT = join(import.meta.dirname, '..', '..', 'test', 'corpora', 'holdout-d');

function shuffled(cases: Case[]): Case[] {
  const next = seededRandom('holdout-d/2026-11');
  const out = [...cases];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function main(): void {
  const cases = [...residentCases(), ...organisationCases(), ...householdCases(), ...machineCases()];
  const keys = new Set(cases.map((c) => c.key));
  if (keys.size !== cases.length) throw new Error('duplicate case keys');

  mkdirSync(OUT, { recursive: true });
  for (const file of readdirSync(OUT)) {
    if (file.endsWith('.eml') || file.endsWith('.expected.json') || file === 'registry.csv') rmSync(join(OUT, file));
  }
  writeFileSync(join(OUT, 'registry.csv'), registryCsv());

  const tally: Record<string, number> = {};
  shuffled(cases).forEach((c, index) => {
    const name = `d${String(index + 1).padStart(3, '0')}-${randomToken(c.key, 4)}`;
    writeFileSync(join(OUT, `${name}.eml`), c.eml);
    writeFileSync(join(OUT, `${name}.expected.json`), JSON.stringify(c.expected, null, 2) + '\n');
    tally[c.expected.decision] = (tally[c.expected.decision] ?? 0) + 1;
  });
  console.log(`wrote ${cases.length} messages to ${OUT}`, tally);
}

main();
