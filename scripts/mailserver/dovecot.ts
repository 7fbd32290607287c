// Starts, stops and inspects the project's own Dovecot instance (config, keys, logs and mail under .data).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseDovecotVersion, renderDovecotConfig, renderPasswd, type MailOwner } from './dovecot-config.js';
import { DOVECOT_BIN, ensureDovecotInstalled } from './install-dovecot.js';
import { HOST, MAIL_PASSWORD, MAIL_USER, type Layout } from './layout.js';
import { answers, waitForGreeting, waitForPortClosed, type GreetingProbe } from './probe.js';
import { isOurProcess, logTail, readPidFile, terminate } from './processes.js';
import { runDaemonizing } from './spawn-clean.js';
import { ensureCertificate } from './tls-cert.js';
import { MailServerError } from './errors.js';

const imapProbe = (l: Layout): GreetingProbe => ({ host: HOST, port: l.imapPort, tls: false, greeting: /^\* OK/ });
const imapsProbe = (l: Layout): GreetingProbe => ({ host: HOST, port: l.imapsPort, tls: true, greeting: /^\* OK/ });

export interface ServerState {
  running: boolean;
  pid: number | null;
}

export function dovecotVersion(): string {
  return execFileSync(DOVECOT_BIN, ['--version'], { encoding: 'utf8' }).trim();
}

export function dovecotState(layout: Layout): ServerState {
  const pid = readPidFile(path.join(layout.runDir, 'master.pid'));
  // The master's command line names our config file, so a system Dovecot or a reused pid never matches.
  return isOurProcess(pid, layout.configFile) ? { running: true, pid } : { running: false, pid: null };
}

export async function startDovecot(layout: Layout, say: (line: string) => void): Promise<ServerState & { started: boolean }> {
  ensureDovecotInstalled(layout.logDir, say);
  const state = dovecotState(layout);
  if (state.running) return { ...state, started: false };
  if ((await answers(imapProbe(layout))) || (await answers(imapsProbe(layout)))) {
    throw new MailServerError('PORT_IN_USE', `port ${layout.imapPort} or ${layout.imapsPort} is served by another process (a mail server of another DATA_DIR?)`);
  }
  const version = dovecotVersion();
  writeInstance(layout, parseDovecotVersion(version));
  // Dovecot daemonizes itself: once this returns, the master runs on its own (pid in base_dir/master.pid).
  const startupLog = path.join(layout.logDir, 'dovecot-startup.log');
  const result = runDaemonizing(DOVECOT_BIN, ['-c', layout.configFile], startupLog);
  if (result.status !== 0) {
    const said = fs.readFileSync(startupLog, 'utf8').trim();
    throw new MailServerError('START_FAILED', `dovecot ${version} refused to start: ${said}\n${logTail(dovecotLog(layout))}`, { cause: result.error });
  }
  const alive = () => dovecotState(layout).running;
  try {
    await waitForGreeting(imapProbe(layout), 30_000, alive);
    await waitForGreeting(imapsProbe(layout), 30_000, alive);
  } catch (e) {
    throw new MailServerError('START_FAILED', `${(e as Error).message}\n${logTail(dovecotLog(layout))}`, { cause: e });
  }
  return { ...dovecotState(layout), started: true };
}

export async function stopDovecot(layout: Layout): Promise<boolean> {
  const state = dovecotState(layout);
  if (!state.running || state.pid === null) return false;
  await terminate(state.pid, layout.configFile);
  // Login processes hold the listeners until they notice the master is gone; a restart must find them free.
  for (const port of [layout.imapPort, layout.imapsPort]) {
    if (!(await waitForPortClosed(HOST, port, 15_000))) throw new MailServerError('STOP_FAILED', `port ${port} still open after Dovecot stopped`);
  }
  return true;
}

export function dovecotLog(layout: Layout): string {
  return path.join(layout.logDir, 'dovecot.log');
}

function writeInstance(layout: Layout, version: [number, number]): void {
  const owner = mailOwner();
  for (const dir of [layout.root, layout.runDir, layout.stateDir, layout.logDir]) fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  // The unprivileged Dovecot processes must be able to walk down to their files.
  fs.chmodSync(layout.root, 0o755);
  fs.mkdirSync(layout.mailDir, { recursive: true, mode: 0o700 });
  fs.chownSync(layout.mailDir, owner.uid, owner.gid);
  assertTraversable(layout.mailDir);
  ensureCertificate(layout);
  // Read by the auth process, which runs as the dovecot user; the dev password is public anyway.
  fs.writeFileSync(layout.passwdFile, renderPasswd(MAIL_USER, MAIL_PASSWORD), { mode: 0o644 });
  fs.writeFileSync(layout.configFile, renderDovecotConfig(version, layout, owner), { mode: 0o644 });
}

function mailOwner(): MailOwner {
  const line = execFileSync('getent', ['passwd', 'mail'], { encoding: 'utf8' }).trim();
  const [, , uid, gid] = line.split(':');
  if (!uid || !gid) throw new MailServerError('START_FAILED', 'the system has no "mail" user to own the maildir');
  return { uid: Number(uid), gid: Number(gid) };
}

function assertTraversable(dir: string): void {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    if ((fs.statSync(d).mode & 0o001) === 0) {
      throw new MailServerError('LAYOUT_INVALID', `${d} is not searchable by others, so Dovecot's mail user cannot reach ${dir}; chmod o+x it or move DATA_DIR`);
    }
  }
}
