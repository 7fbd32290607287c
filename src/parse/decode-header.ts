import { decodeBytes } from './detect-charset.js';

// =?charset?B|Q?text?= ; the charset may carry an RFC 2231 language suffix (utf-8*ru).
const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
const BETWEEN_WORDS = /^[ \t\r\n]*$/;
const FOLD = /\r?\n(?=[ \t])/g;
const QP_ESCAPE = /=([0-9A-Fa-f]{2})/g;
const QP_SPACE = /_/g;

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding === 'b' || encoding === 'B') return Buffer.from(text, 'base64');
  const latin = text.replace(QP_SPACE, ' ').replace(QP_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(latin, 'latin1');
}

/**
 * Decodes RFC 2047 encoded words. Adjacent words of one charset are joined as bytes first, because
 * mailers split a long subject mid-character (a UTF-8 letter's two bytes in two words).
 */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  let out = '';
  let last = 0;
  let pendingCharset = '';
  let pendingChunks: Buffer[] = [];
  const flush = (): void => {
    if (pendingChunks.length > 0) out += decodeBytes(Buffer.concat(pendingChunks), pendingCharset);
    pendingChunks = [];
  };
  for (const m of value.matchAll(ENCODED_WORD)) {
    const gap = value.slice(last, m.index);
    const charset = m[1]!.split('*')[0]!.toLowerCase();
    const adjacent = last > 0 && BETWEEN_WORDS.test(gap);
    if (adjacent && pendingChunks.length > 0 && pendingCharset === charset) {
      pendingChunks.push(wordBytes(m[2]!, m[3]!));
    } else {
      flush();
      // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
      if (!adjacent) out += gap;
      pendingCharset = charset;
      pendingChunks = [wordBytes(m[2]!, m[3]!)];
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}

/**
 * One raw header line as mailparser keeps it ("Name: value", folded, bytes as latin1) → decoded value.
 * 8-bit bytes are read as UTF-8: legacy-charset headers were converted to UTF-8 before parsing.
 */
export function decodeHeaderLine(line: string): string {
  const colon = line.indexOf(':');
  const raw = colon >= 0 ? line.slice(colon + 1) : line;
  const unfolded = raw.replace(FOLD, '').trim();
  return decodeEncodedWords(Buffer.from(unfolded, 'latin1').toString('utf8'));
}
