// Verifies the labelled corpus in a folder (default samples/) against its registry.csv and the
// decision rules of CORPUS.md wherever that can be done without understanding the text:
// JSON shape, registry membership, zones, digits, monotonic values, increase limits, window
// from the Date header, machine-mail markers, and that every labelled value occurs in the mail
// (or is the labelled reading of an attached photo from DIR/photos/**/labels.json).
// Run: npx tsx scripts/samples/check-samples.ts [DIR]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { simpleParser } from 'mailparser';

interface Row {
  account: string;
  meter: string;
  kind: 'electricity' | 'heat';
  zones: number;
  digits: number;
  last: (number | null)[];
  lastDate: string;
  emails: string[];
}

const DECISIONS = ['accept', 'review', 'reject', 'ignore'] as const;
const MAX_INCREASE = { electricity: 5000, heat: 50 } as const;
const VLADIVOSTOK_OFFSET_MS = 10 * 3600_000;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const dir = resolve(process.argv[2] ?? 'samples');
const problems: string[] = [];
const fail = (where: string, msg: string): void => {
  problems.push(`${where}: ${msg}`);
};

function loadRegistry(): Row[] {
  const text = readFileSync(join(dir, 'registry.csv'), 'utf8');
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const rows: Row[] = [];
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const where = `registry.csv line ${i + 2}`;
    const zones = Number(r.zones);
    const digits = Number(r.digits);
    const last = [r.last_t1, r.last_t2, r.last_t3].map((v) => (v === undefined || v === '' ? null : Number(v)));
    if (!/^\d{6,12}$/.test(r.account ?? '')) fail(where, `bad account ${r.account}`);
    if (!r.meter) fail(where, 'empty meter');
    if (r.kind !== 'electricity' && r.kind !== 'heat') fail(where, `bad kind ${r.kind}`);
    if (![1, 2, 3].includes(zones)) fail(where, `bad zones ${r.zones}`);
    if (!Number.isInteger(digits) || digits < 1) fail(where, `bad digits ${r.digits}`);
    last.forEach((v, z) => {
      if (z < zones && (v === null || !Number.isInteger(v))) fail(where, `last_t${z + 1} missing for ${zones} zones`);
      if (z >= zones && v !== null) fail(where, `last_t${z + 1} set beyond ${zones} zones`);
      if (v !== null && String(v).length > digits) fail(where, `last_t${z + 1} ${v} exceeds ${digits} digits`);
    });
    if (!/^\d{4}-\d\d-\d\d$/.test(r.last_date ?? '')) fail(where, `bad last_date ${r.last_date}`);
    const key = `${r.account}/${r.meter}`;
    if (seen.has(key)) fail(where, `duplicate row ${key}`);
    seen.add(key);
    const emails = (r.emails ?? '').split(';').map((e) => e.trim().toLowerCase()).filter(Boolean);
    for (const e of emails) if (!/^[^@\s]+@[^@\s]+\.[a-z]+$/.test(e)) fail(where, `bad email ${e}`);
    rows.push({ account: r.account!, meter: r.meter!, kind: r.kind as Row['kind'], zones, digits, last, lastDate: r.last_date!, emails });
  });
  return rows;
}

/** Unfolded raw header values by lower-case name (first occurrence wins for Date/From). */
function rawHeaders(eml: Buffer): Map<string, string[]> {
  const text = eml.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const block = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const map = new Map<string, string[]>();
  for (const line of block.split(/\r?\n/)) {
    const m = /^([!-9;-~]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    map.set(name, [...(map.get(name) ?? []), m[2]!.trim()]);
  }
  return map;
}

function parseRfcDate(value: string): number | null {
  const m = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d\d):(\d\d)(?::(\d\d))?\s+(?:([+-])(\d\d)(\d\d)|(UT|UTC|GMT)\b)/.exec(value);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  const offset = m[10] ? 0 : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  return Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) - offset * 60_000;
}

function insideWindow(utcMs: number): boolean {
  const day = new Date(utcMs + VLADIVOSTOK_OFFSET_MS).getUTCDate();
  return day >= 20 && day <= 25;
}

