// Runs the SMTP sink as its own detached node process and remembers its pid and folder.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../../src/config.js';
import { HOST, SINK_MAX_BYTES, type Layout } from './layout.js';
import { answers, waitForGreeting, waitForPortClosed, type GreetingProbe } from './probe.js';
import { isOurProcess, logTail, terminate } from './processes.js';
import { spawnDetached } from './spawn-clean.js';
import { ensureCertificate } from './tls-cert.js';
import { MailServerError } from './errors.js';

const SINK_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sink.ts');
const smtpProbe = (l: Layout): GreetingProbe => ({ host: HOST, port: l.smtpPort, tls: false, greeting: /^220 / });

export interface SinkState {
  running: boolean;
  pid: number | null;
  dir: string | null;
}

interface SinkRecord {
  pid: number;
  dir: string;
}

export function sinkState(layout: Layout): SinkState {
  let record: SinkRecord;
  try {
    record = JSON.parse(fs.readFileSync(layout.sinkStateFile, 'utf8')) as SinkRecord;
  } catch {
    return { running: false, pid: null, dir: null };
  }
  return isOurProcess(record.pid, SINK_ENTRY) ? { running: true, ...record } : { running: false, pid: null, dir: null };
}

export function sinkLog(layout: Layout): string {
  return path.join(layout.logDir, 'sink.log');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startSink(layout: Layout, say: (line: string) => void): Promise<SinkState & { started: boolean }> {
  const state = sinkState(layout);
  if (state.running && state.dir === layout.sinkDir) return { ...state, started: false };
  if (state.running) {
    say(`sink writes to ${state.dir}; restarting it for ${layout.sinkDir}`);
    await stopSink(layout);
  }
  if (await answers(smtpProbe(layout))) throw new MailServerError('PORT_IN_USE', `port ${layout.smtpPort} is served by another process (a sink of another DATA_DIR?)`);
  ensureCertificate(layout);
  fs.mkdirSync(layout.logDir, { recursive: true });
  fs.mkdirSync(layout.sinkDir, { recursive: true });
  const child = spawnDetached(process.execPath, [
    '--import', 'tsx', SINK_ENTRY,
    '--host', HOST, '--port', String(layout.smtpPort), '--dir', layout.sinkDir,
    '--key', layout.tlsKey, '--cert', layout.tlsCert, '--max-bytes', String(SINK_MAX_BYTES),
  ], sinkLog(layout), PROJECT_ROOT);
  const pid = child.pid;
  if (pid === undefined) throw new MailServerError('START_FAILED', 'could not spawn the SMTP sink');
  const record: SinkRecord = { pid, dir: layout.sinkDir };
  fs.writeFileSync(`${layout.sinkStateFile}.tmp`, JSON.stringify(record));
  fs.renameSync(`${layout.sinkStateFile}.tmp`, layout.sinkStateFile);
  try {
    // Right after spawn the child may not have exec'd node yet (its command line is still the parent's):
    // for the first seconds, being alive is enough.
    const spawnedAt = Date.now();
    await waitForGreeting(smtpProbe(layout), 30_000, () => isOurProcess(pid, SINK_ENTRY) || (Date.now() - spawnedAt < 5000 && alive(pid)));
  } catch (e) {
    await terminate(pid, SINK_ENTRY);
    throw new MailServerError('START_FAILED', `${(e as Error).message}\n${logTail(sinkLog(layout))}`, { cause: e });
  }
  return { running: true, pid, dir: layout.sinkDir, started: true };
}

export async function stopSink(layout: Layout): Promise<boolean> {
  const state = sinkState(layout);
  fs.rmSync(layout.sinkStateFile, { force: true });
  if (!state.running || state.pid === null) return false;
  await terminate(state.pid, SINK_ENTRY);
  if (!(await waitForPortClosed(HOST, layout.smtpPort, 10_000))) throw new MailServerError('STOP_FAILED', `port ${layout.smtpPort} still open after the sink stopped`);
  return true;
}
