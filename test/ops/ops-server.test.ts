// The intake daemon's ops server against a real SQLite store and the project's Dovecot: /healthz, /readyz with
// each failing check named (imap, outbox, database), /metrics after a few messages went through the daemon.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { log } from '../../src/log.js';
import { MailboxClient } from '../../src/mail/mailbox-client.js';
import { runIntakeDaemon } from '../../src/intake/run-intake.js';
import { createOps, startOpsServer, type Ops, type OpsServer } from '../../src/ops/index.js';
import { intakeWorld, type IntakeWorld } from '../intake/helpers.js';

let seq = 0;
function reading(value: number): Buffer {
  seq++;
  return Buffer.from([
    `From: Покупатель <ops${seq}@example.ru>`, 'To: info@khab.dvec.ru', 'Subject: Показания',
    'Date: Sun, 22 Nov 2026 10:00:00 +1000', `Message-ID: <ops-test-${seq}-${Date.now()}@example.ru>`,
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', `2701004512 011234567 ${value}`, '',
  ].join('\r\n'));
}

async function until(what: string, cond: () => Promise<boolean>, limitMs = 30_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

describe('ops server of the intake daemon', () => {
  let w: IntakeWorld;
  let ops: Ops;
  let server: OpsServer;
  let skewMs = 0;
  // A mailbox of its own: other test runs may share this Dovecot and take what arrives in INBOX.
  const settings = () => ({ ...w.settings, IMAP_MAILBOX: `ops-test-${process.pid}` });
  const get = async (path: string) => {
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
  };

  beforeAll(async () => {
    w = await intakeWorld({ POLL_INTERVAL_SECONDS: '3600' });
    ops = createOps({
      app: 'intake', store: w.store, outboxMaxAgeMinutes: 30, now: () => new Date(Date.now() + skewMs),
      intake: { imapMaxAgeSeconds: 60, ocrStats: () => ({ size: 2, workers: 1, busy: 0, queued: 0, started: 1, terminated: 0 } as never) },
    });
    server = await startOpsServer(ops, '127.0.0.1', 0); // a free port
    const client = new MailboxClient(w.settings, log.child({ stage: 'test' }));
    await client.connect();
    await client.ensureFolder(settings().IMAP_MAILBOX);
    await client.close();
  });
  afterAll(async () => {
    await server?.close();
    await w?.cleanup();
  });

  it('is healthy at once and ready only once IMAP worked; counts the messages the daemon filed', async () => {
    expect((await get('/healthz')).status).toBe(200);
    const before = await get('/readyz');
    expect(before.status).toBe(503);
    expect(JSON.parse(before.body).failing).toEqual(['imap']);

    const controller = new AbortController();
    const done = runIntakeDaemon({ store: w.store, settings: settings(), log, replies: null, signal: controller.signal, observer: ops.intake!.observer });
    try {
      await until('ready', async () => (await get('/readyz')).status === 200);
      const client = new MailboxClient(w.settings, log.child({ stage: 'test' }));
      await client.connect();
      for (const v of [48300, 48310, 48320]) await client.append(settings().IMAP_MAILBOX, reading(v), { date: new Date('2026-11-22T00:00:00Z') });
      await client.close();
      await until('3 filed', async () => (await w.store.messages.listByState('filed', 100)).length === 3);
    } finally {
      controller.abort();
      await done;
    }

    const times: number[] = [];
    let metrics = { status: 0, type: '', body: '' };
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      metrics = await get('/metrics');
      times.push(performance.now() - t0);
    }
    const scrapeMs = Math.max(...times);
    console.log(`metrics scrape: first ${times[0]!.toFixed(1)} ms, then ${times.slice(1).map((t) => t.toFixed(1)).join(', ')} ms; ${metrics.body.length} bytes`);
    expect(metrics.status).toBe(200);
    expect(metrics.type).toContain('text/plain');
    for (const name of [
      'khab_intake_messages_total', 'khab_intake_reasons_total', 'khab_intake_stage_duration_seconds_bucket', 'khab_imap_reconnects_total',
      'khab_imap_connect_failures_total', 'khab_imap_last_alive_age_seconds', 'khab_ocr_workers', 'khab_ocr_workers_busy', 'khab_ocr_jobs_queued',
      'khab_review_open_items', 'khab_review_oldest_open_age_seconds', 'khab_outbox_pending', 'khab_outbox_failed',
      'khab_outbox_oldest_pending_age_seconds', 'khab_store_up', 'process_cpu_seconds_total', 'nodejs_heap_size_used_bytes',
    ]) expect(metrics.body, name).toContain(`${name}`);
    const filed = [...metrics.body.matchAll(/^khab_intake_messages_total\{[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    expect(filed).toBe(3);
    for (const stage of ['parse', 'decide', 'apply', 'move']) {
      expect(metrics.body).toMatch(new RegExp(`khab_intake_stage_duration_seconds_count\\{[^}]*stage="${stage}"[^}]*\\} [1-9]`));
    }
    expect(metrics.body).toMatch(/^khab_store_up\{[^}]*\} 1$/m);
    expect(scrapeMs).toBeLessThan(1000);
  });

  it('names imap when no cycle completed recently, outbox when a failing reply is old', async () => {
    skewMs = 10 * 60_000; // ten minutes on: the daemon's last cycle is long ago
    let r = JSON.parse((await get('/readyz')).body);
    expect(r.failing).toEqual(['imap']);
    expect(r.checks.imap.detail).toMatch(/no IMAP cycle for \d+ s/);
    skewMs = 0;

    const { entry } = await w.store.outbox.enqueue({
      messageId: null, kind: 'clerk', to: 'x@example.ru', subject: 's', text: 't', html: null, inReplyTo: null, references: null,
      dedupeKey: 'ops-test-stuck', at: new Date(Date.now() - 2 * 3600_000),
    });
    expect((await get('/readyz')).status).toBe(200); // old but never tried: its first attempt is simply due
    await w.store.outbox.markAttemptFailed(entry.id, 'connect ECONNREFUSED', new Date(Date.now() + 60_000), false);
    r = JSON.parse((await get('/readyz')).body);
    expect(r.failing).toContain('outbox');
    expect(r.checks.outbox.detail).toMatch(/still pending after failed SMTP attempts/);
  });

  it('names database when the store is closed', async () => {
    await w.store.close();
    const res = await get('/readyz');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body).failing).toContain('database');
    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/^khab_store_up\{[^}]*\} 0$/m);
  });
});
