// Installs Debian's dovecot-imapd when missing, without letting the package start a system-wide instance.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MailServerError } from './errors.js';

export const DOVECOT_BIN = '/usr/sbin/dovecot';
const POLICY_RC = '/usr/sbin/policy-rc.d';
const DENY_ALL = '#!/bin/sh\n# Written by scripts/mailserver while installing dovecot-imapd: start no services.\nexit 101\n';

export function dovecotInstalled(): boolean {
  return fs.existsSync(DOVECOT_BIN);
}

export function ensureDovecotInstalled(logDir: string, say: (line: string) => void): void {
  if (dovecotInstalled()) return;
  if (process.getuid?.() !== 0) {
    throw new MailServerError('INSTALL_FAILED', 'Dovecot is not installed and installing it needs root: apt-get install dovecot-imapd');
  }
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, 'apt.log');
  say('dovecot-imapd is missing; installing it with apt-get (no system instance is started)');
  withServicesDenied(() => {
    if (aptGet(['install', '-y', '--no-install-recommends', 'dovecot-imapd'], logFile) === 0) return;
    // A fresh image often has no package lists yet; refresh them only when the install needs it.
    say('apt-get install failed; running apt-get update and retrying');
    if (aptGet(['update'], logFile) !== 0) throw new MailServerError('INSTALL_FAILED', `apt-get update failed; see ${logFile}`);
    if (aptGet(['install', '-y', '--no-install-recommends', 'dovecot-imapd'], logFile) !== 0) {
      throw new MailServerError('INSTALL_FAILED', `apt-get install dovecot-imapd failed; see ${logFile}`);
    }
  });
  if (!dovecotInstalled()) throw new MailServerError('INSTALL_FAILED', `apt-get finished but ${DOVECOT_BIN} is missing; see ${logFile}`);
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
