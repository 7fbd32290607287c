// Several intake workers on PostgreSQL (INTAKE_SHARED): 4 daemons on one mailbox of 2,000 messages process each
// message exactly once: one row, one decision, one move, one reply; the work is spread over the workers; meters that
// several workers advance at once end with one effective reading per period.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { log } from '../../src/log.js';
import { MailboxClient } from '../../src/mail/mailbox-client.js';
import { sinkMessages } from '../../scripts/mailserver/index.js';
import { TEST_PROVIDER } from '../store/temp-db.js';
import { distinctCorpus, folderMessageIds, intakeWorld, type IntakeWorld } from './helpers.js';

const TOTAL = 2000;
const WORKERS = 4;

function spawnWorker(w: IntakeWorld, n: number): ChildProcess {
  const err = openSync(path.join(w.dir, `worker-${n}.log`), 'a');
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'intake'], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '', ...w.env, INTAKE_SHARED: 'true', POLL_INTERVAL_SECONDS: '1', IMAP_BATCH_SIZE: '25', OCR_ENABLED: 'false',
      METRICS_PORT: '0', OUTBOX_RETRY_BASE_SECONDS: '1', LOG_LEVEL: 'info',
    },
    stdio: ['ignore', err, err],
  });
}

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

describe.runIf(TEST_PROVIDER === 'postgres')('several intake workers on PostgreSQL', () => {
  let w: IntakeWorld;
  beforeAll(async () => {
    w = await intakeWorld({ REPLY_MAX_PER_SENDER_PER_DAY: '1000' });
    const client = new MailboxClient(w.settings, log.child({ stage: 'test' }));
    await client.connect();
    // Photo mails would only slow the run down: OCR is off here.
    for (const raw of distinctCorpus(TOTAL, 'shared', { maxBytes: 200_000 })) await client.append('INBOX', raw, { date: new Date('2026-11-22T00:00:00Z') });
    await client.close();
  }, 600_000);
  afterAll(async () => {
    await w?.cleanup();
  });

  it(`${WORKERS} workers process each of ${TOTAL} messages exactly once`, async () => {
    const workers = Array.from({ length: WORKERS }, (_, n) => spawnWorker(w, n));
    try {
      const deadline = Date.now() + 480_000;
      for (;;) {
        const all = [];
        for (const state of ['received', 'processing', 'decided', 'filed', 'failed', 'duplicate'] as const) all.push(...(await w.store.messages.listByState(state, 100_000)));
        const filed = all.filter((m) => m.filedAt).length;
        const outbox = await w.store.outbox.stats(new Date());
        if (all.length === TOTAL && filed === TOTAL && outbox.pending === 0) break;
        if (Date.now() > deadline) throw new Error(`not done in time: ${all.length} stored, ${filed} filed, ${outbox.pending} replies pending`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    } finally {
      for (const child of workers) child.kill('SIGTERM');
    }
    const codes = await Promise.all(workers.map(exited));
    expect(codes).toEqual(workers.map(() => 0));

    // Every message once: one row each, all filed, none left in INBOX, one copy across the folders.
    const rows = [];
    for (const state of ['received', 'processing', 'decided', 'filed', 'failed', 'duplicate'] as const) rows.push(...(await w.store.messages.listByState(state, 100_000)));
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((r) => r.messageIdHeader)).size).toBe(TOTAL);
    expect(rows.filter((r) => !r.filedAt)).toEqual([]);
    const filedIds: string[] = [];
    for (const folder of ['Processed', 'Review', 'Rejected', 'Ignored', 'Failed']) filedIds.push(...(await folderMessageIds(w.settings, folder)));
    expect(filedIds).toHaveLength(TOTAL);
    expect(new Set(filedIds).size).toBe(TOTAL);

    // One decision each (a batch judged again writes nothing the first time), readings once per message and meter.
    const decisions = await w.store.audit.list({ action: 'decide', limit: 100_000 });
    const perMessage = new Map<string, number>();
    for (const d of decisions) perMessage.set(String(d.entityId), (perMessage.get(String(d.entityId)) ?? 0) + 1);
    expect([...perMessage.values()].filter((n) => n !== 1)).toEqual([]);
    expect(rows.filter((r) => r.state === 'filed').length).toBe(perMessage.size + rows.filter((r) => r.duplicateOfId !== null).length);
    const effective = new Map<string, number>();
    let readings = 0;
    for (const r of rows) {
      const stored = await w.store.readings.ofMessage(r.id);
      if (r.decision !== 'accept') expect(stored).toEqual([]);
      readings += stored.length;
      for (const x of stored) if (x.status === 'effective') effective.set(`${x.meterId}:${x.period}`, (effective.get(`${x.meterId}:${x.period}`) ?? 0) + 1);
    }
    expect(readings).toBeGreaterThan(20); // the samples' accepts; their copies find the reading stored already
    // Meters advanced by several workers at once still end each period with one effective reading.
    expect([...effective.values()].filter((n) => n !== 1)).toEqual([]);

    // One reply per message that asked for one, none twice.
    const sink = await Promise.all(sinkMessages().map(async (f) => simpleParser(readFileSync(f))));
    const inReplyTo = sink.map((m) => m.inReplyTo ?? '');
    expect(new Set(inReplyTo).size).toBe(inReplyTo.length);
    expect((await w.store.outbox.stats(new Date())).sent).toBe(sink.length);

    // The work was shared: each worker claimed and decided messages.
    const logs = Array.from({ length: WORKERS }, (_, n) => readFileSync(path.join(w.dir, `worker-${n}.log`), 'utf8'));
    const decidedBy = logs.map((text) => [...text.matchAll(/"msg":"decided"/g)].length);
    const rejudged = logs.reduce((n, text) => n + [...text.matchAll(/judging it again/g)].length, 0);
    const stored = logs.map((text) => [...text.matchAll(/"stored":(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0));
    console.info(`shared intake: decided per worker ${decidedBy.join(' / ')}, stored by ${stored.join(' / ')}, batches judged again ${rejudged}`);
    expect(decidedBy.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    expect(stored.reduce((a, b) => a + b, 0)).toBe(TOTAL);
  }, 900_000);
});
