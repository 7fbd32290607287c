import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHeaders, parseMessage } from './parse-message.js';
import type { ParsedMessage } from './types.js';

const FIXTURES = new URL('../../test/fixtures/parse/', import.meta.url);
const fixture = (name: string): Buffer => readFileSync(new URL(name, FIXTURES));
const parseFixture = (name: string): Promise<ParsedMessage> => parseMessage(fixture(name));

describe('parseMessage: headers', () => {
  it('decodes RFC 2047 subject (split mid-letter), from name and reply-to; lower-cases addresses', async () => {
    const m = await parseFixture('plain-qp.eml');
    expect(m.subject).toBe('Показания за ноябрь');
    expect(m.from).toEqual({ address: 'ivanova.m@mail.ru', name: 'Иванова Мария' });
    expect(m.replyTo).toEqual({ address: 'maria.home@yandex.ru', name: 'Мария' });
    expect(m.to).toEqual(['info@khab.dvec.ru']);
    expect(m.messageId).toBe('plain-qp-1@mail.ru');
    expect(m.date?.toISOString()).toBe('2026-11-24T00:04:55.000Z');
    expect(m.contentType).toBe('text/plain');
    expect(m.problems).toEqual([]);
  });

  it('keeps every header with lower-case names, decoded values and repeats', async () => {
    const m = await parseFixture('plain-qp.eml');
    expect(m.headers.received).toHaveLength(2);
    expect(m.headers['x-mailer']).toEqual(['Почта Mail.ru']);
    expect(m.headers.subject).toEqual(['Показания за ноябрь']);
    expect(m.headers['content-type']).toEqual(['text/plain; charset=utf-8']);
  });

  it('lists every To address', async () => {
    const m = await parseFixture('alternative-base64.eml');
    expect(m.to).toEqual(['info@khab.dvec.ru', 'other@example.com']);
    expect(m.replyTo).toBeNull();
  });

  it('returns a null date when the Date header is missing, not the time of parsing', async () => {
    const m = await parseFixture('no-date.eml');
    expect(m.date).toBeNull();
    expect(m.text).toBe('показания 100');
  });

  it('returns a null date for an unparsable Date and reads zone abbreviations', async () => {
    const bad = await parseMessage(Buffer.from('From: a@b.ru\nDate: вчера вечером\n\nhi\n'));
    expect(bad.date).toBeNull();
    const msk = await parseMessage(Buffer.from('From: a@b.ru\nDate: Tue, 24 Nov 2026 10:00:00 MSK\n\nhi\n'));
    expect(msk.date?.toISOString()).toBe('2026-11-24T07:00:00.000Z');
  });

  it('reports the top-level content type without parameters', async () => {
    expect((await parseFixture('delivery-report.eml')).contentType).toBe('multipart/report');
    expect((await parseFixture('html-table.eml')).contentType).toBe('text/html');
  });
});

