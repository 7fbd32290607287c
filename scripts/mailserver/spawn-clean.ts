// Starting a long-lived server from a CLI run, a test or CI must not hand it the caller's pipes: a parent that
// waits for EOF on them (a shell capturing output, a CI step, a test runner) would then wait until the server
// stops. Node closes only its own close-on-exec descriptors, so the others are closed by bash before exec.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';

const CLOEXEC = 0o2000000;

/** Descriptors above stdio that a child would inherit: open here and not close-on-exec. */
export function inheritableFds(): number[] {
  const fds: number[] = [];
  for (const name of fs.readdirSync('/proc/self/fd')) {
    const fd = Number(name);
    if (!Number.isInteger(fd) || fd <= 2) continue;
    try {
      const flags = /^flags:\s*([0-7]+)/m.exec(fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
      if (flags?.[1] && (parseInt(flags[1], 8) & CLOEXEC) === 0) fds.push(fd);
    } catch {
      // the directory handle readdirSync used, already closed
    }
  }
  return fds;
}

function bashArgs(command: string, args: string[]): string[] {
  const closes = inheritableFds().map((fd) => `${fd}>&-`).join(' ');
  return ['-c', `${closes ? `exec ${closes}; ` : ''}exec "$@"`, 'bash', command, ...args];
}

// A node parent's IPC channel (a test runner's worker) must not be mistaken for the child's own.
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['NODE_CHANNEL_FD'];
  delete env['NODE_CHANNEL_SERIALIZATION_MODE'];
  return env;
}

/**
 * Runs a command that daemonizes itself and returns its exit status once it has. Its output goes to
 * `outputFile`, never to a pipe: a daemon keeps its stderr open (Dovecot's master does), and reading a pipe
 * until EOF would then block until the daemon stops.
 */
export function runDaemonizing(command: string, args: string[], outputFile: string): SpawnSyncReturns<Buffer> {
  const out = fs.openSync(outputFile, 'w');
  try {
    return spawnSync('bash', bashArgs(command, args), { stdio: ['ignore', out, out], env: childEnv(), timeout: 60_000 });
  } finally {
    fs.closeSync(out);
  }
}

/** Starts a child in its own session, writing to `logFile`, that outlives the caller. */
export function spawnDetached(command: string, args: string[], logFile: string, cwd: string): ChildProcess {
  const log = fs.openSync(logFile, 'a');
  try {
    const child = spawn('bash', bashArgs(command, args), { cwd, detached: true, stdio: ['ignore', log, log], env: childEnv() });
    child.unref();
    return child;
  } finally {
    fs.closeSync(log);
  }
}
