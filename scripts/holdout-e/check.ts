// Validates the hold-out E corpus against its registry and the CORPUS.md rules, without
// the product: machine-mail headers <-> ignore, the 20..25 window in Asia/Vladivostok,
// registry spelling, zone count, digits, monotonicity, per-zone increase limits, and that
// every accepted value, account and meter is actually written in the new (unquoted) text
// or implied the way the rules allow. Run: npx tsx scripts/holdout-e/check.ts [dir]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { convert } from 'html-to-text';
import iconv from 'iconv-lite';
import { simpleParser } from 'mailparser';

const dir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'test', 'corpora', 'holdout-e');
const VLADIVOSTOK_OFFSET_MS = 10 * 3600 * 1000; // UTC+10 all year since 2014
const LIMIT = { electricity: 5000, heat: 50 } as const;
const DECISIONS = ['accept', 'review', 'reject', 'ignore'] as const;
type Decision = (typeof DECISIONS)[number];

interface Row {
  account: string;
  meter: string;
  kind: 'electricity' | 'heat';
  zones: number;
  digits: number;
  last: Array<number | null>;
  emails: string[];
}
interface Reading {
  account: string;
  meter: string;
  t1: number | null;
  t2: number | null;
  t3: number | null;
}
interface Expected {
  decision: Decision;
  readings: Reading[];
  note: string;
}

const errors: string[] = [];
const notices: string[] = [];
const fail = (file: string, msg: string): void => void errors.push(`${file}: ${msg}`);

// ---- registry
function loadRegistry(): Row[] {
  const records = parseCsv(readFileSync(join(dir, 'registry.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as Array<
    Record<string, string>
  >;
  const rows: Row[] = [];
  const accountLengths = new Set<number>();
  const seen = new Set<string>();
  for (const rec of records) {
    const where = `registry.csv ${rec.account}/${rec.meter}`;
    const num = (v: string | undefined): number | null => (v === undefined || v === '' ? null : Number(v));
    const row: Row = {
      account: rec.account ?? '',
      meter: rec.meter ?? '',
      kind: rec.kind as Row['kind'],
      zones: Number(rec.zones),
      digits: Number(rec.digits),
      last: [num(rec.last_t1), num(rec.last_t2), num(rec.last_t3)],
      emails: (rec.emails ?? '').split(';').filter(Boolean),
    };
    if (!/^\d{6,12}$/.test(row.account)) fail(where, 'account must be 6..12 digits');
    accountLengths.add(row.account.length);
    if (row.kind !== 'electricity' && row.kind !== 'heat') fail(where, `bad kind ${rec.kind}`);
    if (![1, 2, 3].includes(row.zones)) fail(where, 'zones must be 1..3');
    row.last.forEach((v, i) => {
      if ((i < row.zones) !== (v !== null)) fail(where, `last_t${i + 1} presence does not match zones`);
      if (v !== null && (!Number.isInteger(v) || String(v).length > row.digits)) fail(where, `last_t${i + 1} does not fit digits`);
    });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(rec.last_date ?? '')) fail(where, 'bad last_date');
    const key = `${row.account}|${row.meter}`;
    if (seen.has(key)) fail(where, 'duplicate row');
    seen.add(key);
    rows.push(row);
  }
  if (accountLengths.size !== 1) fail('registry.csv', `account lengths differ: ${[...accountLengths].join(',')}`);
  return rows;
}

// ---- text helpers
const LOOKALIKE: Record<string, string> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X' };
const serialKey = (s: string): string =>
  s
    .toUpperCase()
    .replace(/[АВЕКМНОРСТУХ]/g, (c) => LOOKALIKE[c] ?? c)
    .replace(/[\s\-№]/g, '');

/** Drops quoted history: '>' lines and everything after an original/forwarded marker. */
function newText(text: string): string {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*>/.test(line)) continue;
    if (/^\s*-{2,}\s*(Original Message|Исходное сообщение|Пересылаемое сообщение|Forwarded message)/i.test(line)) break;
    out.push(line);
  }
  return out.join('\n');
}

function integersIn(text: string): Set<number> {
  let joined = text;
  for (let i = 0; i < 3; i++) joined = joined.replace(/(\d)[ \u00a0\u202f](?=\d{3}(?!\d))/g, '$1');
  const found = new Set<number>();
  for (const m of joined.matchAll(/\d+(?:[.,]\d+)?/g)) found.add(Number(m[0].split(/[.,]/)[0]));
  return found;
}

// ---- headers
function headerFields(raw: Buffer): Map<string, string[]> {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end < 0 ? raw.length : end).toString('utf8').replace(/\r\n[ \t]+/g, ' ');
  const fields = new Map<string, string[]>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const key = line.slice(0, i).trim().toLowerCase();
    fields.set(key, [...(fields.get(key) ?? []), line.slice(i + 1).trim()]);
  }
  return fields;
}

