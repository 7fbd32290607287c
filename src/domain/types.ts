// Shared value types of the pipeline. Pure data: no IO, no library types.

export type MeterKind = 'electricity' | 'heat';
export type Zone = 't1' | 't2' | 't3';
export const ZONES: readonly Zone[] = ['t1', 't2', 't3'];

export interface ZoneValues {
  t1: number | null;
  t2: number | null;
  t3: number | null;
}

/** One meter row of the billing registry (CSV per CORPUS.md, or the database). */
export interface RegistryMeter {
  /** Database id, when the row was loaded from the store (absent for a CSV registry). */
  id?: number;
  account: string;
  meter: string;
  kind: MeterKind;
  zones: 1 | 2 | 3;
  digits: number;
  last: ZoneValues;
  /** YYYY-MM-DD of the last accepted reading, or null. */
  lastDate: string | null;
  /** Sender addresses linked to the account (lower-case). */
  emails: string[];
}

/** A reading as reported and recorded: account and meter spelled as in the registry when resolved. */
export interface Reading extends ZoneValues {
  account: string;
  meter: string;
}

export type DecisionKind = 'accept' | 'review' | 'reject' | 'ignore';

export type ReadingSource = 'text' | 'photo' | 'clerk';
