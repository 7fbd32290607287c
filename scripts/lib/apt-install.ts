// Installs one Debian package for the project's own servers (Dovecot, PostgreSQL) when it is missing, without
// letting the package start a system-wide service: a policy-rc.d denies every start for the duration. The
// package lists are refreshed only when the first install fails (a fresh image often has none).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const POLICY_RC = '/usr/sbin/policy-rc.d';

export interface AptInstall {
  pkg: string;
  /** Whether the package's files are in place (checked before and after). */
  installed(): boolean;
  logDir: string;
  say(line: string): void;
  /** The caller's error type, with code INSTALL_FAILED. */
  fail(message: string): Error;
}

export function ensureAptPackage({ pkg, installed, logDir, say, fail }: AptInstall): void {
  if (installed()) return;
  if (process.getuid?.() !== 0) throw fail(`${pkg} is not installed and installing it needs root: apt-get install ${pkg}`);
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, 'apt.log');
  say(`${pkg} is missing; installing it with apt-get (no system service is started)`);
  withServicesDenied(pkg, () => {
    const install = ['install', '-y', '--no-install-recommends', pkg];
    if (aptGet(install, logFile) === 0) return;
    say('apt-get install failed; running apt-get update and retrying');
    if (aptGet(['update'], logFile) !== 0) throw fail(`apt-get update failed; see ${logFile}`);
    if (aptGet(install, logFile) !== 0) throw fail(`apt-get install ${pkg} failed; see ${logFile}`);
  });
  if (!installed()) throw fail(`apt-get finished but ${pkg}'s files are missing; see ${logFile}`);
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
function withServicesDenied(pkg: string, fn: () => void): void {
  let previous: { text: Buffer; mode: number } | null = null;
  if (fs.existsSync(POLICY_RC)) previous = { text: fs.readFileSync(POLICY_RC), mode: fs.statSync(POLICY_RC).mode };
  fs.writeFileSync(POLICY_RC, `#!/bin/sh\n# Written by the project's scripts while installing ${pkg}: start no services.\nexit 101\n`, { mode: 0o755 });
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