function machineMarkers(h: Map<string, string[]>): string[] {
  const found: string[] = [];
  const first = (n: string): string => (h.get(n)?.[0] ?? '').toLowerCase();
  if (h.has('auto-submitted') && first('auto-submitted') !== 'no') found.push(`Auto-Submitted: ${first('auto-submitted')}`);
  if (h.has('x-autoreply')) found.push('X-Autoreply');
  if (h.has('x-autorespond')) found.push('X-Autorespond');
  if (/^(bulk|junk|list|auto_reply)$/.test(first('precedence'))) found.push(`Precedence: ${first('precedence')}`);
  if (/^multipart\/report/.test(first('content-type'))) found.push('multipart/report');
  if (/mailer-daemon|postmaster@/.test(first('from'))) found.push('MAILER-DAEMON/postmaster sender');
  return found;
}

/** Mail text with digit groups joined ("95 431,08" -> "95431,08") so integer parts can be searched. */
function searchableText(subject: string, text: string, html: string): string {
  const plainHtml = html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|&#160;/g, ' ');
  return `${subject}\n${text}\n${plainHtml}`.replace(/(\d)[ \u00a0](?=\d{3}(?!\d))/g, '$1');
}

function checkReadingShape(where: string, r: unknown): r is { account: string; meter: string; t1: number | null; t2: number | null; t3: number | null } {
  if (typeof r !== 'object' || r === null) return (fail(where, 'reading is not an object'), false);
  const keys = Object.keys(r).sort().join(',');
  if (keys !== 'account,meter,t1,t2,t3') fail(where, `reading keys ${keys}`);
  const o = r as Record<string, unknown>;
  if (typeof o.account !== 'string' || typeof o.meter !== 'string') fail(where, 'account/meter must be strings');
  for (const z of ['t1', 't2', 't3']) {
    const v = o[z];
    if (v !== null && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) fail(where, `${z} must be a non-negative integer or null`);
  }
  return true;
}

/** Readings of the labelled photos in DIR/photos (scripts/photos), by the SHA-256 of the image file. */
function loadPhotoReadings(): Map<string, number> {
  const byHash = new Map<string, number>();
  for (const sub of ['photos', 'photos/email']) {
    const labelsFile = join(dir, sub, 'labels.json');
    if (!existsSync(labelsFile)) continue;
    for (const l of JSON.parse(readFileSync(labelsFile, 'utf8')) as { file: string; reading: number | null }[]) {
      if (l.reading === null) continue;
      byHash.set(createHash('sha256').update(readFileSync(join(dir, sub, l.file))).digest('hex'), l.reading);
    }
  }
  return byHash;
}

