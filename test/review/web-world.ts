// The clerk UI under test: the project's SMTP sink (started idempotently, never stopped here), a fresh migrated
// database (SQLite, or PostgreSQL in the vitest project "postgres") with the sample registry, messages decided by the intake's own code, the web server in-process.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { loadSettings, PROJECT_ROOT, RULE_SETTINGS, SMTP_SETTINGS, WEB_SETTINGS } from '../../src/config.js';
import { decideAndApply } from '../../src/intake/process-message.js';
import { decisionRules, parseLimits } from '../../src/intake/rules-from-settings.js';
import { log } from '../../src/log.js';
import { parseMessage } from '../../src/parse/parse-message.js';
import { importRegistry } from '../../src/registry/import-registry.js';
import { startWeb, type RunningWeb, type StartWebSettings } from '../../src/review/start-web.js';
import { createUser } from '../../src/review/services/manage-users.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDatabases } from '../store/temp-db.js';
import { RegistryIndex } from '../../src/validate/registry-index.js';
import { sinkMessages, startMailServer } from '../../scripts/mailserver/index.js';

export const PASSWORD = 'korrekt-horse-42';

export interface WebWorld {
  store: Store;
  web: RunningWeb;
  settings: StartWebSettings;
  /** Stores a raw message and decides it as the intake does; returns the message row id. */
  ingest(raw: Buffer): Promise<number>;
  /** Starts another server on the same database (separate login limiter). */
  another(): Promise<RunningWeb>;
  cleanup(): Promise<void>;
}

let uid = 0;

export async function webWorld(extraEnv: Record<string, string> = {}): Promise<WebWorld> {
  await startMailServer();
  // SQLite, or PostgreSQL in the vitest project "postgres" (test/store/temp-db.ts).
  const dbs = await tempDatabases();
  const databaseUrl = await dbs.fresh();
  const env = {
    DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', WEB_FORWARD_ADDRESSES: 'Юридический отдел=legal@khab.dvec.ru;Абонентский отдел=abonent@khab.dvec.ru',
    // Another engineer's test may restart the sink: retry a failed delivery after a second, not 30.
    WEB_LOGIN_MAX_ATTEMPTS: '3', OUTBOX_RETRY_BASE_SECONDS: '1', ...extraEnv,
  };
  const settings = loadSettings([...WEB_SETTINGS, ...RULE_SETTINGS, ...SMTP_SETTINGS, 'DATABASE_URL', 'FOLDER_REVIEW', 'IMAP_USER'], env) as StartWebSettings;
  const store = await openStore(databaseUrl);
  await importRegistry(store, readFileSync(path.join(PROJECT_ROOT, 'samples', 'registry.csv'), 'utf8'), 'test', 'registry.csv');
  for (const [login, role] of [['anna', 'clerk'], ['boris', 'clerk'], ['root', 'admin']] as const) {
    const r = await createUser(store, { login, role, password: PASSWORD, actor: 'test' });
    if (!r.ok) throw new Error(r.message);
  }
  const quiet = log.child({ stage: 'web-test' });
  quiet.level = 'silent';
  const servers: RunningWeb[] = [];
  const start = async () => {
    const s = await startWeb(settings, store, quiet, { port: 0 });
    servers.push(s);
    return s;
  };
  const web = await start();
  const rules = decisionRules(settings, [settings.MAIL_FROM, settings.IMAP_USER]);
  return {
    store, web, settings,
    async ingest(raw) {
      const parsed = await parseMessage(raw, parseLimits(settings));
      const inserted = await store.messages.insert({
        mailbox: 'INBOX', uidValidity: 1, uid: ++uid + Math.floor(Math.random() * 1e6), messageIdHeader: parsed.messageId,
        sha256: createHash('sha256').update(raw).digest('hex'), raw, size: raw.length, receivedAt: parsed.date ?? new Date(),
        dateHeader: parsed.date, fromAddress: parsed.from.address, subject: parsed.subject,
      });
      if (!inserted.ok) throw new Error('duplicate uid');
      const row = (await store.messages.get(inserted.id))!;
      const outcome = await decideAndApply(row, parsed, {
        store, registry: new RegistryIndex(await store.registry.loadAll()), rules, limits: parseLimits(settings),
        folders: { accept: 'Processed', review: 'Review', reject: 'Rejected', ignore: 'Ignored', failed: 'Failed' },
        replies: { ...rules, window: rules.window, replyOnReview: false, maxPerSenderPerDay: 50 }, mailbox: 'INBOX', uidValidity: 1n, log: quiet,
      }, quiet);
      if (outcome.kind !== 'decided') throw new Error(`not decided: ${JSON.stringify(outcome)}`);
      await store.messages.markFiled([inserted.id], new Date());
      return inserted.id;
    },
    another: start,
    async cleanup() {
      for (const s of servers) await s.close();
      await store.close();
      await dbs.cleanup();
    },
  };
}

/** A unique Message-ID for this run (the sink keeps earlier runs' mail). */
export const messageId = (tag: string): string => `${tag}-${randomUUID()}@example.ru`;

export function plainMail(o: { from: string; subject: string; body: string; id: string; date?: string }): Buffer {
  return Buffer.from([
    `From: ${o.from}`, 'To: info@khab.dvec.ru', `Subject: ${o.subject}`, `Date: ${o.date ?? 'Sun, 22 Nov 2026 10:00:00 +1000'}`,
    `Message-ID: <${o.id}>`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', o.body, '',
  ].join('\r\n'));
}

/** The mail in the sink answering `id` (In-Reply-To), waiting for the outbox sender up to `limitMs`. */
export async function sinkReplyTo(id: string, kick: () => void, limitMs = 45_000): Promise<{ to: string; subject: string; text: string; autoSubmitted: string } | null> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    kick(); // a delivery deferred by a sink restart is retried
    for (const file of sinkMessages().reverse()) {
      const raw = readFileSync(file, 'latin1');
      if (!raw.includes(id)) continue;
      const mail = await simpleParser(readFileSync(file));
      if ((mail.inReplyTo ?? '').replace(/^<|>$/g, '') !== id) continue;
      return {
        to: Array.isArray(mail.to) ? '' : mail.to?.value[0]?.address ?? '', subject: mail.subject ?? '', text: mail.text ?? '',
        autoSubmitted: String(mail.headers.get('auto-submitted') ?? ''),
      };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

/** Logs in over HTTP (no browser): the session cookie and the CSRF token of the queue page. */
export async function httpLogin(base: string, login: string, password = PASSWORD): Promise<{ cookie: string; csrf: string; status: number }> {
  const form = await fetch(`${base}/login`);
  const loginCsrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const cookie0 = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
  const res = await fetch(`${base}/login`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie0 },
    body: new URLSearchParams({ _csrf: loginCsrf, login, password, next: '/queue' }).toString(),
  });
  const sid = (res.headers.getSetCookie().find((c) => c.startsWith('sid=')) ?? '').split(';')[0]!;
  if (res.status !== 303) return { cookie: '', csrf: '', status: res.status };
  const queue = await fetch(`${base}/queue`, { headers: { cookie: sid } });
  const csrf = /data-csrf="([^"]+)"/.exec(await queue.text())?.[1] ?? '';
  return { cookie: sid, csrf, status: res.status };
}
