// Minimal MIME writer for the hold-out E corpus: builds raw RFC 5322 bytes the way
// different mail clients do (charsets, transfer encodings, RFC 2047 words), so the
// corpus does not depend on the product's own mail libraries.
import iconv from 'iconv-lite';

export type Charset = 'utf-8' | 'windows-1251' | 'koi8-r' | 'us-ascii';
export type TransferEncoding = '7bit' | '8bit' | 'quoted-printable' | 'base64';

export interface TextPart {
  kind: 'text';
  subtype: 'plain' | 'html' | 'csv';
  text: string;
  charset: Charset;
  cte: TransferEncoding;
  format?: 'flowed';
  filename?: string;
  disposition?: 'inline' | 'attachment';
}

export interface BinaryPart {
  kind: 'binary';
  contentType: string;
  bytes: Buffer;
  filename?: string;
  disposition?: 'inline' | 'attachment';
  contentId?: string;
  cte?: 'base64' | '7bit' | '8bit';
}

export interface MultiPart {
  kind: 'multi';
  subtype: 'mixed' | 'alternative' | 'related' | 'report';
  parts: Part[];
  params?: string;
  preamble?: string;
}

export type Part = TextPart | BinaryPart | MultiPart;

const CRLF = '\r\n';

export function encodeBytes(text: string, charset: Charset): Buffer {
  if (charset === 'us-ascii' && /[^\x00-\x7f]/.test(text)) throw new Error(`not ASCII: ${text.slice(0, 40)}`);
  if (charset === 'utf-8' || charset === 'us-ascii') return Buffer.from(text, 'utf8');
  const bytes = iconv.encode(text, charset);
  // A real client in this charset could not have typed a character it lacks.
  if (iconv.decode(bytes, charset) !== text) throw new Error(`${charset} cannot carry: ${text.slice(0, 60)}`);
  return bytes;
}

function normaliseLines(text: string): string {
  return text.replace(/\r?\n/g, CRLF);
}

export function base64Lines(bytes: Buffer): string {
  const b64 = bytes.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
}

/** RFC 2045 quoted-printable over already encoded bytes; CRLF stays a hard line break. */
export function quotedPrintable(bytes: Buffer): string {
  const out: string[] = [];
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 2;
      i++;
    }
  }
  lines.push(bytes.subarray(start));
  for (const line of lines) {
    let current = '';
    for (let i = 0; i < line.length; i++) {
      const b = line[i] as number;
      const isLast = i === line.length - 1;
      let token: string;
      if ((b === 0x20 || b === 0x09) && isLast) token = '=' + b.toString(16).toUpperCase().padStart(2, '0');
      else if ((b >= 33 && b <= 126 && b !== 61) || b === 0x20 || b === 0x09) token = String.fromCharCode(b);
      else token = '=' + b.toString(16).toUpperCase().padStart(2, '0');
      if (current.length + token.length > 75) {
        out.push(current + '=');
        current = '';
      }
      current += token;
    }
    out.push(current);
  }
  return out.join(CRLF);
}

