// A linear pre-pass over the MIME structure, before mailparser sees the bytes. It does what the
// parser cannot be told to do: stop after N parts, notice a cut-off message, and give 8-bit
// Cyrillic text without a (correct) charset label the label it needs.
import { relabelBodyCharset, rewriteHeaderBlock } from './relabel-charset.js';

export interface MimeScan {
  /** The bytes to parse: splices applied, cut after the part limit with the open multiparts closed. */
  raw: Buffer;
  /** Number of MIME entities below the root seen (stops counting at the limit + 1). */
  parts: number;
  tooManyParts: boolean;
  truncated: boolean;
}

interface Splice { start: number; end: number; bytes: Buffer }

interface ScanState {
  buf: Buffer;
  maxParts: number;
  parts: number;
  splices: Splice[];
  cut: { at: number; boundaries: string[] } | null;
  /** A multipart reached the end of the file without its closing delimiter. */
  openAtEof: boolean;
  lastLeaf: { encoding: string; start: number; end: number } | null;
}

interface HeaderField { name: string; value: string; start: number; end: number }

const LF = 0x0a;
const CR = 0x0d;
const MAX_DEPTH = 32;
const MAX_HEADER_BYTES = 256 * 1024;
const FOLD = /\r?\n[ \t]*/g;
const PARAM = /;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
const QUOTED_PAIR = /\\(.)/g;
const LINE_BREAK = /\r?\n/;

function parseHeaderBlock(buf: Buffer, start: number, end: number): { fields: HeaderField[]; bodyStart: number } {
  const fields: { start: number; end: number }[] = [];
  const view = buf.subarray(0, end);
  let pos = start;
  let bodyStart = end;
  while (pos < end) {
    let lineEnd = view.indexOf(LF, pos);
    if (lineEnd === -1) lineEnd = end;
    const contentEnd = lineEnd > pos && buf[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
    if (contentEnd === pos) {
      bodyStart = Math.min(lineEnd + 1, end);
      break;
    }
    const first = buf[pos];
    const last = fields[fields.length - 1];
    if ((first === 0x20 || first === 0x09) && last) last.end = contentEnd;
    else fields.push({ start: pos, end: contentEnd });
    pos = lineEnd + 1;
    if (pos - start > MAX_HEADER_BYTES) {
      bodyStart = Math.min(pos, end);
      break;
    }
  }
  return {
    bodyStart,
    fields: fields.map((f) => {
      const text = buf.toString('latin1', f.start, f.end);
      const colon = text.indexOf(':');
      return {
        start: f.start,
        end: f.end,
        name: colon > 0 ? text.slice(0, colon).trim().toLowerCase() : '',
        value: colon > 0 ? text.slice(colon + 1).replace(FOLD, ' ').trim() : '',
      };
    }),
  };
}

function parseStructured(value: string): { type: string; params: Map<string, string> } {
  const semi = value.indexOf(';');
  const type = (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
  const params = new Map<string, string>();
  if (semi !== -1) {
    for (const m of value.slice(semi).matchAll(PARAM)) {
      let v = m[2]!.trim();
      if (v.startsWith('"')) v = v.slice(1, -1).replace(QUOTED_PAIR, '$1');
      const key = m[1]!.toLowerCase();
      if (!params.has(key)) params.set(key, v);
    }
  }
  return { type, params };
}

function fixHeaderBlock(
  st: ScanState, start: number, bodyStart: number, fields: HeaderField[], declared: string | undefined, bodyCharset: string | null,
): void {
  const ct = fields.find((f) => f.name === 'content-type');
  const bytes = rewriteHeaderBlock(st.buf, start, bodyStart, ct, declared, bodyCharset);
  if (bytes) st.splices.push({ start, end: bodyStart, bytes });
}

function isWhitespaceTail(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== CR) return false;
  }
  return true;
}

