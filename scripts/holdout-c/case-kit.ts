// Building blocks shared by the case files: message spec, body parts, tables, next month's values.
import type { Charset, LeafPart, MultiPart, Part, TransferEncoding } from './mime.js';
import type { Building, Flat, MeterRow } from './registry.js';

export type Decision = 'accept' | 'review' | 'reject' | 'ignore';

export interface Reading {
  account: string;
  meter: string;
  t1: number | null;
  t2: number | null;
  t3: number | null;
}

export interface CaseSpec {
  /** file name without number and extension, must not name the decision */
  slug: string;
  decision: Decision;
  readings: Reading[];
  note: string;
  from: { name?: string; address: string; charset?: Charset; mode?: 'B' | 'Q' };
  /** local wall-clock time and its UTC offset */
  date: [string, string];
  subject: string;
  subjectCharset?: Charset;
  subjectMode?: 'B' | 'Q';
  mailer?: string;
  /** envelope sender; defaults to the From address ('' for bounces) */
  returnPath?: string;
  extraHeaders?: string[];
  body: Part;
}

export function reading(row: MeterRow, t1: number | null, t2: number | null = null, t3: number | null = null): Reading {
  return { account: row.account, meter: row.meter, t1, t2, t3 };
}

export function plain(text: string, charset: Charset = 'utf-8', encoding: TransferEncoding = '8bit'): LeafPart {
  return { kind: 'leaf', contentType: 'text/plain', charset, encoding, body: text };
}

export function html(markup: string, charset: Charset = 'utf-8', encoding: TransferEncoding = 'base64'): LeafPart {
  return { kind: 'leaf', contentType: 'text/html', charset, encoding, body: markup };
}

export function alternative(...parts: Part[]): MultiPart {
  return { kind: 'multi', subtype: 'alternative', parts };
}

export function mixed(...parts: Part[]): MultiPart {
  return { kind: 'multi', subtype: 'mixed', parts };
}

export function attachment(bytes: Buffer, contentType: string, filename: string, filenameStyle: 'rfc2231' | 'word' = 'rfc2231'): LeafPart {
  return { kind: 'leaf', contentType, encoding: 'base64', body: bytes, filename, filenameStyle, disposition: 'attachment' };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Table as mail clients paste it; 'th' puts the header in <th>, 'bold' in bold <td> cells like an Excel paste. */
export function htmlTable(header: string[], rows: string[][], headerStyle: 'th' | 'bold' = 'th'): string {
  if (headerStyle === 'th') {
    // Web-mail editors write compact markup with no whitespace between cells.
    const head = `<tr>${header.map((h) => `<th style="border:1px solid #000;padding:3px 6px">${escapeHtml(h)}</th>`).join('')}</tr>`;
    const body = rows
      .map((r) => `<tr>${r.map((c) => `<td style="border:1px solid #000;padding:3px 6px">${escapeHtml(c)}</td>`).join('')}</tr>`)
      .join('\n');
    return `<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n${head}\n${body}\n</table>`;
  }
  // Excel pasted into Outlook: one cell per line, text wrapped in MsoNormal paragraphs.
  const cell = (c: string, bold: boolean) =>
    `<td nowrap valign=bottom style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>\n` +
    `<p class=MsoNormal><span style='color:black'>${bold ? '<b>' : ''}${escapeHtml(c)}${bold ? '</b>' : ''}<o:p></o:p></span></p>\n</td>`;
  const tr = (r: string[], bold: boolean) => `<tr style='height:15.0pt'>\n${r.map((c) => cell(c, bold)).join('\n')}\n</tr>`;
  return `<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>\n${tr(header, true)}\n${rows.map((r) => tr(r, false)).join('\n')}\n</table>`;
}

export function tabbed(header: string[], rows: string[][], sep = '\t'): string {
  return [header, ...rows].map((r) => r.join(sep)).join('\n');
}

export function aligned(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows].map((r) => r.map((c, i) => c.padEnd((widths[i] ?? 0) + 2)).join('').trimEnd()).join('\n');
}

export interface FlatValues {
  flat: Flat;
  t1: number;
  t2: number | null;
  /** heat meter value as written (decimal comma) and its integer part */
  heat?: { text: string; int: number };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plausible November values: a month of consumption on top of the registry's last reading. */
export function monthly(b: Building, seed: number): FlatValues[] {
  const rnd = mulberry32(seed);
  return b.flats.map((flat) => {
    const e = flat.electricity;
    const t1 = e.last[0] + (e.zones === 1 ? 60 + Math.floor(rnd() * 420) : 80 + Math.floor(rnd() * 240));
    const t2 = e.zones === 2 ? (e.last[1] ?? 0) + 40 + Math.floor(rnd() * 160) : null;
    if (!flat.heat) return { flat, t1, t2 };
    const int = flat.heat.last[0] + 1 + Math.floor(rnd() * 2);
    const frac = String(Math.floor(rnd() * 1000)).padStart(3, '0');
    return { flat, t1, t2, heat: { text: `${int},${frac}`, int } };
  });
}

export function electricityReading(v: FlatValues): Reading {
  return reading(v.flat.electricity, v.t1, v.t2);
}
