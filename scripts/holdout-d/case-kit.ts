// Shared shape of a hold-out D case: the raw message bytes plus the clerk's ground truth.
import type { RegistryRow } from './registry.js';

export type Decision = 'accept' | 'review' | 'reject' | 'ignore';

export interface Reading {
  account: string;
  meter: string;
  t1: number | null;
  t2: number | null;
  t3: number | null;
}

export interface Expected {
  decision: Decision;
  readings: Reading[];
  note: string;
}

export interface Case {
  /** Stable, decision-neutral identity; the file name is derived from it. */
  key: string;
  eml: Buffer;
  expected: Expected;
}

export function reading(row: RegistryRow, t1: number | null, t2: number | null = null, t3: number | null = null): Reading {
  return { account: row.account, meter: row.meter, t1, t2, t3 };
}

export function expect(decision: Decision, readings: Reading[], note: string): Expected {
  return { decision, readings, note };
}

/** Unix seconds of a wall-clock time in a zone given in whole hours, for Message-IDs that embed a timestamp. */
export function unixSeconds(local: string, offsetHours: number): number {
  return Math.floor((Date.parse(local.replace(' ', 'T') + 'Z') - offsetHours * 3600_000) / 1000);
}
