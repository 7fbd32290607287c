// Programmatic control of the local mail servers, for `npm run mailserver` and for integration tests.
import fs from 'node:fs';
import path from 'node:path';
import { dovecotState, dovecotVersion, startDovecot, stopDovecot } from './dovecot.js';
import { dovecotInstalled } from './install-dovecot.js';
import {
  HOST, MAIL_PASSWORD, MAIL_USER, mailServerLayout, type Env, type Layout,
} from './layout.js';
import { withControlLock } from './lock.js';
import { sinkState, startSink, stopSink } from './sink-control.js';

export { HOST, IMAP_PORT, IMAPS_PORT, MAIL_PASSWORD, MAIL_USER, SMTP_PORT } from './layout.js';

export interface ControlOptions {
  env?: Env; // defaults to process.env (DATA_DIR, MAIL_SINK_DIR)
  say?: (line: string) => void; // progress lines; silent by default
}

export interface MailServerStatus {
  dovecot: { running: boolean; pid: number | null; version: string | null; imapPort: number; imapsPort: number };
  sink: { running: boolean; pid: number | null; port: number; dir: string | null };
  /** What a client needs: the dev account and where the sink writes. */
  connection: { host: string; user: string; password: string; sinkDir: string; caCertFile: string };
}

export interface StartResult extends MailServerStatus {
  started: { dovecot: boolean; sink: boolean };
}

const silent = () => {};

export function mailServerStatus(options: ControlOptions = {}): MailServerStatus {
  return status(mailServerLayout(options.env));
}

/** Starts whatever is not running; resolves once IMAP (3143, 3993) and SMTP (2525) greet. */
export function startMailServer(options: ControlOptions = {}): Promise<StartResult> {
  const layout = mailServerLayout(options.env);
  const say = options.say ?? silent;
  return withControlLock(layout.lockFile, async () => {
    const dovecot = await startDovecot(layout, say);
    const sink = await startSink(layout, say);
    return { ...status(layout), started: { dovecot: dovecot.started, sink: sink.started } };
  });
}

/** Stops both servers and waits until their processes are gone; fine when nothing runs. */
export function stopMailServer(options: ControlOptions = {}): Promise<{ dovecot: boolean; sink: boolean }> {
  const layout = mailServerLayout(options.env);
  return withControlLock(layout.lockFile, async () => ({ dovecot: await stopDovecot(layout), sink: await stopSink(layout) }));
}

/** Stops Dovecot (dropping every client connection) and starts it again: for reconnect tests. */
export function restartDovecot(options: ControlOptions = {}): Promise<MailServerStatus> {
  const layout = mailServerLayout(options.env);
  return withControlLock(layout.lockFile, async () => {
    await stopDovecot(layout);
    await startDovecot(layout, options.say ?? silent);
    return status(layout);
  });
}

/** Stops only Dovecot: for tests of an IMAP outage. `startMailServer` brings it back. */
export function stopDovecotOnly(options: ControlOptions = {}): Promise<boolean> {
  const layout = mailServerLayout(options.env);
  return withControlLock(layout.lockFile, () => stopDovecot(layout));
}

/** Stops only the SMTP sink: for tests of an SMTP outage. `startMailServer` brings it back. */
export function stopSinkOnly(options: ControlOptions = {}): Promise<boolean> {
  const layout = mailServerLayout(options.env);
  return withControlLock(layout.lockFile, () => stopSink(layout));
}

/** Stops both servers, deletes every mailbox and the sink's .eml files; start again afterwards. */
export function resetMailData(options: ControlOptions = {}): Promise<void> {
  const layout = mailServerLayout(options.env);
  return withControlLock(layout.lockFile, async () => {
    await stopDovecot(layout);
    await stopSink(layout);
    // The maildir root is ours alone; the sink folder may be the user's, so only our files go.
    fs.rmSync(layout.mailDir, { recursive: true, force: true });
    removeSinkFiles(layout.sinkDir);
  });
}

/** The .eml files the sink has saved, oldest first (names sort by arrival). */
export function sinkMessages(options: ControlOptions = {}): string[] {
  const dir = mailServerLayout(options.env).sinkDir;
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((n) => n.endsWith('.eml') && !n.startsWith('.')).sort().map((n) => path.join(dir, n));
}

function removeSinkFiles(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    if (name.endsWith('.eml') || name.endsWith('.eml.part')) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function status(layout: Layout): MailServerStatus {
  const dovecot = dovecotState(layout);
  const sink = sinkState(layout);
  return {
    dovecot: {
      ...dovecot,
      version: dovecotInstalled() ? dovecotVersion() : null,
      imapPort: layout.imapPort,
      imapsPort: layout.imapsPort,
    },
    sink: { ...sink, port: layout.smtpPort },
    connection: { host: HOST, user: MAIL_USER, password: MAIL_PASSWORD, sinkDir: layout.sinkDir, caCertFile: layout.tlsCert },
  };
}
