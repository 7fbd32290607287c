// Validates test/corpora/holdout-b (or DIR) against the rules of /work/shared/CORPUS.md:
// registry sanity, expected.json shape, readings against the registry, the window, machine mail,
// and that every accepted/rejected value and identifier is actually present in the message.
// Usage: npx tsx scripts/holdout-b/check.ts [DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convert } from 'html-to-text';
import { simpleParser, type ParsedMail } from 'mailparser';

interface Row {
  account: string;
  meter: string;
  kind: string;
  zones: number;
  digits: number;
  last: (number | null)[];
  lastDate: string;
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
  decision: string;
  readings: Reading[];
  note: string;
}

const DECISIONS = ['accept', 'review', 'reject', 'ignore'];
const LIMIT: Record<string, number> = { electricity: 5000, heat: 50 };
const VLAT_OFFSET_MS = 10 * 3600 * 1000;
// Review with values that pass every numeric rule must say in its note why it is still review.
const NON_VALUE_REVIEW = /words|two different|ambiguous|conflict/i;

const here = dirname(fileURLToPath(import.meta.url));
const dir = resolve(process.argv[2] ?? join(here, '../../test/corpora/holdout-b'));
const errors: string[] = [];
const fail = (where: string, what: string): void => {
  errors.push(`${where}: ${what}`);
};

const LOOKALIKE: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
};

export function canonicalSerial(text: string): string {
  return Array.from(text.toUpperCase(), (ch) => LOOKALIKE[ch] ?? ch)
    .join('')
    .replace(/-/g, '');
}

function readRegistry(path: string): Row[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  if (header !== 'account,meter,kind,zones,digits,last_t1,last_t2,last_t3,last_date,emails') fail('registry', `bad header ${header}`);
  return lines.map((line, index) => {
    const cells = line.split(',');
    const where = `registry line ${index + 2}`;
    if (cells.length !== 10) fail(where, `expected 10 cells, got ${cells.length}`);
    const [account = '', meter = '', kind = '', zones = '', digits = '', t1 = '', t2 = '', t3 = '', lastDate = '', emails = ''] = cells;
    const row: Row = {
      account,
      meter,
      kind,
      zones: Number(zones),
      digits: Number(digits),
      last: [t1, t2, t3].map((v) => (v === '' ? null : Number(v))),
      lastDate,
      emails: emails ? emails.split(';').map((e) => e.toLowerCase()) : [],
    };
    if (!/^\d{6,12}$/.test(account)) fail(where, `account ${account} is not 6..12 digits`);
    if (!/^[0-9A-Za-zА-Яа-я-]+$/.test(meter)) fail(where, `odd meter ${meter}`);
    if (!(kind in LIMIT)) fail(where, `kind ${kind}`);
    if (![1, 2, 3].includes(row.zones)) fail(where, `zones ${zones}`);
    if (!(row.digits >= 3 && row.digits <= 9)) fail(where, `digits ${digits}`);
    row.last.forEach((value, zone) => {
      if (zone < row.zones && (value === null || !Number.isInteger(value))) fail(where, `missing last_t${zone + 1}`);
      if (zone >= row.zones && value !== null) fail(where, `last_t${zone + 1} set for a ${row.zones}-zone meter`);
      if (value !== null && String(value).length > row.digits) fail(where, `last_t${zone + 1} exceeds ${row.digits} digits`);
    });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(lastDate)) fail(where, `last_date ${lastDate}`);
    return row;
  });
}

function isMachine(mail: ParsedMail): string | null {
  const header = (name: string): string => {
    const value = mail.headers.get(name);
    return typeof value === 'string' ? value.trim().toLowerCase() : value === undefined ? '' : JSON.stringify(value).toLowerCase();
  };
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  if (mail.headers.has('x-autoreply')) return 'X-Autoreply';
  if (mail.headers.has('x-autorespond')) return 'X-Autorespond';
  if (['bulk', 'junk', 'list'].includes(header('precedence'))) return `Precedence: ${header('precedence')}`;
  const contentType = mail.headers.get('content-type') as { value?: string } | undefined;
  if (contentType?.value?.toLowerCase() === 'multipart/report') return 'multipart/report';
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  if (/^(mailer-daemon|postmaster)@/.test(from)) return `sender ${from}`;
  return null;
}