async function main(): Promise<void> {
  const registry = loadRegistry();
  const photoReadings = loadPhotoReadings();
  const files = readdirSync(dir);
  const emls = files.filter((f) => f.endsWith('.eml')).map((f) => f.slice(0, -4)).sort();
  const labels = new Set(files.filter((f) => f.endsWith('.expected.json')).map((f) => f.slice(0, -'.expected.json'.length)));
  for (const l of labels) if (!emls.includes(l)) fail(l, 'expected.json without .eml');
  const counts: Record<string, number> = {};

  for (const name of emls) {
    if (!labels.has(name)) {
      fail(name, 'no expected.json');
      continue;
    }
    let exp: { decision: string; readings: unknown[]; note: string };
    try {
      exp = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
    } catch (e) {
      fail(name, `expected.json: ${(e as Error).message}`);
      continue;
    }
    const keys = Object.keys(exp).sort().join(',');
    if (keys !== 'decision,note,readings') fail(name, `expected keys ${keys}`);
    if (!DECISIONS.includes(exp.decision as (typeof DECISIONS)[number])) fail(name, `bad decision ${exp.decision}`);
    if (!Array.isArray(exp.readings)) {
      fail(name, 'readings is not an array');
      continue;
    }
    if (typeof exp.note !== 'string' || exp.note.trim().length < 10) fail(name, 'note missing or too short');
    if (!name.startsWith(`${exp.decision}-`)) fail(name, `file name does not start with "${exp.decision}-"`);
    counts[exp.decision] = (counts[exp.decision] ?? 0) + 1;

    const raw = readFileSync(join(dir, `${name}.eml`));
    const h = rawHeaders(raw);
    for (const required of ['from', 'date', 'message-id', 'mime-version']) {
      if (!h.has(required) && !(required === 'message-id' && h.has('message-id'))) fail(name, `missing ${required} header`);
    }
    const crlf = raw.includes('\r\n');
    if (crlf && /[^\r]\n/.test(raw.toString('latin1'))) fail(name, 'mixes CRLF and bare LF line ends');
    const dateMs = parseRfcDate(h.get('date')?.[0] ?? '');
    if (dateMs === null) fail(name, `unparsable Date header "${h.get('date')?.[0]}"`);
    const markers = machineMarkers(h);

    let mail;
    try {
      mail = await simpleParser(raw);
    } catch (e) {
      fail(name, `mailparser: ${(e as Error).message}`);
      continue;
    }
    const html = typeof mail.html === 'string' ? mail.html : '';
    const body = searchableText(mail.subject ?? '', mail.text ?? '', html);
    if (body.includes('\uFFFD')) fail(name, 'decoded text contains U+FFFD (charset problem)');

    const readings = exp.readings.filter((r, i) => checkReadingShape(`${name} reading ${i}`, r)) as { account: string; meter: string; t1: number | null; t2: number | null; t3: number | null }[];

    if (exp.decision === 'ignore') {
      if (markers.length === 0) fail(name, 'ignore without any machine-mail marker');
      if (readings.length > 0) fail(name, 'ignore must list no readings');
      continue;
    }
    if (markers.length > 0) fail(name, `${exp.decision} but machine markers: ${markers.join(', ')}`);
    if (dateMs !== null) {
      const inside = insideWindow(dateMs);
      if (exp.decision === 'accept' && !inside) fail(name, 'accept but Date is outside the window');
      if (exp.decision === 'reject' && inside) fail(name, 'reject but Date is inside the window');
    }
    if ((exp.decision === 'accept' || exp.decision === 'reject') && readings.length === 0) fail(name, `${exp.decision} without readings`);

    const seenMeters = new Set<string>();
    for (const r of readings) {
      const where = `${name} ${r.account}/${r.meter}`;
      const values = [r.t1, r.t2, r.t3];
      for (const v of values) {
        if (v === null) continue;
        const re = new RegExp(`(?<!\\d)0*${v}(?!\\d)`);
        // A value read from an attached photo occurs in the photo's label instead of the text.
        const inPhoto = mail.attachments.some((a) => photoReadings.get(createHash('sha256').update(a.content).digest('hex')) === v);
        if (!re.test(body) && !inPhoto) fail(where, `value ${v} does not occur in the decoded mail or an attached photo's label`);
      }
      if (exp.decision !== 'accept' && exp.decision !== 'reject') continue;
      const row = registry.find((m) => m.account === r.account && m.meter === r.meter);
      if (!row) {
        fail(where, 'not a meter of that account in registry.csv');
        continue;
      }
      if (seenMeters.has(r.meter)) fail(where, 'meter listed twice');
      seenMeters.add(r.meter);
      values.forEach((v, z) => {
        if (z < row.zones && v === null) fail(where, `t${z + 1} missing for a ${row.zones}-zone meter`);
        if (z >= row.zones && v !== null) fail(where, `t${z + 1} given for a ${row.zones}-zone meter`);
      });
      if (exp.decision !== 'accept') continue;
      values.forEach((v, z) => {
        const last = row.last[z];
        if (v === null || last === null || last === undefined) return;
        if (String(v).length > row.digits) fail(where, `t${z + 1}=${v} has more than ${row.digits} digits`);
        if (v < last) fail(where, `t${z + 1}=${v} is below the last reading ${last}`);
        if (v - last > MAX_INCREASE[row.kind]) fail(where, `t${z + 1}=${v} exceeds last ${last} by more than ${MAX_INCREASE[row.kind]}`);
      });
    }
  }

  const total = emls.length;
  const share = (d: string): string => `${d}=${counts[d] ?? 0} (${Math.round(((counts[d] ?? 0) * 100) / Math.max(total, 1))}%)`;
  console.log(`${total} samples, ${registry.length} registry meters: ${DECISIONS.map(share).join(' ')}`);
  if (problems.length > 0) {
    for (const p of problems) console.log(`FAIL ${p}`);
    console.log(`${problems.length} problem(s)`);
    process.exitCode = 1;
  } else {
    console.log('all samples consistent');
  }
}

await main();
