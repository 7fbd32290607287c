// Residents of the December 2026 reading week, part 3: the odd ones a clerk remembers.
import type { MessageSpec } from './spec.js';
import { address, alt, dec, headers, html, messageId, plain, r, subject } from './spec.js';

export const PEOPLE_3: MessageSpec[] = [
  {
    slug: 'gusev',
    // Raw UTF-8 in From and Subject (RFC 6532 style), as some Android clients send it.
    headers: headers({
      date: dec(24, '21:15:00'),
      from: 'Виталий Гусев <gusev.vit@yandex.ru>',
      subject: 'Показания (сайт не работает)',
      id: messageId('gusev', 'plain', 'gusev-phone'),
      extra: [['X-Mailer', 'AquaMail/1.52.0 (build: 105200051)']],
    }),
    root: plain(
      `Добрый вечер. На сайте dvec.ru в разделе «Передача показаний» после ввода выдаёт «Сервис временно недоступен». Вот что я вводил:

Отделение: Хабаровское
Номер лицевого счёта: 270370551
Номер прибора учёта: 5020338
Показание (день): 24390
Показание (ночь): 10321

В. Гусев
`,
      'utf-8',
      '8bit',
    ),
    expected: {
      decision: 'accept',
      readings: [r('270370551', '5020338', 24390, 10321)],
      note: 'Fields copied from the website form; raw 8-bit UTF-8 header values.',
    },
  },
  {
    slug: 'kravets',
    headers: headers({
      date: dec(21, '18:30:00'),
      from: address('Марина Кравец', 'kravets.marina@mail.ru'),
      subject: subject('показания'),
      id: messageId('kravets', 'mailru'),
    }),
    root: plain('Здравствуйте! Л/с 271560448, показания 15390.\n', 'utf-8', 'quoted-printable'),
    expected: {
      decision: 'review',
      readings: [],
      note: 'Account has two electricity meters and none is named, so the meter is not implied (15390 only fits one of them by size, but that is a guess).',
    },
  },
  {
    slug: 'gavrilov-3',
    headers: headers({
      date: dec(20, '10:02:40'),
      from: address('Гаврилов Станислав Петрович', 's.gavrilov.1948@mail.ru'),
      subject: subject('Re: Ваши показания приняты'),
      id: messageId('gavrilov-3', 'thunderbird', 'mail.ru'),
      extra: [['User-Agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.5.2']],
    }),
    root: plain(
      `Уважаемые господа!

1. Подтверждение о приёме показаний получил.
2. Благодарю за оперативность.

С уважением,
С. П. Гаврилов

20.12.2026 09:20, Хабаровскэнергосбыт пишет:
> Ваши показания приняты.
> Лицевой счёт: 270418863
> Прибор учёта: 07719354
> Показания: Т1 41498, Т2 18861
`,
      'utf-8',
      'quoted-printable',
      true,
    ),
    expected: { decision: 'review', readings: [], note: 'A thank-you for the confirmation; the only readings are in the quote.' },
  },
  {
    slug: 'dyachenko',
    headers: headers({
      date: dec(22, '19:40:00'),
      from: address('Ольга Дьяченко', 'dyachenko.olga@mail.ru'),
      subject: subject('показания'),
      id: messageId('dyachenko', 'mailru'),
    }),
    root: alt(
      plain(
        `Добрый вечер!
Л/с 272044016
Электроэнергия (сч. 6007341): 31165
Холодная вода: 00412
Горячая вода: 00287
Дьяченко О.
`,
        'utf-8',
        'base64',
      ),
      html(
        `<div>Добрый вечер!</div><div>Л/с 272044016</div><div>Электроэнергия (сч. 6007341): 31165</div><div>Холодная вода: 00412</div><div>Горячая вода: 00287</div><div>Дьяченко О.</div>`,
        'utf-8',
        'base64',
      ),
    ),
    expected: {
      decision: 'accept',
      readings: [r('272044016', '6007341', 31165)],
      note: 'Water readings ride along; they are not this utility\'s meters and are not electricity zone values. The electricity reading is unambiguous.',
    },
  },
  {
    slug: 'ozhogin',
    headers: headers({
      date: dec(23, '09:30:00'),
      from: address('Степан Ожогин', 'ozhogin.s@rambler.ru'),
      subject: subject('показания'),
      id: messageId('ozhogin', 'plain', 'rambler.ru'),
    }),
    root: plain('Здравствуйте. Лицевой счёт 270918227, счётчик 2290145. Показания 00210.\n', 'utf-8', '8bit'),
    expected: {
      decision: 'review',
      readings: [r('270918227', '2290145', 210)],
      note: 'Last 99850 on a five-digit counter: 00210 is most likely a roll-over through zero (+360), but it is a decrease by the rules.',
    },
  },
  {
    slug: 'tsoy',
    headers: headers({
      date: dec(24, '22:05:00'),
      from: address('Анна Цой', 'tsoy.anna@gmail.com'),
      subject: subject('Показания'),
      id: messageId('tsoy', 'gmail'),
    }),
    root: alt(
      plain(
        `Добрый вечер! Л/с 271402285, счётчик 7006621.
День — 8120
Ночь — 20480
`,
        'utf-8',
        'quoted-printable',
      ),
      html(
        `<div dir="ltr">Добрый вечер! Л/с 271402285, счётчик 7006621.<div>День — 8120</div><div>Ночь — 20480</div></div>`,
        'utf-8',
        'quoted-printable',
      ),
    ),
    expected: {
      decision: 'review',
      readings: [r('271402285', '7006621', 20480, 8120)],
      note: 'Day and night labels swapped (last 20100/8050): as labelled, day decreased; the clerk would record them swapped.',
    },
  },
  {
    slug: 'sivkov',
    headers: headers({
      date: dec(20, '15:55:00'),
      from: address('Petr Sivkov', 'sivkov.p@rambler.ru'),
      subject: 'pokazaniya',
      id: messageId('sivkov', 'plain', 'rambler.ru'),
      extra: [['User-Agent', 'Opera Mail/12.16 (Win32)']],
    }),
    root: plain(
      `Dobryi den'!
Pishu s raboty, russkoi raskladki net.
L/s 270226603, schetchik 3801447, pokazaniya 6311.
Sivkov P.A.
`,
      'us-ascii',
      '7bit',
    ),
    expected: { decision: 'accept', readings: [r('270226603', '3801447', 6311)], note: 'Russian in Latin transliteration.' },
  },
];
