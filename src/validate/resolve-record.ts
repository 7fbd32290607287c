// One extracted record → the registry meter it is about and the zone values, checked against the rules
// of CORPUS.md. Pure.
import type { MeterKind, Reading, RegistryMeter, Zone, ZoneValues } from '../domain/types.js';
import { ZONES } from '../domain/types.js';
import type { ExtractedRecord, ValueItem } from '../extract/extract-readings.js';
import type { ReasonCode } from '../decide/reasons.js';
import type { RegistryIndex } from './registry-index.js';

export interface ValueRules {
  maxIncrease: Record<MeterKind, number>;
}

export interface SenderContext {
  /** Accounts the registry links to the sender's address. */
  accounts: string[];
  /** False when the receiving server says SPF/DKIM/DMARC failed: the address then implies nothing. */
  trusted: boolean;
}

export interface ResolvedRecord {
  meter: RegistryMeter | null;
  /** Best reading a clerk would record (also for records with problems), or null. */
  reading: Reading | null;
  problems: ReasonCode[];
}

/** Up to 2^4 readings of "12 345"-style groups are tried; more are read as written (groups joined). */
const MAX_SPLIT_GROUPS = 4;

export function resolveRecord(rec: ExtractedRecord, index: RegistryIndex, sender: SenderContext, rules: ValueRules): ResolvedRecord {
  const found = findMeter(rec, index, sender);
  if (!found.meter) return { meter: null, reading: null, problems: found.problems };
  const meter = found.meter;
  if (rec.values.length === 0) return { meter, reading: null, problems: [...found.problems, 'missing_value'] };

  if (rec.values.some((v) => v.uncertain)) {
    const outcome = checkValues(interpretations(rec.values)[0]!, meter, rules);
    return { meter, reading: { account: meter.account, meter: meter.meter, ...outcome.values }, problems: [...found.problems, 'uncertain_value'] };
  }
  const outcomes = interpretations(rec.values).map((vals) => checkValues(vals, meter, rules));
  const valid = outcomes.filter((o) => o.problems.length === 0);
  const distinct = new Map(valid.map((o) => [JSON.stringify(o.values), o]));
  let chosen: Outcome;
  let problems: ReasonCode[];
  if (distinct.size === 1) {
    chosen = [...distinct.values()][0]!;
    problems = [];
  } else if (distinct.size > 1) {
    chosen = outcomes[0]!;
    problems = ['ambiguous_numbers'];
  } else {
    chosen = outcomes[0]!;
    problems = chosen.problems;
  }
  return {
    meter,
    reading: { account: meter.account, meter: meter.meter, ...chosen.values },
    problems: [...found.problems, ...problems],
  };
}

function findMeter(rec: ExtractedRecord, index: RegistryIndex, sender: SenderContext): { meter: RegistryMeter | null; problems: ReasonCode[] } {
  if (rec.unknownAccount) return { meter: null, problems: ['unknown_account'] };
  if (rec.unknownMeter) return { meter: null, problems: ['unknown_meter'] };
  if (rec.unknownId) {
    const len = rec.unknownId.replace(/\D/g, '').length;
    return { meter: null, problems: [index.accountLengths.has(len) ? 'unknown_account' : 'unknown_number'] };
  }
  if (rec.meterRefs) {
    let refs = rec.meterRefs;
    if (rec.account) {
      refs = refs.filter((r) => r.account === rec.account);
      if (refs.length === 0) return { meter: null, problems: ['meter_not_of_account'] };
    } else if (refs.length > 1) {
      const bySender = sender.trusted ? refs.filter((r) => sender.accounts.includes(r.account)) : [];
      if (bySender.length !== 1) return { meter: null, problems: ['meter_ambiguous'] };
      refs = bySender;
    }
    const ref = refs[0]!;
    return { meter: index.meter(ref.account, ref.meter), problems: [] };
  }
  let account = rec.account;
  if (!account) {
    if (sender.accounts.length === 0) return { meter: null, problems: ['no_account'] };
    if (sender.accounts.length > 1) return { meter: null, problems: ['account_ambiguous'] };
    if (!sender.trusted) return { meter: null, problems: ['sender_not_trusted'] };
    account = sender.accounts[0]!;
  }
  const all = index.metersOf(account);
  const candidates = rec.kind ? all.filter((m) => m.kind === rec.kind) : all;
  if (candidates.length === 1) return { meter: candidates[0]!, problems: [] };
  if (candidates.length === 0) return { meter: null, problems: ['unknown_meter'] };
  return { meter: null, problems: ['meter_ambiguous'] };
}

interface Outcome {
  values: ZoneValues;
  problems: ReasonCode[];
}

type Reading1 = { zone: Zone | null; value: number; digits: number };

/** Every way of reading the record's numbers: each "12 345" group either joined or split (bounded). */
function interpretations(values: ValueItem[]): Reading1[][] {
  const splittable = values.filter((v) => v.split !== null).slice(0, MAX_SPLIT_GROUPS);
  const out: Reading1[][] = [];
  for (let mask = 0; mask < 1 << splittable.length; mask++) {
    const list: Reading1[] = [];
    for (const v of values) {
      const i = splittable.indexOf(v);
      if (i >= 0 && mask & (1 << i)) {
        v.split!.forEach((n, k) => list.push({ zone: k === 0 ? v.zone : null, value: n, digits: String(n).length }));
      } else {
        list.push({ zone: v.zone, value: v.value, digits: v.significantDigits });
      }
    }
    out.push(list);
  }
  return out;
}

function checkValues(list: Reading1[], meter: RegistryMeter, rules: ValueRules): Outcome {
  const values: ZoneValues = { t1: null, t2: null, t3: null };
  const digits: Partial<Record<Zone, number>> = {};
  const problems = new Set<ReasonCode>();
  const allowed = ZONES.slice(0, meter.zones);
  // Labelled values first, then unlabelled ones fill the free zones in order (day, night, semi-peak).
  const labelled = list.filter((r) => r.zone !== null);
  const plain = list.filter((r) => r.zone === null);
  for (const r of labelled) {
    const z = r.zone!;
    if (!allowed.includes(z)) { problems.add('zone_count_mismatch'); continue; }
    if (values[z] !== null && values[z] !== r.value) problems.add('conflicting_values');
    values[z] = r.value;
    digits[z] = r.digits;
  }
  for (const r of plain) {
    // A number repeated ("показания 12345 … ещё раз: 12345") is one value.
    if (ZONES.some((z) => values[z] === r.value)) continue;
    const free = allowed.find((z) => values[z] === null);
    if (!free) { problems.add('zone_count_mismatch'); continue; }
    values[free] = r.value;
    digits[free] = r.digits;
  }
  if (allowed.some((z) => values[z] === null)) problems.add('zone_count_mismatch');
  for (const z of allowed) {
    const v = values[z];
    if (v === null) continue;
    if ((digits[z] ?? String(v).length) > meter.digits) problems.add('too_many_digits');
    const last = meter.last[z];
    if (last !== null && v < last) problems.add('decreased_value');
    if (last !== null && v - last > rules.maxIncrease[meter.kind]) problems.add('implausible_increase');
  }
  return { values, problems: [...problems] };
}
