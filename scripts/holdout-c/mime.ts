// Minimal RFC 5322 / MIME writer for the hold-out C corpus. Written by hand rather than with
// nodemailer so that each message can use the exact charset and transfer encoding a real client would.
import iconv from 'iconv-lite';

export type Charset = 'utf-8' | 'windows-1251' | 'koi8-r';
export type TransferEncoding = '7bit' | '8bit' | 'base64' | 'quoted-printable';

export interface LeafPart {
  kind: 'leaf';
  contentType: string;
  charset?: Charset;
  encoding: TransferEncoding;
  body: string | Buffer;
  filename?: string;
  /** 'rfc2231' (filename*=) or 'word' (RFC 2047 in name=, the Outlook habit) */
  filenameStyle?: 'rfc2231' | 'word';
  disposition?: 'inline' | 'attachment';
  extraHeaders?: string[];
}

export interface MultiPart {
  kind: 'multi';
  subtype: string;
  params?: string;
  parts: Part[];
  preamble?: string;
}

export type Part = LeafPart | MultiPart;

const CRLF = '\r\n';

export function encodeText(text: string, charset: Charset): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8');
  const bytes = iconv.encode(text, charset);
  // iconv-lite silently writes '?' for characters the charset lacks (e.g. « or № in KOI8-R).
  if (iconv.decode(bytes, charset) !== text) throw new Error(`text not representable in ${charset}: ${text.slice(0, 60)}`);
  return bytes;
}

/** RFC 2047 encoded words, split on character boundaries so no word exceeds 75 characters. */
export function encodeWords(text: string, charset: Charset = 'utf-8', mode: 'B' | 'Q' = 'B'): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  const prefix = `=?${charset.toUpperCase()}?${mode}?`;
  let chunk = '';
  const render = (s: string): string =>
    mode === 'B' ? encodeText(s, charset).toString('base64') : qEncode(encodeText(s, charset));
  for (const ch of Array.from(text)) {
    if (chunk && (prefix + render(chunk + ch) + '?=').length > 75) {
      words.push(prefix + render(chunk) + '?=');
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(prefix + render(chunk) + '?=');
  return words.join(CRLF + ' ');
}

function qEncode(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x20) out += '_';
    else if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) out += String.fromCharCode(b);
    else out += '=' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export function quotedPrintable(bytes: Buffer): string {
  const lines = bytes.toString('latin1').split(/\r?\n/);
  const out: string[] = [];
  for (const line of lines) {
    let encoded = '';
    const raw = Buffer.from(line, 'latin1');
    raw.forEach((b, i) => {
      const last = i === raw.length - 1;
      const safe = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      encoded += safe ? String.fromCharCode(b) : '=' + b.toString(16).toUpperCase().padStart(2, '0');
    });
    // Soft breaks keep lines within 76 characters without splitting an =XX escape.
    while (encoded.length > 76) {
      let cut = 75;
      const esc = encoded.lastIndexOf('=', cut);
      if (esc > cut - 3) cut = esc;
      out.push(encoded.slice(0, cut) + '=');
      encoded = encoded.slice(cut);
    }
    out.push(encoded);
  }
  return out.join(CRLF);
}

function base64Lines(bytes: Buffer): string {
  const b64 = bytes.toString('base64');
  return (b64.match(/.{1,76}/g) ?? []).join(CRLF);
}

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, CRLF);
}

function fileNameParams(part: LeafPart, param: 'name' | 'filename'): string {
  const name = part.filename;
  if (!name) return '';
  if (/^[\x20-\x7e]*$/.test(name)) return `; ${param}="${name}"`;
  if (part.filenameStyle === 'word') return `; ${param}="${encodeWords(name, 'utf-8', 'B').replace(/\r\n /g, ' ')}"`;
  if (param === 'name') return '';
  return `; filename*=utf-8''${encodeURIComponent(name)}`;
}

function renderLeaf(part: LeafPart): Buffer {
  const headers: string[] = [];
  const charset = part.charset ? `; charset="${part.charset}"` : '';
  headers.push(`Content-Type: ${part.contentType}${charset}${fileNameParams(part, 'name')}`);
  headers.push(`Content-Transfer-Encoding: ${part.encoding}`);
  if (part.disposition) headers.push(`Content-Disposition: ${part.disposition}${fileNameParams(part, 'filename')}`);
  headers.push(...(part.extraHeaders ?? []));
  const bytes = typeof part.body === 'string' ? encodeText(toCrlf(part.body), part.charset ?? 'utf-8') : part.body;
  let body: Buffer;
  if (part.encoding === 'base64') body = Buffer.from(base64Lines(bytes), 'latin1');
  else if (part.encoding === 'quoted-printable') body = Buffer.from(quotedPrintable(bytes), 'latin1');
  else body = bytes;
  return Buffer.concat([Buffer.from(headers.join(CRLF) + CRLF + CRLF, 'latin1'), body]);
}

let boundaryCounter = 0;

function renderMulti(part: MultiPart, tag: string): Buffer {
  boundaryCounter += 1;
  const boundary = `----=_NextPart_${tag}_${String(boundaryCounter).padStart(3, '0')}`;
  const chunks: Buffer[] = [
    Buffer.from(`Content-Type: multipart/${part.subtype}; ${part.params ? part.params + '; ' : ''}boundary="${boundary}"${CRLF}${CRLF}`, 'latin1'),
  ];
  if (part.preamble) chunks.push(Buffer.from(part.preamble + CRLF, 'latin1'));
  for (const child of part.parts) {
    chunks.push(Buffer.from(`${CRLF}--${boundary}${CRLF}`, 'latin1'), renderPart(child, tag));
  }
  chunks.push(Buffer.from(`${CRLF}--${boundary}--${CRLF}`, 'latin1'));
  return Buffer.concat(chunks);
}

export function renderPart(part: Part, tag: string): Buffer {
  return part.kind === 'leaf' ? renderLeaf(part) : renderMulti(part, tag);
}

/** Top-level headers are written by the caller; the body part supplies Content-* headers. */
export function renderMessage(headers: string[], body: Part, tag: string): Buffer {
  boundaryCounter = 0;
  const head = Buffer.from(headers.join(CRLF) + CRLF + 'MIME-Version: 1.0' + CRLF, 'latin1');
  const rendered = Buffer.concat([head, renderPart(body, tag)]);
  return rendered.subarray(-2).toString('latin1') === CRLF ? rendered : Buffer.concat([rendered, Buffer.from(CRLF, 'latin1')]);
}

export function formatAddress(name: string | undefined, address: string, charset: Charset = 'utf-8', mode: 'B' | 'Q' = 'B'): string {
  if (!name) return address;
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name}"` : encodeWords(name, charset, mode);
  return `${display} <${address}>`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date for a wall-clock time at the given UTC offset (e.g. "+1000"); weekday computed. */
export function rfcDate(local: string, offset: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`bad local time ${local}`);
  const [, y, mo, d, hh, mi, ss] = m.map(Number) as number[];
  const weekday = WEEKDAYS[new Date(Date.UTC(y!, mo! - 1, d!)).getUTCDay()];
  return `${weekday}, ${d} ${MONTHS[mo! - 1]} ${y} ${String(hh).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(ss).padStart(2, '0')} ${offset}`;
}
