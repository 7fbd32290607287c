import { parse } from 'csv-parse/sync';
import type { MeterKind, RegistryMeter } from '../domain/types.js';

export const REGISTRY_COLUMNS = [
  'account', 'meter', 'kind', 'zones', 'digits',
  'last_t1', 'last_t2', 'last_t3', 'last_date', 'emails',
] as const;

export interface RegistryRowError {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  message: string;
}

export interface ParsedRegistry {
  meters: RegistryMeter[];
  errors: RegistryRowError[];
}

/**
 * Parses the registry CSV (format in CORPUS.md). Every bad row is reported with its line;
 * callers decide whether one bad row rejects the file (import does: nothing is half-imported).
 */
export function parseRegistryCsv(text: string): ParsedRegistry {
  const errors: RegistryRowError[] = [];
  let records: { record: string[]; line: number }[];
  try {
    records = (parse(text.replace(/^\uFEFF/, ''), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]).map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (e) {
    const err = e as { lines?: number; message: string };
    return { meters: [], errors: [{ line: err.lines ?? 0, message: `CSV syntax: ${err.message}` }] };
  }
  const header = records.shift();
  if (!header) return { meters: [], errors: [{ line: 1, message: 'empty file: header row missing' }] };
  const names = header.record.map((h) => h.toLowerCase());
  const missing = REGISTRY_COLUMNS.filter((c) => c !== 'emails' && !names.includes(c));
  if (missing.length > 0) {
    return { meters: [], errors: [{ line: header.line, message: `header lacks column(s): ${missing.join(', ')}` }] };
  }
  const col = (rec: string[], name: string): string => {
    const i = names.indexOf(name);
    return i >= 0 ? (rec[i] ?? '').trim() : '';
  };

  const meters: RegistryMeter[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of records) {
    const problems: string[] = [];
    if (record.length !== names.length) problems.push(`expected ${names.length} fields, got ${record.length}`);
    const account = col(record, 'account');
    const meter = col(record, 'meter');
    const kind = col(record, 'kind').toLowerCase();
    const zones = Number(col(record, 'zones'));
    const digits = Number(col(record, 'digits'));
    if (!/^\d{4,20}$/.test(account)) problems.push(`account "${account}" must be digits`);
    if (!/^[\p{L}\p{N}][\p{L}\p{N}\-/ .]*$/u.test(meter)) problems.push(`meter "${meter}" is not a serial number`);
    if (kind !== 'electricity' && kind !== 'heat') problems.push(`kind "${kind}" must be electricity or heat`);
    if (![1, 2, 3].includes(zones)) problems.push(`zones "${col(record, 'zones')}" must be 1, 2 or 3`);
    if (!Number.isInteger(digits) || digits < 1 || digits > 12) problems.push(`digits "${col(record, 'digits')}" must be 1..12`);
    const last = { t1: null as number | null, t2: null as number | null, t3: null as number | null };
    for (const z of ['t1', 't2', 't3'] as const) {
      const v = col(record, `last_${z}`);
      if (v === '') continue;
      if (!/^\d+$/.test(v)) problems.push(`last_${z} "${v}" must be a non-negative integer`);
      else last[z] = Number(v);
    }
    const lastDate = col(record, 'last_date');
    if (lastDate !== '' && !isIsoDate(lastDate)) problems.push(`last_date "${lastDate}" must be YYYY-MM-DD`);
    const emails = col(record, 'emails').split(/[;,\s]+/).map((e) => e.trim().toLowerCase()).filter(Boolean);
    for (const e of emails) if (!/^[^@\s]+@[^@\s]+$/.test(e)) problems.push(`email "${e}" is not an address`);
    const key = `${account}\u0000${meter}`;
    const dup = seen.get(key);
    if (dup !== undefined) problems.push(`duplicate of line ${dup} (same account and meter)`);
    seen.set(key, line);
    if (problems.length > 0) {
      errors.push({ line, message: problems.join('; ') });
      continue;
    }
    meters.push({
      account, meter, kind: kind as MeterKind, zones: zones as 1 | 2 | 3, digits, last,
      lastDate: lastDate === '' ? null : lastDate, emails,
    });
  }
  return { meters, errors };
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