describe('parseMessage: bodies', () => {
  it('decodes quoted-printable plain text', async () => {
    const m = await parseFixture('plain-qp.eml');
    expect(m.text).toBe('Добрый день!\nЛицевой счёт 1234567890, счётчик 011234.\nПоказания: день 12345, ночь 6789.');
    expect(m.html).toBeNull();
  });

  it('prefers the base64 text/plain alternative and keeps the raw HTML', async () => {
    const m = await parseFixture('alternative-base64.eml');
    expect(m.text).toBe('Здравствуйте!\nЛ/с 2233445566, показания 4521.');
    expect(m.html).toContain('<div>Здравствуйте!</div>');
  });

  it('uses the HTML when the plain alternative is only a stub', async () => {
    const m = await parseFixture('alternative-stub.eml');
    expect(m.text).toBe('Счётчик 011234\nПоказания 55555');
  });

  it('converts an HTML-only body: table rows on one line, no style/script/links/alt', async () => {
    const m = await parseFixture('html-table.eml');
    expect(m.text.split('\n')).toEqual([
      'Добрый вечер!',
      'Передаю показания:',
      'Лицевой счёт | Счётчик | Т1 | Т2',
      '1234567890 | 011234 | 12345 | 6789',
      '1234567890 | 022345 | 345 |',
      '- фото во вложении',
      '- звоните «если что» & пишите',
      'Подробнее на сайте.',
    ]);
    expect(m.fullText).toBe(m.text);
    expect(m.html).toContain('<table border="1">');
  });

  it('drops Outlook "[cid:…]" image placeholders from plain text', async () => {
    const raw = 'From: a@b.ru\nContent-Type: text/plain; charset=utf-8\n\nПоказания 100\n[cid:image001.png@01DB3C0F.6B0A5A70]\nИван\n';
    expect((await parseMessage(Buffer.from(raw))).text).toBe('Показания 100\n\nИван');
  });

  it('parses CRLF messages the same as LF ones', async () => {
    const lf = fixture('gmail-reply.eml');
    const crlf = Buffer.from(lf.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
    const [a, b] = await Promise.all([parseMessage(lf), parseMessage(crlf)]);
    expect(b.text).toBe(a.text);
    expect(b.quoted).toBe(a.quoted);
  });
});

describe('parseMessage: replies, forwards, signatures', () => {
  it('Gmail RU reply: new text kept, quote with its header moved to quoted', async () => {
    const m = await parseFixture('gmail-reply.eml');
    expect(m.text).toBe('Показания на 24.11: 12400');
    expect(m.quoted).toContain('вт, 24 нояб. 2026 г. в 10:00');
    expect(m.quoted).toContain('> Уважаемый клиент! Ваши последние показания 12345.');
    expect(m.fullText).toContain('12345');
  });

  it('Yandex HTML reply: blockquote and header quoted, mobile signature removed', async () => {
    const m = await parseFixture('yandex-reply.eml');
    expect(m.text).toBe('Добрый день, л/с 3344556677, показания 8821');
    expect(m.quoted).toBe('24.11.2026, 10:00, "Энергосбыт" <info@khab.dvec.ru>:\n> Просим передать показания. Прошлые показания: 8000');
    expect(m.signature).toContain('Отправлено из мобильной Яндекс Почты');
  });

  it('Mail.ru reply: ">" lines under the Mail.ru header are quoted, signature removed', async () => {
    const m = await parseFixture('mailru-reply.eml');
    expect(m.text).toBe('Т1 - 23456, Т2 - 7890');
    expect(m.quoted).toContain('от info@khab.dvec.ru:');
    expect(m.quoted).toContain('Т1 - 22000');
    expect(m.signature).toBe('--\nОтправлено из мобильной Почты Mail.ru');
  });

  it('Outlook desktop reply: unquoted history after the header block, closing block with ИНН and phone', async () => {
    const m = await parseFixture('outlook-reply.eml');
    expect(m.text).toBe('Добрый день. Показания счётчика 044556: 3210.');
    expect(m.quoted).toMatch(/^From: Энергосбыт[\s\S]*Прошлые показания 3000\.$/);
    expect(m.signature).toContain('ИНН 2723000000 КПП 272301001');
    expect(m.signature).toContain('тел. +7 (4212) 12-34-56');
  });

  it('Outlook desktop reply: the HTML alternative is split the same way', async () => {
    const raw = fixture('outlook-reply.eml').toString('latin1');
    // drop the plain alternative so that the HTML one is used
    const htmlOnly = raw.replace(/--_000_AM0PR01MB1234_\nContent-Type: text\/plain[\s\S]*?(?=--_000_)/, '');
    const m = await parseMessage(Buffer.from(htmlOnly, 'latin1'));
    expect(m.text).toBe('Добрый день. Показания счётчика 044556: 3210.');
    expect(m.quoted).toContain('Прошлые показания 3000.');
    expect(m.signature).toContain('Смирнов Алексей');
  });

  it('Outlook web reply: history after #appendonsend / #divRplyFwdMsg is quoted', async () => {
    const m = await parseFixture('outlook-web-reply.eml');
    expect(m.text).toBe('Показания 7777');
    expect(m.quoted).toContain('Прошлые показания 7000');
    expect(m.signature).toBe('Спасибо');
    expect(m.fullText).not.toContain('\uE000');
  });

  it('inline forward: everything after the separator is quoted', async () => {
    const m = await parseFixture('forwarded-inline.eml');
    expect(m.text).toBe('Пересылаю, мама просила передать.');
    expect(m.quoted).toContain('л/с 5566778899 показания 4100');
  });

  it('forward as message/rfc822: an attachment, not text', async () => {
    const m = await parseFixture('forwarded-attached.eml');
    expect(m.text).toBe('Пересылаю письмо мамы.');
    expect(m.fullText).not.toContain('4100');
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0]!.contentType).toBe('message/rfc822');
    expect(m.attachments[0]!.content.toString('utf8')).toContain('показания 4100');
  });

  it('bottom-posting: text written below the quote is new content', async () => {
    const m = await parseFixture('bottom-posting.eml');
    expect(m.text).toBe('Счётчик 011234, показания 10450.');
    expect(m.quoted).toContain('Энергосбыт пишет:');
    expect(m.quoted).toContain('> Срок передачи с 20 по 25 число.');
    expect(m.signature).toBe('Спасибо!\n-- \nПётр Ильич');
  });

  it('signature with requisites, disclaimer and antivirus banner are removed', async () => {
    const m = await parseFixture('signature-disclaimer.eml');
    expect(m.text).toBe('Добрый день!\nЛицевой счёт 9988776655, прибор учёта 123456: Т1 5400, Т2 2100.');
    expect(m.signature).toContain('ИНН 2724000000');
    expect(m.signature).toContain('конфиденциальную');
    expect(m.signature).toContain('Kaspersky');
  });
});

