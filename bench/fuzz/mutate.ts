// Deterministic mutations of real messages for the fuzz run: each takes the bytes and a seeded random source and
// returns hostile bytes of the kinds mail servers do deliver (truncation, bit rot, mangled headers, deep or
// broken MIME trees, huge headers, bad transfer encodings, wrong or unknown charsets).

export type Random = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Random, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Random, xs: readonly T[]): T => xs[int(r, xs.length)]!;

/** Header block and body, split at the first empty line (either line ending). */
function split(raw: Buffer): { head: string; body: Buffer; eol: string } {
  const text = raw.toString('latin1');
  const m = /\r?\n\r?\n/.exec(text);
  if (!m) return { head: text, body: Buffer.alloc(0), eol: '\r\n' };
  return { head: text.slice(0, m.index), body: raw.subarray(m.index + m[0].length), eol: m[0].startsWith('\r') ? '\r\n' : '\n' };
}

const join = (head: string, body: Buffer | string, eol = '\r\n'): Buffer =>
  Buffer.concat([Buffer.from(`${head}${eol}${eol}`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body]);

/** Keeps the top-level headers of a message that are not about its MIME structure. */
function plainHeaders(head: string): string {
  return head.split(/\r?\n(?![ \t])/).filter((l) => !/^(content-|mime-version)/i.test(l)).join('\r\n');
}

export const MUTATORS = {
  truncate(raw: Buffer, r: Random): Buffer {
    return raw.subarray(0, int(r, raw.length + 1));
  },

  bitflip(raw: Buffer, r: Random): Buffer {
    const out = Buffer.from(raw);
    const flips = 1 + int(r, 32);
    for (let i = 0; i < flips && out.length > 0; i++) out[int(r, out.length)]! ^= 1 << int(r, 8);
    return out;
  },

  bytes(raw: Buffer, r: Random): Buffer {
    // NULs, stray CRs, 0xFF runs and deletions at random places.
    let out = Buffer.from(raw);
    for (let i = 0, n = 1 + int(r, 8); i < n; i++) {
      const at = int(r, out.length + 1);
      const junk = pick(r, [Buffer.from([0]), Buffer.from('\r'), Buffer.alloc(1 + int(r, 64), 0xff), Buffer.alloc(0)]);
      out = Buffer.concat([out.subarray(0, at), junk, out.subarray(Math.min(out.length, at + int(r, 16)))]);
    }
    return out;
  },

  headerMangle(raw: Buffer, r: Random): Buffer {
    const { head, body, eol } = split(raw);
    let lines = head.split(/\r?\n/);
    for (let i = 0, n = 1 + int(r, 6); i < n && lines.length > 0; i++) {
      const k = int(r, lines.length);
      switch (int(r, 8)) {
        case 0: lines[k] = lines[k]!.replace(':', ''); break; // no colon
        case 1: lines.splice(k, 0, lines[k]!); break; // duplicated header
        case 2: lines[k] = ` ${lines[k]}`; break; // continuation with nothing before
        case 3: lines[k] = `${lines[k]} =?utf-8?B?${'%%%'.repeat(int(r, 5))}?= =?koi8-r?Q?=D0=?=`; break; // broken encoded words
        case 4: lines[k] = lines[k]!.replace(/^([^:]*):/, '$1\u0000\u00ff:'); break; // binary in the name
        case 5: lines.splice(k, 1); break; // a header gone (From, Content-Type, …)
        case 6: lines = lines.map((l) => l.replace(/^content-type:.*/i, `Content-Type: ${pick(r, ['', ';;;', 'multipart/mixed', 'text/plain; charset=', 'message/rfc822', 'multipart/report; report-type=x'])}`)); break;
        default: lines[k] = `${lines[k]}\r${'x'.repeat(int(r, 2000))}`; break; // bare CR and a long line
      }
    }
    return join(lines.join(pick(r, ['\r\n', '\n', eol])), body, pick(r, ['\r\n', '\n']));
  },

  deepNesting(raw: Buffer, r: Random): Buffer {
    const { head, body } = split(raw);
    const depth = 50;
    let inner = `Content-Type: text/plain; charset=utf-8\r\n\r\n${body.toString('latin1')}`;
    for (let d = depth; d > 0; d--) {
      const b = `nest${d}`;
      inner = `Content-Type: multipart/${d % 2 ? 'mixed' : 'alternative'}; boundary="${b}"\r\n\r\n--${b}\r\n${inner}\r\n--${b}--\r\n`;
    }
    if (r() < 0.5) inner = inner.replace(/--nest(\d+)--\r\n/g, (m, d: string) => (Number(d) % 3 === 0 ? '' : m)); // unclosed levels
    return Buffer.from(`${plainHeaders(head)}\r\nMIME-Version: 1.0\r\n${inner}`, 'latin1');
  },

  hugeHeader(raw: Buffer, r: Random): Buffer {
    const { head, body } = split(raw);
    const size = 1024 * 1024;
    const huge = r() < 0.5
      ? `X-Junk: ${'a'.repeat(size)}` // one 1 MB line
      : `Subject: ${Array.from({ length: size / 64 }, () => 'б'.repeat(31)).join('\r\n ')}`; // 1 MB folded
    return join(`${head}\r\n${huge}`, body);
  },

  boundaryAbuse(raw: Buffer, r: Random): Buffer {
    const { head, body } = split(raw);
    const text = body.toString('latin1');
    const b = pick(r, ['', 'a', 'x'.repeat(200), '--', 'b"; boundary="c', 'same', ' spaced ']);
    const parts = [
      `--${b}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}`,
      `--${b}\r\nContent-Type: multipart/mixed; boundary="${b}"\r\n\r\n--${b}\r\n\r\nloop`,
      `--${b}x\r\nContent-Type: text/html\r\n\r\n<p>${text.slice(0, 200)}`,
      `--${b}\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nQUJD`,
    ];
    const closing = r() < 0.5 ? `\r\n--${b}--\r\n` : ''; // often never closed
    const preamble = r() < 0.3 ? `--${b}--\r\n` : ''; // closed before it starts
    return Buffer.from(`${plainHeaders(head)}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${b}"\r\n\r\n${preamble}${parts.slice(0, 1 + int(r, 4)).join('\r\n')}${closing}`, 'latin1');
  },

  badBase64(raw: Buffer, r: Random): Buffer {
    const { head, body } = split(raw);
    const b64 = body.toString('base64');
    const broken = pick(r, [
      b64.slice(0, Math.max(1, b64.length - 1 - int(r, 3))), // odd length
      b64.replace(/[A-Z]/g, (c) => (r() < 0.05 ? '!' : c)), // foreign characters
      `${b64.slice(0, b64.length >> 1)}====${b64.slice(b64.length >> 1)}`, // padding in the middle
      '\u00ff\u00fe'.repeat(100),
    ]);
    return Buffer.from(`${plainHeaders(head)}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: ${pick(r, ['base64', 'BASE64', 'base-64', 'x-uuencode'])}\r\n\r\n${broken.replace(/.{76}/g, '$&\r\n')}`, 'latin1');
  },

  badQuotedPrintable(raw: Buffer, r: Random): Buffer {
    const { head, body } = split(raw);
    const qp = body.toString('latin1').replace(/[^\x20-\x7e\r\n]/g, (c) => (r() < 0.1 ? '=ZZ' : `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`));
    return Buffer.from(`${plainHeaders(head)}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp}=`, 'latin1');
  },

  wrongCharset(raw: Buffer, r: Random): Buffer {
    const { head, body } = split(raw);
    const charset = pick(r, ['utf-16', 'utf-32le', 'koi8-r', 'windows-1251', 'x-unknown-42', 'iso-2022-jp', 'utf-7', '"', 'gb18030', 'ebcdic-cp-us']);
    return Buffer.concat([Buffer.from(`${plainHeaders(head)}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=${charset}\r\n\r\n`, 'latin1'), body]);
  },
} satisfies Record<string, (raw: Buffer, r: Random) => Buffer>;

export type MutatorName = keyof typeof MUTATORS;
export const MUTATOR_NAMES = Object.keys(MUTATORS) as MutatorName[];
const COMMON = MUTATOR_NAMES.filter((n) => n !== 'hugeHeader');

/** The i-th message of a run: a sample with one to three mutations, the same for the same seed and index. */
export function mutant(samples: readonly Buffer[], seed: number, index: number): { raw: Buffer; mutations: MutatorName[] } {
  const r = seeded((seed * 1_000_003 + index) >>> 0);
  let raw = pick(r, samples);
  const mutations: MutatorName[] = [];
  for (let i = 0, n = 1 + int(r, 3); i < n; i++) {
    // 1 MB headers are rare (about 2% of messages): each one is stored, and 10,000 of them would be 10 GB.
    const name = r() < 0.02 ? 'hugeHeader' : pick(r, COMMON);
    // One huge or deep mutation per message is enough; stacking them only multiplies the size.
    if ((name === 'hugeHeader' || name === 'deepNesting') && mutations.some((m) => m === 'hugeHeader' || m === 'deepNesting')) continue;
    raw = MUTATORS[name](raw, r);
    mutations.push(name);
  }
  return { raw, mutations };
}
