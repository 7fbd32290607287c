// cli readings export [--period YYYY-MM] [--format csv|jsonl] [--since-last]
// Prints the effective confirmed readings for billing; every export is recorded, and --since-last prints only
// what is new or corrected since the previous export (a correction is a new reading superseding the old one).
import { loadSettings } from '../../config.js';
import { openStore } from '../../store/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from './index.js';

const FIELDS = ['account', 'meter', 't1', 't2', 't3', 'period', 'source', 'messageId'] as const;

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const readings: Command = {
  summary: 'readings export [--period YYYY-MM] [--format csv|jsonl] [--since-last]',
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub !== 'export') throw new UsageError('usage: readings export [--period YYYY-MM] [--format csv|jsonl] [--since-last]');
    const { options } = parseArgs(rest, ['period', 'format'], ['since-last']);
    const period = typeof options['period'] === 'string' ? options['period'] : null;
    if (period !== null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new UsageError(`--period must be YYYY-MM, got "${period}"`);
    const format = (options['format'] as string | undefined) ?? 'jsonl';
    if (format !== 'csv' && format !== 'jsonl') throw new UsageError(`--format must be csv or jsonl, got "${format}"`);
    const sinceLast = options['since-last'] === true;

    const { DATABASE_URL } = loadSettings(['DATABASE_URL']);
    const store = await openStore(DATABASE_URL);
    try {
      // The cursor is read before the rows, so a reading committed meanwhile is in the next export, not lost.
      const upTo = await store.readings.maxId();
      const after = sinceLast ? (await store.readings.lastExport())?.upToReadingId ?? 0 : undefined;
      const rows = (await store.readings.listEffective({ ...(period ? { period } : {}), ...(after !== undefined ? { afterId: after } : {}) }))
        .filter((r) => upTo === null || r.id <= upTo);
      const out: string[] = [];
      if (format === 'csv') out.push(FIELDS.join(','));
      for (const r of rows) {
        const rec = {
          account: r.accountNumber, meter: r.meterSerial, t1: r.t1, t2: r.t2, t3: r.t3,
          period: r.period, source: r.source, messageId: r.messageIdHeader,
        };
        out.push(format === 'csv' ? FIELDS.map((f) => csvCell(rec[f])).join(',') : JSON.stringify(rec));
      }
      process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
      await store.readings.recordExport({ actor: 'cli', format, period, sinceLast, count: rows.length, upToReadingId: upTo });
      await store.audit.append({ actor: 'cli', action: 'export', entity: 'readings', after: { format, period, sinceLast, count: rows.length, upToReadingId: upTo } });
      return 0;
    } finally {
      await store.close();
    }
  },
};
