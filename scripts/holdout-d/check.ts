// Validates the hold-out D labels against registry.csv and the CORPUS.md rules, independently of the product code.
// Run: npx tsx scripts/holdout-d/check.ts [corpus-dir]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { simpleParser, type ParsedMail } from 'mailparser';

interface Row {
  account: string;
  meter: string;
  kind: string;
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

interface Expected {
  decision: string;
  readings: Reading[];
  note: string;
}

const DIR = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'test', 'corpora', 'holdout-d');
const VLADIVOSTOK_OFFSET_MS = 10 * 3600_000;
const LOOKALIKES: Record<string, string> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y' };

const errors: string[] = [];
const notes: string[] = [];
const fail = (file: string, message: string) => errors.push(`${file}: ${message}`);

function normaliseSerial(serial: string): string {
  return [...serial.toUpperCase()].map((c) => LOOKALIKES[c] ?? c).join('');
}

function loadRegistry(): Row[] {
  const lines = readFileSync(join(DIR, 'registry.csv'), 'utf8').trim().split('\n');
  if (lines[0] !== 'account,meter,kind,zones,digits,last_t1,last_t2,last_t3,last_date,emails') fail('registry.csv', 'unexpected header');
  return lines.slice(1).map((line, index) => {
    const [account, meter, kind, zones, digits, l1, l2, l3, lastDate, emails] = line.split(',');
    const row: Row = {
      account: account!,
      meter: meter!,
      kind: kind!,
      zones: Number(zones),
      digits: Number(digits),
      last: [l1, l2, l3].map((v) => (v ? Number(v) : null)),
      emails: emails ? emails.split(';').map((e) => e.toLowerCase()) : [],
    };
    const where = `registry.csv line ${index + 2}`;
    if (!/^\d{9}$/.test(row.account)) fail(where, `account ${row.account} is not 9 digits`);
    if (!['electricity', 'heat'].includes(row.kind)) fail(where, `bad kind ${row.kind}`);
    if (![1, 2, 3].includes(row.zones)) fail(where, `bad zones ${zones}`);
    if (row.last.filter((v) => v !== null).length !== row.zones) fail(where, 'last values do not match zones');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(lastDate ?? '')) fail(where, 'bad last_date');
    for (const v of row.last) if (v !== null && String(v).length > row.digits) fail(where, `last value ${v} exceeds ${row.digits} digits`);
    return row;
  });
}

function checkRegistryShape(rows: Row[]): void {
  const serials = new Map<string, string>();
  for (const row of rows) {
    const key = normaliseSerial(row.meter);
    if (serials.has(key)) fail('registry.csv', `meter ${row.meter} collides with ${serials.get(key)}`);
    serials.set(key, row.meter);
  }
}

function machineIndicators(mail: ParsedMail, raw: string): string[] {
  const header = (name: string) => {
    const value = mail.headers.get(name);
    return value === undefined ? undefined : String(typeof value === 'object' && value !== null && 'value' in value ? value.value : value).toLowerCase();
  };
  const found: string[] = [];
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted.trim() !== 'no') found.push('auto-submitted');
  if (header('x-autoreply') !== undefined) found.push('x-autoreply');
  if (header('x-autorespond') !== undefined) found.push('x-autorespond');
  const precedence = header('precedence');
  if (precedence && /bulk|junk|list/.test(precedence)) found.push('precedence');
  if (/^content-type:\s*multipart\/report/im.test(raw.split(/\r?\n\r?\n/)[0] ?? '')) found.push('multipart/report');
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  if (/^(mailer-daemon|postmaster)@/.test(from)) found.push('daemon-sender');
  return found;
}

function vladivostokDay(mail: ParsedMail): { day: number; iso: string } | undefined {
  if (!mail.date || Number.isNaN(mail.date.getTime())) return undefined;
  const shifted = new Date(mail.date.getTime() + VLADIVOSTOK_OFFSET_MS);
  return { day: shifted.getUTCDate(), iso: shifted.toISOString().slice(0, 16).replace('T', ' ') };
}

