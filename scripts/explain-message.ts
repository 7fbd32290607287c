// Debugging aid: shows what the pipeline sees in one message — the new text, the quoted and signature parts,
// the items found per line and the decision. Usage: npx tsx scripts/explain-message.ts REGISTRY.csv FILE.eml
import { readFileSync } from 'node:fs';
import { parseMessage } from '../src/parse/parse-message.js';
import { parseRegistryCsv } from '../src/registry/parse-registry-csv.js';
import { RegistryIndex } from '../src/validate/registry-index.js';
import { scanLine } from '../src/extract/scan-line.js';
import { extractReadings } from '../src/extract/extract-readings.js';
import { evaluateMessage } from '../src/intake/evaluate-message.js';
import { decisionRules, parseLimits } from '../src/intake/rules-from-settings.js';
import { loadSettings, RULE_SETTINGS } from '../src/config.js';

const [registryFile, file] = process.argv.slice(2);
if (!registryFile || !file) throw new Error('usage: explain-message REGISTRY.csv FILE.eml');
const index = new RegistryIndex(parseRegistryCsv(readFileSync(registryFile, 'utf8')).meters);
const raw = readFileSync(file);
const m = await parseMessage(raw);
console.log('SUBJECT:', m.subject, '| FROM:', m.from.address, '| DATE:', m.date?.toISOString(), '| problems:', m.problems);
console.log('--- TEXT ---\n' + m.text + '\n--- QUOTED ---\n' + m.quoted + '\n--- SIGNATURE ---\n' + m.signature);
[m.subject, ...m.text.split(/\r?\n/)].forEach((l, i) => {
  const items = scanLine(l, i, index);
  if (items.length) console.log(i, JSON.stringify(l), '\n   ', items.map((it) => JSON.stringify(it)).join('\n    '));
});
console.log(JSON.stringify(extractReadings({ subject: m.subject, text: m.text }, index), null, 1).slice(0, 3000));
const s = loadSettings(RULE_SETTINGS, {});
const ev = await evaluateMessage(raw, { registry: index, rules: decisionRules(s), limits: parseLimits(s), nowOverride: null, now: new Date() });
console.log('DECISION', ev.decision.decision, ev.decision.reasons, JSON.stringify(ev.decision.readings));