function scanMultipart(st: ScanState, bodyStart: number, end: number, depth: number, boundary: string, open: string[]): void {
  const { buf } = st;
  // searches stay inside this multipart: a view, not a copy
  const view = buf.subarray(0, end);
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const enclosing = [boundary, ...open];
  let search = bodyStart;
  let partStart = -1;
  for (;;) {
    const at = view.indexOf(delimiter, search);
    if (at === -1) break;
    search = at + 1;
    if (at !== bodyStart && buf[at - 1] !== LF) continue;
    const after = at + delimiter.length;
    const closing = buf[after] === 0x2d && buf[after + 1] === 0x2d;
    let lineEnd = view.indexOf(LF, after);
    if (lineEnd === -1) lineEnd = end;
    if (!isWhitespaceTail(buf, closing ? after + 2 : after, lineEnd)) continue; // a longer boundary

    if (partStart !== -1) {
      // the line break in front of a delimiter belongs to the delimiter
      let partEnd = at > bodyStart ? at - 1 : at;
      if (partEnd > partStart && buf[partEnd - 1] === CR) partEnd--;
      scanEntity(st, partStart, Math.max(partStart, partEnd), depth + 1, enclosing);
      if (st.cut) return;
    }
    if (closing) return;
    st.parts++;
    // nesting beyond MAX_DEPTH counts as too many parts: no real mail client builds that
    if (st.parts > st.maxParts || depth + 1 >= MAX_DEPTH) {
      st.cut = { at, boundaries: enclosing };
      return;
    }
    partStart = Math.min(lineEnd + 1, end);
    search = partStart;
  }
  if (partStart !== -1) scanEntity(st, partStart, end, depth + 1, enclosing);
  if (end === buf.length) st.openAtEof = true;
}

function scanEntity(st: ScanState, start: number, end: number, depth: number, open: string[]): void {
  const { fields, bodyStart } = parseHeaderBlock(st.buf, start, end);
  const ctField = fields.find((f) => f.name === 'content-type');
  const ct = parseStructured(ctField?.value ?? '');
  const boundary = ct.params.get('boundary')?.trimEnd();
  const encoding = (fields.find((f) => f.name === 'content-transfer-encoding')?.value ?? '').toLowerCase();

  if (ct.type.startsWith('multipart/') && boundary) {
    fixHeaderBlock(st, start, bodyStart, fields, ct.params.get('charset'), null);
    scanMultipart(st, bodyStart, end, depth, boundary, open);
    return;
  }
  const type = ct.type || 'text/plain';
  const disposition = parseStructured(fields.find((f) => f.name === 'content-disposition')?.value ?? '').type;
  const isBodyText = (type === 'text/plain' || type === 'text/html') && disposition !== 'attachment';
  const bodyCharset = isBodyText
    ? relabelBodyCharset(st.buf.subarray(bodyStart, end), encoding, ct.params.get('charset'))
    : null;
  fixHeaderBlock(st, start, bodyStart, fields, ct.params.get('charset'), bodyCharset);
  st.lastLeaf = { encoding, start: bodyStart, end };
}

/** The last lines of a base64 body that reaches EOF look cut: no padding and not a whole quantum. */
function base64LooksCut(buf: Buffer, leaf: { start: number; end: number }, fullLineIsSuspect: boolean): boolean {
  const tail = buf.toString('latin1', Math.max(leaf.start, leaf.end - 400), leaf.end);
  const lines = tail.split(LINE_BREAK).map((l) => l.trim()).filter((l) => l !== '');
  const last = lines[lines.length - 1];
  if (last === undefined || last.includes('=')) return false;
  if (last.length % 4 !== 0) return true;
  const previous = lines[lines.length - 2];
  return fullLineIsSuspect && previous !== undefined && previous.length === last.length;
}

function applySplices(buf: Buffer, start: number, splices: Splice[], cutAt: number): Buffer[] {
  const chunks: Buffer[] = [];
  let pos = start;
  for (const s of splices) {
    if (s.start >= cutAt) break;
    chunks.push(buf.subarray(pos, s.start), s.bytes);
    pos = s.end;
  }
  if (pos < cutAt) chunks.push(buf.subarray(pos, cutAt));
  return chunks;
}

/** Scans the message starting at `start` (the first header line) and prepares the bytes to parse. */
export function scanMime(buf: Buffer, start: number, maxParts: number): MimeScan {
  const st: ScanState = {
    buf, maxParts, parts: 0, splices: [], cut: null, openAtEof: false, lastLeaf: null,
  };
  scanEntity(st, start, buf.length, 0, []);

  const cutAt = st.cut ? st.cut.at : buf.length;
  const chunks = applySplices(buf, start, st.splices, cutAt);
  if (st.cut) {
    chunks.push(Buffer.from(st.cut.boundaries.map((b) => `--${b}--\r\n`).join(''), 'latin1'));
  }
  const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);

  let truncated = false;
  const leaf = st.lastLeaf;
  if (!st.cut) {
    const lastLeafIsBase64AtEof = leaf !== null && leaf.encoding === 'base64' && leaf.end === buf.length;
    if (st.openAtEof) {
      truncated = buf[buf.length - 1] !== LF || (lastLeafIsBase64AtEof && base64LooksCut(buf, leaf, true));
    } else if (st.parts === 0 && lastLeafIsBase64AtEof) {
      truncated = base64LooksCut(buf, leaf, false);
    }
  }
  return { raw, parts: st.parts, tooManyParts: st.cut !== null, truncated };
}
