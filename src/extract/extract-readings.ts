// From a message's subject and new text to records: one per meter (or account) the sender reported on,
// with the values that belong to it. Pure: the registry is only consulted to recognise identifiers.
import type { MeterKind } from '../domain/types.js';
import { normaliseSerial } from '../domain/serial.js';
import { KIND_HINTS, REPLY_SUBJECT } from './lexicon.js';
import { rewriteTables } from './rewrite-tables.js';
import { normaliseLine, scanLine, type IdentifierLookup, type Item, type MeterRef, type ValueItem } from './scan-line.js';

export type { IdentifierLookup, MeterRef, ValueItem } from './scan-line.js';

type MeterItem = Extract<Item, { type: 'meter' }>;
type AccountItem = Extract<Item, { type: 'account' }>;
type UnknownItem = Extract<Item, { type: 'unknown_id' }>;
type Head = MeterItem | AccountItem | UnknownItem;

export interface ExtractedRecord {
  /** Registry meters the sender named (several when one serial is registered under several accounts). */
  meterRefs: MeterRef[] | null;
  /** A serial the sender named that the registry does not know. */
  unknownMeter: string | null;
  /** Account the sender named for this meter, as spelled in the registry. */
  account: string | null;
  /** An account number the sender named that the registry does not know. */
  unknownAccount: string | null;
  /** An identifier-like number that is neither (no label, too long for a reading). */
  unknownId: string | null;
  values: ValueItem[];
  kind: MeterKind | null;
}

export interface Extraction {
  records: ExtractedRecord[];
  /** Identifier-like numbers not tied to any record. */
  strayIds: string[];
  /** Values that could not be tied to a record. */
  strayValues: number;
  /** Registry accounts named anywhere (also without values). */
  accounts: string[];
}

export interface ExtractInput {
  subject: string;
  text: string;
}

/** Longest text scanned; longer new content is cut (the decision notes it). */
export const MAX_SCAN_CHARS = 200_000;

export function extractReadings(input: ExtractInput, lookup: IdentifierLookup): Extraction {
  const isReply = REPLY_SUBJECT.test(input.subject);
  const subject = input.subject.replace(REPLY_SUBJECT, '');
  const bodyLines = dropOldSections(rewriteTables(input.text.slice(0, MAX_SCAN_CHARS).split(/\r?\n/)));
  const lines = [subject, ...bodyLines];
  let items: Item[] = [];
  lines.forEach((line, i) => {
    if (line.trim() !== '' && /\d/.test(line)) items.push(...scanLine(line, i, lookup));
  });
  // A reply's subject may carry old numbers: only its identifiers count. Otherwise the subject's values count
  // unless the body repeats them ("Показания 12345" in both places is one reading; different ones conflict).
  const bodyValues = new Set(items.filter((it) => it.type === 'value' && it.line > 0).map((it) => (it as ValueItem).value));
  const subjectValues = items.filter((it): it is ValueItem => it.type === 'value' && it.line === 0);
  if (isReply || (bodyValues.size > 0 && subjectValues.every((v) => bodyValues.has(v.value)))) {
    items = items.filter((it) => !(it.type === 'value' && it.line === 0));
  } else if (bodyValues.size > 0) {
    // Beside a body with values, a subject value is a reading when it follows its label ("Показания 8391") or
    // the subject is in the SMS format ("2701091135 5011294 15502"); "Показания ИПУ Пушкина 54" names a house.
    const smsSubject = items.some((it) => it.line === 0 && (it.type === 'meter' || it.type === 'account'));
    if (!smsSubject) items = items.filter((it) => !(it.type === 'value' && it.line === 0 && !it.tight));
  }
  // "Счётчик СО-505" in the subject and "СО-505 1187345" in the body: a part of a known identifier is not another one.
  const known = items.filter((it) => it.type === 'meter' || it.type === 'account').map((it) => normaliseSerial((it as { raw: string }).raw));
  items = items.filter((it) => it.type !== 'unknown_id' || !known.some((k) => k.includes(normaliseSerial(it.raw))));
  return groupItems(items, lines);
}

const OLD_HEADER = /^\s*(?:предыдущ|прошл|прежн|стар|ранее переданн)\p{L}*(?:\s+\p{L}+)?(?:\s+показани\p{L}*)?\s*:?\s*$/u;
const CURRENT_HEADER = /^\s*(?:текущ|нов|нынешн|актуальн|сегодняшн|передаваем)\p{L}*(?:\s+\p{L}+)?(?:\s+показани\p{L}*)?\s*:?\s*$/u;

