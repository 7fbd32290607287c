// "Answers" means the server sent its greeting, not merely that the port accepts connections.
import net from 'node:net';
import tls from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';

export interface GreetingProbe {
  host: string;
  port: number;
  tls: boolean;
  greeting: RegExp; // e.g. /^\* OK/ for IMAP, /^220 / for SMTP
}

/** Connects once and resolves with the first line, or rejects on error/timeout. */
export function readGreeting(probe: GreetingProbe, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = probe.tls
      ? tls.connect({ host: probe.host, port: probe.port, rejectUnauthorized: false, servername: 'localhost' })
      : net.connect({ host: probe.host, port: probe.port });
    let buffer = '';
    const finish = (error: Error | null, line?: string) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => {}); // a late reset after destroy is not our concern
      socket.destroy();
      if (error) reject(error);
      else resolve(line ?? '');
    };
    const timer = setTimeout(() => finish(new Error(`no greeting on ${probe.port} within ${timeoutMs} ms`)), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end >= 0) finish(null, buffer.slice(0, end).trim());
    });
    socket.on('error', (e) => finish(e));
    socket.on('close', () => finish(new Error(`connection to ${probe.port} closed before a greeting`)));
  });
}

export async function answers(probe: GreetingProbe): Promise<boolean> {
  try {
    return probe.greeting.test(await readGreeting(probe));
  } catch {
    return false;
  }
}

/** Polls until the server greets; `alive` lets the caller stop early when the process has died. */
export async function waitForGreeting(probe: GreetingProbe, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const line = await readGreeting(probe);
      if (probe.greeting.test(line)) return;
      last = `unexpected greeting "${line}"`;
    } catch (e) {
      last = (e as Error).message;
    }
    if (!alive()) throw new Error(`server for port ${probe.port} exited before it answered (${last})`);
    if (Date.now() > deadline) throw new Error(`port ${probe.port} did not answer within ${timeoutMs} ms (${last})`);
    await sleep(100);
  }
}

/** True once nothing accepts connections on the port any more. */
export function portClosed(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

export async function waitForPortClosed(host: string, port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await portClosed(host, port))) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}
