// Lookup structures over the registry rows, built once per registry (dry-run) or per refresh (daemon).
import type { MeterKind, RegistryMeter } from '../domain/types.js';
import { normaliseSerial } from '../domain/serial.js';
import type { IdentifierLookup, MeterRef } from '../extract/extract-readings.js';

const LONG_DIGITS = /\d{6,}/g;

export class RegistryIndex implements IdentifierLookup {
  private readonly accounts = new Map<string, RegistryMeter[]>();
  private readonly serials = new Map<string, RegistryMeter[]>();
  private readonly digitRuns = new Map<string, RegistryMeter[]>();
  private readonly senders = new Map<string, Set<string>>();
  private readonly looseAccounts = new Map<string, Set<string>>();
  private readonly looseSerials = new Map<string, RegistryMeter[]>();
  readonly accountLengths = new Set<number>();

  constructor(rows: readonly RegistryMeter[]) {
    // Own copies: updateLast changes them.
    for (const row of rows) {
      const m: RegistryMeter = { ...row, last: { ...row.last } };
      push(this.accounts, m.account, m);
      const looseAccount = stripZeros(m.account);
      this.looseAccounts.set(looseAccount, (this.looseAccounts.get(looseAccount) ?? new Set()).add(m.account));
      this.accountLengths.add(m.account.length);
      const key = normaliseSerial(m.meter);
      push(this.serials, key, m);
      if (/^\d+$/.test(key)) push(this.looseSerials, stripZeros(key), m);
      // A serial such as "CE102-0045678" is often written by its long digit run alone.
      for (const run of key.match(LONG_DIGITS) ?? []) if (run !== key) push(this.digitRuns, run, m);
      for (const e of m.emails) {
        const set = this.senders.get(e) ?? new Set<string>();
        set.add(m.account);
        this.senders.set(e, set);
      }
    }
  }

  account(key: string): string | null {
    return this.accounts.has(key) ? key : null;
  }

  meters(key: string): MeterRef[] {
    return (this.serials.get(key) ?? []).map(ref);
  }

  metersByDigits(digits: string): MeterRef[] {
    return (this.digitRuns.get(digits) ?? []).map(ref);
  }

  accountLoose(digits: string): string | null {
    const found = this.looseAccounts.get(stripZeros(digits));
    return found && found.size === 1 ? [...found][0]! : null;
  }

  metersLoose(digits: string): MeterRef[] {
    return (this.looseSerials.get(stripZeros(digits)) ?? []).map(ref);
  }

  metersOf(account: string, kind?: MeterKind | null): RegistryMeter[] {
    const all = this.accounts.get(account) ?? [];
    return kind ? all.filter((m) => m.kind === kind) : all;
  }

  meter(account: string, meter: string): RegistryMeter | null {
    return (this.accounts.get(account) ?? []).find((m) => m.meter === meter) ?? null;
  }

  /** Applies a newly accepted reading, so later messages of the same run are checked against it. */
  updateLast(account: string, meter: string, last: RegistryMeter['last'], date: string): void {
    const m = (this.accounts.get(account) ?? []).find((x) => x.meter === meter);
    if (m && (m.lastDate === null || m.lastDate <= date)) {
      m.last = { ...last };
      m.lastDate = date;
    }
  }

  /** Puts a meter's last values back as they were (an apply that failed after updateLast). */
  restoreLast(account: string, meter: string, last: RegistryMeter['last'], date: string | null): void {
    const m = (this.accounts.get(account) ?? []).find((x) => x.meter === meter);
    if (m) {
      m.last = { ...last };
      m.lastDate = date;
    }
  }

  accountsOfSender(address: string | null): string[] {
    if (!address) return [];
    return [...(this.senders.get(address.toLowerCase()) ?? [])];
  }
}

function stripZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function ref(m: RegistryMeter): MeterRef {
  return { account: m.account, meter: m.meter, kind: m.kind };
}
