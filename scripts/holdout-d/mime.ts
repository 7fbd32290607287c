// Byte-exact MIME building blocks for the hold-out D corpus: real charsets (iconv-lite), real transfer encodings.
import iconv from 'iconv-lite';
import { deflateSync } from 'node:zlib';

export type Charset = 'utf-8' | 'windows-1251' | 'koi8-r' | 'us-ascii';
export type TransferEncoding = '7bit' | '8bit' | 'quoted-printable' | 'base64';

export interface Part {
  headers: string[];
  body: Buffer;
}

export const CRLF = '\r\n';

export function toBytes(text: string, charset: Charset): Buffer {
  const normalized = text.replace(/\r?\n/g, CRLF);
  if (charset === 'utf-8' || charset === 'us-ascii') return Buffer.from(normalized, 'utf8');
  return iconv.encode(normalized, charset);
}

function encodeQpLine(line: string): string {
  const tokens: string[] = [];
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const isLast = i === line.length - 1;
    const literal = (code >= 33 && code <= 126 && code !== 61) || ((code === 32 || code === 9) && !isLast);
    tokens.push(literal ? line.charAt(i) : '=' + code.toString(16).toUpperCase().padStart(2, '0'));
  }
  const out: string[] = [];
  let current = '';
  for (const token of tokens) {
    if (current.length + token.length > 75) {
      out.push(current + '=');
      current = '';
    }
    current += token;
  }
  out.push(current);
  return out.join(CRLF);
}

export function quotedPrintable(bytes: Buffer): string {
  return bytes.toString('latin1').split(CRLF).map(encodeQpLine).join(CRLF);
}

export function base64Lines(bytes: Buffer): string {
  const flat = bytes.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < flat.length; i += 76) lines.push(flat.slice(i, i + 76));
  return lines.join(CRLF);
}

export function encodeBody(bytes: Buffer, cte: TransferEncoding): Buffer {
  if (cte === 'base64') return Buffer.from(base64Lines(bytes), 'latin1');
  if (cte === 'quoted-printable') return Buffer.from(quotedPrintable(bytes), 'latin1');
  return bytes;
}

export interface TextOptions {
  subtype?: 'plain' | 'html';
  charset: Charset;
  cte: TransferEncoding;
  flowed?: boolean;
  /** How the client spells the charset parameter, e.g. `"UTF-8"` with quotes. */
  charsetLabel?: string;
}

export function textPart(text: string, options: TextOptions): Part {
  const subtype = options.subtype ?? 'plain';
  const label = options.charsetLabel ?? options.charset;
  const flowed = options.flowed ? '; format=flowed' : '';
  return {
    headers: [`Content-Type: text/${subtype}; charset=${label}${flowed}`, `Content-Transfer-Encoding: ${options.cte}`],
    body: encodeBody(toBytes(text, options.charset), options.cte),
  };
}

export function multipart(subtype: string, boundary: string, parts: Part[], extraParams = ''): Part {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}${CRLF}${part.headers.join(CRLF)}${CRLF}${CRLF}`, 'latin1'));
    chunks.push(part.body);
    chunks.push(Buffer.from(CRLF, 'latin1'));
  }
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`, 'latin1'));
  return {
    headers: [`Content-Type: multipart/${subtype};${CRLF} boundary="${boundary}"${extraParams}`],
    body: Buffer.concat(chunks),
  };
}

export function attachment(data: Buffer, contentType: string, filename: string, disposition = 'attachment'): Part {
  return {
    headers: [
      `Content-Type: ${contentType}; name="${filename}"`,
      `Content-Disposition: ${disposition}; filename="${filename}"`,
      'Content-Transfer-Encoding: base64',
    ],
    body: encodeBody(data, 'base64'),
  };
}

