// Reads one line of customer text into items: registry identifiers, labelled unknown identifiers and
// candidate reading values, each with the label that governs it. Pure; offsets refer to the line.
import type { MeterKind, Zone } from '../domain/types.js';
import { normaliseSerial } from '../domain/serial.js';
import { EXCLUDE_RULES, LABEL_RULES, type ExcludeRule, type LabelKind } from './lexicon.js';

/** What the extractor needs to know of the registry: exact identifiers only. */
export interface IdentifierLookup {
  /** Registry account number for a digits-only key, or null. */
  account(key: string): string | null;
  /** Registry meters whose serial key (see normaliseSerial) equals `key`. */
  meters(key: string): MeterRef[];
  /** Registry meters whose serial's long digit run equals `digits` (customers drop letter prefixes). */
  metersByDigits(digits: string): MeterRef[];
  /** Registry account / meters equal to `digits` once leading zeros are dropped on both sides; used only where a
   *  label says what the number is ("лс 12300456" for 012300456). */
  accountLoose(digits: string): string | null;
  metersLoose(digits: string): MeterRef[];
}

export interface MeterRef {
  account: string;
  meter: string;
  /** The meter's kind in the registry, when the lookup knows it. */
  kind?: MeterKind;
}

export type Item =
  | { type: 'account'; account: string; raw: string; line: number; start: number; end: number }
  | { type: 'meter'; refs: MeterRef[]; raw: string; line: number; start: number; end: number }
  | { type: 'unknown_id'; label: 'account' | 'meter' | 'id' | null; raw: string; line: number; start: number; end: number }
  | ValueItem;

export interface ValueItem {
  type: 'value';
  /** Integer part as written (thousands groups joined). */
  value: number;
  /** When written as "12 345": the groups read as separate numbers [12, 345]. */
  split: number[] | null;
  /** Digits of the integer part without leading zeros. */
  significantDigits: number;
  zone: Zone | null;
  /** True when a word such as "показания", a zone or a unit stands by it. */
  labelled: boolean;
  /** True when its label stands right before it ("Показания: 8391"), with nothing but punctuation between. */
  tight: boolean;
  /** The sender hedges it: "примерно 16 400", "9312 ой нет 9132", "29590 или 29650". */
  uncertain: boolean;
  line: number;
  start: number;
  end: number;
}

interface Span { start: number; end: number }
interface LabelSpan extends Span { kind: LabelKind; zone?: Zone }

const DASHES = /[\u2010-\u2015\u2212]/;
const SPACES = /[\u00A0\u2000-\u200B\u202F\u205F\u3000\t]/;

const SPACES_ALL = new RegExp(SPACES.source, 'g');
const DASHES_ALL = new RegExp(DASHES.source, 'g');
// Lower-casing the whole line is lower-casing each character, except where a character's lower case is longer
// (İ) or depends on its neighbours (Greek final sigma): such lines take the character-by-character path.
const CONTEXT_CASED = /Σ/;

/** Lower-case, ё→е, exotic spaces and dashes to ASCII — one char for one char, so offsets stay valid. */
export function normaliseLine(line: string): string {
  const lower = line.toLowerCase();
  if (lower.length === line.length && !CONTEXT_CASED.test(line)) {
    return lower.replace(SPACES_ALL, ' ').replace(DASHES_ALL, '-').replaceAll('ё', 'е');
  }
  let out = '';
  for (const ch of line) {
    let c = ch;
    if (SPACES.test(c)) c = ' ';
    else if (DASHES.test(c)) c = '-';
    else if (c === 'Ё' || c === 'ё') c = 'е';
    else c = c.toLowerCase();
    // Astral characters (emoji) are two UTF-16 units: keep the length identical.
    out += c.length === ch.length ? c : ' '.repeat(ch.length);
  }
  return out;
}