function isMachine(fields: Map<string, string[]>): string | null {
  const first = (k: string): string => fields.get(k)?.[0] ?? '';
  const auto = first('auto-submitted').toLowerCase();
  if (auto && auto !== 'no') return `Auto-Submitted: ${auto}`;
  if (fields.has('x-autoreply')) return 'X-Autoreply';
  if (fields.has('x-autorespond')) return 'X-Autorespond';
  if (/^(bulk|junk|list)$/i.test(first('precedence'))) return `Precedence: ${first('precedence')}`;
  if (/^multipart\/report/i.test(first('content-type'))) return 'multipart/report';
  if (/(mailer-daemon|postmaster)@/i.test(first('from'))) return 'MAILER-DAEMON/postmaster sender';
  return null;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Vladivostok calendar day of the Date header, after checking its weekday is right. */
function vladivostokDay(file: string, date: string): { day: number; month: number; year: number } | null {
  const m = /^(\w{3}), (\d{2}) (\w{3}) (\d{4}) \d{2}:\d{2}:\d{2} [+-]\d{4}( \([^)]*\))?$/.exec(date);
  if (!m) {
    fail(file, `Date header not in RFC 5322 form: ${date}`);
    return null;
  }
  const wd = new Date(Date.UTC(Number(m[4]), MONTHS.indexOf(m[3] as string), Number(m[2]))).getUTCDay();
  if (WEEKDAYS[wd] !== m[1]) fail(file, `weekday ${m[1]} does not match ${m[2]} ${m[3]} ${m[4]}`);
  const ms = Date.parse(date.replace(/\s*\([^)]*\)$/, ''));
  const local = new Date(ms + VLADIVOSTOK_OFFSET_MS);
  return { day: local.getUTCDate(), month: local.getUTCMonth() + 1, year: local.getUTCFullYear() };
}

// ---- per-reading rules
function readingProblems(rd: Reading, rows: Row[]): string[] {
  const row = rows.find((x) => x.account === rd.account && x.meter === rd.meter);
  if (!row) return [`${rd.account}/${rd.meter} is not a registry row (spelling must match)`];
  const problems: string[] = [];
  const values = [rd.t1, rd.t2, rd.t3];
  values.forEach((v, i) => {
    const zone = `t${i + 1}`;
    if (i >= row.zones) {
      if (v !== null) problems.push(`${zone} given for a ${row.zones}-zone meter`);
      return;
    }
    if (v === null) return void problems.push(`${zone} missing`);
    const last = row.last[i] as number;
    if (!Number.isInteger(v) || v < 0) problems.push(`${zone} not a non-negative integer`);
    if (String(v).length > row.digits) problems.push(`${zone}=${v} exceeds ${row.digits} digits`);
    if (v < last) problems.push(`${zone}=${v} below last ${last}`);
    if (v - last > LIMIT[row.kind]) problems.push(`${zone}=${v} rises ${v - last} > ${LIMIT[row.kind]} (${row.kind})`);
  });
  return problems;
}

