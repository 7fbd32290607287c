// Validates test/corpora/holdout-c against its registry and the CORPUS.md rules, independently of the
// generator: parses every .eml with mailparser and re-derives what each expected decision implies.
// Usage: npx tsx scripts/holdout-c/check.ts [DIR]   (exit 1 on any error)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { convert as htmlToText } from 'html-to-text';
import { simpleParser, type ParsedMail } from 'mailparser';

const DIR = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(dirname(fileURLToPath(import.meta.url)), '../../test/corpora/holdout-c');
const DECISIONS = ['accept', 'review', 'reject', 'ignore'] as const;
type Decision = (typeof DECISIONS)[number];
const VLADIVOSTOK_OFFSET_MS = 10 * 3600 * 1000; // UTC+10 all year since 2014
const INCREASE_LIMIT = { electricity: 5000, heat: 50 } as const;

interface Row {
  account: string;
  meter: string;
  kind: 'electricity' | 'heat';
  zones: number;
  digits: number;
  last: (number | null)[];
  emails: string[];
}

interface Reading {
  account: string;
  meter: string;
  t1: number | null;
  t2: number | null;
  t3: number | null;
}

const errors: string[] = [];
const infos: string[] = [];
const fail = (where: string, msg: string): void => {
  errors.push(`${where}: ${msg}`);
};

