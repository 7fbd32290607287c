// The process file under pm2 itself (pm2 7, PM2_HOME in a temp folder): intake starts and becomes ready,
// `pm2 reload intake` while mail is being processed loses and repeats nothing, pm2's log files are rotated
// offline (`npm run logs:rotate` + pm2 reloadLogs) and carry no message bodies; `pm2 kill` at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAP_SETTINGS, loadSettings, PROJECT_ROOT } from '../../src/config.js';
import { log } from '../../src/log.js';
import { MailboxClient } from '../../src/mail/mailbox-client.js';
import { openStore, type Store } from '../../src/store/index.js';
import { startMailServer } from '../../scripts/mailserver/index.js';

const PM2 = path.join(PROJECT_ROOT, 'node_modules/pm2/bin/pm2');
const BODY_MARKER = 'pm2-test-body-marker';

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function until(what: string, cond: () => Promise<boolean>, limitMs = 30_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (await cond().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

describe('pm2: intake from ecosystem.config.cjs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'khab-pm2-'));
  const mailbox = `pm2-test-${process.pid}`;
  const databaseUrl = `file:${path.join(dir, 'data', 'khab.sqlite')}`;
  let env: NodeJS.ProcessEnv = {};
  let port = 0;
  let store: Store | null = null;
  const imap = loadSettings(IMAP_SETTINGS, { IMAP_MAILBOX: mailbox });
  const inbox = loadSettings(IMAP_SETTINGS, {}); // appends and CREATE go through INBOX, which always exists
  const run = (cmd: string, args: string[], extra: NodeJS.ProcessEnv = {}) => {
    const r = spawnSync(cmd, args, { cwd: PROJECT_ROOT, env: { ...env, ...extra }, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  const pm2 = (...args: string[]) => run(process.execPath, [PM2, ...args]);
  const ready = async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;

  let seq = 0;
  const append = async (n: number): Promise<string[]> => {
    const client = new MailboxClient(inbox, log.child({ stage: 'test' }));
    const ids: string[] = [];
    try {
      await client.connect();
      for (let i = 0; i < n; i++) {
        const id = `pm2-${process.pid}-${++seq}@example.ru`;
        ids.push(id);
        await client.append(mailbox, Buffer.from([
          `From: Покупатель <pm2-${seq}@example.ru>`, 'To: info@khab.dvec.ru', 'Subject: Показания',
          'Date: Sun, 22 Nov 2026 10:00:00 +1000', `Message-ID: <${id}>`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '',
          `2701004512 011234567 ${48300 + seq} ${BODY_MARKER}`, '',
        ].join('\r\n')), { date: new Date('2026-11-22T00:00:00Z') });
      }
    } finally {
      await client.close();
    }
    return ids;
  };
  const storedIds = async (): Promise<string[]> => {
    store ??= await openStore(databaseUrl);
    const states = ['received', 'processing', 'decided', 'filed', 'failed', 'duplicate'] as const;
    const rows = (await Promise.all(states.map((s) => store!.messages.listByState(s, 10_000)))).flat();
    return rows.filter((r) => r.messageIdHeader?.startsWith(`pm2-${process.pid}-`)).map((r) => `${r.messageIdHeader}|${r.state}`);
  };

  beforeAll(async () => {
    await startMailServer();
    port = await freePort();
    env = {
      ...process.env, PM2_HOME: path.join(dir, 'pm2'), DATA_DIR: path.join(dir, 'data'), DATABASE_URL: databaseUrl,
      IMAP_MAILBOX: mailbox, METRICS_PORT: String(port), OCR_ENABLED: 'false', LOG_LEVEL: 'info', POLL_INTERVAL_SECONDS: '5', IMAP_BATCH_SIZE: '5',
    };
    run('npm', ['run', '--silent', 'db', '--', 'migrate']);
    const client = new MailboxClient(inbox, log.child({ stage: 'test' }));
    await client.connect();
    await client.ensureFolder(mailbox);
    await client.close();
  });
  afterAll(async () => {
    try {
      pm2('kill');
    } finally {
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts, reloads without losing or repeating mail, rotates its logs', async () => {
    const t0 = Date.now();
    pm2('start', 'ecosystem.config.cjs', '--only', 'intake');
    await until('intake ready', ready);
    const tReady = Date.now() - t0;

    const first = await append(20);
    // Reload once the daemon is at work on them (batches of 5): some filed, the rest stored, fetched or waiting.
    const filed = async () => (await storedIds()).filter((s) => s.endsWith('|filed')).length;
    await until('the first filed', async () => (await filed()) > 0, 20_000);
    const filedAtReload = await filed();
    pm2('reload', 'intake');
    const second = await append(5);
    await until('intake ready again', ready);
    await until('all 25 filed', async () => (await storedIds()).filter((s) => s.endsWith('|filed')).length === 25);

    const stored = await storedIds();
    const ids = stored.map((s) => s.split('|')[0]);
    expect(new Set(ids).size).toBe(ids.length); // nothing stored twice
    expect([...ids].sort()).toEqual([...first, ...second].sort()); // nothing lost
    const client = new MailboxClient(imap, log.child({ stage: 'test' }));
    await client.connect();
    expect(await client.listUids()).toEqual([]); // every message left the mailbox for its folder
    await client.close();
    const [app] = JSON.parse(pm2('jlist')) as { name: string; pm2_env: { restart_time: number; status: string } }[];
    expect(app?.pm2_env).toMatchObject({ status: 'online', restart_time: 1 });

    // Offline rotation: the file is renamed, pm2 reopens a fresh one and keeps writing there.
    const logFile = path.join(dir, 'data', 'logs', 'intake.err.log');
    expect(readFileSync(logFile, 'utf8')).toContain('"stage":"decide"');
    run('npm', ['run', '--silent', 'logs:rotate'], { LOG_ROTATE_MAX_BYTES: '1' });
    expect(existsSync(`${logFile}.1`)).toBe(true);
    await append(1);
    await until('a new line in the reopened log', async () => existsSync(logFile) && readFileSync(logFile, 'utf8').includes('"msg":"decided"'));
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/khab_intake_messages_total\{[^}]*\} [1-9]/);
    for (const f of [logFile, `${logFile}.1`]) expect(readFileSync(f, 'utf8')).not.toContain(BODY_MARKER);
    console.log(`pm2: ready ${tReady} ms after start; ${filedAtReload} of 20 filed when the reload began; whole run ${Date.now() - t0} ms`);
  });
});
