// The customer-facing replies (accepted / rejected outside the window / received for review) as subject,
// plain text and simple HTML. Pure: the caller passes the readings, the previous values and the instant.
import { nextWindow, type WindowRules } from '../decide/billing-window.js';
import type { MeterKind, Reading, Zone, ZoneValues } from '../domain/types.js';
import { toHtml, toText, type Block } from './reply-document.js';

export interface AcceptedReading extends Reading {
  kind: MeterKind;
  zones: 1 | 2 | 3;
  /** The meter's values before this reading (the registry's last); null or a null zone when unknown. */
  previous: ZoneValues | null;
}

export type ReplyInput =
  | { template: 'accepted'; originalSubject: string | null; readings: AcceptedReading[]; /** YYYY-MM */ period: string }
  | { template: 'rejected'; originalSubject: string | null; /** when the message was judged */ at: Date; window: WindowRules }
  | { template: 'review'; originalSubject: string | null };

export interface RenderedReply {
  subject: string;
  text: string;
  html: string;
}

export const SIGNATURE = ['С уважением,', 'Хабаровскэнергосбыт (филиал ПАО «ДЭК»)'];
const AUTOMATIC = 'Это письмо сформировано автоматически.';
const MAX_SUBJECT_CHARS = 120;


const ZONE_NAMES: Record<Zone, string> = { t1: 'День', t2: 'Ночь', t3: 'Полупик' };
const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

export function renderReply(input: ReplyInput): RenderedReply {
  const original = topic(input.originalSubject);
  const body: Block[] = [{ kind: 'para', lines: ['Здравствуйте!'] }, ...bodyOf(input, original), { kind: 'para', lines: [AUTOMATIC] }];
  const subject = original === '' ? fixedSubject(input) : `Re: ${original}`;
  return { subject, text: toText(body, SIGNATURE), html: toHtml(subject, body, SIGNATURE) };
}

function bodyOf(input: ReplyInput, original: string): Block[] {
  const yourMail = original === '' ? 'Ваше письмо' : `Ваше письмо «${original}»`;
  switch (input.template) {
    case 'accepted':
      return [
        { kind: 'para', lines: [`${yourMail} получено, показания приняты. Спасибо!`] },
        ...input.readings.flatMap(readingBlocks),
        { kind: 'para', lines: [`Расчётный период: ${periodName(input.period)}`] },
      ];
    case 'rejected': {
      const { startDay, endDay } = input.window;
      const next = nextWindow(input.at, input.window);
      return [
        { kind: 'para', lines: [`${yourMail} получено, но показания не приняты: они переданы вне срока приёма.`] },
        { kind: 'para', lines: [`Показания принимаются с ${startDay} по ${endDay} число каждого месяца.`] },
        { kind: 'para', lines: [`Пожалуйста, передайте их снова с ${dotted(next.from)} по ${dotted(next.to)}.`] },
      ];
    }
    case 'review':
      return [
        { kind: 'para', lines: [`${yourMail} получено, специалист проверит его.`] },
        { kind: 'para', lines: ['Если понадобятся уточнения, мы свяжемся с вами.'] },
      ];
  }
}

function readingBlocks(r: AcceptedReading): Block[] {
  const zones: Zone[] = (['t1', 't2', 't3'] as const).slice(0, r.zones).filter((z) => r[z] !== null);
  const items = zones.map((z) => {
    const label = r.zones === 1 ? 'Показание' : ZONE_NAMES[z];
    const used = consumption(r[z], r.previous?.[z] ?? null);
    const unit = r.kind === 'electricity' ? ' кВт·ч' : '';
    return used === null ? `${label}: ${r[z]}` : `${label}: ${r[z]} (расход с прошлого показания: ${used}${unit})`;
  });
  const meter = r.kind === 'electricity' ? 'счётчик электроэнергии' : 'счётчик тепловой энергии';
  return [{ kind: 'list', title: `Лицевой счёт ${r.account}, ${meter} № ${r.meter}:`, items }];
}

function consumption(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || value < previous) return null;
  return value - previous;
}

/** "2026-11" → "ноябрь 2026 г." */
function periodName(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]} г.` : period;
}

/** "2026-12-20" → "20.12.2026" */
function dotted(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

// "Re: Re: Ответ: …" collapses to one "Re: ".
const REPLY_PREFIX = /^(?:(?:re|aw|sv|отв|ответ)(?:\s*\[\d+\])?\s*:\s*)+/i;

/**
 * The original subject as one short line without reply prefixes. It is the customer's text: line breaks and
 * control characters go, and it is cut to a length that fits a subject line.
 */
function topic(subject: string | null): string {
  const line = (subject ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  const bare = line.replace(REPLY_PREFIX, '').trim();
  const chars = Array.from(bare);
  return chars.length > MAX_SUBJECT_CHARS ? `${chars.slice(0, MAX_SUBJECT_CHARS - 1).join('').trimEnd()}…` : bare;
}

function fixedSubject(input: ReplyInput): string {
  switch (input.template) {
    case 'accepted': return 'Показания приняты';
    case 'rejected': return `Показания не приняты: приём с ${input.window.startDay} по ${input.window.endDay} число`;
    case 'review': return 'Ваше письмо получено';
  }
}
