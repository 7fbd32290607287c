import { assemble, type Envelope, type Styled } from './clients.js';

export type Decision = 'accept' | 'review' | 'reject' | 'ignore';

export interface Reading {
  account: string;
  meter: string;
  t1: number | null;
  t2: number | null;
  t3: number | null;
}

export interface Case {
  name: string;
  decision: Decision;
  readings: Reading[];
  note: string;
  eml: Buffer;
}

export function reading(account: string, meter: string, t1: number | null, t2: number | null = null, t3: number | null = null): Reading {
  return { account, meter, t1, t2, t3 };
}

/** The utility's confirmation as customers later quote it (old, already accepted values). */
export function confirmation(account: string, meter: string, values: string, date: string): string[] {
  return [
    'Уважаемый клиент!',
    'Ваши показания приняты.',
    `Лицевой счёт: ${account}`,
    `Прибор учёта: ${meter}`,
    `Показания: ${values}`,
    `Дата приёма: ${date}`,
    '--',
    'АО «ДЭК» — «Хабаровскэнергосбыт»',
  ];
}

export function quoteLines(lines: string[], prefix = '> '): string {
  return lines.map((line) => (line ? `${prefix}${line}` : prefix.trimEnd())).join('\n');
}

export function makeCase(name: string, decision: Decision, readings: Reading[], note: string, envelope: Omit<Envelope, 'seed'>, styled: Styled): Case {
  return { name, decision, readings, note, eml: assemble({ ...envelope, seed: name }, styled) };
}