/** One or more RFC 2047 encoded words, split so each stays under 75 characters. */
export function encodedWord(text: string, charset: Charset, mode: 'B' | 'Q' = 'B'): string {
  const words: string[] = [];
  const chars = Array.from(text);
  let chunk = '';
  const render = (s: string): string => {
    const bytes = encodeBytes(s, charset);
    const payload =
      mode === 'B'
        ? bytes.toString('base64')
        : Array.from(bytes)
            .map((b) =>
              b === 0x20
                ? '_'
                : (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
                  ? String.fromCharCode(b)
                  : '=' + b.toString(16).toUpperCase().padStart(2, '0'),
            )
            .join('');
    return `=?${charset.toUpperCase() === 'UTF-8' ? 'UTF-8' : charset}?${mode}?${payload}?=`;
  };
  for (const ch of chars) {
    if (render(chunk + ch).length > 74 && chunk) {
      words.push(render(chunk));
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(render(chunk));
  return words.join(CRLF + ' ');
}

/** `"Name" <addr>` with the display name encoded when it is not ASCII. */
export function address(name: string, email: string, charset: Charset = 'utf-8', mode: 'B' | 'Q' = 'B'): string {
  if (!name) return email;
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name}" <${email}>`;
  return `${encodedWord(name, charset, mode)} <${email}>`;
}

export function subject(text: string, charset: Charset = 'utf-8', mode: 'B' | 'Q' = 'B'): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : encodedWord(text, charset, mode);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date for a wall-clock time in the sender's own offset (e.g. '+1000', '-0800'). */
export function rfcDate(year: number, month: number, day: number, time: string, offset: string, comment = ''): string {
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const hms = time.length === 5 ? `${time}:00` : time;
  const dd = String(day).padStart(2, '0');
  return `${weekday}, ${dd} ${MONTHS[month - 1]} ${year} ${hms} ${offset}${comment ? ` (${comment})` : ''}`;
}

let boundaryCounter = 0;
function boundaryFor(seed: string): string {
  boundaryCounter += 1;
  let h = 2166136261;
  for (const c of seed + boundaryCounter) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return `----=_Part_${boundaryCounter}_${h.toString(16)}`;
}

function contentDisposition(disposition: string | undefined, filename: string | undefined, charset: Charset): string | null {
  if (!disposition && !filename) return null;
  const disp = disposition ?? 'attachment';
  if (!filename) return `Content-Disposition: ${disp}`;
  const name = /^[\x20-\x7e]*$/.test(filename) ? `"${filename}"` : `"${encodedWord(filename, charset)}"`;
  return `Content-Disposition: ${disp};${CRLF} filename=${name}`;
}

/** Serialises a part: header lines plus body bytes. */
export function renderPart(part: Part, seed: string): { headers: string[]; body: Buffer } {
  if (part.kind === 'text') {
    const mime = part.subtype === 'csv' ? 'text/csv' : `text/${part.subtype}`;
    const flowed = part.format ? `; format=${part.format}` : '';
    const nameParam = part.filename ? `;${CRLF} name="${part.filename}"` : '';
    const headers = [`Content-Type: ${mime}; charset=${part.charset === 'utf-8' ? 'UTF-8' : part.charset}${flowed}${nameParam}`];
    headers.push(`Content-Transfer-Encoding: ${part.cte}`);
    const disp = contentDisposition(part.disposition, part.filename, part.charset);
    if (disp) headers.push(disp);
    const bytes = encodeBytes(normaliseLines(part.text), part.charset);
    let body: Buffer;
    if (part.cte === 'base64') body = Buffer.from(base64Lines(bytes), 'latin1');
    else if (part.cte === 'quoted-printable') body = Buffer.from(quotedPrintable(bytes), 'latin1');
    else body = bytes;
    return { headers, body };
  }
  if (part.kind === 'binary') {
    const nameParam = part.filename ? `;${CRLF} name="${part.filename}"` : '';
    const headers = [`Content-Type: ${part.contentType}${nameParam}`];
    const cte = part.cte ?? 'base64';
    headers.push(`Content-Transfer-Encoding: ${cte}`);
    if (part.contentId) headers.push(`Content-ID: <${part.contentId}>`);
    const disp = contentDisposition(part.disposition, part.filename, 'utf-8');
    if (disp) headers.push(disp);
    const body = cte === 'base64' ? Buffer.from(base64Lines(part.bytes), 'latin1') : part.bytes;
    return { headers, body };
  }
  const boundary = boundaryFor(seed);
  const params = part.params ? `;${CRLF} ${part.params}` : '';
  const headers = [`Content-Type: multipart/${part.subtype};${CRLF} boundary="${boundary}"${params}`];
  const chunks: Buffer[] = [];
  if (part.preamble) chunks.push(Buffer.from(normaliseLines(part.preamble) + CRLF, 'utf8'));
  for (const child of part.parts) {
    const rendered = renderPart(child, seed);
    chunks.push(Buffer.from(`--${boundary}${CRLF}${rendered.headers.join(CRLF)}${CRLF}${CRLF}`, 'latin1'));
    chunks.push(rendered.body);
    chunks.push(Buffer.from(CRLF, 'latin1'));
  }
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`, 'latin1'));
  return { headers, body: Buffer.concat(chunks) };
}

/** Whole message: top headers (already encoded, in order) + MIME-Version + the root part. */
export function renderMessage(headers: Array<[string, string]>, root: Part, seed: string): Buffer {
  const rendered = renderPart(root, seed);
  const lines = headers.map(([k, v]) => `${k}: ${v}`);
  lines.push('MIME-Version: 1.0');
  lines.push(...rendered.headers);
  // Raw 8-bit header values (some phone clients) must keep their UTF-8 bytes.
  const head = Buffer.from(lines.join(CRLF) + CRLF + CRLF, 'utf8');
  return Buffer.concat([head, rendered.body]);
}