function inWindow(date: Date): boolean {
  const day = new Date(date.getTime() + VLAT_OFFSET_MS).getUTCDate();
  return day >= 20 && day <= 25;
}

function messageText(mail: ParsedMail): string {
  // A space before each cell end: html-to-text (and mailparser) otherwise glue table cells together.
  const html = typeof mail.html === 'string' ? convert(mail.html.replace(/<\/(td|th)>/gi, ' </$1>'), { wordwrap: false }) : '';
  return [mail.subject ?? '', mail.text ?? '', html].join('\n').replace(/[\u00a0\u2009\u202f]/g, ' ');
}

function containsValue(text: string, value: number): boolean {
  const grouped = text.replace(/(\d) (?=\d{3}(?!\d))/g, '$1');
  const pattern = new RegExp(`(?<!\\d)0*${value}(?!\\d)`);
  return pattern.test(text) || pattern.test(grouped);
}

function containsAccount(text: string, account: string): boolean {
  const joined = text.replace(/(\d)[\s-]+(?=\d)/g, '$1');
  const bare = account.replace(/^0+/, '');
  return new RegExp(`(?<!\\d)(${account}|${bare})(?!\\d)`).test(joined);
}

function containsSerial(text: string, meter: string): boolean {
  const serial = canonicalSerial(meter);
  return new RegExp(`(?<![0-9A-Z])${serial}(?![0-9A-Z])`).test(canonicalSerial(text));
}

/** Numeric and ownership problems of one reading; empty when a clerk would book it. */
function readingProblems(reading: Reading, registry: Row[]): string[] {
  const row = registry.find((r) => r.account === reading.account && r.meter === reading.meter);
  if (!row) return [`${reading.account}/${reading.meter} is not a registry row`];
  const problems: string[] = [];
  const values = [reading.t1, reading.t2, reading.t3];
  const given = values.filter((v) => v !== null).length;
  if (given !== row.zones || values.slice(0, row.zones).some((v) => v === null)) problems.push(`zones: ${given} values for ${row.zones}`);
  values.forEach((value, zone) => {
    if (value === null) return;
    if (!Number.isInteger(value) || value < 0) problems.push(`t${zone + 1} not a non-negative integer`);
    if (String(value).length > row.digits) problems.push(`t${zone + 1} ${value} exceeds ${row.digits} digits`);
    const last = row.last[zone];
    if (last === null || last === undefined) return;
    if (value < last) problems.push(`t${zone + 1} ${value} < last ${last}`);
    if (value - last > (LIMIT[row.kind] ?? 0)) problems.push(`t${zone + 1} rises ${value - last} > ${LIMIT[row.kind]}`);
  });
  return problems;
}

function checkIdentification(where: string, reading: Reading, text: string, sender: string, registry: Row[]): void {
  const row = registry.find((r) => r.account === reading.account && r.meter === reading.meter);
  if (!row) return;
  const serialUnique = registry.filter((r) => canonicalSerial(r.meter) === canonicalSerial(row.meter)).length === 1;
  const senderAccounts = new Set(registry.filter((r) => r.emails.includes(sender)).map((r) => r.account));
  const meterNamed = containsSerial(text, row.meter);
  const accountKnown =
    containsAccount(text, row.account) || (meterNamed && serialUnique) || (senderAccounts.size === 1 && senderAccounts.has(row.account));
  if (!accountKnown) fail(where, `account ${row.account} is neither written, implied by the serial nor by the sender`);
  const sameKind = registry.filter((r) => r.account === row.account && r.kind === row.kind).length;
  if (!meterNamed && sameKind !== 1) fail(where, `meter ${row.meter} not written and account has ${sameKind} ${row.kind} meters`);
  for (const value of [reading.t1, reading.t2, reading.t3]) {
    if (value !== null && !containsValue(text, value)) fail(where, `value ${value} does not appear in the message`);
  }
}

