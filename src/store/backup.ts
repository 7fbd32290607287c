// Online backups: SQLite through its backup API (consistent while intake and the web UI keep writing, WAL
// included); PostgreSQL through pg_dump's custom format (restore with pg_restore, see the README).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { StoreError } from './errors.js';
import { providerOf, sqliteFilePath } from './providers.js';

interface SqliteDatabase {
  backup(destination: string): Promise<unknown>;
  close(): void;
}
type SqliteOpen = new (file: string, options: { readonly?: boolean; fileMustExist?: boolean; timeout?: number }) => SqliteDatabase;

// better-sqlite3 ships no types of its own; the two calls used here are typed above.
const Database = createRequire(import.meta.url)('better-sqlite3') as SqliteOpen;

export interface BackupResult {
  provider: 'sqlite' | 'postgres';
  file: string;
}

/** Writes a consistent copy of the database at `databaseUrl` to `file` (which must not exist). */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  if (existsSync(file)) throw new StoreError('STORE_BACKUP_FAILED', `${file} exists; choose a new file name`);
  const provider = providerOf(databaseUrl);
  if (provider === 'sqlite') {
    const source = sqliteFilePath(databaseUrl);
    if (!existsSync(source)) throw new StoreError('STORE_BACKUP_FAILED', `database file ${source} does not exist`);
    const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
    try {
      await db.backup(file);
    } catch (e) {
      throw new StoreError('STORE_BACKUP_FAILED', `backup of ${source} failed: ${(e as Error).message}`, { cause: e });
    } finally {
      db.close();
    }
    return { provider, file };
  }
  try {
    await promisify(execFile)('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${databaseUrl}`], { timeout: 3_600_000 });
  } catch (e) {
    const said = String((e as { stderr?: string }).stderr ?? (e as Error).message).trim();
    throw new StoreError('STORE_BACKUP_FAILED', `pg_dump failed: ${said}`, { cause: e });
  }
  return { provider, file };
}