function allText(mail: ParsedMail): string {
  const parts = [mail.subject ?? '', mail.text ?? '', typeof mail.html === 'string' ? mail.html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ') : ''];
  for (const attachment of mail.attachments) {
    if (!attachment.contentType.startsWith('text/')) continue;
    const contentType = attachment.headers.get('content-type') as { params?: { charset?: string } } | undefined;
    const charset = contentType?.params?.charset ?? 'utf-8';
    parts.push(iconv.decode(attachment.content, charset));
  }
  return parts.join('\n');
}

/** A value appears when its digits occur, optionally zero-padded and grouped by spaces, not inside a longer number. */
function mentionsValue(text: string, value: number): boolean {
  const digits = [...String(value)].join('[\\s\\u00a0]?');
  return new RegExp(`(?<![\\d])(?:0[\\s\\u00a0]?)*${digits}(?![\\d]|[\\s\\u00a0]\\d{3}(?!\\d))`).test(text);
}

function mentionsSerial(text: string, serial: string): boolean {
  return normaliseSerial(text).includes(normaliseSerial(serial));
}

function mentionsAccount(text: string, account: string): boolean {
  return new RegExp([...account].join('[\\s\\u00a0-]?')).test(text);
}

function zoneValues(r: Reading): (number | null)[] {
  return [r.t1, r.t2, r.t3];
}

/** Why a reading fails the accept rules, or undefined when it passes. */
function ruleViolation(r: Reading, rows: Row[]): string | undefined {
  const row = rows.find((x) => x.account === r.account && x.meter === r.meter);
  if (!row) return `pair ${r.account}/${r.meter} not in registry`;
  const values = zoneValues(r);
  for (const [i, v] of values.entries()) {
    if ((i < row.zones) !== (v !== null)) return `zone t${i + 1} presence does not match ${row.zones} zones`;
  }
  const limit = row.kind === 'heat' ? 50 : 5000;
  for (let i = 0; i < row.zones; i++) {
    const v = values[i]!;
    const last = row.last[i]!;
    if (!Number.isInteger(v) || v < 0) return `t${i + 1} not a non-negative integer`;
    if (String(v).length > row.digits) return `t${i + 1}=${v} exceeds ${row.digits} digits`;
    if (v < last) return `t${i + 1}=${v} below last ${last}`;
    if (v - last > limit) return `t${i + 1}=${v} exceeds last ${last} by more than ${limit}`;
  }
  return undefined;
}

function checkIdentification(file: string, r: Reading, rows: Row[], text: string, sender: string): void {
  const row = rows.find((x) => x.account === r.account && x.meter === r.meter)!;
  const accountShown = mentionsAccount(text, r.account);
  const meterShown = mentionsSerial(text, r.meter);
  const meterUnique = rows.filter((x) => normaliseSerial(x.meter) === normaliseSerial(r.meter)).length === 1;
  const senderAccounts = new Set(rows.filter((x) => x.emails.includes(sender)).map((x) => x.account));
  const senderImplies = senderAccounts.size === 1 && senderAccounts.has(r.account);
  if (!accountShown && !(meterShown && meterUnique) && !senderImplies) fail(file, `account ${r.account} neither written nor implied`);
  const sameKind = rows.filter((x) => x.account === r.account && x.kind === row.kind);
  if (!meterShown && sameKind.length !== 1) fail(file, `meter ${r.meter} neither written nor implied by the account`);
  for (const v of zoneValues(r)) if (v !== null && !mentionsValue(text, v)) fail(file, `value ${v} does not appear in the message`);
}

async function main(): Promise<void> {
  const rows = loadRegistry();
  checkRegistryShape(rows);
  const files = readdirSync(DIR).filter((f) => f.endsWith('.eml')).sort();
  const tally: Record<string, number> = {};
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.expected.json'))) {
    if (!existsSync(join(DIR, file.replace(/\.expected\.json$/, '.eml')))) fail(file, 'no matching .eml');
  }
  for (const file of files) {
    if (!/^d\d{3}-[0-9a-f]{4}\.eml$/.test(file)) fail(file, 'name does not follow dNNN-xxxx.eml');
    const expectedPath = join(DIR, file.replace(/\.eml$/, '.expected.json'));
    if (!existsSync(expectedPath)) {
      fail(file, 'missing expected.json');
      continue;
    }
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
    tally[expected.decision] = (tally[expected.decision] ?? 0) + 1;
    const raw = readFileSync(join(DIR, file));
    if (raw.includes('\n') && !raw.includes('\r\n')) fail(file, 'bare LF line endings');
    const mail = await simpleParser(raw);
    const text = allText(mail);
    const sender = mail.from?.value[0]?.address?.toLowerCase() ?? '';
    const machine = machineIndicators(mail, raw.toString('latin1'));
    const when = vladivostokDay(mail);
    const inWindow = when !== undefined && when.day >= 20 && when.day <= 25;

    if (!['accept', 'review', 'reject', 'ignore'].includes(expected.decision)) fail(file, `bad decision ${expected.decision}`);
    if (!expected.note) fail(file, 'empty note');
    if (!when) fail(file, 'Date header does not parse');
    if (text.trim().length === 0 && mail.attachments.length === 0) fail(file, 'no decodable content');
    for (const r of expected.readings) {
      for (const key of ['account', 'meter', 't1', 't2', 't3'] as const) if (!(key in r)) fail(file, `reading lacks ${key}`);
      if (!rows.some((x) => x.account === r.account && x.meter === r.meter)) fail(file, `reading pair ${r.account}/${r.meter} not in registry`);
    }

    if ((expected.decision === 'ignore') !== machine.length > 0) {
      fail(file, `decision ${expected.decision} but machine indicators [${machine.join(', ')}]`);
    }
    switch (expected.decision) {
      case 'ignore':
        if (expected.readings.length) fail(file, 'ignore with readings');
        break;
      case 'accept':
        if (!inWindow) fail(file, `accept outside the window (${when?.iso} Vladivostok)`);
        if (!expected.readings.length) fail(file, 'accept without readings');
        for (const r of expected.readings) {
          const violation = ruleViolation(r, rows);
          if (violation) fail(file, `accept but ${violation}`);
          else checkIdentification(file, r, rows, text, sender);
        }
        break;
      case 'reject':
        if (inWindow) fail(file, `reject inside the window (${when?.iso} Vladivostok)`);
        if (!expected.readings.length) fail(file, 'reject without readings');
        for (const r of expected.readings) for (const v of zoneValues(r)) if (v !== null && !mentionsValue(text, v)) fail(file, `value ${v} not in message`);
        break;
      case 'review': {
        const allPass = expected.readings.length > 0 && expected.readings.every((r) => !ruleViolation(r, rows));
        if (allPass && inWindow) notes.push(`${file}: review although the recorded readings pass the rules — ${expected.note}`);
        if (!inWindow && expected.readings.length) fail(file, 'review with readings outside the window should be reject');
        break;
      }
    }
  }

  console.log(`checked ${files.length} messages in ${basename(DIR)}:`, tally);
  for (const note of notes) console.log(`note  ${note}`);
  for (const error of errors) console.log(`ERROR ${error}`);
  console.log(errors.length ? `${errors.length} error(s)` : 'all labels consistent with registry and rules');
  process.exitCode = errors.length ? 1 : 0;
}

await main();
