// cli backup FILE — an online, consistent copy of the database while the service keeps running.
// SQLite: the backup API (FILE is a database file; restore by copying it back while the service is stopped).
// PostgreSQL: pg_dump --format=custom (restore with pg_restore). See "Backup and restore" in the README.
import { loadSettings } from '../../config.js';
import { backupDatabase } from '../../store/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from './index.js';

export const backup: Command = {
  summary: 'backup FILE: online copy of the database (SQLite backup API, PostgreSQL pg_dump -Fc)',
  async run(argv) {
    const { positionals } = parseArgs(argv, []);
    if (positionals.length !== 1) throw new UsageError('usage: backup FILE');
    const { DATABASE_URL } = loadSettings(['DATABASE_URL']);
    const r = await backupDatabase(DATABASE_URL, positionals[0]!);
    process.stdout.write(`${r.provider} database backed up to ${r.file}\n`);
    return 0;
  },
};