const WORD = /[\p{L}\p{N}]+/gu;
// A number starts after a non-word character or right after a glued label ("лс123456"); "т1" is a word.
const NUMBER = /(?<=^|[^\p{L}\p{N}]|(?<![\p{L}])(?:лс|л\/с|ls|no|n|сч|пу|ипу|пок|показ\p{L}*))(\d{1,3}(?: \d{3})+|\d+)(?:([.,])(\d+))?/gu;
const JOINABLE_SEPARATOR = /^[ \-/.]{1,2}$/;
const UNIT_AFTER = /^\s*(?:квт\p{L}*|кв?т\.?ч|kwh|гкал\p{L}*|gcal)/u;
const ZONE_AFTER = /^\s*[(\-–—:]?\s*(день|дневн\p{L}*|дн\.?|ночь|ночн\p{L}*|ноч\.?|т1|т2|т3|t1|t2|t3|пик\p{L}*|полупик\p{L}*)(?![\p{L}\p{N}])/u;
const UNCERTAIN = /примерн|приблизит|ориентировочн|около|где-?то|~|≈|не уверен|неуверен|не точн|неточн|точно не|плохо вид|не вид|не разгляд|не разобра|кажется|вроде бы|если не ошиба|\d\s*(?:или|либо)\s*\d|ой,? нет|вернее|точнее,|то есть|исправ|ошибочн|ошиб(?:ся|лась|лись|ка)|опечат|перепута/u;

/** The clause a number stands in: from the previous sentence break to the next. */
function clauseAround(norm: string, start: number, end: number): string {
  const before = norm.slice(Math.max(0, start - 60), start);
  const after = norm.slice(end, end + 60);
  const b = before.split(/[;!?]|[.,](?=\s)/u).pop() ?? '';
  const a = after.split(/[;!?]|[.,](?=\s|$)/u)[0] ?? '';
  return `${b}${norm.slice(start, end)}${a}`;
}

// A capitalised street or surname-like word right before a number names a house ("Шеронова 14"), not a reading.
const STREET_BEFORE = /(?:^|[^\p{L}])\p{Lu}\p{Ll}{2,}(?:ова|ева|ёва|ина|ына|ого|его|ская|цкая|ской|цкой|ная|ной|кса|ера)[\s,]+(?:д\.\s*)?$/u;
const CURRENT_WORD = /текущ|сейчас|теперь|на сегодня|нынешн/u;

const ZONE_OF: Record<string, Zone> = {
  день: 't1', дн: 't1', 'дн.': 't1', т1: 't1', t1: 't1', пик: 't1',
  ночь: 't2', ноч: 't2', 'ноч.': 't2', т2: 't2', t2: 't2',
  т3: 't3', t3: 't3', полупик: 't3',
};
function zoneOfWord(w: string): Zone | null {
  if (w.startsWith('полупик')) return 't3';
  if (w.startsWith('пик')) return 't1';
  if (w.startsWith('дневн')) return 't1';
  if (w.startsWith('ночн')) return 't2';
  return ZONE_OF[w] ?? null;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Registry identifiers: the longest run of up to 4 words (joined by at most 2 of " -/.") that the registry knows. */
function findIdentifiers(norm: string, raw: string, line: number, lookup: IdentifierLookup): Item[] {
  const words = [...norm.matchAll(WORD)].map((m) => {
    // "лс2700123456": the glued label is not part of the identifier.
    const glued = /^(?:лс|ls|no|n|сч|пу|ипу|пок)(?=\d)/u.exec(m[0]);
    return { start: m.index + (glued ? glued[0].length : 0), end: m.index + m[0].length };
  });
  const items: Item[] = [];
  for (let i = 0; i < words.length; i++) {
    let found: Item | null = null;
    // Up to 4 words ("ЦЭ6803В 01123456"), or a longer run of digits dictated one by one ("0 5 5 6 0 0 4 1 2").
    let reach = i + 3;
    while (reach + 1 < words.length && reach - i < 15 && /^\d{1,2}$/.test(norm.slice(words[reach + 1]!.start, words[reach + 1]!.end)) &&
      /^\d{1,2}$/.test(norm.slice(words[i]!.start, words[i]!.end))) reach++;
    for (let j = Math.min(words.length - 1, reach); j >= i && !found; j--) {
      const first = words[i]!, last = words[j]!;
      let joinable = true;
      for (let k = i; k < j && joinable; k++) {
        joinable = JOINABLE_SEPARATOR.test(norm.slice(words[k]!.end, words[k + 1]!.start));
      }
      if (!joinable) continue;
      const text = raw.slice(first.start, last.end);
      if (!/\d/.test(text)) continue; // every account and serial has digits
      const key = normaliseSerial(text);
      if (key.length < 4) continue;
      const account = /^\d+$/.test(key) ? lookup.account(key) : null;
      let refs = lookup.meters(key);
      if (refs.length === 0 && /^\d{6,}$/.test(key)) refs = lookup.metersByDigits(key);
      if (account && refs.length === 0) found = { type: 'account', account, raw: text, line, start: first.start, end: last.end };
      else if (refs.length > 0) found = { type: 'meter', refs, raw: text, line, start: first.start, end: last.end };
      if (found) i = j;
    }
    if (found) items.push(found);
  }
  return items;
}

function findLabels(norm: string): LabelSpan[] {
  const spans: LabelSpan[] = [];
  for (const rule of LABEL_RULES) {
    for (const m of norm.matchAll(rule.re)) {
      const span: LabelSpan = { kind: rule.kind, start: m.index, end: m.index + m[0].length, ...(rule.zone ? { zone: rule.zone } : {}) };
      if (!spans.some((s) => overlaps(s, span))) spans.push(span);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function findExclusions(norm: string, keep: Span[]): (Span & { reason: ExcludeRule['reason'] })[] {
  const spans: (Span & { reason: ExcludeRule['reason'] })[] = [];
  for (const rule of EXCLUDE_RULES) {
    if (rule.needs && !rule.needs.test(norm)) continue;
    for (const m of norm.matchAll(rule.re)) {
      if (rule.accept && !rule.accept(m)) continue;
      const span = { start: m.index, end: m.index + m[0].length, reason: rule.reason };
      if (keep.some((k) => overlaps(k, span))) continue;
      spans.push(span);
    }
  }
  return spans;
}

/** The text between two offsets is one clause: no sentence break and not too long. */
function sameClause(norm: string, from: number, to: number): boolean {
  // The character after the gap decides whether a final "." ends a sentence ("эл.счётчика" does not).
  const gap = norm.slice(from, to) + (to < norm.length ? norm[to]! : ' ');
  return gap.length <= 49 && !/[;!?]|[.,](?=\s)/u.test(gap.replace(/\d[.,]\d/g, '00'));
}

export function scanLine(raw: string, line: number, lookup: IdentifierLookup): Item[] {
  const norm = normaliseLine(raw);
  const items: Item[] = findIdentifiers(norm, raw, line, lookup);
  const labels = findLabels(norm);
  const excluded = findExclusions(norm, items);
  // A contact line ("ДВГУПС, ауд. 3412, тел. 40-71-22", "e-mail: …") carries no unlabelled readings.
  const contactLine = excluded.some((e) => e.reason === 'phone') || /@|https?:|www\./u.test(norm);
  const taken: Span[] = [...items, ...excluded];

  // Pre-placed zone labels ("день 123 ночь 45") or post-placed ("123 (день) 45 (ночь)"): decided per line.
  const numbers = [...norm.matchAll(NUMBER)].filter((m) => {
    const s = m.index, e = s + m[0].length;
    return !/[\p{N}]/u.test(norm[s - 1] ?? '') && !/[\p{N}]/u.test(norm[e] ?? '');
  });
  const firstZone = labels.find((l) => l.kind === 'zone');
  const firstNumber = numbers.find((m) => !taken.some((t) => overlaps(t, { start: m.index, end: m.index + m[0].length })));
  const postZones = !!firstZone && !!firstNumber && firstNumber.index < firstZone.start &&
    ZONE_AFTER.test(norm.slice(firstNumber.index + firstNumber[0].length));
  const usedLabels = new Set<LabelSpan>();
  // An identifier label followed by a registry identifier is spent on it ("л/с 2700123456 12345": 12345 is a value).
  for (const item of items) {
    const l = [...labels].reverse().find((x) => x.end <= item.start);
    if (l && (l.kind === 'account' || l.kind === 'meter' || l.kind === 'id') && sameClause(norm, l.end, item.start)) {
      usedLabels.add(l);
      const prev = labels[labels.indexOf(l) - 1];
      if (l.kind === 'id' && prev && (prev.kind === 'meter' || prev.kind === 'account') && sameClause(norm, prev.end, l.start)) usedLabels.add(prev);
    }
  }

  // Numbers right after an identifier ("2700123456 011234567 12345 6789") are placed like the SMS format.
  const anchors = items.map((i) => i.end);
  const follows = (start: number): boolean => anchors.some((a) => a <= start && /^[\s,;:\-–—/]*$/u.test(norm.slice(a, start)));

  for (const m of numbers) {
    const start = m.index, end = start + m[0].length;
    if (taken.some((t) => overlaps(t, { start, end }))) continue;
    const afterIdentifier = follows(start);
    // Digits glued to letters belong to a word (serial, model, "т1"), unless the letters are a label ("лс123").
    const after = norm.slice(end).match(/^\p{L}+/u)?.[0] ?? '';
    if (after && !UNIT_AFTER.test(norm.slice(end)) && !zoneOfWord(after)) continue;

    const intText = m[1]!.replace(/ /g, '');
    const groups = m[1]!.split(' ');
    const hasDecimal = m[2] !== undefined;
    const label = governingLabel(norm, labels, start, usedLabels);
    const unitAfter = UNIT_AFTER.test(norm.slice(end));
    let zone: Zone | null = null;
    let labelled = unitAfter;

    if (label?.kind === 'old' || label?.kind === 'other_id') continue;
    if ((label?.kind === 'account' || label?.kind === 'meter' || label?.kind === 'id') && !hasDecimal && !unitAfter) {
      const meterAfterValueWord = label.kind === 'meter' && isAfterValueWord(norm, labels, label);
      if (!meterAfterValueWord) {
        if (intText.length <= 2) continue; // "счётчик 2", "№ 1": an ordinal, not an identifier
        // "счётчик № 123": the "№" stands for the meter word before it.
        const prev = labels[labels.indexOf(label) - 1];
        const kind = label.kind === 'id' && prev && (prev.kind === 'meter' || prev.kind === 'account') &&
          sameClause(norm, prev.end, label.start) && label.start - prev.end < 12 ? prev.kind : label.kind;
        // A labelled identifier written without its leading zeros is still that identifier.
        const loose = looseIdentifier(kind, intText, lookup, line, raw.slice(start, end), start, end);
        if (loose) {
          items.push(loose);
          anchors.push(end);
          usedLabels.add(label);
          continue;
        }
        items.push({ type: 'unknown_id', label: kind, raw: raw.slice(start, end), line, start, end });
        usedLabels.add(label);
        if (prev) usedLabels.add(prev);
        continue;
      }
    }
    if (label?.kind === 'zone' && !postZones) {
      // "день/ночь 56214/21190": a list of zone words hands its zones out in order.
      const group = zoneGroup(norm, labels, label);
      const next = group.find((l) => !usedLabels.has(l)) ?? label;
      zone = next.zone ?? null;
      usedLabels.add(next);
      labelled = true;
    } else if (label?.kind === 'value' || label?.kind === 'meter') {
      labelled = true;
    }
    if (postZones || zone === null) {
      const post = norm.slice(end).match(ZONE_AFTER);
      if (post && (postZones || !labels.some((l) => l.kind === 'zone' && l.start > end && l.start < end + 3))) {
        const z = zoneOfWord(post[1]!);
        if (z && (postZones || zone === null)) { zone = z; labelled = true; }
      }
    }
    if (afterIdentifier) { labelled = true; anchors.push(end); }
    if (!labelled && zone === null && STREET_BEFORE.test(raw.slice(0, start))) continue; // "Шеронова 14", "Пушкина 54
    if (contactLine && !labelled && zone === null) continue;
    if (!hasDecimal && intText.length >= 9 && !labelled) {
      items.push({ type: 'unknown_id', label: null, raw: raw.slice(start, end), line, start, end });
      continue;
    }
    const tight = !!label && (label.kind === 'value' || label.kind === 'zone') && /^[\s:=\-–—]*$/u.test(norm.slice(label.end, start));
    items.push({
      type: 'value',
      tight,
      uncertain: UNCERTAIN.test(clauseAround(norm, start, end)),
      value: Number(intText),
      split: groups.length > 1 ? groups.map(Number) : null,
      significantDigits: intText.replace(/^0+(?=\d)/, '').length,
      zone,
      labelled,
      line, start, end,
    });
  }
  return items.sort((a, b) => a.start - b.start);
}

/**
 * The label in force at `pos`: the nearest label before it in the same clause. An "old" word taints every label
 * after it in the clause until a "current" word ("было 4321, сейчас 4410" keeps 4410).
 */
function governingLabel(norm: string, labels: LabelSpan[], pos: number, used: Set<LabelSpan>): LabelSpan | null {
  let nearest: LabelSpan | null = null;
  for (let i = labels.length - 1; i >= 0; i--) {
    const l = labels[i]!;
    if (l.end > pos) continue;
    if (!sameClause(norm, l.end, pos)) break;
    if (!nearest) {
      if (used.has(l) && l.kind !== 'value' && l.kind !== 'old' && l.kind !== 'other_id') {
        // A zone or identifier label serves one number only; a later number in the clause is unlabelled,
        // unless an older label in the clause says the numbers are old.
        nearest = { kind: 'value', start: l.start, end: l.end };
        continue;
      }
      nearest = l;
      if (l.kind === 'old' || l.kind === 'other_id') return l;
      continue;
    }
    if (l.kind === 'other_id' && nearest.kind === 'id') return l; // "договор № 12345": not a meter's number
    if (l.kind === 'old') {
      // "прошлые показания 12000" → old; "было 4321, сейчас 4410" has a clause break before "сейчас".
      const between = norm.slice(l.end, nearest.start);
      if (!CURRENT_WORD.test(norm.slice(nearest.start, nearest.end)) && !CURRENT_WORD.test(between)) return l;
      break;
    }
  }
  if (nearest && nearest.kind === 'value' && !labels.includes(nearest)) return nearest;
  return nearest;
}

function looseIdentifier(kind: string, digits: string, lookup: IdentifierLookup, line: number, raw: string, start: number, end: number): Item | null {
  if (digits.length < 5) return null;
  if (kind === 'account' || kind === 'id') {
    const account = lookup.accountLoose(digits);
    if (account) return { type: 'account', account, raw, line, start, end };
  }
  if (kind === 'meter' || kind === 'id') {
    const refs = lookup.metersLoose(digits);
    if (refs.length > 0) return { type: 'meter', refs, raw, line, start, end };
  }
  return null;
}

/** Zone labels written as a list right before `last` ("день/ночь", "Т1, Т2 и Т3"), in order, ending with `last`. */
function zoneGroup(norm: string, labels: LabelSpan[], last: LabelSpan): LabelSpan[] {
  const group = [last];
  for (let i = labels.indexOf(last) - 1; i >= 0; i--) {
    const l = labels[i]!;
    if (l.kind !== 'zone' || !/^\s*(?:[/,;&+]|и)?\s*$/u.test(norm.slice(l.end, group[0]!.start))) break;
    group.unshift(l);
  }
  return group;
}

/** "показания счётчика 12345": the meter word belongs to the value word before it, unless "№"/"номер" follows. */
function isAfterValueWord(norm: string, labels: LabelSpan[], meter: LabelSpan): boolean {
  const i = labels.indexOf(meter);
  const prev = i > 0 ? labels[i - 1] : undefined;
  const next = labels[i + 1];
  if (next && next.kind === 'id' && sameClause(norm, meter.end, next.start) && next.start - meter.end < 4) return false;
  return !!prev && prev.kind === 'value' && sameClause(norm, prev.end, meter.start) && meter.start - prev.end < 16;
}