/**
 * "Предыдущие показания" on a line of its own heads a block of old values (text pasted from the utility's app or
 * a receipt) that lasts until a "Текущие показания" line or a blank line: those lines are not read.
 */
function dropOldSections(lines: string[]): string[] {
  let old = false;
  return lines.map((line) => {
    const n = normaliseLine(line);
    if (OLD_HEADER.test(n)) { old = true; return ''; }
    if (old && (CURRENT_HEADER.test(n) || n.trim() === '')) old = false;
    return old ? '' : line;
  });
}

function headKey(h: Head): string {
  if (h.type === 'meter') return `m:${h.refs.map((r) => `${r.account}/${r.meter}`).sort().join(',')}`;
  if (h.type === 'account') return `a:${h.account}`;
  return `u:${h.label ?? ''}:${h.raw.replace(/\D/g, '')}`;
}

function groupItems(items: Item[], lines: string[]): Extraction {
  const meters = items.filter((i): i is MeterItem | UnknownItem => i.type === 'meter' || (i.type === 'unknown_id' && i.label === 'meter'));
  const accounts = items.filter((i): i is AccountItem | UnknownItem => i.type === 'account' || (i.type === 'unknown_id' && i.label === 'account'));
  const others = items.filter((i): i is UnknownItem => i.type === 'unknown_id' && (i.label === null || i.label === 'id'));
  const values = items.filter((i): i is ValueItem => i.type === 'value');

  let heads: Head[];
  let contextIds: Head[] = [];
  if (meters.length > 0) {
    heads = meters;
    contextIds = accounts;
  } else if (accounts.length > 0) {
    heads = accounts;
  } else {
    heads = others;
  }
  const strayIds = others.filter((o) => !heads.includes(o)).map((o) => o.raw);

  // Records keyed by head identity: the same meter named twice is one record.
  const records = new Map<string, { head: Head | null; values: ValueItem[]; lines: Set<number> }>();
  const recordOf = (h: Head | null) => {
    const key = h ? headKey(h) : '-';
    let r = records.get(key);
    if (!r) { r = { head: h, values: [], lines: new Set() }; records.set(key, r); }
    if (h) r.lines.add(h.line);
    return r;
  };
  for (const h of heads) recordOf(h);
  if (heads.length === 0 && values.length > 0) recordOf(null);

  const pos = (i: { line: number; start: number }) => i.line * 1e7 + i.start;
  let strayValues = 0;
  for (const v of values) {
    const head = heads.length === 0 ? null : nearestHead(heads, v, pos);
    if (heads.length > 0 && !head) { strayValues++; continue; }
    const r = recordOf(head);
    r.values.push(v);
    r.lines.add(v.line);
  }

  const out: ExtractedRecord[] = [];
  for (const r of records.values()) {
    const h = r.head;
    const rec: ExtractedRecord = {
      meterRefs: h?.type === 'meter' ? h.refs : null,
      unknownMeter: h?.type === 'unknown_id' && h.label === 'meter' ? h.raw : null,
      account: h?.type === 'account' ? h.account : null,
      unknownAccount: h?.type === 'unknown_id' && h.label === 'account' ? h.raw : null,
      unknownId: h?.type === 'unknown_id' && (h.label === null || h.label === 'id') ? h.raw : null,
      values: r.values,
      kind: kindOfValues(r.values, lines) ?? kindOf([...r.lines].map((l) => lines[l] ?? '')),
    };
    if (h && (h.type === 'meter' || (h.type === 'unknown_id' && h.label === 'meter'))) {
      const ctx = accountFor(h, contextIds, pos);
      if (ctx?.type === 'account') rec.account = ctx.account;
      else if (ctx?.type === 'unknown_id') rec.unknownAccount = ctx.raw;
    }
    if (h?.type === 'account' || h === null) out.push(...splitByKind(rec, lines));
    else out.push(...splitOffOtherKind(rec, lines));
  }
  const named = new Set(items.filter((i): i is AccountItem => i.type === 'account').map((i) => i.account));
  return { records: out, strayIds, strayValues, accounts: [...named] };
}

