// Shared vocabulary of the hold-out E message specs: header helpers, part shorthands,
// expected-result types. Every message is written by hand in people-*.ts / machines.ts.
import type { BinaryPart, Charset, MultiPart, Part, TextPart, TransferEncoding } from './mime.js';
import { address, rfcDate, subject } from './mime.js';

export const TO = 'info@khab.dvec.ru';
export const TO_NAMED = address('Хабаровскэнергосбыт', TO);

export type Decision = 'accept' | 'review' | 'reject' | 'ignore';

export interface Reading {
  account: string;
  meter: string;
  t1: number | null;
  t2: number | null;
  t3: number | null;
}

export interface Expected {
  decision: Decision;
  readings: Reading[];
  note: string;
}

export interface MessageSpec {
  /** Neutral slug (sender or organisation); the e### prefix is given in date order. */
  slug: string;
  headers: Array<[string, string]>;
  root: Part;
  expected: Expected;
}

export function r(account: string, meter: string, t1: number, t2: number | null = null, t3: number | null = null): Reading {
  return { account, meter, t1, t2, t3 };
}

export function plain(text: string, charset: Charset = 'utf-8', cte: TransferEncoding = '8bit', flowed = false): TextPart {
  return { kind: 'text', subtype: 'plain', text, charset, cte, ...(flowed ? { format: 'flowed' as const } : {}) };
}

export function html(text: string, charset: Charset = 'utf-8', cte: TransferEncoding = 'quoted-printable'): TextPart {
  return { kind: 'text', subtype: 'html', text, charset, cte };
}

export function alt(...parts: Part[]): MultiPart {
  return { kind: 'multi', subtype: 'alternative', parts };
}

export function mixed(...parts: Part[]): MultiPart {
  return { kind: 'multi', subtype: 'mixed', parts };
}

export function related(...parts: Part[]): MultiPart {
  return { kind: 'multi', subtype: 'related', parts, params: 'type="text/html"' };
}

export function image(bytes: Buffer, filename: string, contentId?: string): BinaryPart {
  return {
    kind: 'binary',
    contentType: 'image/png',
    bytes,
    filename,
    disposition: contentId ? 'inline' : 'attachment',
    ...(contentId ? { contentId } : {}),
  };
}

/** Wraps minimal HTML the way webmail clients do. */
export function page(body: string, charset = 'utf-8'): string {
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body>${body}</body></html>`;
}

function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x1234567;
  for (const c of text) {
    h1 = Math.imul(h1 ^ c.charCodeAt(0), 16777619) >>> 0;
    h2 = Math.imul(h2 ^ c.charCodeAt(0), 2246822519) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

type IdStyle = 'gmail' | 'outlook' | 'mailru' | 'yandex' | 'apple' | 'thunderbird' | 'plain';

export function messageId(seed: string, style: IdStyle, domain = 'mail.ru'): string {
  const h = hash(seed);
  switch (style) {
    case 'gmail':
      return `<CAH${h.toUpperCase()}+${h.slice(0, 6)}Q${h.slice(6)}@mail.gmail.com>`;
    case 'outlook':
      return `<${h.slice(0, 8).toUpperCase()}${h.slice(8).toUpperCase()}$${h.slice(3, 9)}@${domain}>`;
    case 'mailru':
      return `<17${parseInt(h.slice(0, 7), 16)}.${parseInt(h.slice(7, 14), 16)}@f${parseInt(h.slice(14), 16) % 700}.i.mail.ru>`;
    case 'yandex':
      return `<${parseInt(h.slice(0, 6), 16)}17${parseInt(h.slice(6, 13), 16)}@mail.yandex.ru>`;
    case 'apple':
      return `<${h.slice(0, 8).toUpperCase()}-${h.slice(8, 12).toUpperCase()}-4${h.slice(12, 15).toUpperCase()}-A${h.slice(1, 4).toUpperCase()}-${h.toUpperCase().slice(4, 16)}@${domain}>`;
    case 'thunderbird':
      return `<${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(12, 15)}-9${h.slice(1, 4)}-${h.slice(4, 16)}@${domain}>`;
    case 'plain':
      return `<${h}@${domain}>`;
  }
}

export interface HeaderOptions {
  from: string;
  date: string;
  subject: string;
  id: string;
  to?: string;
  extra?: Array<[string, string]>;
}

/** Date/From/To/Subject/Message-ID in the usual order, then client-specific headers. */
export function headers(o: HeaderOptions): Array<[string, string]> {
  const list: Array<[string, string]> = [
    ['Date', o.date],
    ['From', o.from],
    ['To', o.to ?? TO],
  ];
  if (o.subject !== '') list.push(['Subject', o.subject]);
  list.push(['Message-ID', o.id]);
  return [...list, ...(o.extra ?? [])];
}

/** A December 2026 date in the sender's own offset. */
export function dec(day: number, time: string, offset = '+1000', comment = ''): string {
  return rfcDate(2026, 12, day, time, offset, comment);
}

export { address, subject };
