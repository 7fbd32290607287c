// Gives 8-bit Cyrillic text without a (correct) charset label the label it needs, and turns raw
// 8-bit header bytes in a legacy charset into UTF-8, which is how mailparser reads header bytes.
import {
  CYRILLIC_CHARSETS, detectCyrillicCharset, hasHighBytes, isMostlyNotUtf8, isValidUtf8,
} from './detect-charset.js';
import type { CyrillicCharset } from './detect-charset.js';

const CHARSET_PARAM = /charset\s*=\s*("[^"]*"|[^;\s]*)/i;
const QP_SOFT_BREAK = /=\r?\n/g;
const QP_ESCAPE = /=([0-9A-Fa-f]{2})/g;
const BASE64_NOISE = /[^A-Za-z0-9+/=]/g;
const CP1251_ALIAS = /^(cp|x-cp)1251$/;
const CP866_ALIAS = /^(cp)?866$/;
// Labels that do not really say what the 8-bit bytes are.
const UNRELIABLE_CHARSETS = new Set(['us-ascii', 'ascii', 'utf-8', 'utf8', 'x-unknown', 'unknown-8bit', 'default']);

function decodeTransfer(body: Buffer, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.toString('latin1').replace(BASE64_NOISE, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const text = body.toString('latin1').replace(QP_SOFT_BREAK, '')
      .replace(QP_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(text, 'latin1');
  }
  return body;
}

/** Charset to relabel a text body with, or null when its label (or UTF-8 default) is fine. */
export function relabelBodyCharset(body: Buffer, encoding: string, declared: string | undefined): string | null {
  const label = declared?.toLowerCase();
  if (label && !UNRELIABLE_CHARSETS.has(label)) return null;
  const bytes = decodeTransfer(body, encoding);
  if (!hasHighBytes(bytes)) return null;
  const wrong = label === 'utf-8' || label === 'utf8' ? isMostlyNotUtf8(bytes) : !isValidUtf8(bytes);
  return wrong ? detectCyrillicCharset(bytes) : null;
}

/**
 * The bytes to put in place of an entity's header block (start..bodyStart), or null when it is fine:
 * 8-bit header bytes that are not UTF-8 are converted to UTF-8, and the body's charset label is set.
 */
export function rewriteHeaderBlock(
  buf: Buffer, start: number, bodyStart: number, ct: { start: number; end: number } | undefined,
  declared: string | undefined, bodyCharset: string | null,
): Buffer | null {
  const block = buf.subarray(start, bodyStart);
  const headerCharset = hasHighBytes(block) && !isValidUtf8(block)
    ? singleByteCharset(bodyCharset ?? declared) ?? detectCyrillicCharset(block)
    : null;
  if (!headerCharset && !bodyCharset) return null;
  // every candidate charset is single-byte, so string offsets stay byte offsets
  let text = headerCharset ? new TextDecoder(headerCharset).decode(block) : block.toString('latin1');
  if (bodyCharset) {
    if (!ct) {
      text = `Content-Type: text/plain; charset=${bodyCharset}\r\n${text}`;
    } else {
      const fieldStart = ct.start - start;
      const fieldEnd = ct.end - start;
      const field = text.slice(fieldStart, fieldEnd);
      const fixed = CHARSET_PARAM.test(field)
        ? field.replace(CHARSET_PARAM, `charset=${bodyCharset}`)
        : `${field}; charset=${bodyCharset}`;
      text = text.slice(0, fieldStart) + fixed + text.slice(fieldEnd);
    }
  }
  return Buffer.from(text, headerCharset ? 'utf8' : 'latin1');
}

/** A declared single-byte Cyrillic charset also tells how the raw 8-bit header bytes are meant. */
function singleByteCharset(label: string | undefined): CyrillicCharset | null {
  const normalized = label?.toLowerCase().replace(CP1251_ALIAS, 'windows-1251').replace(CP866_ALIAS, 'ibm866');
  return CYRILLIC_CHARSETS.find((cs) => cs === normalized) ?? null;
}