async function messageText(raw: Buffer): Promise<{ text: string; subject: string; from: string }> {
  const mail = await simpleParser(raw);
  const parts = [mail.text ?? '', mail.html ? convert(mail.html, { wordwrap: false }) : ''];
  for (const att of mail.attachments) {
    if (!/^text\//.test(att.contentType)) continue;
    const ct = att.headers.get('content-type') as { params?: Record<string, string> } | undefined;
    parts.push(iconv.decode(att.content, ct?.params?.charset ?? 'utf-8'));
  }
  return { text: parts.join('\n'), subject: mail.subject ?? '', from: mail.from?.value[0]?.address?.toLowerCase() ?? '' };
}

async function checkMessage(name: string, rows: Row[]): Promise<Decision | null> {
  const file = `${name}.eml`;
  const raw = readFileSync(join(dir, file));
  if (/[^\r]\n/.test(raw.toString('latin1'))) fail(file, 'bare LF line ending');
  const hint = /^(accept\w*|review\w*|reject\w*|ignore\w*|bounce\w*|auto\w*|spam|late|early|invalid|wrong|typo|ndr|mdn|receipt|vacation|daemon|postmaster|mailer)$/;
  const hinting = name.slice(5).split('-').some((word) => hint.test(word));
  if (!/^e\d{3}-[a-z0-9-]+$/.test(name) || hinting) fail(file, 'name must be eNNN-slug and not hint at the decision');

  let expected: Expected;
  try {
    expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
  } catch (e) {
    fail(file, `expected.json unreadable: ${(e as Error).message}`);
    return null;
  }
  if (!DECISIONS.includes(expected.decision)) fail(file, `bad decision ${expected.decision}`);
  if (!Array.isArray(expected.readings)) return fail(file, 'readings must be an array'), null;
  if (!expected.note?.trim()) fail(file, 'note is empty');
  for (const rd of expected.readings) {
    if (Object.keys(rd).sort().join() !== 'account,meter,t1,t2,t3') fail(file, 'reading keys must be account, meter, t1, t2, t3');
    if (!rows.some((x) => x.account === rd.account && x.meter === rd.meter)) fail(file, `${rd.account}/${rd.meter} not spelled as in registry`);
  }
  const keys = expected.readings.map((x) => `${x.account}|${x.meter}`);
  if (new Set(keys).size !== keys.length) fail(file, 'same meter twice in readings');

  const fields = headerFields(raw);
  const machine = isMachine(fields);
  const when = vladivostokDay(file, fields.get('date')?.[0] ?? '');
  const inWindow = !!when && when.year === 2026 && when.month === 12 && when.day >= 20 && when.day <= 25;
  const { text, subject, from } = await messageText(raw);
  const fresh = `${subject}\n${newText(text)}`;

  if (machine) {
    if (expected.decision !== 'ignore') fail(file, `machine mail (${machine}) must be ignore`);
    if (expected.readings.length) fail(file, 'ignore must have no readings');
    return expected.decision;
  }
  if (expected.decision === 'ignore') return fail(file, 'ignore but no machine marker in the headers'), expected.decision;
  if (!inWindow) {
    if (expected.decision === 'reject' && !expected.readings.length) fail(file, 'reject must list what was sent');
    if (expected.decision === 'review' && expected.readings.length) fail(file, 'outside the window with readings must be reject');
    if (expected.decision === 'accept') fail(file, `accept outside the window (Vladivostok ${when?.day}.${when?.month})`);
  } else if (expected.decision === 'reject') fail(file, `reject inside the window (Vladivostok ${when?.day}.${when?.month})`);

  const numbers = integersIn(fresh);
  const joinedDigits = fresh.replace(/(?<=\d)[\s-]+(?=\d)/g, '');
  const serials = serialKey(fresh);
  const photo = expected.note.includes('[photo]');
  const evidence = (rd: Reading): string[] => {
    const row = rows.find((x) => x.account === rd.account && x.meter === rd.meter);
    if (!row) return ['no registry row'];
    const missing: string[] = [];
    if (!photo)
      for (const v of [rd.t1, rd.t2, rd.t3]) if (v !== null && !numbers.has(v)) missing.push(`value ${v} not written in the new text`);
    const meterUnique = rows.filter((x) => serialKey(x.meter) === serialKey(rd.meter)).length === 1;
    const linked = [...new Set(rows.filter((x) => x.emails.includes(from)).map((x) => x.account))];
    const accountOk = joinedDigits.includes(rd.account) || meterUnique || (linked.length === 1 && linked[0] === rd.account);
    if (!accountOk) missing.push(`account ${rd.account} neither written nor implied`);
    const sameKind = rows.filter((x) => x.account === rd.account && x.kind === row.kind).length;
    if (!serials.includes(serialKey(rd.meter)) && sameKind !== 1) missing.push(`meter ${rd.meter} neither written nor implied`);
    return missing;
  };

  if (expected.decision === 'accept') {
    if (!expected.readings.length) fail(file, 'accept without readings');
    for (const rd of expected.readings) {
      for (const p of readingProblems(rd, rows)) fail(file, `accept but ${p}`);
      for (const p of evidence(rd)) fail(file, `accept but ${p}`);
    }
  } else if (expected.decision === 'reject') {
    for (const rd of expected.readings) for (const p of evidence(rd).filter((x) => x.startsWith('value'))) fail(file, `reject: ${p}`);
  } else if (inWindow && expected.readings.length) {
    // A review whose readings pass every rule must owe it to something the rules cannot see; list it.
    const clean = expected.readings.every((rd) => !readingProblems(rd, rows).length && !evidence(rd).length);
    if (clean) notices.push(`${file}: review although every listed reading passes — ${expected.note}`);
  }
  return expected.decision;
}

async function main(): Promise<void> {
  const rows = loadRegistry();
  const files = readdirSync(dir);
  const names = files.filter((f) => f.endsWith('.eml')).map((f) => f.slice(0, -4)).sort();
  for (const f of files.filter((x) => x.endsWith('.expected.json'))) {
    if (!names.includes(f.slice(0, -'.expected.json'.length))) fail(f, 'expected.json without .eml');
  }
  const mix: Record<string, number> = { accept: 0, review: 0, reject: 0, ignore: 0 };
  for (const name of names) {
    const decision = await checkMessage(name, rows);
    if (decision) mix[decision] = (mix[decision] ?? 0) + 1;
  }
  for (const n of notices) console.log(`note  ${n}`);
  for (const e of errors) console.log(`ERROR ${e}`);
  const mixText = DECISIONS.map((d) => `${d}=${mix[d]}`).join(' ');
  console.log(`${names.length} messages, ${rows.length} registry rows; ${mixText}; errors=${errors.length}`);
  if (names.length < 80) console.log('ERROR fewer than 80 messages');
  process.exitCode = errors.length || names.length < 80 ? 1 : 0;
}

await main();