// Latin letters that look like Cyrillic ones count as the same letter in serials.
const LOOKALIKE: Record<string, string> = { A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У' };
const normSerial = (s: string) => s.toUpperCase().replace(/[ABCEHKMOPTXY]/g, (c) => LOOKALIKE[c] ?? c);

function loadRegistry(): Row[] {
  const records = parseCsv(readFileSync(join(DIR, 'registry.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const rows: Row[] = [];
  const keys = new Set<string>();
  const serials = new Map<string, string>();
  records.forEach((r, i) => {
    const at = `registry.csv line ${i + 2}`;
    const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
    const row: Row = {
      account: r.account ?? '', meter: r.meter ?? '', kind: r.kind as Row['kind'], zones: Number(r.zones), digits: Number(r.digits),
      last: [num(r.last_t1), num(r.last_t2), num(r.last_t3)], emails: (r.emails ?? '').split(';').filter(Boolean),
    };
    if (!/^27\d{8}$/.test(row.account)) fail(at, `account ${row.account} is not 10 digits starting with 27`);
    if (!row.meter) fail(at, 'empty meter');
    if (row.kind !== 'electricity' && row.kind !== 'heat') fail(at, `bad kind ${r.kind}`);
    if (![1, 2, 3].includes(row.zones)) fail(at, `bad zones ${r.zones}`);
    if (row.kind === 'heat' && (row.zones !== 1 || row.digits < 4 || row.digits > 6)) fail(at, 'heat meter must be 1 zone, 4–6 digits');
    if (!(row.digits >= 4 && row.digits <= 8)) fail(at, `bad digits ${r.digits}`);
    row.last.forEach((v, z) => {
      const wanted = z < row.zones;
      if (wanted !== (v !== null)) fail(at, `last_t${z + 1} must be ${wanted ? 'set' : 'empty'} for ${row.zones} zone(s)`);
      if (v !== null && (!Number.isInteger(v) || v < 0 || String(v).length > row.digits)) fail(at, `last_t${z + 1}=${v} does not fit ${row.digits} digits`);
    });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.last_date ?? '')) fail(at, `bad last_date ${r.last_date}`);
    for (const e of row.emails) if (!/^[^@\s;,]+@[^@\s;,]+\.[a-z]+$/i.test(e)) fail(at, `bad email ${e}`);
    const key = `${row.account}/${row.meter}`;
    if (keys.has(key)) fail(at, `duplicate ${key}`);
    keys.add(key);
    const other = serials.get(normSerial(row.meter));
    if (other && other !== row.account) fail(at, `serial ${row.meter} also on account ${other}`);
    serials.set(normSerial(row.meter), row.account);
    rows.push(row);
  });
  return rows;
}

function checkRegistryCoverage(rows: Row[]): void {
  const byAccount = new Map<string, Row[]>();
  for (const r of rows) byAccount.set(r.account, [...(byAccount.get(r.account) ?? []), r]);
  const accounts = [...byAccount.values()];
  const want: [string, boolean][] = [
    ['an account with 3 meters incl. heat', accounts.some((m) => m.length >= 3 && m.some((r) => r.kind === 'heat'))],
    ['an account with two electricity meters, one 2-zone', accounts.some((m) => m.filter((r) => r.kind === 'electricity').length >= 2 && m.some((r) => r.zones === 2))],
    ['a 3-zone meter', rows.some((r) => r.zones === 3)],
    ['heat meters', rows.some((r) => r.kind === 'heat')],
    ['an address linked to several accounts', countAccountsPerEmail(rows).some(([, n]) => n > 1)],
    ['an address linked to exactly one account', countAccountsPerEmail(rows).some(([, n]) => n === 1)],
  ];
  for (const [what, ok] of want) if (!ok) fail('registry.csv', `missing ${what}`);
}

function countAccountsPerEmail(rows: Row[]): [string, number][] {
  const map = new Map<string, Set<string>>();
  for (const r of rows) for (const e of r.emails) map.set(e.toLowerCase(), (map.get(e.toLowerCase()) ?? new Set()).add(r.account));
  return [...map].map(([e, s]) => [e, s.size]);
}

function isMachine(mail: ParsedMail): string | null {
  const h = (name: string) => {
    const v = mail.headers.get(name);
    return v === undefined ? undefined : String(typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v).toLowerCase();
  };
  const autoSubmitted = h('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  if (h('x-autoreply') !== undefined) return 'X-Autoreply';
  if (h('x-autorespond') !== undefined) return 'X-Autorespond';
  const precedence = h('precedence');
  if (precedence && ['bulk', 'junk', 'list'].includes(precedence)) return `Precedence: ${precedence}`;
  if (h('content-type')?.startsWith('multipart/report')) return 'multipart/report';
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  if (/^(mailer-daemon|postmaster)@/.test(from)) return 'MAILER-DAEMON sender';
  return null;
}

function vladivostokDay(date: Date): { day: number; label: string } {
  const local = new Date(date.getTime() + VLADIVOSTOK_OFFSET_MS);
  return { day: local.getUTCDate(), label: local.toISOString().slice(0, 16).replace('T', ' ') };
}

/** Problems with one reading against its registry row (empty list = valid per CORPUS.md). */
function readingProblems(r: Reading, row: Row): string[] {
  const problems: string[] = [];
  const values = [r.t1, r.t2, r.t3];
  values.forEach((v, z) => {
    if (z >= row.zones) {
      if (v !== null) problems.push(`t${z + 1} given for a ${row.zones}-zone meter`);
      return;
    }
    if (v === null) {
      problems.push(`t${z + 1} missing for a ${row.zones}-zone meter`);
      return;
    }
    const last = row.last[z] ?? 0;
    if (String(v).length > row.digits) problems.push(`t${z + 1}=${v} exceeds ${row.digits} digits`);
    if (v < last) problems.push(`t${z + 1}=${v} < last ${last}`);
    if (v - last > INCREASE_LIMIT[row.kind]) problems.push(`t${z + 1}=${v} rises ${v - last} > ${INCREASE_LIMIT[row.kind]}`);
  });
  return problems;
}

/** All human-visible text of the message; quoted lines dropped when only new text is wanted. */
function messageText(mail: ParsedMail, includeAttachments: boolean, dropQuotes: boolean): string {
  const parts = [mail.subject ?? '', mail.text ?? '', typeof mail.html === 'string' ? htmlToText(mail.html, HTML_OPTIONS) : ''];
  if (includeAttachments) for (const a of mail.attachments) parts.push(a.content.toString('utf8'));
  let text = parts.join('\n');
  if (dropQuotes) text = text.split('\n').filter((l) => !/^\s*>/.test(l)).join('\n');
  // "4 562,318" writes one number with a thousands separator.
  return text.replace(/(\d)[ \u00a0\u202f](?=\d{3}(?!\d))/g, '$1');
}

// Cells must stay apart: mailparser's own text rendering glues adjacent <td> contents together.
const HTML_OPTIONS = { wordwrap: false as const, selectors: [{ selector: 'table', format: 'dataTable' }] };

const hasNumber = (text: string, n: number) => new RegExp(`(?<!\\d)${n}(?!\\d)`).test(text);

function checkEvidence(where: string, readings: Reading[], mail: ParsedMail, rows: Row[], forAccept: boolean): void {
  const full = messageText(mail, !forAccept, forAccept);
  const serialText = normSerial(full);
  const sender = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  const senderAccounts = new Set(rows.filter((r) => r.emails.some((e) => e.toLowerCase() === sender)).map((r) => r.account));
  for (const r of readings) {
    for (const v of [r.t1, r.t2, r.t3]) if (v !== null && !hasNumber(full, v)) fail(where, `value ${v} does not appear in the message`);
    if (!forAccept) continue;
    const accountRows = rows.filter((x) => x.account === r.account);
    const row = accountRows.find((x) => x.meter === r.meter)!;
    const serialShown = serialText.includes(normSerial(r.meter));
    const onlyOfKind = accountRows.filter((x) => x.kind === row.kind).length === 1;
    if (!serialShown && !onlyOfKind) fail(where, `meter ${r.meter} neither written nor implied by kind`);
    const accountShown = full.includes(r.account);
    const bySender = senderAccounts.size === 1 && senderAccounts.has(r.account);
    if (!accountShown && !serialShown && !bySender) fail(where, `account ${r.account} neither written nor implied by meter or sender`);
  }
  if (!forAccept) return;
  // Any registry account or serial named in new text of an accepted message must be among its readings.
  for (const row of rows) {
    const listed = readings.some((r) => r.account === row.account);
    if (!listed && new RegExp(`(?<!\\d)${row.account}(?!\\d)`).test(full)) fail(where, `account ${row.account} is named but not read`);
    const meterListed = readings.some((r) => r.meter === row.meter);
    if (!meterListed && new RegExp(`(?<![\\dA-ZА-Я-])${normSerial(row.meter)}(?![\\dA-ZА-Я])`).test(serialText)) fail(where, `meter ${row.meter} is named but not read`);
  }
}

function parseExpected(where: string, path: string): { decision: Decision; readings: Reading[]; note: string } | null {
  if (!existsSync(path)) {
    fail(where, 'missing expected.json');
    return null;
  }
  const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const keys = Object.keys(data).sort().join(',');
  if (keys !== 'decision,note,readings') fail(where, `unexpected keys ${keys}`);
  if (!DECISIONS.includes(data.decision as Decision)) fail(where, `bad decision ${String(data.decision)}`);
  if (typeof data.note !== 'string' || !data.note) fail(where, 'note missing');
  if (!Array.isArray(data.readings)) {
    fail(where, 'readings is not an array');
    return null;
  }
  for (const r of data.readings as Record<string, unknown>[]) {
    if (Object.keys(r).sort().join(',') !== 'account,meter,t1,t2,t3') fail(where, `reading keys ${Object.keys(r).join(',')}`);
    for (const t of ['t1', 't2', 't3']) if (r[t] !== null && !(Number.isInteger(r[t]) && (r[t] as number) >= 0)) fail(where, `${t} must be a non-negative integer or null`);
  }
  return data as unknown as { decision: Decision; readings: Reading[]; note: string };
}

async function checkMessage(file: string, rows: Row[], tally: Record<Decision, number>): Promise<void> {
  const where = file;
  const name = file.replace(/\.eml$/, '');
  if (/accept|review|reject|ignore/i.test(name)) fail(where, 'file name contains a decision word');
  const expected = parseExpected(where, join(DIR, `${name}.expected.json`));
  if (!expected) return;
  tally[expected.decision] += 1;
  const mail = await simpleParser(readFileSync(join(DIR, file)));
  if (!mail.date || Number.isNaN(mail.date.getTime())) return fail(where, 'no parsable Date header');
  if (!mail.from?.value[0]?.address) fail(where, 'no From address');
  if (!mail.messageId) fail(where, 'no Message-ID');

  const machine = isMachine(mail);
  if ((expected.decision === 'ignore') !== (machine !== null)) fail(where, `decision ${expected.decision} but machine marker: ${machine ?? 'none'}`);
  if (expected.decision === 'ignore') {
    if (expected.readings.length) fail(where, 'ignore must have no readings');
    return;
  }

  const { day, label } = vladivostokDay(mail.date);
  const inWindow = day >= 20 && day <= 25;
  if (!inWindow && expected.decision !== 'reject') fail(where, `sent ${label} Vladivostok (outside window) but decision ${expected.decision}`);
  if (inWindow && expected.decision === 'reject') fail(where, `sent ${label} Vladivostok (inside window) but reject`);
  if (expected.decision === 'reject' && !expected.readings.length) fail(where, 'reject must list what was sent');

  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of expected.readings) {
    const row = rows.find((x) => x.account === r.account && x.meter === r.meter);
    if (!row) {
      fail(where, `reading ${r.account}/${r.meter} is not a registry row (account+meter)`);
      continue;
    }
    if (seen.has(r.meter)) problems.push(`meter ${r.meter} listed twice`);
    seen.add(r.meter);
    problems.push(...readingProblems(r, row).map((p) => `${r.meter}: ${p}`));
  }
  if (expected.decision === 'accept') {
    if (!expected.readings.length) fail(where, 'accept without readings');
    for (const p of problems) fail(where, `accept but ${p}`);
  }
  if (expected.decision === 'reject') for (const p of problems) fail(where, `reject should only be about the window, yet ${p}`);
  if (expected.decision === 'review') {
    infos.push(`${name}: review — ${problems.length ? problems.join('; ') : `readings valid, reason in note: ${expected.note}`}`);
  }
  checkEvidence(where, expected.readings, mail, rows, expected.decision === 'accept');
}

async function main(): Promise<void> {
  const rows = loadRegistry();
  checkRegistryCoverage(rows);
  const files = readdirSync(DIR).filter((f) => f.endsWith('.eml')).sort();
  for (const f of readdirSync(DIR)) if (f.endsWith('.expected.json') && !files.includes(f.replace('.expected.json', '.eml'))) fail(f, 'expected.json without .eml');
  const tally: Record<Decision, number> = { accept: 0, review: 0, reject: 0, ignore: 0 };
  for (const f of files) await checkMessage(f, rows, tally);
  if (files.length < 60) fail(DIR, `only ${files.length} messages (need at least 60)`);

  if (process.argv.includes('--verbose')) for (const i of infos) console.log(i);
  const pct = (n: number) => `${Math.round((100 * n) / files.length)}%`;
  console.log(`registry: ${rows.length} meters on ${new Set(rows.map((r) => r.account)).size} accounts`);
  console.log(`messages: ${files.length} — ${DECISIONS.map((d) => `${d} ${tally[d]} (${pct(tally[d])})`).join(', ')}`);
  for (const e of errors) console.error(`ERROR ${e}`);
  console.log(errors.length ? `FAILED: ${errors.length} error(s)` : 'OK');
  process.exitCode = errors.length ? 1 : 0;
}

await main();
