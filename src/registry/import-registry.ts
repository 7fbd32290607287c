// Registry import: the whole file or nothing. A bad row rejects the file (every error listed with
// its line); a good file is merged in one transaction, idempotently, and never moves a meter's
// last reading back to an older date.
import type { RegistryMeter } from '../domain/types.js';
import type { RegistryChanges, Store } from '../store/index.js';
import { parseRegistryCsv, type RegistryRowError } from './parse-registry-csv.js';

export interface ImportSummary {
  accounts: number;
  meters: number;
  /** Per meter row: a new meter; a changed meter or a new sender address; nothing to do. */
  created: number;
  updated: number;
  unchanged: number;
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; errors: RegistryRowError[] };

export interface RegistryPlan {
  changes: RegistryChanges;
  summary: ImportSummary;
}

const key = (account: string, meter: string): string => `${account}\u0000${meter}`;

/** The meter as it should be after importing `row` over `stored`: the newer last reading wins. */
export function mergeMeter(stored: RegistryMeter, row: RegistryMeter): RegistryMeter {
  const keepStored = stored.lastDate !== null && (row.lastDate === null || row.lastDate < stored.lastDate);
  return {
    ...row,
    last: keepStored ? { ...stored.last } : { ...row.last },
    lastDate: keepStored ? stored.lastDate : row.lastDate,
    emails: stored.emails,
  };
}

function sameMeter(a: RegistryMeter, b: RegistryMeter): boolean {
  return a.kind === b.kind && a.zones === b.zones && a.digits === b.digits && a.lastDate === b.lastDate
    && a.last.t1 === b.last.t1 && a.last.t2 === b.last.t2 && a.last.t3 === b.last.t3;
}

/** Pure: what importing `rows` over the `stored` registry writes, and the counts to report. */
export function planRegistryImport(stored: readonly RegistryMeter[], rows: readonly RegistryMeter[]): RegistryPlan {
  const storedMeters = new Map(stored.map((m) => [key(m.account, m.meter), m]));
  const knownAccounts = new Set(stored.map((m) => m.account));
  const linked = new Set(stored.flatMap((m) => m.emails.map((e) => key(m.account, e))));
  const changes: RegistryChanges = { newAccounts: [], createMeters: [], updateMeters: [], newAddresses: [] };
  const summary: ImportSummary = { accounts: 0, meters: rows.length, created: 0, updated: 0, unchanged: 0 };
  const accounts = new Set<string>();

  for (const row of rows) {
    accounts.add(row.account);
    if (!knownAccounts.has(row.account)) {
      knownAccounts.add(row.account);
      changes.newAccounts.push(row.account);
    }
    let addedAddress = false;
    for (const address of row.emails) {
      if (linked.has(key(row.account, address))) continue;
      linked.add(key(row.account, address));
      changes.newAddresses.push({ account: row.account, address });
      addedAddress = true;
    }
    const old = storedMeters.get(key(row.account, row.meter));
    if (!old) {
      changes.createMeters.push(row);
      summary.created++;
      continue;
    }
    const merged = mergeMeter(old, row);
    if (!sameMeter(old, merged)) changes.updateMeters.push(merged);
    if (!sameMeter(old, merged) || addedAddress) summary.updated++;
    else summary.unchanged++;
  }
  summary.accounts = accounts.size;
  return { changes, summary };
}

/** Parses and imports a registry CSV in one transaction; on any bad row nothing is written. */
export async function importRegistry(store: Store, csvText: string, actor: string, source = 'registry.csv'): Promise<ImportResult> {
  const { meters, errors } = parseRegistryCsv(csvText);
  if (errors.length > 0) return { ok: false, errors };
  const summary = await store.transaction(async (tx) => {
    const plan = planRegistryImport(await tx.registry.loadAll(), meters);
    await tx.registry.applyChanges(plan.changes);
    await tx.audit.append({
      actor, action: 'registry.import', entity: 'registry', entityId: source,
      after: { ...plan.summary, newAccounts: plan.changes.newAccounts.length, newAddresses: plan.changes.newAddresses.length },
    });
    return plan.summary;
  }, { timeoutMs: 10 * 60_000 });
  return { ok: true, summary };
}
