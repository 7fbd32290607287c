// Writes the hold-out E corpus: registry.csv plus eNNN-slug.eml / .expected.json,
// numbered in Date-header order so the numbering says nothing about the decision.
// Run: npx tsx scripts/holdout-e/generate.ts [outDir]
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MACHINES } from './machines.js';
import { renderMessage } from './mime.js';
import { PEOPLE_1 } from './people-1.js';
import { PEOPLE_2 } from './people-2.js';
import { PEOPLE_3 } from './people-3.js';
import { registryCsv } from './registry.js';
import type { MessageSpec } from './spec.js';

const outDir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'test', 'corpora', 'holdout-e');

function sentAt(spec: MessageSpec): number {
  const date = spec.headers.find(([k]) => k === 'Date')?.[1] ?? '';
  const ms = Date.parse(date.replace(/\s*\([^)]*\)\s*$/, ''));
  if (Number.isNaN(ms)) throw new Error(`${spec.slug}: unparsable Date ${date}`);
  return ms;
}

const specs = [...PEOPLE_1, ...PEOPLE_2, ...PEOPLE_3, ...MACHINES];
const slugs = new Set<string>();
for (const s of specs) {
  if (slugs.has(s.slug)) throw new Error(`duplicate slug ${s.slug}`);
  slugs.add(s.slug);
}
specs.sort((a, b) => sentAt(a) - sentAt(b) || a.slug.localeCompare(b.slug));

mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) {
  if (/^e\d{3}-.*\.(eml|expected\.json)$/.test(f)) rmSync(join(outDir, f));
}
writeFileSync(join(outDir, 'registry.csv'), registryCsv());
specs.forEach((spec, i) => {
  const name = `e${String(i + 1).padStart(3, '0')}-${spec.slug}`;
  writeFileSync(join(outDir, `${name}.eml`), renderMessage(spec.headers, spec.root, name));
  writeFileSync(join(outDir, `${name}.expected.json`), JSON.stringify(spec.expected, null, 2) + '\n');
});
console.log(`wrote ${specs.length} messages and registry.csv to ${outDir}`);