/** A value belongs to the head on its own line (the one before it, else after), else the nearest head before, else after. */
function nearestHead(heads: Head[], v: ValueItem, pos: (i: { line: number; start: number }) => number): Head | null {
  const sameLine = heads.filter((h) => h.line === v.line);
  if (sameLine.length > 0) {
    const before = sameLine.filter((h) => h.start < v.start);
    return before.length > 0 ? before[before.length - 1]! : sameLine[0]!;
  }
  const p = pos(v);
  let before: Head | null = null;
  let after: Head | null = null;
  for (const h of heads) {
    const hp = pos(h);
    if (hp < p) before = h;
    else if (!after) after = h;
  }
  return before ?? after;
}

/** The account a meter head was named with: same line first, then the nearest one before, then after. */
function accountFor(head: Head, accounts: Head[], pos: (i: { line: number; start: number }) => number): Head | null {
  const sameLine = accounts.filter((a) => a.line === head.line);
  if (sameLine.length > 0) return sameLine[0]!;
  const before = accounts.filter((a) => pos(a) < pos(head));
  if (before.length > 0) return before[before.length - 1]!;
  return accounts[0] ?? null;
}

/** The kind the words around the values name, when they agree ("отопление: 519,7 Гкал. Электричество передам потом"). */
function kindOfValues(values: ValueItem[], lines: string[]): MeterKind | null {
  const kinds = new Set(values.map((v) => kindNear(lines[v.line] ?? '', v)));
  if (kinds.size !== 1) return null;
  return [...kinds][0] ?? null;
}

function kindOf(texts: string[]): MeterKind | null {
  const found = new Set<MeterKind>();
  for (const t of texts) {
    const n = normaliseLine(t);
    for (const k of KIND_HINTS) if (k.re.test(n)) found.add(k.kind);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * An account named without meters may report several meters of different kinds
 * ("электроэнергия 12345, отопление 12 Гкал"): values are split by the kind words around them.
 */
function splitByKind(rec: ExtractedRecord, lines: string[]): ExtractedRecord[] {
  if (rec.values.length < 2) return [rec];
  const kinds = rec.values.map((v) => kindNear(lines[v.line] ?? '', v));
  const distinct = new Set(kinds.filter((k): k is MeterKind => k !== null));
  if (distinct.size < 2) return [rec];
  const parts = new Map<MeterKind, ValueItem[]>();
  let current: MeterKind | null = null;
  rec.values.forEach((v, i) => {
    current = kinds[i] ?? current;
    const k = current ?? kinds.find((x) => x !== null) ?? 'electricity';
    if (!parts.has(k)) parts.set(k, []);
    parts.get(k)!.push(v);
  });
  return [...parts].map(([kind, values]) => ({ ...rec, values, kind }));
}

/**
 * "Счётчик 3301774: 4410; теплосчётчик: 86,120 Гкал": a value whose own words name the other kind than the named
 * meter's is not that meter's — it goes to a record of the same account and that kind (meter implied by the account).
 */
function splitOffOtherKind(rec: ExtractedRecord, lines: string[]): ExtractedRecord[] {
  const refs = rec.meterRefs;
  const account = rec.account ?? (refs && refs.length === 1 ? refs[0]!.account : null);
  const meterKind = refs && refs.every((r) => r.kind === refs[0]?.kind) ? refs[0]?.kind : undefined;
  if (!meterKind || !account || rec.values.length < 2) return [rec];
  const other = rec.values.filter((v) => {
    const k = kindNear(lines[v.line] ?? '', v);
    return k !== null && k !== meterKind;
  });
  if (other.length === 0 || other.length === rec.values.length) return [rec];
  const kind = kindNear(lines[other[0]!.line] ?? '', other[0]!);
  return [
    { ...rec, values: rec.values.filter((v) => !other.includes(v)) },
    { meterRefs: null, unknownMeter: null, account, unknownAccount: null, unknownId: null, values: other, kind },
  ];
}

/** Kind words in the clause around a value (between the neighbouring sentence breaks). */
function kindNear(line: string, v: ValueItem): MeterKind | null {
  const n = normaliseLine(line);
  const left = n.slice(0, v.start).split(/[;,]\s|\.\s|\n/).pop() ?? '';
  const right = n.slice(v.end).split(/[;,]\s|\.\s|\n/)[0] ?? '';
  const found = new Set<MeterKind>();
  for (const k of KIND_HINTS) if (k.re.test(left) || k.re.test(right)) found.add(k.kind);
  return found.size === 1 ? [...found][0]! : null;
}