async function main(): Promise<void> {
  const registry = readRegistry(join(dir, 'registry.csv'));
  const serials = new Map<string, string>();
  for (const row of registry) {
    const key = `${row.account}|${canonicalSerial(row.meter)}`;
    if (serials.has(key)) fail('registry', `duplicate row ${key}`);
    serials.set(key, row.meter);
  }

  const files = readdirSync(dir);
  const emls = files.filter((f) => f.endsWith('.eml')).sort();
  for (const f of files.filter((f) => f.endsWith('.expected.json'))) {
    if (!emls.includes(f.replace(/\.expected\.json$/, '.eml'))) fail(f, 'expected.json without .eml');
  }

  const mix: Record<string, number> = {};
  for (const eml of emls) {
    const name = eml.replace(/\.eml$/, '');
    if (/accept|review|reject|ignore/i.test(name)) fail(name, 'file name reveals the decision');
    let expected: Expected;
    try {
      expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
    } catch (error) {
      fail(name, `cannot read expected.json: ${String(error)}`);
      continue;
    }
    const keys = Object.keys(expected).sort().join(',');
    if (keys !== 'decision,note,readings') fail(name, `expected keys ${keys}`);
    if (!DECISIONS.includes(expected.decision)) fail(name, `decision ${expected.decision}`);
    if (!expected.note) fail(name, 'empty note');
    mix[expected.decision] = (mix[expected.decision] ?? 0) + 1;
    for (const r of expected.readings) {
      if (Object.keys(r).join(',') !== 'account,meter,t1,t2,t3') fail(name, `reading keys ${Object.keys(r).join(',')}`);
      if (!registry.some((row) => row.account === r.account && row.meter === r.meter)) {
        fail(name, `reading ${r.account}/${r.meter} not spelled as a registry row of that account`);
      }
    }

    const mail = await simpleParser(readFileSync(join(dir, eml)));
    if (!mail.date || Number.isNaN(mail.date.getTime())) fail(name, 'no parsable Date');
    if (!mail.messageId) fail(name, 'no Message-ID');
    const machine = isMachine(mail);
    const windowOk = mail.date ? inWindow(mail.date) : false;
    const text = messageText(mail);
    const sender = mail.from?.value[0]?.address?.toLowerCase() ?? '';
    const problems = expected.readings.flatMap((r) => readingProblems(r, registry).map((p) => `${r.meter}: ${p}`));

    switch (expected.decision) {
      case 'ignore':
        if (!machine) fail(name, 'ignore but no machine-mail marker');
        if (expected.readings.length) fail(name, 'ignore with readings');
        break;
      case 'accept':
      case 'reject':
        if (machine) fail(name, `${expected.decision} but machine mail (${machine})`);
        if (expected.decision === 'accept' && !windowOk) fail(name, 'accept outside the window');
        if (expected.decision === 'reject' && windowOk) fail(name, 'reject inside the window');
        if (!expected.readings.length) fail(name, `${expected.decision} without readings`);
        for (const p of problems) fail(name, p);
        for (const r of expected.readings) checkIdentification(name, r, text, sender, registry);
        if (new Set(expected.readings.map((r) => r.meter)).size !== expected.readings.length) fail(name, 'two readings for one meter');
        break;
      case 'review':
        if (machine) fail(name, `review but machine mail (${machine})`);
        if (!windowOk && expected.readings.length) fail(name, 'review outside the window with readings: should be reject');
        if (expected.readings.length && !problems.length && !NON_VALUE_REVIEW.test(expected.note)) {
          fail(name, 'review whose readings pass every rule; say why in the note');
        }
        break;
    }
  }

  const total = emls.length;
  const pct = (n = 0): string => `${((100 * n) / total).toFixed(0)}%`;
  console.log(
    `${total} messages, ${registry.length} registry rows: ` +
      DECISIONS.map((d) => `${d}=${mix[d] ?? 0} (${pct(mix[d])})`).join(' '),
  );
  if (errors.length) {
    for (const e of errors) console.error(`ERROR ${e}`);
    console.error(`${errors.length} error(s)`);
    process.exitCode = 1;
  } else {
    console.log('all checks passed');
  }
}

await main();
