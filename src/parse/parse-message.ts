// Raw RFC 5322 bytes → ParsedMessage. Bad input is reported in `problems`, never thrown.
import { simpleParser } from 'mailparser';
import type { AddressObject, Attachment, EmailAddress, ParsedMail, SimpleParserOptions } from 'mailparser';
import { decodeHeaderLine } from './decode-header.js';
import { decodeBytes, detectCyrillicCharset, isValidUtf8 } from './detect-charset.js';
import { htmlToText, QUOTE_CUT } from './html-to-text.js';
import { scanMime } from './scan-mime.js';
import { sniffRaw } from './sniff-raw.js';
import { stripQuotes } from './strip-quotes.js';
import { stripSignature } from './strip-signature.js';
import { DEFAULT_PARSE_LIMITS } from './types.js';
import type { Address, ParsedAttachment, ParsedMessage, ParseLimits, ParseProblem } from './types.js';

const PARSER_OPTIONS: SimpleParserOptions = {
  // we convert HTML ourselves (quote-aware) and never render text as HTML
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  keepCidLinks: true,
  checksumAlgo: false,
  // forwarded mail and bounce reports are attachments, not text the sender wrote
  ignoreEmbedded: true,
  keepDeliveryStatus: true,
};

// A plain part some clients send beside the real HTML body.
const PLAIN_STUB = /HTML|не поддерживает|почтов\S* (программ|клиент)|view (this|the) (message|e-?mail)|your (e-?mail )?(client|program)/i;
const MAX_STUB_LENGTH = 300;
const ZONE_ABBREVIATIONS: Record<string, string> = {
  MSK: '+0300', MSD: '+0400', VLAT: '+1000', VLAST: '+1100', YAKT: '+0900', KHAT: '+1000', UTC: '+0000',
};
const TRAILING_ZONE = /\s([A-Z]{3,5})\s*$/;
const TRAILING_COMMENT = /\s*\([^)]*\)\s*$/;
const CRLF = /\r\n?/g;
const ANGLE_BRACKETS = /^<|>$/g;
// mailparser refuses header blocks over 1 MB; a real one is a few KB
const MAX_HEADER_BLOCK = 512 * 1024;
const NBSP = /[\u00a0\u202f]/g;
// Outlook's plain alternative marks inline images as "[cid:image001.png@01DB…]"
const CID_PLACEHOLDER = /\[cid:[^\]\s]*\]/g;
const CUT_LINE = new RegExp(`^${QUOTE_CUT}\\n?`, 'gm');

function emptyMessage(problems: ParseProblem[]): ParsedMessage {
  return {
    messageId: null, subject: '', from: { address: null, name: null }, replyTo: null, to: [], date: null,
    headers: {}, contentType: '', text: '', quoted: '', signature: '', fullText: '', html: null,
    attachments: [], attachmentText: '', problems,
  };
}

function parseDate(value: string | undefined): Date | null {
  if (value === undefined) return null;
  let v = value.replace(TRAILING_COMMENT, '').trim();
  const zone = TRAILING_ZONE.exec(v)?.[1];
  if (zone && ZONE_ABBREVIATIONS[zone]) v = v.slice(0, -zone.length).trimEnd() + ' ' + ZONE_ABBREVIATIONS[zone];
  const date = new Date(v);
  return Number.isNaN(date.getTime()) ? null : date;
}

function mailboxes(header: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const flat: EmailAddress[] = [];
  const visit = (a: EmailAddress): void => {
    if (a.group) a.group.forEach(visit);
    else flat.push(a);
  };
  for (const obj of header === undefined ? [] : Array.isArray(header) ? header : [header]) obj.value.forEach(visit);
  return flat;
}

function toAddress(a: EmailAddress | undefined): Address {
  return { address: a?.address ? a.address.toLowerCase() : null, name: a?.name ? a.name : null };
}

function collectHeaders(mail: ParsedMail): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const { key, line } of mail.headerLines ?? []) {
    if (key === '') continue;
    (headers[key] ??= []).push(decodeHeaderLine(line));
  }
  return headers;
}

function toAttachment(a: Attachment, html: string | null): ParsedAttachment {
  const cid = a.cid ?? null;
  const inline = a.contentDisposition === 'inline' || a.related === true
    || (cid !== null && html !== null && html.includes(`cid:${cid}`));
  return {
    filename: a.filename ?? null,
    contentType: a.contentType.toLowerCase(),
    size: a.content.length,
    contentId: cid,
    inline,
    content: a.content,
  };
}

const TEXT_ATTACHMENT = /^text\/(?:plain|csv|tab-separated-values|x-csv|comma-separated-values)$|^application\/(?:csv|x-csv)$/;
const TEXT_FILE = /\.(?:csv|txt|tsv)$/i;
const MAX_ATTACHMENT_TEXT = 256 * 1024;

