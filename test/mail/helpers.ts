// Shared by the mail integration tests: the project's own local Dovecot, settings aimed at it, a log
// that can be read back, and mailbox names no other test touches.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { IMAP_SETTINGS, loadSettings } from '../../src/config.js';
import { MailboxClient, type ImapSettings } from '../../src/mail/index.js';
import { startMailServer } from '../../scripts/mailserver/index.js';

export { restartDovecot } from '../../scripts/mailserver/index.js';

export async function ensureMailServer(): Promise<void> {
  await startMailServer();
}

/** Settings for the local Dovecot; `env` overrides (never the developer's own environment). */
export function imapSettings(env: Record<string, string> = {}): ImapSettings {
  return loadSettings(IMAP_SETTINGS, env);
}

/** A mailbox name of its own per test, so tests (and other engineers' runs) never see each other's mail. */
export function uniqueName(prefix: string): string {
  return `t-${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Creates a fresh mailbox and returns settings that select it. */
export async function freshMailbox(prefix: string, env: Record<string, string> = {}): Promise<ImapSettings> {
  const settings = imapSettings({ ...env, IMAP_MAILBOX: uniqueName(prefix) });
  const setup = new MailboxClient(imapSettings(env), testLog().log);
  try {
    await setup.connect();
    await setup.ensureFolder(settings.IMAP_MAILBOX);
  } finally {
    await setup.close();
  }
  return settings;
}

/** A pino logger whose JSON lines are kept in memory. */
export function testLog(): { log: Logger; lines: () => Array<Record<string, unknown>>; text: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const log = pino({ level: 'debug' }, sink);
  const text = (): string => chunks.join('');
  const lines = (): Array<Record<string, unknown>> => text().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { log, lines, text };
}

/** A small CRLF message with 8-bit Cyrillic text, distinct per `n`. */
export function message(n: number, extra = ''): Buffer {
  return Buffer.from(
    [
      'From: Иван Петров <ivan@example.ru>',
      'To: info@khab.dvec.ru',
      `Subject: =?UTF-8?B?${Buffer.from(`Показания ${n}`).toString('base64')}?=`,
      `Message-ID: <t${n}.${randomUUID()}@example.ru>`,
      'Date: Tue, 24 Nov 2026 12:00:03 +1000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      `Лицевой счёт 1234567${n}, счётчик 0112233, показания ${10000 + n} кВт·ч.${extra}`,
      '',
    ].join('\r\n'),
    'utf8',
  );
}
