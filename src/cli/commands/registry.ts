// cli registry import FILE.csv — load the billing registry into the database (all rows or none).
// cli registry show ACCOUNT [--json] — an account with its meters, last readings and sender addresses.
import { readFile } from 'node:fs/promises';
import { loadSettings } from '../../config.js';
import { importRegistry } from '../../registry/import-registry.js';
import { openStore, type AccountView, type Store } from '../../store/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from './index.js';

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const { DATABASE_URL } = loadSettings(['DATABASE_URL']);
  const store = await openStore(DATABASE_URL);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function runImport(argv: string[]): Promise<number> {
  const { positionals } = parseArgs(argv, []);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('usage: registry import FILE.csv');
  let csv: string;
  try {
    csv = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const result = await withStore((store) => importRegistry(store, csv, 'cli', file));
  if (!result.ok) {
    for (const err of result.errors) process.stderr.write(`${file}:${err.line}: ${err.message}\n`);
    process.stderr.write(`registry import: ${result.errors.length} bad row(s), nothing imported\n`);
    return 1;
  }
  const s = result.summary;
  process.stdout.write(`accounts=${s.accounts} meters=${s.meters} created=${s.created} updated=${s.updated} unchanged=${s.unchanged}\n`);
  return 0;
}

function formatAccount(a: AccountView): string {
  const lines = [`account ${a.number}`, `meters (${a.meters.length}):`];
  for (const m of a.meters) {
    const zones = (['t1', 't2', 't3'] as const).slice(0, m.zones).map((z) => `${z}=${m.last[z] ?? '-'}`).join(' ');
    lines.push(`  ${m.meter}  ${m.kind}  zones=${m.zones} digits=${m.digits}  last ${zones} on ${m.lastDate ?? '-'}`);
  }
  lines.push(`sender addresses (${a.senders.length}):`);
  for (const s of a.senders) lines.push(`  ${s.address} (${s.source})`);
  return `${lines.join('\n')}\n`;
}

function accountJson(a: AccountView): unknown {
  return {
    account: a.number,
    meters: a.meters.map((m) => ({ meter: m.meter, kind: m.kind, zones: m.zones, digits: m.digits, last: m.last, lastDate: m.lastDate })),
    senders: a.senders,
  };
}

async function runShow(argv: string[]): Promise<number> {
  const { options, positionals } = parseArgs(argv, [], ['json']);
  const number = positionals[0];
  if (!number || positionals.length > 1) throw new UsageError('usage: registry show ACCOUNT [--json]');
  const account = await withStore((store) => store.registry.findAccount(number));
  if (!account) {
    process.stderr.write(`registry show: account ${number} is not in the registry\n`);
    return 1;
  }
  process.stdout.write(options['json'] ? `${JSON.stringify(accountJson(account), null, 2)}\n` : formatAccount(account));
  return 0;
}

export const registry: Command = {
  summary: 'registry import FILE.csv | registry show ACCOUNT [--json]',
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'import') return runImport(rest);
    if (sub === 'show') return runShow(rest);
    throw new UsageError('usage: registry import FILE.csv | registry show ACCOUNT [--json]');
  },
};