export function rawPart(headers: string[], body: string | Buffer): Part {
  return { headers, body: typeof body === 'string' ? Buffer.from(body.replace(/\r?\n/g, CRLF), 'utf8') : body };
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

function qEncodeBytes(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x20) out += '_';
    else if (/[A-Za-z0-9!*+\-/]/.test(String.fromCharCode(byte))) out += String.fromCharCode(byte);
    else out += '=' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** RFC 2047 encoded words, split on character boundaries so each word stays within 75 characters. */
export function encodeWords(text: string, charset: Charset, scheme: 'B' | 'Q'): string {
  const prefix = `=?${charset}?${scheme}?`;
  const budget = 75 - prefix.length - 2;
  const words: string[] = [];
  let pending = '';
  const encode = (chunk: string): string => {
    const bytes = toBytes(chunk, charset);
    return scheme === 'B' ? bytes.toString('base64') : qEncodeBytes(bytes);
  };
  for (const char of Array.from(text)) {
    if (encode(pending + char).length > budget) {
      words.push(prefix + encode(pending) + '?=');
      pending = '';
    }
    pending += char;
  }
  if (pending) words.push(prefix + encode(pending) + '?=');
  return words.join(CRLF + ' ');
}

/** Header text: plain when ASCII, otherwise RFC 2047 in the client's charset and scheme. */
export function headerText(text: string, charset: Charset = 'utf-8', scheme: 'B' | 'Q' = 'B'): string {
  return isAscii(text) ? text : encodeWords(text, charset, scheme);
}

export function address(name: string, email: string, charset: Charset = 'utf-8', scheme: 'B' | 'Q' = 'B'): string {
  if (!name) return email;
  const display = isAscii(name) ? `"${name}"` : encodeWords(name, charset, scheme);
  return `${display} <${email}>`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface DateOptions {
  weekday?: boolean;
  comment?: string;
  padDay?: boolean;
}

/** Date header value for a wall-clock time in the sender's zone (offset like `+1000` or `GMT`). */
export function mailDate(local: string, offset: string, options: DateOptions = {}): string {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`bad local time ${local}`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const weekday = WEEKDAYS[new Date(Date.UTC(y!, mo! - 1, d!)).getUTCDay()];
  const day = options.padDay ? String(d).padStart(2, '0') : String(d);
  const time = `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  const head = options.weekday === false ? '' : `${weekday}, `;
  const tail = options.comment ? ` (${options.comment})` : '';
  return `${head}${day} ${MONTHS[mo! - 1]} ${y} ${time} ${offset}${tail}`;
}

export function seededRandom(seedText: string): () => number {
  let seed = 2166136261;
  for (const char of seedText) seed = Math.imul(seed ^ char.charCodeAt(0), 16777619) >>> 0;
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomToken(seedText: string, length: number, alphabet = '0123456789abcdef'): string {
  const next = seededRandom(seedText);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(next() * alphabet.length));
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A dim, blurred grey frame: what a night-time phone photo of a meter in a dark corridor looks like — no legible digits. */
export function murkyPhotoPng(width: number, height: number, seedText: string): Buffer {
  const next = seededRandom(seedText);
  const noise = Array.from({ length: width * height }, () => next());
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width);
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let count = 0;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const value = noise[(y + dy) * width + (x + dx)];
          if (value !== undefined && x + dx >= 0 && x + dx < width) {
            sum += value;
            count++;
          }
        }
      }
      const vignette = 1 - Math.hypot(x / width - 0.5, y / height - 0.5);
      row[1 + x] = Math.round(25 + 45 * vignette + 20 * (sum / count));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface MessageSpec {
  from: string;
  to?: string;
  cc?: string;
  subject?: string;
  date: string;
  messageId: string;
  /** Other top-level headers in the client's order (X-Mailer, In-Reply-To, Auto-Submitted ...). */
  extra?: string[];
  /** Headers the receiving MX adds above everything else. */
  trace?: string[];
  body: Part;
  mimeVersionFirst?: boolean;
}

export function message(spec: MessageSpec): Buffer {
  const headers: string[] = [...(spec.trace ?? [])];
  if (spec.mimeVersionFirst) headers.push('MIME-Version: 1.0');
  headers.push(`From: ${spec.from}`);
  headers.push(`To: ${spec.to ?? 'info@khab.dvec.ru'}`);
  if (spec.cc) headers.push(`Cc: ${spec.cc}`);
  if (spec.subject !== undefined) headers.push(`Subject: ${spec.subject}`);
  headers.push(`Date: ${spec.date}`);
  headers.push(`Message-ID: ${spec.messageId}`);
  headers.push(...(spec.extra ?? []));
  if (!spec.mimeVersionFirst) headers.push('MIME-Version: 1.0');
  headers.push(...spec.body.headers);
  const raw8bit = headers.find((h) => /[^\x00-\x7f]/.test(h));
  if (raw8bit) throw new Error(`header is not ASCII, encode it first: ${raw8bit}`);
  return Buffer.concat([Buffer.from(headers.join(CRLF) + CRLF + CRLF, 'latin1'), spec.body.body]);
}
