// cli mail append [--folder F] [--date-from-header] FILE... — put .eml files into the IMAP mailbox (ops, demo).
import { IMAP_SETTINGS, loadSettings } from '../../config.js';
import { appendFiles } from '../../mail/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from './index.js';

const USAGE = 'usage: mail append [--folder F] [--date-from-header] FILE...';

async function runAppend(argv: string[]): Promise<number> {
  const { options, positionals } = parseArgs(argv, ['folder'], ['date-from-header']);
  if (positionals.length === 0) throw new UsageError(USAGE);
  const settings = loadSettings(IMAP_SETTINGS);
  const folder = typeof options['folder'] === 'string' ? options['folder'] : settings.IMAP_MAILBOX;
  let count: number;
  try {
    count = await appendFiles(settings, positionals, folder, { dateFromHeader: options['date-from-header'] === true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'EACCES') throw new UsageError(`cannot read ${err.path ?? 'file'}: ${err.message}`);
    throw e;
  }
  process.stdout.write(`appended ${count} message(s) to ${folder}\n`);
  return 0;
}

export const mail: Command = {
  summary: 'mail append [--folder F] [--date-from-header] FILE... (append .eml files over IMAP)',
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'append') return runAppend(rest);
    throw new UsageError(USAGE);
  },
};
