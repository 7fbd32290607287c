// Checks test/corpora/holdout-f against the CORPUS.md rules, independently of the product:
// every expected decision and reading is re-derived from registry.csv and the Date header.
// Run: npx tsx scripts/holdout-f/check.ts
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

const dir = join(import.meta.dirname, '../../test/corpora/holdout-f');
const windowZoneOffsetHours = 10; // Asia/Vladivostok, no DST

interface Row { account: string; meter: string; kind: string; zones: number; digits: number; last: (number | null)[]; emails: string[] }
const [, ...lines] = readFileSync(join(dir, 'registry.csv'), 'utf8').trim().split('\n');
const registry: Row[] = lines.map((l) => {
  const c = l.split(',');
  const at = (i: number): string => c[i] ?? '';
  const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
  return { account: at(0), meter: at(1), kind: at(2), zones: Number(at(3)), digits: Number(at(4)),
    last: [num(at(5)), num(at(6)), num(at(7))], emails: at(9) ? at(9).split(';') : [] };
});

const problems: string[] = [];
const fail = (file: string, msg: string) => problems.push(`${file}: ${msg}`);

const accountLengths = new Set(registry.map((r) => r.account.length));
if (accountLengths.size !== 1) problems.push(`registry: account lengths ${[...accountLengths]}`);

const emlFiles = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
if (emlFiles.length !== 60) problems.push(`expected 60 messages, found ${emlFiles.length}`);
const mix: Record<string, number> = {};

for (const file of emlFiles) {
  if (!/^f\d{3}-[a-z0-9-]+\.eml$/.test(file)) fail(file, 'bad name');
  if (/accept|review|reject|ignore/.test(file)) fail(file, 'name reveals the decision');
  const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.eml$/, '.expected.json')), 'utf8'));
  mix[expected.decision] = (mix[expected.decision] ?? 0) + 1;
  const raw = readFileSync(join(dir, file));
  const mail = await simpleParser(raw);

  const dateHeader = /^Date: (.+)$/m.exec(raw.toString('latin1'))?.[1];
  const local = new Date(Date.parse(dateHeader ?? '') + windowZoneOffsetHours * 3600_000);
  const inWindow = local.getUTCFullYear() === 2026 && local.getUTCMonth() === 9 && local.getUTCDate() >= 20 && local.getUTCDate() <= 25;
  const head = raw.toString('latin1').split(/\r\n\r\n/)[0] ?? '';
  const machine = /^Auto-Submitted: (?!no\b)/im.test(head) || /^X-Auto(reply|respond):/im.test(head)
    || /^Precedence: (bulk|junk|list)/im.test(head) || /multipart\/report/i.test(head)
    || /^From:.*(mailer-daemon|postmaster)@/im.test(head);

  const text = [mail.subject ?? '', mail.text ?? ''].join('\n').replace(/[\s\u00a0]+/g, '');
  for (const r of expected.readings) {
    const row = registry.find((x) => x.account === r.account && x.meter === r.meter);
    if (!row) { fail(file, `reading ${r.account}/${r.meter} not a registry pair`); continue; }
    for (const t of [r.t1, r.t2, r.t3]) {
      if (t !== null && !text.includes(String(t))) fail(file, `value ${t} not found in decoded text`);
    }
  }

  switch (expected.decision) {
    case 'ignore':
      if (!machine) fail(file, 'ignore without machine markers');
      if (expected.readings.length) fail(file, 'ignore with readings');
      break;
    case 'reject':
      if (machine || inWindow) fail(file, `reject but machine=${machine} inWindow=${inWindow}`);
      if (!expected.readings.length) fail(file, 'reject without readings');
      break;
    case 'review':
      if (machine || !inWindow) fail(file, `review but machine=${machine} inWindow=${inWindow}`);
      break;
    case 'accept': {
      if (machine || !inWindow) fail(file, `accept but machine=${machine} inWindow=${inWindow}`);
      if (!expected.readings.length) fail(file, 'accept without readings');
      for (const r of expected.readings) {
        const row = registry.find((x) => x.account === r.account && x.meter === r.meter);
        if (!row) continue;
        const values = [r.t1, r.t2, r.t3];
        const given = values.filter((v) => v !== null).length;
        if (given !== row.zones || values.slice(0, row.zones).some((v) => v === null)) fail(file, `zones ${given} != ${row.zones}`);
        const limit = row.kind === 'heat' ? 50 : 5000;
        values.slice(0, row.zones).forEach((v, i) => {
          const last = row.last[i] ?? 0;
          if (v === null) return;
          if (!Number.isInteger(v) || String(v).length > row.digits) fail(file, `t${i + 1}=${v} exceeds ${row.digits} digits`);
          if (v < last || v - last > limit) fail(file, `t${i + 1}=${v} vs last ${last} (limit +${limit})`);
        });
      }
      break;
    }
    default:
      fail(file, `unknown decision ${expected.decision}`);
  }
}

console.log(JSON.stringify(mix));
if (problems.length) {
  console.log(problems.join('\n'));
  process.exit(1);
}
console.log(`ok: ${emlFiles.length} messages consistent with registry.csv and the rules`);
