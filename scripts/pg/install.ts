// Installs Debian's postgresql-15 when missing, without letting the package start a system-wide cluster.
import fs from 'node:fs';
import path from 'node:path';
import { ensureAptPackage } from '../lib/apt-install.js';
import { PgError } from './errors.js';
import { PG_BIN } from './layout.js';

export function postgresInstalled(): boolean {
  return fs.existsSync(path.join(PG_BIN, 'initdb')) && fs.existsSync(path.join(PG_BIN, 'pg_ctl'));
}

export function ensurePostgresInstalled(logDir: string, say: (line: string) => void): void {
  ensureAptPackage({ pkg: 'postgresql-15', installed: postgresInstalled, logDir, say, fail: (m) => new PgError('INSTALL_FAILED', m) });
}
