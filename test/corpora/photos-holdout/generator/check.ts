// Consistency checker for the photos-holdout corpus (does not run the product).
// For every expected.json: shape; for accept cases the CORPUS.md rules against registry.csv:
// account/meter exist and belong together, zones count, digits fit, value in [last, last+5000] (heat +50),
// Date header inside the 20th..25th window in +1000. For review cases with readings: account/meter exist.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const lines = readFileSync(join(DIR, 'registry.csv'), 'utf8').trim().split('\n');
const hdr = lines[0].split(',');
const reg = lines.slice(1).map(l => Object.fromEntries(l.split(',').map((v, i) => [hdr[i], v])));
let bad = 0, n = 0;
const fail = (f: string, m: string) => { bad++; console.log('FAIL', f, m); };
for (const f of readdirSync(DIR).filter(f => f.endsWith('.expected.json')).sort()) {
  n++;
  const e = JSON.parse(readFileSync(join(DIR, f), 'utf8'));
  const eml = readFileSync(join(DIR, f.replace('.expected.json', '.eml')), 'latin1');
  const date = /^Date: (.*)$/m.exec(eml)?.[1] ?? '';
  const d = new Date(date);
  const local = new Date(d.getTime() + 10 * 3600e3);
  if (isNaN(d.getTime()) || local.getUTCDate() < 20 || local.getUTCDate() > 25 || local.getUTCMonth() !== 10) fail(f, 'date outside window ' + date);
  if (!['accept', 'review'].includes(e.decision) || !Array.isArray(e.readings) || typeof e.note !== 'string') fail(f, 'shape');
  if (!/Content-Type: image\/(jpeg|png)/.test(eml)) fail(f, 'no image attachment');
  for (const r of e.readings) {
    const row = reg.find(x => x.meter === r.meter);
    if (!row) { fail(f, 'meter not in registry ' + r.meter); continue; }
    if (row.account !== r.account) fail(f, 'meter of another account');
    if (e.decision !== 'accept') continue;
    const zones = Number(row.zones), lim = row.kind === 'heat' ? 50 : 5000;
    const vals = [r.t1, r.t2, r.t3].slice(0, zones);
    if ([r.t1, r.t2, r.t3].filter(v => v !== null && v !== undefined).length !== zones) fail(f, 'zone count');
    vals.forEach((v, i) => {
      const last = Number(row[`last_t${i + 1}`]);
      if (!Number.isInteger(v)) fail(f, 'not integer');
      if (String(v).length > Number(row.digits)) fail(f, 'too many digits');
      if (v < last || v - last > lim) fail(f, `t${i + 1}=${v} outside [${last}, ${last + lim}]`);
    });
  }
  if (e.decision === 'accept' && e.readings.length === 0) fail(f, 'accept without readings');
}
console.log(`${n} cases checked, ${bad} problems`);
process.exit(bad ? 1 : 0);
