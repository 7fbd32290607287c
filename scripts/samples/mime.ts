// Byte-exact MIME writer for the sample corpus: real charsets (iconv-lite), real transfer encodings,
// so the samples exercise the same decoding paths as customer mail.
import iconv from 'iconv-lite';

export type Eol = '\r\n' | '\n';
export type Cte = '7bit' | '8bit' | 'quoted-printable' | 'base64';

/** Forces a quoted-printable soft line break at this point of a text (as narrow-column encoders do). */
export const SOFT_BREAK = '\u0001';

export type Part =
  | {
      kind: 'text';
      subtype: 'plain' | 'html';
      charset: string;
      cte: Cte;
      text: string;
      /** Extra Content-Type parameters, e.g. `format=flowed`. */
      params?: string;
      /** Whether the charset parameter is quoted (Outlook quotes it, Gmail too; Thunderbird does not). */
      quoteCharset?: boolean;
      extraHeaders?: [string, string][];
    }
  | {
      kind: 'multi';
      subtype: string;
      boundary: string;
      parts: Part[];
      params?: string;
      preamble?: string;
    }
  | {
      kind: 'file';
      contentType: string;
      filename: string;
      data: Buffer;
      disposition: 'attachment' | 'inline';
      cid?: string;
      /** How a non-ASCII file name is written: RFC 2231 (Thunderbird) or RFC 2047 in quotes (Outlook, Gmail). */
      nameStyle?: '2231' | '2047';
      extraHeaders?: [string, string][];
    }
  | { kind: 'raw'; headers: [string, string][]; body: string };

export function encodeText(text: string, charset: string): Buffer {
  const cs = charset.toLowerCase();
  if (cs === 'utf-8' || cs === 'us-ascii') return Buffer.from(text, 'utf8');
  if (!iconv.encodingExists(cs)) throw new Error(`unknown charset ${charset}`);
  const out = iconv.encode(text, cs);
  // A lossy round trip would silently put '?' into a sample: refuse instead.
  if (iconv.decode(out, cs) !== text) throw new Error(`text not representable in ${charset}`);
  return out;
}

export function base64Lines(data: Buffer, eol: Eol): string {
  const b = data.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 76) lines.push(b.slice(i, i + 76));
  return lines.join(eol);
}

/** Quoted-printable (RFC 2045) of already-charset-encoded lines; SOFT_BREAK bytes force a soft break. */
export function quotedPrintable(data: Buffer, eol: Eol): string {
  const out: string[] = [];
  const lines = splitBytes(data, 0x0a);
  for (const rawLine of lines) {
    const line = rawLine.length > 0 && rawLine[rawLine.length - 1] === 0x0d ? rawLine.subarray(0, -1) : rawLine;
    let cur = '';
    for (let i = 0; i < line.length; i++) {
      const byte = line[i]!;
      if (byte === 0x01) {
        out.push(cur + '=');
        cur = '';
        continue;
      }
      const last = i === line.length - 1 || (i === line.length - 2 && line[i + 1] === 0x01);
      let token: string;
      if ((byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last)) {
        token = String.fromCharCode(byte);
      } else {
        token = '=' + byte.toString(16).toUpperCase().padStart(2, '0');
      }
      if (cur.length + token.length > 75) {
        out.push(cur + '=');
        cur = '';
      }
      cur += token;
    }
    out.push(cur);
  }
  return out.join(eol);
}

function splitBytes(data: Buffer, sep: number): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === sep) {
      parts.push(data.subarray(start, i));
      start = i + 1;
    }
  }
  parts.push(data.subarray(start));
  return parts;
}

