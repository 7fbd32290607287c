// Cheap checks on the raw bytes before any MIME parsing: is there a message at all, and where does it start.

export type Sniff =
  | { kind: 'empty' }
  | { kind: 'not_a_message' }
  /** `start`: first byte of the header block; `headerEnd`: first byte after the blank line (or EOF). */
  | { kind: 'message'; start: number; headerEnd: number };

const LF = 0x0a;
const CR = 0x0d;
// A header field name is printable ASCII without colon; obsolete syntax allows blanks before the colon.
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;
const MBOX_FROM = 'From ';
const MAX_FIRST_LINE = 4096;

function isBlank(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === CR || b === LF || b === 0x0c || b === 0x0b;
}

function lineEndOf(buf: Buffer, pos: number): number {
  const lf = buf.indexOf(LF, pos);
  return lf === -1 ? buf.length : lf;
}

/** Offset just past the blank line that ends the header block starting at `start`, or buf.length. */
export function findHeaderEnd(buf: Buffer, start: number): number {
  let pos = start;
  while (pos < buf.length) {
    const end = lineEndOf(buf, pos);
    const contentEnd = end > pos && buf[end - 1] === CR ? end - 1 : end;
    if (contentEnd === pos) return Math.min(end + 1, buf.length);
    pos = end + 1;
  }
  return buf.length;
}

export function sniffRaw(buf: Buffer): Sniff {
  // a UTF-8 byte order mark in front of a saved .eml is not part of the message
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let start = bom;
  while (start < buf.length && isBlank(buf[start]!)) start++;
  if (start === buf.length) return { kind: 'empty' };
  // back up to the beginning of that line: leading blanks on it would make it a continuation line
  while (start > bom && buf[start - 1] !== LF) start--;

  let lineEnd = lineEndOf(buf, start);
  // mbox files and some "save as" exports put an envelope "From sender date" line first
  if (buf.toString('latin1', start, start + MBOX_FROM.length) === MBOX_FROM) {
    start = Math.min(lineEnd + 1, buf.length);
    lineEnd = lineEndOf(buf, start);
  }
  const firstLine = buf.toString('latin1', start, Math.min(lineEnd, start + MAX_FIRST_LINE));
  if (!HEADER_LINE.test(firstLine)) return { kind: 'not_a_message' };

  const headerEnd = findHeaderEnd(buf, start);
  const nul = buf.indexOf(0, start);
  if (nul !== -1 && nul < headerEnd) return { kind: 'not_a_message' };
  return { kind: 'message', start, headerEnd };
}
