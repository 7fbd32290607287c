// Installs Debian's dovecot-imapd when missing, without letting the package start a system-wide instance.
import fs from 'node:fs';
import { ensureAptPackage } from '../lib/apt-install.js';
import { MailServerError } from './errors.js';

export const DOVECOT_BIN = '/usr/sbin/dovecot';

export function dovecotInstalled(): boolean {
  return fs.existsSync(DOVECOT_BIN);
}

export function ensureDovecotInstalled(logDir: string, say: (line: string) => void): void {
  ensureAptPackage({ pkg: 'dovecot-imapd', installed: dovecotInstalled, logDir, say, fail: (m) => new MailServerError('INSTALL_FAILED', m) });
}