/** Plain-text and CSV attachments as text (charset as declared, else UTF-8 or the likeliest Cyrillic one). */
function textOfAttachments(attachments: Attachment[]): string {
  const parts: string[] = [];
  let size = 0;
  for (const a of attachments) {
    const type = a.contentType.toLowerCase();
    if (!(TEXT_ATTACHMENT.test(type) || (type === 'application/octet-stream' && TEXT_FILE.test(a.filename ?? '')))) continue;
    if (a.contentDisposition === 'inline' && !a.filename) continue;
    if (size + a.content.length > MAX_ATTACHMENT_TEXT) break;
    size += a.content.length;
    const declared = /charset="?([\w-]+)"?/i.exec(String(a.headers.get('content-type') ?? ''))?.[1];
    const charset = declared ?? (isValidUtf8(a.content) ? 'utf-8' : detectCyrillicCharset(a.content));
    parts.push(decodeBytes(a.content, charset).replace(/^\uFEFF/, '').replace(CRLF, '\n'));
  }
  return parts.join('\n');
}

function isStub(plain: string): boolean {
  const trimmed = plain.trim();
  return trimmed === '' || (trimmed.length <= MAX_STUB_LENGTH && PLAIN_STUB.test(trimmed));
}

function bodyText(mail: ParsedMail, html: string | null): string {
  const plain = (mail.text ?? '').replace(CRLF, '\n');
  const text = html !== null && isStub(plain) ? htmlToText(html) : plain.replace(CID_PLACEHOLDER, '');
  return text.replace(NBSP, ' ');
}

function buildMessage(mail: ParsedMail, problems: ParseProblem[], headersOnly: boolean): ParsedMessage {
  const headers = collectHeaders(mail);
  const html = !headersOnly && typeof mail.html === 'string' ? mail.html : null;
  const contentType = mail.headers.get('content-type') as { value?: string } | undefined;
  const body = headersOnly ? '' : bodyText(mail, html);
  const { text: unquoted, quoted } = stripQuotes(body);
  const { text, signature } = stripSignature(unquoted);
  return {
    messageId: mail.messageId ? mail.messageId.replace(ANGLE_BRACKETS, '') : null,
    subject: mail.subject ?? '',
    from: toAddress(mailboxes(mail.from)[0]),
    replyTo: mail.replyTo ? toAddress(mailboxes(mail.replyTo)[0]) : null,
    to: mailboxes(mail.to).flatMap((a) => (a.address ? [a.address.toLowerCase()] : [])),
    // mailparser puts "now" in place of a missing or broken Date: read the header ourselves
    date: parseDate(headers.date?.[0]),
    headers,
    contentType: (contentType?.value ?? 'text/plain').toLowerCase(),
    text,
    quoted,
    signature,
    fullText: body.replace(CUT_LINE, '').trim(),
    html,
    attachments: headersOnly ? [] : mail.attachments.map((a) => toAttachment(a, html)),
    attachmentText: headersOnly ? '' : textOfAttachments(mail.attachments),
    problems,
  };
}

async function parseWithMailparser(raw: Buffer, maxParts: number): Promise<ParsedMail> {
  return simpleParser(raw, { ...PARSER_OPTIONS, maxChildNodes: Math.max(1000, maxParts * 2 + 10) });
}

/**
 * The header fields of one raw message (Message-ID, Date, From, Subject …) as parseMessage reads them, from the
 * header block alone: no body, no attachments. For a store that needs only those (the shared intake's fetcher).
 */
export async function parseHeaders(raw: Buffer, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ParsedMessage> {
  const sniff = sniffRaw(raw);
  if (sniff.kind !== 'message') return emptyMessage([sniff.kind]);
  const headerEnd = Math.min(sniff.headerEnd, sniff.start + MAX_HEADER_BLOCK);
  const headerBlock = Buffer.concat([raw.subarray(sniff.start, headerEnd), Buffer.from('\r\n')]);
  try {
    return buildMessage(await parseWithMailparser(scanMime(headerBlock, 0, limits.maxParts).raw, limits.maxParts), [], true);
  } catch {
    return emptyMessage(['not_a_message']);
  }
}

/** Parses one raw message. Never throws for bad input: trouble is listed in `problems`. */
export async function parseMessage(raw: Buffer, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ParsedMessage> {
  const sniff = sniffRaw(raw);
  if (sniff.kind !== 'message') return emptyMessage([sniff.kind]);

  const problems: ParseProblem[] = [];
  let input: Buffer;
  const headersOnly = raw.length > limits.maxBytes;
  if (headersOnly) {
    problems.push('too_large');
    const headerEnd = Math.min(sniff.headerEnd, sniff.start + MAX_HEADER_BLOCK);
    const headerBlock = Buffer.concat([raw.subarray(sniff.start, headerEnd), Buffer.from('\r\n')]);
    input = scanMime(headerBlock, 0, limits.maxParts).raw;
  } else {
    const scan = scanMime(raw, sniff.start, limits.maxParts);
    if (scan.tooManyParts) problems.push('too_many_parts');
    if (scan.truncated) problems.push('truncated');
    input = scan.raw;
  }

  try {
    return buildMessage(await parseWithMailparser(input, limits.maxParts), problems, headersOnly);
  } catch {
    // the parser gave up on the structure (e.g. an oversized header block): keep what the headers say
    try {
      const headerBlock = raw.subarray(sniff.start, Math.min(sniff.headerEnd, sniff.start + MAX_HEADER_BLOCK));
      const mail = await parseWithMailparser(headerBlock, limits.maxParts);
      return buildMessage(mail, ['not_a_message'], true);
    } catch {
      return emptyMessage(['not_a_message']);
    }
  }
}
