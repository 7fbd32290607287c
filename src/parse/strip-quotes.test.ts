import { describe, expect, it } from 'vitest';
import { QUOTE_CUT } from './html-to-text.js';
import { stripQuotes } from './strip-quotes.js';

const lines = (...l: string[]): string => l.join('\n');

describe('stripQuotes', () => {
  it('keeps text without any history as is', () => {
    expect(stripQuotes('Показания 12345\nСчётчик 011234')).toEqual({ text: 'Показания 12345\nСчётчик 011234', quoted: '' });
  });

  it.each([
    ['Gmail EN', 'On Tue, Nov 24, 2026 at 10:00 AM Energosbyt <info@khab.dvec.ru> wrote:'],
    ['Gmail RU', 'вт, 24 нояб. 2026 г. в 10:00, Энергосбыт <info@khab.dvec.ru>:'],
    ['Yandex', '24.11.2026, 10:00, "Энергосбыт" <info@khab.dvec.ru>:'],
    ['Mail.ru', 'Вторник, 24 ноября 2026, 10:00 +10:00 от info@khab.dvec.ru:'],
    ['Thunderbird', '24.11.2026 10:00, Energosbyt wrote:'],
    ['Apple RU', '24 нояб. 2026 г., в 10:00, Энергосбыт <info@khab.dvec.ru> написал(а):'],
    ['name only', 'Энергосбыт пишет:'],
  ])('moves a %s reply header and its "> " block to quoted', (_client, header) => {
    const body = lines('Т1 12400', '', header, '> Ваши прошлые показания 12000', '> Спасибо');
    const split = stripQuotes(body);
    expect(split.text).toBe('Т1 12400');
    expect(split.quoted).toBe(lines(header, '> Ваши прошлые показания 12000', '> Спасибо'));
  });

  it('recognises a reply header wrapped over two lines', () => {
    const body = lines(
      'Показания 555',
      'On Tue, Nov 24, 2026 at 10:00 AM Energosbyt Customer Service <info@khab.dvec.ru>',
      'wrote:',
      '> old',
    );
    expect(stripQuotes(body).text).toBe('Показания 555');
  });

  it('cuts everything after an unquoted reply header that names a date or address', () => {
    const body = lines('Новые 300', '', '24.11.2026, 10:00, "Энергосбыт" <info@khab.dvec.ru>:', '', 'Старые 200');
    expect(stripQuotes(body)).toEqual({
      text: 'Новые 300',
      quoted: lines('24.11.2026, 10:00, "Энергосбыт" <info@khab.dvec.ru>:', '', 'Старые 200'),
    });
  });

  it('keeps a line ending in "пишет:" when nothing quoted follows it', () => {
    const body = lines('Мастер пишет:', 'счётчик исправен, показания 4500');
    expect(stripQuotes(body).text).toBe(body);
  });

  it('keeps new text written below a "> " block (bottom posting)', () => {
    const body = lines('> Сообщите показания', '> за ноябрь', '', 'Показания 777', '', '> Срок до 25', 'И ещё 888');
    const split = stripQuotes(body);
    expect(split.text).toBe(lines('Показания 777', '', 'И ещё 888'));
    expect(split.quoted).toBe(lines('> Сообщите показания', '> за ноябрь', '> Срок до 25'));
  });

  it.each([
    '-----Original Message-----',
    '-----Исходное сообщение-----',
    '-------- Пересылаемое сообщение --------',
    '---------- Forwarded message ---------',
    '-------- Начало пересылаемого сообщения --------',
    'Начало переадресованного сообщения:',
    'Begin forwarded message:',
  ])('treats everything after "%s" as history, even unquoted text', (separator) => {
    const body = lines('Моё 100', separator, 'From: someone', '', 'Чужое 200', '> и это', 'и это тоже');
    const split = stripQuotes(body);
    expect(split.text).toBe('Моё 100');
    expect(split.quoted).toBe(lines(separator, 'From: someone', '', 'Чужое 200', '> и это', 'и это тоже'));
  });

  it('cuts at an Outlook header block (Russian labels) and takes the rule above it', () => {
    const body = lines(
      'Показания 3210',
      '',
      '________________________________',
      'От: Энергосбыт <info@khab.dvec.ru>',
      'Отправлено: 24 ноября 2026 г. 10:00',
      'Кому: client@example.ru',
      'Тема: Показания',
      '',
      'Прошлые показания 3000',
    );
    const split = stripQuotes(body);
    expect(split.text).toBe('Показания 3210');
    expect(split.quoted.startsWith('________________________________\nОт: Энергосбыт')).toBe(true);
    expect(split.quoted.endsWith('Прошлые показания 3000')).toBe(true);
  });

  it('does not mistake a letter header without a sent time for an Outlook block', () => {
    const body = lines('Кому: ПАО ДЭК', 'От: Иванова И.И.', 'Дата: 24.11.2026', '', 'Показания 100');
    expect(stripQuotes(body).text).toBe(body);
  });

  it('cuts at the marker the HTML converter leaves for Outlook history', () => {
    const body = lines('Показания 7777', QUOTE_CUT, 'От: Энергосбыт', 'старое');
    expect(stripQuotes(body)).toEqual({ text: 'Показания 7777', quoted: lines('От: Энергосбыт', 'старое') });
  });

  it('handles a long body in linear time', () => {
    const body = Array.from({ length: 50_000 }, (_, i) => (i % 3 === 0 ? `> quoted ${i}` : `line ${i} пишет`)).join('\n');
    const started = performance.now();
    stripQuotes(body);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
