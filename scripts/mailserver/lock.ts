// One start/stop at a time: two test files, or a test and a shell, may call `start` together.
// A lock file serialises processes; a promise chain serialises calls within this process.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readPidFile } from './processes.js';
import { MailServerError } from './errors.js';

let queue: Promise<unknown> = Promise.resolve();

export function withControlLock<T>(lockFile: string, fn: () => Promise<T>, timeoutMs = 300_000): Promise<T> {
  const run = queue.then(() => withLockFile(lockFile, fn, timeoutMs));
  queue = run.catch(() => undefined);
  return run;
}

async function withLockFile<T>(lockFile: string, fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (isStale(lockFile)) {
        fs.rmSync(lockFile, { force: true }); // left by a process that died holding it
        continue;
      }
      if (Date.now() > deadline) throw new MailServerError('LOCK_TIMEOUT', `mail server control lock ${lockFile} held by pid ${readPidFile(lockFile)}`);
      await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function isStale(lockFile: string): boolean {
  const pid = readPidFile(lockFile);
  if (pid === null) {
    // Created but not yet written by its holder, or garbage: stale only once it stays unreadable.
    try {
      return Date.now() - fs.statSync(lockFile).mtimeMs > 5_000;
    } catch {
      return true;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}
