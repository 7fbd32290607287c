// Byte-level MIME building blocks for the holdout-b corpus. Hand-rolled on purpose:
// the corpus must contain the exact encodings real clients produce (QP soft breaks inside
// numbers, split encoded-words, KOI8-R/windows-1251 bytes), not what a mail library prefers.
import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export const CRLF = '\r\n';

export type TransferEncoding = '7bit' | '8bit' | 'base64' | 'quoted-printable';

export interface Part {
  headers: string[];
  body: Buffer;
}

export function encodeStrict(text: string, charset: string): Buffer {
  const bytes = iconv.encode(text, charset);
  if (iconv.decode(bytes, charset) !== text) {
    throw new Error(`text is not representable in ${charset}: ${JSON.stringify(text.slice(0, 60))}`);
  }
  return bytes;
}

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, CRLF);
}

export function wrapBase64(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      let end = i;
      if (end > start && bytes[end - 1] === 0x0d) end--;
      lines.push(bytes.subarray(start, end));
      start = i + 1;
    }
  }
  return lines;
}

/** RFC 2045 quoted-printable; soft breaks land wherever 76 columns fall, as real clients do. */
export function quotedPrintable(bytes: Buffer): string {
  const out: string[] = [];
  for (const line of splitLines(bytes)) {
    let current = '';
    line.forEach((byte, index) => {
      const atEnd = index === line.length - 1;
      const literal = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !atEnd);
      const token = literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      if (current.length + token.length > 75) {
        out.push(`${current}=`);
        current = '';
      }
      current += token;
    });
    out.push(current);
  }
  return out.join(CRLF);
}

function qWord(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9!*+\-/]/.test(ch)) out += ch;
    else if (byte === 32) out += '_';
    else out += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** RFC 2047 encoded-words, split on character boundaries, folded onto continuation lines. */
export function encodeWords(text: string, charset = 'UTF-8', mode: 'B' | 'Q' = 'B', maxBytes = 42): string {
  const chunks: string[] = [];
  let chunk = '';
  for (const ch of Array.from(text)) {
    if (chunk && encodeStrict(chunk + ch, charset).length > maxBytes) {
      chunks.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) chunks.push(chunk);
  return chunks
    .map((c) => {
      const bytes = encodeStrict(c, charset);
      return `=?${charset}?${mode}?${mode === 'B' ? bytes.toString('base64') : qWord(bytes)}?=`;
    })
    .join(`${CRLF} `);
}

export function headerText(text: string, charset = 'UTF-8', mode: 'B' | 'Q' = 'B'): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : encodeWords(text, charset, mode);
}

export function mailbox(name: string, address: string, charset = 'UTF-8', mode: 'B' | 'Q' = 'B'): string {
  if (!name) return address;
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name}"` : encodeWords(name, charset, mode);
  return `${display} <${address}>`;
}

export interface TextOptions {
  subtype?: 'plain' | 'html';
  charset?: string;
  charsetLabel?: string;
  encoding?: TransferEncoding;
  flowed?: boolean;
  extraHeaders?: string[];
}

export function textPart(text: string, options: TextOptions = {}): Part {
  const charset = options.charset ?? 'utf-8';
  const raw = encodeStrict(toCrlf(text), charset);
  const encoding = options.encoding ?? 'base64';
  const body =
    encoding === 'base64'
      ? Buffer.from(wrapBase64(raw))
      : encoding === 'quoted-printable'
        ? Buffer.from(quotedPrintable(raw))
        : raw;
  const flowed = options.flowed ? '; format=flowed' : '';
  return {
    headers: [
      `Content-Type: text/${options.subtype ?? 'plain'}; charset=${options.charsetLabel ?? charset}${flowed}`,
      `Content-Transfer-Encoding: ${encoding}`,
      ...(options.extraHeaders ?? []),
    ],
    body,
  };
}

export function multipart(subtype: string, parts: Part[], boundary: string, params = ''): Part {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}${CRLF}${part.headers.join(CRLF)}${CRLF}${CRLF}`));
    chunks.push(part.body);
    chunks.push(Buffer.from(CRLF));
  }
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`));
  return { headers: [`Content-Type: multipart/${subtype}; boundary="${boundary}"${params}`], body: Buffer.concat(chunks) };
}

export function attachment(bytes: Buffer, contentType: string, filename: string, inline = false): Part {
  return {
    headers: [
      `Content-Type: ${contentType}; name="${filename}"`,
      `Content-Disposition: ${inline ? 'inline' : 'attachment'}; filename="${filename}"`,
      'Content-Transfer-Encoding: base64',
    ],
    body: Buffer.from(wrapBase64(bytes)),
  };
}

export function rawPart(headers: string[], body: string | Buffer): Part {
  return { headers, body: typeof body === 'string' ? Buffer.from(toCrlf(body)) : body };
}

export function message(headers: string[], root: Part): Buffer {
  return Buffer.concat([Buffer.from(`${[...headers, ...root.headers].join(CRLF)}${CRLF}${CRLF}`), root.body]);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date from a wall-clock time in the sender's zone; the weekday is computed, never typed. */
export function rfcDate(local: string, offset: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})$/.exec(local);
  if (!match) throw new Error(`bad local time ${local}`);
  const [, year, month, day, time] = match.map(String);
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay()];
  return `${weekday}, ${Number(day)} ${MONTHS[Number(month) - 1]} ${year} ${time} ${offset}`;
}

export function token(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** Minimal truecolour PNG; used for photos that are deliberately not of a meter. */
export function makePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(pixel(x, y), 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
