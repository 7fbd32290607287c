// kill -9 of the daemon at random points of a 500-message run, repeated, then a clean restart: every message is
// processed once — none lost, no reading stored twice, no reply queued twice; and SIGTERM stops it cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { log } from '../../src/log.js';
import { MailboxClient } from '../../src/mail/mailbox-client.js';
import { sinkMessages } from '../../scripts/mailserver/index.js';
import { distinctCorpus, folderMessageIds, intakeWorld, type IntakeWorld } from './helpers.js';

const TOTAL = 500;
const KILLS = 8;

const FINAL_METRICS_PORT = 9478;

/** Resolves once the daemon serves /healthz: past its start-up, with its signal handlers in place. */
async function started(port: number, child: ChildProcess): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline && child.exitCode === null;) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the daemon did not start');
}

function spawnDaemon(w: IntakeWorld, logFile?: string, metricsPort = 0): ChildProcess {
  const err = logFile ? openSync(logFile, 'a') : 'ignore';
  // node itself (not the tsx wrapper, which would leave its child running after a SIGKILL).
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'intake'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...w.env, POLL_INTERVAL_SECONDS: '1', OUTBOX_RETRY_BASE_SECONDS: '1', OUTBOX_CLAIM_SECONDS: '5', IMAP_BATCH_SIZE: '10', LOG_LEVEL: 'warn', METRICS_PORT: String(metricsPort) },
    stdio: ['ignore', 'ignore', err],
  });
}

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

async function inboxCount(w: IntakeWorld): Promise<number> {
  return (await folderMessageIds(w.settings, 'INBOX')).length;
}

describe('crash safety', () => {
  let w: IntakeWorld;
  beforeAll(async () => {
    w = await intakeWorld({ REPLY_MAX_PER_SENDER_PER_DAY: '1000' });
    const client = new MailboxClient(w.settings, log.child({ stage: 'test' }));
    await client.connect();
    for (const raw of distinctCorpus(TOTAL, 'crash')) await client.append('INBOX', raw, { date: new Date('2026-11-22T00:00:00Z') });
    await client.close();
  }, 300_000);
  afterAll(async () => {
    if (process.env['KEEP_CRASH_LOG']) console.info(readFileSync(path.join(w.dir, 'final-daemon.log'), 'utf8').slice(-4000));
    await w?.cleanup();
  });

  it(`survives ${KILLS} kill -9 at random points and processes each of ${TOTAL} messages exactly once`, async () => {
    // Random kill points, spread so that several fall while mail is still being processed.
    // Each kill lands while the daemon works: after it has filed something new, at a random moment.
    const left: number[] = [];
    const filedNow = async () => (await w.store.messages.listByState('filed', 100_000)).length;
    for (let k = 0; k < KILLS; k++) {
      const before = await filedNow();
      const child = spawnDaemon(w);
      const until = Date.now() + 15_000;
      while (Date.now() < until && (await filedNow()) === before) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, Math.random() * 400));
      child.kill('SIGKILL');
      await exited(child);
      left.push(await inboxCount(w));
    }
    const remainingAfterKills = left.join(' → ');

    // A clean run finishes the work; then SIGTERM must stop it within 10 s with status 0.
    const child = spawnDaemon(w, path.join(w.dir, 'final-daemon.log'), FINAL_METRICS_PORT);
    // The kills may have left nothing to do: SIGTERM must still find the daemon running, not starting.
    await started(FINAL_METRICS_PORT, child);
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      const filed = (await w.store.messages.listByState('filed', 100_000)).length +
        (await w.store.messages.listByState('failed', 100_000)).filter((m) => m.filedAt).length;
      const outbox = await w.store.outbox.stats(new Date());
      if (filed === TOTAL && outbox.pending === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const stopAt = Date.now();
    child.kill('SIGTERM');
    const code = await exited(child);
    expect(code).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(10_000);

    // Every message exactly once: one row each, all filed, none left in INBOX, one copy across the folders.
    const rows = [];
    for (const state of ['received', 'processing', 'decided', 'filed', 'failed', 'duplicate'] as const) {
      rows.push(...(await w.store.messages.listByState(state, 100_000)));
    }
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((r) => r.messageIdHeader)).size).toBe(TOTAL);
    expect(rows.filter((r) => r.state !== 'filed' && !(r.state === 'failed' && r.filedAt))).toEqual([]);
    expect(await inboxCount(w)).toBe(0);
    const filedIds: string[] = [];
    for (const folder of ['Processed', 'Review', 'Rejected', 'Ignored', 'Failed']) filedIds.push(...(await folderMessageIds(w.settings, folder)));
    expect(filedIds).toHaveLength(TOTAL);
    expect(new Set(filedIds).size).toBe(TOTAL);

    // No reading twice: accepted messages hold their readings once (one per meter), others none.
    for (const r of rows) {
      const readings = await w.store.readings.ofMessage(r.id);
      if (r.decision !== 'accept') expect(readings).toEqual([]);
      expect(new Set(readings.map((x) => x.meterId)).size).toBe(readings.length);
    }

    // No reply queued twice; every queued reply reached the sink. A kill between the server's "250 OK" and the
    // database write can resend that one reply (same Message-ID, so clients show one mail): counted, not hidden.
    const outbox = await w.store.outbox.stats(new Date());
    expect(outbox.pending + outbox.failed).toBe(0);
    const sink = await Promise.all(sinkMessages().map(async (f) => simpleParser(readFileSync(f))));
    const replyIds = sink.map((m) => m.messageId);
    const distinct = new Set(replyIds);
    expect(distinct.size).toBe(outbox.sent);
    const answered = new Map<string, Set<string | undefined>>();
    for (const m of sink) {
      const key = m.inReplyTo ?? '';
      answered.set(key, (answered.get(key) ?? new Set()).add(m.messageId));
    }
    for (const [, ids] of answered) expect(ids.size).toBe(1);
    const resent = replyIds.length - distinct.size;
    expect(resent).toBeLessThanOrEqual(KILLS);
    console.info(`crash test: ${KILLS} kills, ${remainingAfterKills} messages left after them, ${outbox.sent} replies, ${resent} resent after a kill`);
  }, 600_000);
});