/** RFC 2047 encoded-words for a header value, split so each word stays under 76 characters. */
export function encodedWords(text: string, charset = 'UTF-8', mode: 'B' | 'Q' = 'B'): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const prefix = `=?${charset}?${mode}?`;
  const words: string[] = [];
  let chunk = '';
  const encodeChunk = (s: string): string => {
    const bytes = encodeText(s, charset);
    if (mode === 'B') return prefix + bytes.toString('base64') + '?=';
    let q = '';
    for (const byte of bytes) {
      if (byte === 32) q += '_';
      else if ((byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || '!*+-/'.includes(String.fromCharCode(byte))) q += String.fromCharCode(byte);
      else q += '=' + byte.toString(16).toUpperCase().padStart(2, '0');
    }
    return prefix + q + '?=';
  };
  for (const ch of text) {
    if (chunk && encodeChunk(chunk + ch).length > 75) {
      words.push(encodeChunk(chunk));
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(encodeChunk(chunk));
  return words.join('\n ');
}

/** `Имя <addr>` with the display name encoded the way the client does it. */
export function mailbox(name: string | undefined, addr: string, charset = 'UTF-8', mode: 'B' | 'Q' = 'B', quoteAscii = true): string {
  if (!name) return addr;
  if (/^[\x20-\x7e]*$/.test(name)) return `${quoteAscii ? `"${name}"` : name} <${addr}>`;
  return `${encodedWords(name, charset, mode)} <${addr}>`;
}

function fileNameParams(p: Extract<Part, { kind: 'file' }>, param: 'name' | 'filename'): string {
  const ascii = /^[\x20-\x7e]*$/.test(p.filename);
  if (ascii) return `${param}="${p.filename}"`;
  if (p.nameStyle === '2231') {
    const enc = Array.from(Buffer.from(p.filename, 'utf8'))
      .map((b) => (/[A-Za-z0-9.\-_]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0')))
      .join('');
    return `${param}*=UTF-8''${enc}`;
  }
  return `${param}="${encodedWords(p.filename, 'UTF-8', 'B')}"`;
}

export function renderPart(p: Part, eol: Eol): { headers: [string, string][]; body: Buffer } {
  switch (p.kind) {
    case 'text': {
      const cs = p.quoteCharset === false ? p.charset : `"${p.charset}"`;
      const headers: [string, string][] = [
        ['Content-Type', `text/${p.subtype}; charset=${cs}${p.params ? '; ' + p.params : ''}`],
        ['Content-Transfer-Encoding', p.cte],
        ...(p.extraHeaders ?? []),
      ];
      const text = p.text.replace(/\r?\n/g, '\n');
      const bytes = encodeText(text, p.charset);
      let body: Buffer;
      if (p.cte === 'base64') body = Buffer.from(base64Lines(bytes, eol) + eol, 'latin1');
      else if (p.cte === 'quoted-printable') body = Buffer.from(quotedPrintable(bytes, eol) + eol, 'latin1');
      else {
        if (p.cte === '7bit' && bytes.some((b) => b > 127)) throw new Error('8-bit text in a 7bit part');
        if (text.includes(SOFT_BREAK)) throw new Error('soft break marker outside quoted-printable');
        body = Buffer.concat([Buffer.from(eol === '\n' ? bytes : encodeText(text.replace(/\n/g, '\r\n'), p.charset)), Buffer.from(eol)]);
      }
      return { headers, body };
    }
    case 'multi': {
      const chunks: Buffer[] = [];
      if (p.preamble) chunks.push(Buffer.from(p.preamble.replace(/\n/g, eol) + eol + eol));
      for (const child of p.parts) {
        const r = renderPart(child, eol);
        chunks.push(Buffer.from(`--${p.boundary}${eol}`));
        chunks.push(Buffer.from(renderHeaders(r.headers, eol), 'utf8'));
        chunks.push(Buffer.from(eol));
        chunks.push(r.body);
      }
      chunks.push(Buffer.from(`--${p.boundary}--${eol}`));
      return {
        headers: [['Content-Type', `multipart/${p.subtype};${p.params ? ' ' + p.params + ';' : ''}\n\tboundary="${p.boundary}"`]],
        body: Buffer.concat(chunks),
      };
    }
    case 'file': {
      const headers: [string, string][] = [
        ['Content-Type', `${p.contentType}; ${fileNameParams(p, 'name')}`],
        ['Content-Disposition', `${p.disposition}; ${fileNameParams(p, 'filename')}`],
        ['Content-Transfer-Encoding', 'base64'],
      ];
      if (p.cid) headers.push(['Content-ID', `<${p.cid}>`]);
      headers.push(...(p.extraHeaders ?? []));
      return { headers, body: Buffer.from(base64Lines(p.data, eol) + eol, 'latin1') };
    }
    case 'raw':
      return { headers: p.headers, body: Buffer.from(p.body.replace(/\r?\n/g, eol), 'utf8') };
  }
}

export function renderHeaders(headers: [string, string][], eol: Eol): string {
  return headers.map(([k, v]) => `${k}: ${v.replace(/\r?\n/g, eol)}${eol}`).join('');
}

export function renderMessage(headers: [string, string][], body: Part, eol: Eol): Buffer {
  const r = renderPart(body, eol);
  return Buffer.concat([Buffer.from(renderHeaders([...headers, ...r.headers], eol), 'utf8'), Buffer.from(eol), r.body]);
}
