import { describe, expect, it } from 'vitest';
import type { RegistryMeter } from '../domain/types.js';
import type { ParsedMessage } from '../parse/types.js';
import { RegistryIndex } from '../validate/registry-index.js';
import { decideMessage, type DecisionRules } from './decide-message.js';

const meter = (account: string, serial: string, over: Partial<RegistryMeter> = {}): RegistryMeter => ({
  account, meter: serial, kind: 'electricity', zones: 1, digits: 6,
  last: { t1: 12000, t2: null, t3: null }, lastDate: '2026-10-22', emails: [], ...over,
});

const registry = new RegistryIndex([
  meter('2700123456', '011234567'),
  meter('2700222222', '5512345', { zones: 2, last: { t1: 30000, t2: 9000, t3: null }, emails: ['ivan@mail.ru'] }),
  meter('2700333333', 'ЕМ-123456', { zones: 3, digits: 7, last: { t1: 100, t2: 50, t3: 70 } }),
  meter('2700444444', '7700001', {}),
  meter('2700444444', 'ТС-9001', { kind: 'heat', digits: 5, last: { t1: 120, t2: null, t3: null } }),
  meter('2700555555', '88001', { emails: ['shared@ya.ru'] }),
  meter('2700666666', '88002', { emails: ['shared@ya.ru'] }),
]);

const rules: DecisionRules = {
  window: { startDay: 20, endDay: 25, timeZone: 'Asia/Vladivostok' },
  maxIncrease: { electricity: 5000, heat: 50 },
  ownAddresses: ['info@khab.dvec.ru'],
};

function msg(text: string, over: Partial<ParsedMessage> = {}): ParsedMessage {
  return {
    messageId: 'x@y', subject: 'Показания', from: { address: 'someone@example.ru', name: null }, replyTo: null, to: [],
    date: null, headers: {}, contentType: 'text/plain', text, quoted: '', signature: '', fullText: text, html: null,
    attachments: [], attachmentText: '', problems: [], ...over,
  };
}

const IN = new Date('2026-11-22T03:00:00Z');
const OUT = new Date('2026-11-27T03:00:00Z');
const decide = (text: string, over: Partial<ParsedMessage> = {}, at = IN) =>
  decideMessage({ message: msg(text, over), registry, rules, at });

describe('decideMessage', () => {
  it.each([
    ['SMS format', '2700123456 011234567 12345', { t1: 12345 }],
    ['SMS with decimal', '2700123456 011234567 12345,67', { t1: 12345 }],
    ['free wording', 'Лицевой счёт 2700123456, счётчик № 011234567, показания 12 345 кВт·ч', { t1: 12345 }],
    ['account only', 'Л/с 2700123456. Показания счетчика: 13001', { t1: 13001 }],
    ['meter only', 'Счетчик 011234567 показания 12500', { t1: 12500 }],
    ['values first', 'Показания 12500.\nМой лицевой счет 2700123456', { t1: 12500 }],
    ['with date and phone', 'Показания на 21.11.2026: 12345. л/с 2700123456. Тел. 8-914-123-45-67', { t1: 12345 }],
    ['old value mentioned', 'ЛС 2700123456. В прошлом месяце было 12000, сейчас 12400', { t1: 12400 }],
    ['address and money', 'ул. Ленина, д. 15, кв. 42. Л/с 2700123456, показания 12345, оплатила 1540 руб.', { t1: 12345 }],
    ['SMS format beside a phone', '2700123456 011234567 12345 тел 89141234567', { t1: 12345 }],
    ['contact line in the signature', 'л/с 2700123456: 12345\n\nИванов И.\nООО Ромашка, каб. 3412, тел. 40-71-22', { t1: 12345 }],
    ['table with a header row', 'кв | л/с | показания\n31 | 2700123456 | 12 345', { t1: 12345 }],
  ])('accepts %s', (_n, text, vals) => {
    const d = decide(text);
    expect(d.reasons).toEqual([]);
    expect(d.decision).toBe('accept');
    expect(d.readings).toEqual([{ account: '2700123456', meter: '011234567', t2: null, t3: null, ...vals }]);
  });

  it('accepts day/night by labels and by sender address', () => {
    const d = decide('День 30100\nНочь 9050', { from: { address: 'Ivan@mail.ru', name: null } });
    expect(d.decision).toBe('accept');
    expect(d.readings).toEqual([{ account: '2700222222', meter: '5512345', t1: 30100, t2: 9050, t3: null }]);
  });

  it('accepts 3 zones and look-alike serial letters', () => {
    const d = decide('Счётчик EM-123456 (латиница): Т1 150, Т2 60, Т3 80');
    expect(d.readings).toEqual([{ account: '2700333333', meter: 'ЕМ-123456', t1: 150, t2: 60, t3: 80 }]);
    expect(d.decision).toBe('accept');
  });

  it('splits an account with two kinds by unit words', () => {
    const d = decide('Л/с 2700444444: электроэнергия 12500 кВт, отопление 130 Гкал');
    expect(d.decision).toBe('accept');
    expect(d.readings).toHaveLength(2);
  });

  it.each([
    ['decreased', 'Л/с 2700123456 показания 11000', 'decreased_value'],
    ['too big an increase', 'Л/с 2700123456 показания 19000', 'implausible_increase'],
    ['too many digits', 'Л/с 2700123456 показания 1234567', 'too_many_digits'],
    ['unknown account', 'Л/с 2799999999 показания 12345', 'unknown_account'],
    ['meter of another account', 'Л/с 2700222222 счетчик 011234567 показания 12345', 'meter_not_of_account'],
    ['ambiguous meter', 'Л/с 2700444444 показания 12345', 'meter_ambiguous'],
    ['sender on two accounts', 'Показания 12345', 'account_ambiguous'],
    ['two values for one zone', 'Л/с 2700123456 показания 12345 12400', 'zone_count_mismatch'],
    ['no readings', 'Добрый день, почему такой большой счёт?', 'no_readings'],
  ])('reviews %s', (_n, text, reason) => {
    const d = decide(text, { from: { address: 'shared@ya.ru', name: null } });
    expect(d.decision).toBe('review');
    expect(d.reasons).toContain(reason);
  });

  it('reviews a subject in SMS format that disagrees with the body', () => {
    const d = decide('Добрый день, показания счётчика 011234567: 12400', { subject: '2700123456 011234567 12345' });
    expect(d.decision).toBe('review');
    // two values for a one-zone meter: whichever code names it, a clerk must look
    expect(d.reasons.some((r) => r === 'conflicting_values' || r === 'zone_count_mismatch')).toBe(true);
  });

  it('rejects readings outside the window', () => {
    const d = decide('2700123456 011234567 12345', {}, OUT);
    expect(d.decision).toBe('reject');
    expect(d.reasons).toEqual(['outside_window']);
  });

  it('ignores auto-replies and does not answer them', () => {
    const d = decide('2700123456 011234567 12345', { headers: { 'auto-submitted': ['auto-replied'] } });
    expect(d.decision).toBe('ignore');
    expect(d.effects).toEqual([]);
  });
});
