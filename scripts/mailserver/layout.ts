// Where the local mail servers keep everything: one folder under the project's data folder, never /etc.
import path from 'node:path';
import { loadSettings } from '../../src/config.js';
import { MailServerError } from './errors.js';

export const HOST = '127.0.0.1';
// The default instance's ports (MAILSERVER_*_PORT change them: Layout carries the ones in use).
export const IMAP_PORT = 3143;
export const IMAPS_PORT = 3993;
export const SMTP_PORT = 2525;
export const MAIL_USER = 'info@khab.dvec.ru';
export const MAIL_PASSWORD = 'password'; // dev only: the server listens on loopback
export const SINK_MAX_BYTES = 50 * 1024 * 1024;

export type Env = Record<string, string | undefined>;

export interface Layout {
  root: string;
  configFile: string;
  passwdFile: string;
  runDir: string; // Dovecot's base_dir: sockets and master.pid
  stateDir: string;
  logDir: string;
  mailDir: string; // one home per user below it, maildir inside
  tlsKey: string;
  tlsCert: string;
  sinkDir: string;
  sinkStateFile: string;
  lockFile: string;
  imapPort: number;
  imapsPort: number;
  smtpPort: number;
}

export function mailServerLayout(env?: Env): Layout {
  const { DATA_DIR, MAIL_SINK_DIR, MAILSERVER_IMAP_PORT, MAILSERVER_IMAPS_PORT, MAILSERVER_SMTP_PORT } = loadSettings(
    ['DATA_DIR', 'MAIL_SINK_DIR', 'MAILSERVER_IMAP_PORT', 'MAILSERVER_IMAPS_PORT', 'MAILSERVER_SMTP_PORT'], env);
  const root = path.join(DATA_DIR, 'mailserver');
  const layout: Layout = {
    root,
    configFile: path.join(root, 'dovecot.conf'),
    passwdFile: path.join(root, 'passwd'),
    runDir: path.join(root, 'run'),
    stateDir: path.join(root, 'state'),
    logDir: path.join(root, 'logs'),
    mailDir: path.join(root, 'mail'),
    tlsKey: path.join(root, 'tls', 'key.pem'),
    tlsCert: path.join(root, 'tls', 'cert.pem'),
    sinkDir: MAIL_SINK_DIR,
    sinkStateFile: path.join(root, 'sink.json'),
    lockFile: path.join(root, 'control.lock'),
    imapPort: MAILSERVER_IMAP_PORT,
    imapsPort: MAILSERVER_IMAPS_PORT,
    smtpPort: MAILSERVER_SMTP_PORT,
  };
  // Dovecot's config syntax has no quoting we could rely on for paths with blanks or quotes.
  const bad = [root, MAIL_SINK_DIR].filter((p) => /[\s"'#{}<>%$\\]/.test(p));
  if (bad.length > 0) throw new MailServerError('LAYOUT_INVALID', `mail server paths must not contain blanks, quotes or {}<>%$#: ${bad.join(', ')}`);
  // Unix socket paths are limited to 108 bytes; Dovecot's longest name under base_dir is about 30.
  if (Buffer.byteLength(layout.runDir) > 70) {
    throw new MailServerError('LAYOUT_INVALID', `DATA_DIR is too deep for Dovecot's sockets (${layout.runDir}); use a shorter DATA_DIR`);
  }
  return layout;
}
