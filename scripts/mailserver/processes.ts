// Pid files and waiting for processes: a stale pid reused by another program must not count as ours.
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { MailServerError } from './errors.js';

export function readPidFile(file: string): number | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function commandLine(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

/** True when the process exists, is not a zombie, and its command line contains `marker`. */
export function isOurProcess(pid: number | null, marker: string): pid is number {
  if (pid === null) return false;
  const cmd = commandLine(pid);
  if (cmd === null || !cmd.includes(marker)) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export async function waitForExit(pid: number, marker: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isOurProcess(pid, marker)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** SIGTERM, wait for the exit, SIGKILL only if the process ignores the request. */
export async function terminate(pid: number, marker: string, graceMs = 15_000): Promise<void> {
  if (!isOurProcess(pid, marker)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  if (await waitForExit(pid, marker, graceMs)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  if (!(await waitForExit(pid, marker, 5_000))) throw new MailServerError('STOP_FAILED', `process ${pid} (${marker}) did not exit after SIGKILL`);
}

/** The last lines of a log file, for error messages when a server fails to come up. */
export function logTail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
