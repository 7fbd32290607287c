// Where the throw-away PostgreSQL cluster keeps everything: one folder under the project's data folder.
import path from 'node:path';
import { loadSettings } from '../../src/config.js';
import { PgError } from './errors.js';

export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const HOST = '127.0.0.1';
export const SUPERUSER = 'postgres';
export const DATABASE = 'khab';

export type Env = Record<string, string | undefined>;

export interface PgLayout {
  root: string;
  dataDir: string; // the cluster (initdb -D)
  runDir: string; // the Unix socket
  logFile: string;
  lockFile: string;
  port: number;
}

export function pgLayout(env?: Env): PgLayout {
  const { DATA_DIR, PG_PORT } = loadSettings(['DATA_DIR', 'PG_PORT'], env);
  const root = path.join(DATA_DIR, 'pg');
  // Paths go into pg_ctl's -o option string, which is split on blanks.
  if (/[\s"'\\$`]/.test(root)) throw new PgError('LAYOUT_INVALID', `the PostgreSQL folder must not contain blanks or quotes: ${root}`);
  return {
    root,
    dataDir: path.join(root, 'data'),
    runDir: path.join(root, 'run'),
    logFile: path.join(root, 'postgres.log'),
    lockFile: path.join(root, 'control.lock'),
    port: PG_PORT,
  };
}

/** The URL of a database of the cluster (trust authentication on loopback: no password). */
export function pgUrl(port: number, database = DATABASE): string {
  return `postgres://${SUPERUSER}@${HOST}:${port}/${database}`;
}
