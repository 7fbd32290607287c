// The logger drops secrets and message content whatever a caller passes it.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(stream, 'info'), lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('log redaction', () => {
  const secrets = {
    password: 'hunter2', IMAP_PASSWORD: 'imap-secret', SMTP_PASSWORD: 'smtp-secret',
    raw: 'From: a@b\r\n\r\nbody', text: 'Показания 12345', html: '<p>Показания</p>',
  };

  it.each(Object.keys(secrets))('drops %s at the top level and one level down', (key) => {
    const { logger, lines } = capture();
    const value = secrets[key as keyof typeof secrets];
    logger.info({ [key]: value, keep: 1 }, 'top');
    logger.info({ settings: { [key]: value, keep: 2 } }, 'nested');
    logger.child({ stage: 'mail' }).warn({ message: { [key]: value } }, 'child');
    const out = lines();
    expect(out).toHaveLength(3);
    expect(JSON.stringify(out)).not.toContain(value);
    expect(out[0]).toMatchObject({ keep: 1, msg: 'top' });
    expect(out[0]).not.toHaveProperty(key);
    expect(out[1]!['settings']).toEqual({ keep: 2 });
    expect(out[2]).toMatchObject({ stage: 'mail', message: {} });
  });

  it('drops the IMAP password of a settings object logged whole, and attachment bytes', () => {
    const { logger, lines } = capture();
    logger.info({ IMAP_HOST: 'mail.example.ru', IMAP_PASSWORD: 'imap-secret', SMTP_PASSWORD: 'smtp-secret' }, 'settings');
    logger.info({ attachment: { filename: 'meter.jpg', content: Buffer.from('JPEG bytes') } }, 'photo');
    const text = JSON.stringify(lines());
    expect(text).toContain('mail.example.ru');
    expect(text).toContain('meter.jpg');
    for (const secret of ['imap-secret', 'smtp-secret', 'JPEG bytes']) expect(text).not.toContain(secret);
  });
});