describe('parseMessage: attachments', () => {
  it('lists inline cid images and attachments with decoded names', async () => {
    const m = await parseFixture('inline-cid.eml');
    expect(m.text).toBe('Фото счётчика:');
    expect(m.html).toContain('cid:image001.png@01DB0000.12345670');
    expect(m.attachments.map(({ content: _content, ...a }) => a)).toEqual([
      { filename: 'image001.png', contentType: 'image/png', size: 70, contentId: 'image001.png@01DB0000.12345670', inline: true },
      { filename: 'счётчик.jpg', contentType: 'image/jpeg', size: 213, contentId: null, inline: false },
      { filename: 'квитанция.pdf', contentType: 'application/pdf', size: 13, contentId: null, inline: false },
    ]);
    expect(m.attachments[0]!.content.subarray(1, 4).toString()).toBe('PNG');
    expect(m.attachments[1]!.content[0]).toBe(0xff);
  });

  it('keeps delivery-status parts as attachments', async () => {
    const m = await parseFixture('delivery-report.eml');
    expect(m.from.address).toBe('mailer-daemon@khab.dvec.ru');
    expect(m.headers['auto-submitted']).toEqual(['auto-replied']);
    expect(m.attachments.map((a) => a.contentType)).toEqual(['message/delivery-status', 'text/rfc822-headers']);
    expect(m.text).not.toContain('Final-Recipient');
  });
});

