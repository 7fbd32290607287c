// Separates what the sender wrote from the history their mail client appended (replies, forwards).
// One pass over the lines; every pattern is anchored and tried only on short lines.
import { QUOTE_CUT } from './html-to-text.js';

export interface QuoteSplit {
  text: string;
  quoted: string;
}

const QUOTE_LINE = /^[ \t]*>/;
// After these, everything is history: the client does not prefix it with ">".
const SEPARATORS = [
  /^[ \t]*-{2,}[ \t]*(Original Message|Forwarded message|Forwarded Message|Исходное сообщение|Пересылаемое сообщение|Пересланное сообщение|Начало пересылаемого сообщения|Переадресованное сообщение|Перенаправленное сообщение)[ \t]*-{2,}[ \t]*$/i,
  /^[ \t]*(Начало переадресованного сообщения|Начало пересылаемого сообщения|Пересылаемое сообщение|Begin forwarded message)[ \t]*:[ \t]*$/i,
];
const RULE_LINE = /^[ \t]*[_—–-]{8,}[ \t]*$/;
// Outlook / Exchange header block: From, then a Sent/Date line with a time within a few lines.
const HEADER_FROM = /^[ \t]*\*?(From|От|Von|De)[ \t]*:\*?[ \t]*\S/i;
const HEADER_SENT = /^[ \t]*\*?(Sent|Date|Отправлено|Дата|Gesendet|Envoyé)[ \t]*:.*\d{1,2}:\d{2}/i;
const HEADER_BLOCK_SPAN = 5;
// "On … wrote:" and the Russian clients' variants. Each ends with a colon.
const REPLY_HEADERS = [
  /^[ \t]*On\s.{4,250}\swrote:\s*$/i,
  /\d{1,2}[./-]\d{1,2}[./-]\d{2,4}.{0,250}\swrote:\s*$/i,
  /^[ \t]*\d{1,2}\.\d{1,2}\.\d{4},\s*\d{1,2}:\d{2},\s*.{1,250}:\s*$/,
  /^[ \t]*(пн|вт|ср|чт|пт|сб|вс),\s*\d{1,2}\s+\S+\s+\d{4}\s*г\.?,?\s*в\s*\d{1,2}:\d{2}.{0,250}:\s*$/i,
  /^[ \t]*(понедельник|вторник|среда|четверг|пятница|суббота|воскресенье),\s*\d{1,2}\s+\S+\s+\d{4}.{0,250}\sот\s.{1,250}:\s*$/i,
  /(пишет|писал\(а\)|писала?|написал\(а\)|написала?)\s*:\s*$/i,
];
// A header naming a date or an address is a header even when no "> " lines follow it.
const STRONG_HEADER = /@|\d{1,2}:\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4}/;
const MAX_HEADER_LINE = 320;
const EXTRA_BLANK_LINES = /\n{3,}/g;

function endsWithColon(line: string): boolean {
  return line.trimEnd().endsWith(':');
}

function matchesReplyHeader(line: string): boolean {
  return line.length <= MAX_HEADER_LINE && endsWithColon(line) && REPLY_HEADERS.some((re) => re.test(line));
}

/** Lines taken by a reply header starting at i (clients wrap long ones in two), 0 if none. */
function replyHeaderAt(lines: string[], i: number): { length: number; strong: boolean } {
  const line = lines[i]!;
  if (matchesReplyHeader(line)) return { length: 1, strong: STRONG_HEADER.test(line) };
  const next = lines[i + 1];
  if (next !== undefined && line.length >= 20 && !endsWithColon(line) && endsWithColon(next)) {
    const joined = `${line.trimEnd()} ${next.trim()}`;
    if (matchesReplyHeader(joined)) return { length: 2, strong: STRONG_HEADER.test(joined) };
  }
  return { length: 0, strong: false };
}

function isOutlookHeaderAt(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i]!)) return false;
  const last = Math.min(lines.length - 1, i + HEADER_BLOCK_SPAN);
  for (let j = i + 1; j <= last; j++) if (HEADER_SENT.test(lines[j]!)) return true;
  return false;
}

function nextNonBlank(lines: string[], from: number): number {
  for (let j = from; j < lines.length; j++) if (lines[j]!.trim() !== '') return j;
  return -1;
}

export function trimBlankLines(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end).join('\n').replace(EXTRA_BLANK_LINES, '\n\n');
}

/**
 * Splits a body into new text and quoted history. Text after a "> " block is kept (bottom posting);
 * after a separator, an Outlook header block or an unquoted reply header everything is history.
 */
export function stripQuotes(body: string): QuoteSplit {
  const lines = body.split('\n');
  const kept: string[] = [];
  const quoted: string[] = [];
  let cut = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (QUOTE_LINE.test(line)) {
      quoted.push(line);
      continue;
    }
    if (line === QUOTE_CUT || SEPARATORS.some((re) => re.test(line)) || isOutlookHeaderAt(lines, i)) {
      cut = i;
      break;
    }
    const header = replyHeaderAt(lines, i);
    if (header.length > 0) {
      const next = nextNonBlank(lines, i + header.length);
      if (next !== -1 && QUOTE_LINE.test(lines[next]!)) {
        for (let j = i; j < next; j++) quoted.push(lines[j]!);
        i = next - 1;
        continue;
      }
      if (header.strong) {
        cut = i;
        break;
      }
    }
    kept.push(line);
  }
  if (cut !== -1) {
    // Outlook draws a rule above its header block: that belongs to the history too
    let k = kept.length - 1;
    while (k >= 0 && kept[k]!.trim() === '') k--;
    if (k >= 0 && RULE_LINE.test(kept[k]!)) quoted.push(...kept.splice(k));
    for (let i = cut; i < lines.length; i++) if (lines[i] !== QUOTE_CUT) quoted.push(lines[i]!);
  }
  return { text: trimBlankLines(kept), quoted: trimBlankLines(quoted) };
}
