// The project's own Dovecot and SMTP sink (scripts/mailserver), exercised with the clients the daemon uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOST, IMAP_PORT, IMAPS_PORT, MAIL_PASSWORD, MAIL_USER, SMTP_PORT,
  mailServerStatus, sinkMessages, startMailServer, stopMailServer,
} from '../scripts/mailserver/index.js';

const TEST_FOLDER = `Test-${process.pid}`;

function imap(options: Partial<ImapFlowOptions>): ImapFlow {
  return new ImapFlow({
    host: HOST, port: IMAP_PORT, secure: false, doSTARTTLS: false,
    auth: { user: MAIL_USER, pass: MAIL_PASSWORD },
    tls: { rejectUnauthorized: false }, logger: false,
    ...options,
  });
}

function message(subject: string): string {
  return [
    `From: Абонент <abonent@example.ru>`, `To: ${MAIL_USER}`, `Subject: ${subject}`,
    `Message-ID: <${subject}@test.local>`, 'Date: Fri, 21 Nov 2025 10:00:00 +1000',
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', 'л/с 123456 счётчик 0123456 показания 1234', '',
  ].join('\r\n');
}

async function until<T>(what: string, probe: () => T | undefined | false, limitMs = 30_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(50);
  }
}

let wasRunning = false;

beforeAll(() => {
  const s = mailServerStatus();
  wasRunning = s.dovecot.running && s.sink.running;
});

afterAll(async () => {
  // Another session's tests may share these servers: leave them as we found them.
  if (wasRunning) await startMailServer();
});

describe('npm run mailserver', () => {
  it('start answers on every port and is idempotent', async () => {
    const first = await startMailServer();
    expect(first.dovecot.running).toBe(true);
    expect(first.sink.running).toBe(true);
    const second = await startMailServer();
    expect(second.started).toEqual({ dovecot: false, sink: false });
    expect(second.dovecot.pid).toBe(first.dovecot.pid);
    expect(second.sink.pid).toBe(first.sink.pid);
  });

  it.each([
    ['plain IMAP on 3143', { port: IMAP_PORT, secure: false, doSTARTTLS: false }, false],
    ['STARTTLS on 3143', { port: IMAP_PORT, secure: false, doSTARTTLS: true }, true],
    ['implicit TLS on 3993', { port: IMAPS_PORT, secure: true, doSTARTTLS: undefined }, true],
  ] as const)('logs in with %s', async (_name, options, encrypted) => {
    const client = imap(options);
    await client.connect();
    try {
      expect(client.authenticated).toBeTruthy();
      expect(client.secureConnection).toBe(encrypted);
      expect(client.capabilities.has('IDLE')).toBe(true);
      expect(client.capabilities.has('MOVE')).toBe(true);
    } finally {
      await client.logout();
    }
  });

  it('appends to INBOX, creates a folder and moves the message there', async () => {
    const client = imap({});
    await client.connect();
    try {
      const subject = `move-${Date.now()}`;
      const appended = await client.append('INBOX', message(subject));
      expect(appended && appended.uid).toBeTruthy();
      await client.mailboxCreate(TEST_FOLDER);
      const lock = await client.getMailboxLock('INBOX');
      try {
        const uid = appended ? appended.uid : 0;
        const moved = await client.messageMove(String(uid), TEST_FOLDER, { uid: true });
        expect(moved && moved.uidMap?.size).toBe(1);
      } finally {
        lock.release();
      }
      const status = await client.status(TEST_FOLDER, { messages: true });
      expect(status && status.messages).toBe(1);
      await client.mailboxDelete(TEST_FOLDER);
    } finally {
      await client.logout();
    }
  });

  it('tells an IDLE client about a message appended by another connection', async () => {
    const watcher = imap({});
    const writer = imap({});
    await watcher.connect();
    await writer.connect();
    try {
      await writer.mailboxCreate(TEST_FOLDER);
      const lock = await watcher.getMailboxLock(TEST_FOLDER);
      try {
        const seen = new Promise<number>((resolve) => watcher.once('exists', (e: { count: number }) => resolve(e.count)));
        const idling = watcher.idle();
        await writer.append(TEST_FOLDER, message(`idle-${Date.now()}`));
        expect(await seen).toBe(1);
        await watcher.noop(); // breaks IDLE
        await idling;
      } finally {
        lock.release();
      }
      await writer.mailboxDelete(TEST_FOLDER);
    } finally {
      await watcher.logout();
      await writer.logout();
    }
  });

  it('the sink saves mail sent without AUTH, and with AUTH over STARTTLS', async () => {
    const before = new Set(sinkMessages());
    const plain = nodemailer.createTransport({ host: HOST, port: SMTP_PORT, secure: false, ignoreTLS: true });
    const tls = nodemailer.createTransport({
      host: HOST, port: SMTP_PORT, secure: false, requireTLS: true,
      auth: { user: 'any', pass: 'thing' }, tls: { rejectUnauthorized: false },
    });
    const subjects = [`sink-plain-${Date.now()}`, `sink-tls-${Date.now()}`];
    await plain.sendMail({ from: MAIL_USER, to: 'abonent@example.ru', subject: subjects[0], text: 'Показания приняты.' });
    await tls.sendMail({ from: MAIL_USER, to: 'abonent@example.ru', subject: subjects[1], text: 'Показания приняты.' });
    plain.close();
    tls.close();
    const fresh = await until('two .eml files', () => {
      const added = sinkMessages().filter((f) => !before.has(f));
      return added.length >= 2 ? added : undefined;
    });
    const texts = fresh.map((f) => fs.readFileSync(f, 'utf8'));
    for (const subject of subjects) expect(texts.some((t) => t.includes(`Subject: ${subject}`))).toBe(true);
    expect(texts.every((t) => t.includes('X-Sink-Envelope-To: <abonent@example.ru>'))).toBe(true);
    expect(fs.readdirSync(mailServerStatus().connection.sinkDir).some((n) => n.endsWith('.part'))).toBe(false);
  });

  it('restarts the sink when MAIL_SINK_DIR changes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khab-sink-'));
    const env = { ...process.env, MAIL_SINK_DIR: dir };
    try {
      const moved = await startMailServer({ env });
      expect(moved.started).toEqual({ dovecot: false, sink: true });
      expect(moved.sink.dir).toBe(dir);
      const smtp = nodemailer.createTransport({ host: HOST, port: SMTP_PORT, secure: false, ignoreTLS: true });
      await smtp.sendMail({ from: MAIL_USER, to: 'abonent@example.ru', subject: 'elsewhere', text: '.' });
      smtp.close();
      await until('a message in the new folder', () => sinkMessages({ env }).length === 1);
    } finally {
      const back = await startMailServer();
      expect(back.sink.dir).toBe(back.connection.sinkDir);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stop waits for both servers to exit; status then reports them stopped', async () => {
    const stopped = await stopMailServer();
    expect(stopped).toEqual({ dovecot: true, sink: true });
    const after = mailServerStatus();
    expect(after.dovecot.running).toBe(false);
    expect(after.sink.running).toBe(false);
    expect(await stopMailServer()).toEqual({ dovecot: false, sink: false });
  });
});
