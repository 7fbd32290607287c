import { describe, expect, it } from 'vitest';
import { stripSignature } from './strip-signature.js';

const lines = (...l: string[]): string => l.join('\n');

describe('stripSignature', () => {
  it('removes everything below the "-- " delimiter', () => {
    expect(stripSignature(lines('Показания 100', '-- ', 'Иван', 'https://ivan.example'))).toEqual({
      text: 'Показания 100',
      signature: lines('-- ', 'Иван', 'https://ivan.example'),
    });
  });

  it.each([
    'Отправлено с iPhone',
    'Sent from my iPhone',
    'Sent from my Android phone',
    'Отправлено из мобильной Почты Mail.ru',
    'Отправлено с помощью приложения Яндекс.Почта',
    'Отправлено из мобильной Яндекс Почты',
    'Get Outlook for Android',
  ])('removes the phone-client line "%s"', (line) => {
    expect(stripSignature(lines('Т1 4500', '', line))).toEqual({ text: 'Т1 4500', signature: line });
  });

  it('removes a closing block with name, title, requisites and phones', () => {
    const body = lines(
      'Лицевой счёт 1234567890, показания 5400.',
      '',
      'С уважением,',
      'Петров П.П.',
      'главный энергетик',
      'ООО «Альфа», ИНН 2721000000, КПП 272101001, ОГРН 1022700000000',
      '680000, г. Хабаровск, ул. Муравьёва-Амурского, д. 1',
      'тел.: +7 (4212) 30-40-50',
      'alpha@example.ru',
    );
    const split = stripSignature(body);
    expect(split.text).toBe('Лицевой счёт 1234567890, показания 5400.');
    expect(split.signature.split('\n')).toHaveLength(7);
  });

  it('removes "Спасибо" with a short tail', () => {
    expect(stripSignature(lines('Счётчик 011234: 7788', 'Спасибо!', 'Анна'))).toEqual({
      text: 'Счётчик 011234: 7788',
      signature: lines('Спасибо!', 'Анна'),
    });
  });

  it('keeps "Спасибо" when unexplained numbers follow it', () => {
    const body = lines('Добрый день', 'Спасибо', '12345', '6789');
    expect(stripSignature(body).text).toBe(body);
  });

  it('keeps a message that is only a thank-you', () => {
    expect(stripSignature('Спасибо!')).toEqual({ text: 'Спасибо!', signature: '' });
  });

  it('keeps "Спасибо" when a long text follows it', () => {
    const body = lines('Спасибо', ...Array.from({ length: 10 }, (_, i) => `строка ${i}`));
    expect(stripSignature(body).text).toBe(body);
  });

  it('never drops a line with readings or an account, even inside a signature', () => {
    const split = stripSignature(lines('Добрый день', 'С уважением,', 'Иванов И.И.', 'л/с 5566778899', 'Т1: 12345'));
    expect(split.text).toBe(lines('Добрый день', 'л/с 5566778899', 'Т1: 12345'));
    expect(split.signature).toBe(lines('С уважением,', 'Иванов И.И.'));
  });

  it('does not take a closing line that itself names readings', () => {
    const body = lines('Спасибо, показания 4500');
    expect(stripSignature(body).text).toBe(body);
  });

  it('removes Russian and English disclaimers and antivirus banners', () => {
    const body = lines(
      'Показания 321',
      '',
      'Данное сообщение и все приложения к нему предназначены исключительно для адресата',
      'и могут содержать конфиденциальную информацию.',
      '',
      'CONFIDENTIALITY NOTICE: This e-mail message is intended only for the named recipient',
      'and may contain confidential information.',
      '',
      'This email has been checked for viruses by Avast antivirus software.',
      'www.avast.com',
    );
    const split = stripSignature(body);
    expect(split.text).toBe('Показания 321');
    expect(split.signature).toContain('Данное сообщение');
    expect(split.signature).toContain('CONFIDENTIALITY NOTICE');
    expect(split.signature).toContain('www.avast.com');
  });

  it('keeps a paragraph that starts like a disclaimer but carries readings', () => {
    const body = lines('Это сообщение предназначено для передачи показаний: счётчик 011234, 5600');
    expect(stripSignature(body).text).toBe(body);
  });
});
