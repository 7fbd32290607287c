// Installs Debian's postgresql-15 when missing, without letting the package start a system-wide cluster.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PgError } from './errors.js';
import { PG_BIN } from './layout.js';

const POLICY_RC = '/usr/sbin/policy-rc.d';
const DENY_ALL = '#!/bin/sh\n# Written by scripts/pg while installing postgresql-15: start no services.\nexit 101\n';

export function postgresInstalled(): boolean {
  return fs.existsSync(path.join(PG_BIN, 'initdb')) && fs.existsSync(path.join(PG_BIN, 'pg_ctl'));
}

export function ensurePostgresInstalled(logDir: string, say: (line: string) => void): void {
  if (postgresInstalled()) return;
  if (process.getuid?.() !== 0) {
    throw new PgError('INSTALL_FAILED', 'PostgreSQL 15 is not installed and installing it needs root: apt-get install postgresql-15');
  }
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, 'apt.log');
  say('postgresql-15 is missing; installing it with apt-get (no system cluster is started)');
  withServicesDenied(() => {
    const install = ['install', '-y', '--no-install-recommends', 'postgresql-15'];
    if (aptGet(install, logFile) === 0) return;
    // A fresh image often has no package lists yet; refresh them only when the install needs it.
    say('apt-get install failed; running apt-get update and retrying');
    if (aptGet(['update'], logFile) !== 0) throw new PgError('INSTALL_FAILED', `apt-get update failed; see ${logFile}`);
    if (aptGet(install, logFile) !== 0) throw new PgError('INSTALL_FAILED', `apt-get install postgresql-15 failed; see ${logFile}`);
  });
  if (!postgresInstalled()) throw new PgError('INSTALL_FAILED', `apt-get finished but ${PG_BIN}/initdb is missing; see ${logFile}`);
}

function aptGet(args: string[], logFile: string): number {
  const out = fs.openSync(logFile, 'a');
  try {
    fs.writeSync(out, `\n$ apt-get ${args.join(' ')}\n`);
    const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
      stdio: ['ignore', out, out],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return result.status ?? 1;
  } finally {
    fs.closeSync(out);
  }
}

/** Runs `fn` with a policy-rc.d that denies every service start, then puts back whatever was there. */
function withServicesDenied(fn: () => void): void {
  let previous: { text: Buffer; mode: number } | null = null;
  if (fs.existsSync(POLICY_RC)) previous = { text: fs.readFileSync(POLICY_RC), mode: fs.statSync(POLICY_RC).mode };
  fs.writeFileSync(POLICY_RC, DENY_ALL, { mode: 0o755 });
  try {
    fn();
  } finally {
    if (previous) {
      fs.writeFileSync(POLICY_RC, previous.text);
      fs.chmodSync(POLICY_RC, previous.mode & 0o7777);
    } else {
      fs.rmSync(POLICY_RC, { force: true });
    }
  }
}
