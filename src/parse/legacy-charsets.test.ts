// Russian mail in single-byte charsets, declared and undeclared. The bytes are built here from
// UTF-8 text so that the fixtures stay readable.
import { describe, expect, it } from 'vitest';
import { detectCyrillicCharset } from './detect-charset.js';
import { decodeEncodedWords } from './decode-header.js';
import { parseMessage } from './parse-message.js';

const CHARSETS = ['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5'] as const;

function encodeLegacy(text: string, charset: string): Buffer {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (!table.has(ch)) table.set(ch, b);
  }
  return Buffer.from([...text].map((ch) => {
    const byte = table.get(ch);
    if (byte === undefined) throw new Error(`${ch} is not in ${charset}`);
    return byte;
  }));
}

const BODY = 'Добрый день! Лицевой счёт 1234567890, счётчик 011234, показания 12345.\r\n';
const TEXT = BODY.trim();

function message(headers: string, body: Buffer, subject: Buffer = Buffer.from('Readings')): Buffer {
  return Buffer.concat([
    Buffer.from('From: client@example.ru\r\nTo: info@khab.dvec.ru\r\nSubject: '), subject,
    Buffer.from(`\r\nDate: Tue, 24 Nov 2026 10:00:00 +1000\r\nMIME-Version: 1.0\r\n${headers}\r\n`), body,
  ]);
}

function quotedPrintable(bytes: Buffer): string {
  return [...bytes].map((b) => (b >= 0x80 || b === 0x3d ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b))).join('');
}

describe('legacy charsets', () => {
  it.each(CHARSETS)('%s declared, 8bit', async (charset) => {
    const m = await parseMessage(message(`Content-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: 8bit\r\n`, encodeLegacy(BODY, charset)));
    expect(m.text).toBe(TEXT);
  });

  it.each(CHARSETS)('%s undeclared, 8bit, with a raw 8-bit subject', async (charset) => {
    const m = await parseMessage(message('Content-Type: text/plain\r\n', encodeLegacy(BODY, charset), encodeLegacy('Показания за ноябрь', charset)));
    expect(m.text).toBe(TEXT);
    expect(m.subject).toBe('Показания за ноябрь');
    expect(m.headers.subject).toEqual(['Показания за ноябрь']);
  });

  it('windows-1251 declared, base64', async () => {
    const body = `${encodeLegacy(BODY, 'windows-1251').toString('base64')}\r\n`;
    const m = await parseMessage(message('Content-Type: text/plain; charset="windows-1251"\r\nContent-Transfer-Encoding: base64\r\n', Buffer.from(body)));
    expect(m.text).toBe(TEXT);
  });

  it('KOI8-R declared, quoted-printable, RFC 2047 subject in KOI8-R', async () => {
    const subject = `=?koi8-r?B?${encodeLegacy('Показания', 'koi8-r').toString('base64')}?=`;
    const body = quotedPrintable(encodeLegacy(BODY, 'koi8-r'));
    const m = await parseMessage(message('Content-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: quoted-printable\r\n', Buffer.from(body), Buffer.from(subject)));
    expect(m.text).toBe(TEXT);
    expect(m.subject).toBe('Показания');
  });

  it('no Content-Type at all, windows-1251 bytes', async () => {
    const raw = Buffer.concat([Buffer.from('From: a@b.ru\r\nSubject: x\r\n\r\n'), encodeLegacy(BODY, 'windows-1251')]);
    expect((await parseMessage(raw)).text).toBe(TEXT);
  });

  it('undeclared windows-1251 inside multipart/alternative, quoted-printable and HTML', async () => {
    const plain = quotedPrintable(encodeLegacy(BODY, 'windows-1251'));
    const html = encodeLegacy('<div>Добрый день!</div>', 'windows-1251');
    const body = Buffer.concat([
      Buffer.from(`--a\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${plain}\r\n--a\r\nContent-Type: text/html\r\n\r\n`),
      html, Buffer.from('\r\n--a--\r\n'),
    ]);
    const m = await parseMessage(message('Content-Type: multipart/alternative; boundary=a\r\n', body));
    expect(m.text).toBe(TEXT);
    expect(m.html).toBe('<div>Добрый день!</div>');
  });

  it('"us-ascii" or "utf-8" labels on windows-1251 bytes are corrected', async () => {
    for (const label of ['us-ascii', 'utf-8']) {
      const m = await parseMessage(message(`Content-Type: text/plain; charset=${label}\r\n`, encodeLegacy(BODY, 'windows-1251')));
      expect(m.text).toBe(TEXT);
    }
  });

  it('real UTF-8 with one stray byte keeps its UTF-8 reading', async () => {
    const body = Buffer.concat([Buffer.from('Показания 12345 '), Buffer.from([0xff]), Buffer.from('\r\n')]);
    const m = await parseMessage(message('Content-Type: text/plain; charset=utf-8\r\n', body));
    expect(m.text.startsWith('Показания 12345')).toBe(true);
  });

  it('undeclared UTF-8 stays UTF-8', async () => {
    const m = await parseMessage(message('Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n', Buffer.from(BODY)));
    expect(m.text).toBe(TEXT);
  });

  it.each(CHARSETS)('detectCyrillicCharset recognises %s', (charset) => {
    expect(detectCyrillicCharset(encodeLegacy('Прошу принять показания счётчика за ноябрь', charset))).toBe(charset);
  });

  it('RFC 2047: adjacent words joined, charset labels with language, Q underscores', () => {
    expect(decodeEncodedWords('=?UTF-8?B?0J/QvtC6?= =?UTF-8?B?0LDQt9Cw0L3QuNGP?=')).toBe('Показания');
    expect(decodeEncodedWords('=?windows-1251*ru?Q?=CF=EE=EA=E0=E7=E0=ED=E8=FF_2026?=')).toBe('Показания 2026');
    expect(decodeEncodedWords('Re: =?koi8-r?B?8M/LwdrBzsnR?= (ноябрь)')).toBe('Re: Показания (ноябрь)');
  });
});