describe('parseMessage: bad input', () => {
  it.each([
    ['zero bytes', Buffer.alloc(0)],
    ['whitespace', Buffer.from(' \r\n\t\n  \n')],
  ])('%s → empty', async (_name, raw) => {
    const m = await parseMessage(raw);
    expect(m.problems).toEqual(['empty']);
    expect(m.text).toBe('');
  });

  it.each([
    ['random bytes', randomBytes(4096)],
    ['a JPEG file', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), randomBytes(2048)])],
    ['text without headers', Buffer.from('Показания 12345\nсчётчик 011234\n')],
    ['NUL bytes in the header section', Buffer.from('Subject: x\nX-Junk: a\0b\n\nbody\n')],
  ])('%s → not_a_message', async (_name, raw) => {
    const m = await parseMessage(raw);
    expect(m.problems).toEqual(['not_a_message']);
  });

  it('accepts leading blank lines and an mbox "From " line', async () => {
    const m = await parseMessage(Buffer.from('\r\nFrom a@b.ru Tue Nov 24 10:00:00 2026\r\nFrom: a@b.ru\r\nSubject: mbox\r\n\r\nпоказания 5\r\n'));
    expect(m.problems).toEqual([]);
    expect(m.subject).toBe('mbox');
    expect(m.text).toBe('показания 5');
  });

  it('skips a UTF-8 byte order mark in front of the headers', async () => {
    const m = await parseMessage(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('From: a@b.ru\nSubject: bom\n\nhi\n')]));
    expect(m.problems).toEqual([]);
    expect(m.subject).toBe('bom');
  });

  it('a multipart cut inside base64 without a final newline → truncated, the rest kept', async () => {
    const m = await parseFixture('truncated-multipart.eml');
    expect(m.problems).toEqual(['truncated']);
    expect(m.text).toBe('показания 321');
  });

  it('a multipart that only omits its closing boundary but ends cleanly is not truncated', async () => {
    const m = await parseFixture('unclosed-clean.eml');
    expect(m.problems).toEqual([]);
    expect(m.text).toBe('показания 654');
  });

  it('a multipart cut at a line boundary of base64 is truncated', async () => {
    const raw = fixture('truncated-multipart.eml').toString('latin1');
    const lines = raw.split('\n');
    // keep whole 76-character lines only and end with a newline
    const cut = `${lines.slice(0, -1).join('\n')}\n`;
    expect((await parseMessage(Buffer.from(cut, 'latin1'))).problems).toEqual(['truncated']);
  });

  it('a single-part base64 body of impossible length is truncated', async () => {
    const raw = Buffer.from('From: a@b.ru\nContent-Type: image/jpeg\nContent-Transfer-Encoding: base64\n\n/9j/4AAQSkZJRgABAQ\n');
    expect((await parseMessage(raw)).problems).toEqual(['truncated']);
  });

  it('over maxBytes: headers only, too_large (30 MB generated)', async () => {
    const head = 'From: Big <big@example.ru>\r\nSubject: =?UTF-8?B?0J/QvtC60LDQt9Cw0L3QuNGP?=\r\nDate: Tue, 24 Nov 2026 10:00:00 +1000\r\n'
      + 'Content-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\nContent-Type: text/plain\r\n\r\nhello\r\n'
      + '--X\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n';
    const line = Buffer.from(`${'QUJD'.repeat(19)}\r\n`);
    const raw = Buffer.concat([Buffer.from(head), Buffer.alloc(30 * 1024 * 1024, line), Buffer.from('\r\n--X--\r\n')]);
    const started = performance.now();
    const m = await parseMessage(raw);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(m.problems).toEqual(['too_large']);
    expect(m.subject).toBe('Показания');
    expect(m.from.address).toBe('big@example.ru');
    expect(m.date?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(m.contentType).toBe('multipart/mixed');
    expect(m.text).toBe('');
    expect(m.attachments).toEqual([]);
  });

  it('over maxParts: the first parts kept, too_many_parts (500 parts generated)', async () => {
    let raw = 'From: a@b.ru\r\nSubject: many\r\nContent-Type: multipart/mixed; boundary=BB\r\n\r\n'
      + '--BB\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nпоказания 1\r\n';
    for (let i = 1; i < 500; i++) {
      raw += `--BB\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=f${i}.bin\r\n\r\npart ${i}\r\n`;
    }
    raw += '--BB--\r\n';
    const m = await parseMessage(Buffer.from(raw), { maxBytes: 25 * 1024 * 1024, maxParts: 200 });
    expect(m.problems).toEqual(['too_many_parts']);
    expect(m.text).toBe('показания 1');
    expect(m.attachments).toHaveLength(199);
    expect(m.attachments.at(-1)!.filename).toBe('f199.bin');
  });

  it('absurdly deep nesting counts as too many parts and does not hang', async () => {
    let raw = 'From: a@b.ru\r\nSubject: deep\r\n';
    for (let i = 0; i < 5000; i++) raw += `Content-Type: multipart/mixed; boundary=d${i}\r\n\r\n--d${i}\r\n`;
    raw += 'Content-Type: text/plain\r\n\r\nhi\r\n';
    const m = await parseMessage(Buffer.from(raw));
    expect(m.problems).toEqual(['too_many_parts']);
    expect(m.subject).toBe('deep');
  });

  it('a header block too big for the MIME parser still yields its headers', async () => {
    const raw = Buffer.concat([Buffer.from('From: a@b.ru\r\nX-Long: '), Buffer.alloc(2 * 1024 * 1024, 'a'), Buffer.from('\r\n\r\nbody\r\n')]);
    const m = await parseMessage(raw);
    expect(m.problems).toEqual(['not_a_message']);
    expect(m.from.address).toBe('a@b.ru');
  });
});

describe('parseHeaders', () => {
  it('reads Message-ID, Date, From, Reply-To, To and Subject as parseMessage does, for every sample and held-out message', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const f of readdirSync(dir)) {
        const p = `${dir}/${f}`;
        if (statSync(p).isDirectory()) walk(p);
        else if (f.endsWith('.eml')) files.push(p);
      }
    };
    walk('samples');
    walk('test/corpora');
    expect(files.length).toBeGreaterThan(100);
    const fields = (m: ParsedMessage) => ({ messageId: m.messageId, date: m.date, from: m.from, replyTo: m.replyTo, to: m.to, subject: m.subject, headers: m.headers });
    for (const file of files) {
      const raw = readFileSync(file);
      const [full, head] = [await parseMessage(raw), await parseHeaders(raw)];
      expect(fields(head), file).toEqual(fields(full));
      expect(head.text).toBe('');
      expect(head.attachments).toEqual([]);
    }
  });

  it('gives an empty message with its problem for bytes that are not a message', async () => {
    expect((await parseHeaders(Buffer.alloc(0))).problems).toEqual((await parseMessage(Buffer.alloc(0))).problems);
  });
});
