// Hold-out D, part 3: more households — late and early senders across time zones, questions, odd formats.
import { expect, reading, unixSeconds, type Case } from './case-kit.js';
import {
  appleBody,
  appleId,
  gmailBody,
  gmailId,
  htmlFromText,
  mailruBody,
  mailruId,
  outlookBody,
  outlookId,
  theBatId,
  thunderbirdId,
  yandexHtmlBody,
  yandexId,
} from './clients.js';
import { address, attachment, headerText, mailDate, message, multipart, murkyPhotoPng, textPart } from './mime.js';
import { R } from './registry.js';

const MAILRU_MAILER = 'X-Mailer: Mail.Ru Mailer 1.0';
const MAILRU_APP = 'X-Mailer: Mail.Ru Mail Android App 15.4.0.38121';
const YAMAIL = 'X-Mailer: Yamail [ http://yandex.ru ] 5.0';

export function householdCases(): Case[] {
  const cases: Case[] = [];
  const add = (key: string, eml: Buffer, expected: Case['expected']) => cases.push({ key, eml, expected });
  const mailru = (key: string, local: string, name: string, email: string, subject: string, text: string, app = false) =>
    message({
      from: address(name, email),
      subject: headerText(subject),
      date: mailDate(local, '+1000'),
      messageId: mailruId(key, unixSeconds(local, 10)),
      extra: [app ? MAILRU_APP : MAILRU_MAILER],
      body: mailruBody(key, text),
    });
  const gmail = (key: string, local: string, offset: string, name: string, email: string, subject: string, text: string, extra: string[] = []) =>
    message({
      from: address(name, email),
      subject: headerText(subject),
      date: mailDate(local, offset),
      messageId: gmailId(key),
      extra,
      body: gmailBody(key, text),
    });

  {
    const html = '<div>Лицевой 278004215, счётчик 48112093</div><div>ночь 8 404</div><div>день 17 611</div><div> </div><div>-- <br />Отправлено из мобильной Яндекс Почты</div>\n';
    add(
      'night-first',
      message({
        from: address('Светлана Морозова', 'svetik.morozova@yandex.ru'),
        subject: headerText('показания'),
        date: mailDate('2026-11-25 21:05:49', '+1000'),
        messageId: yandexId('night-first'),
        extra: [YAMAIL, 'X-Yandex-Mobile-App: android'],
        body: yandexHtmlBody(html),
      }),
      expect('accept', [reading(R.reversed, 17611, 8404)], 'night given before day'),
    );
  }

  {
    const key = 'photo-only';
    const alternative = gmailBody(key, 'Фото счётчика во вложении. Л/с 275780012\n');
    const body = multipart('mixed', '000000000000' + 'f4c1a92e0b7d', [
      alternative,
      attachment(murkyPhotoPng(160, 120, key), 'image/png', 'IMG_20261122_184512.png'),
    ]);
    add(
      key,
      message({
        from: address('Рустам Алиев', 'aliev.rustam89@gmail.com'),
        subject: headerText('Фото счетчика'),
        date: mailDate('2026-11-22 18:46:02', '+1000'),
        messageId: gmailId(key),
        body,
      }),
      expect('review', [], 'photo only, too dark to read any digit; no reading in the text'),
    );
  }

  add(
    'evening-before-window',
    mailru('evening-before-window', '2026-11-19 22:15:30', 'Алексей Шумаков', 'shumakov.a@mail.ru', 'Показания', 'Л/с 270230451, сч. 12004588, показания 4 310.\nШумаков\n'),
    expect('reject', [reading(R.late19, 4310)], '19 Nov 22:15 Vladivostok: before the window'),
  );

  add(
    'late-after-illness',
    gmail(
      'late-after-illness',
      '2026-11-26 09:30:02',
      '+1000',
      'Нелли Гарипова',
      'garipova.nelly@gmail.com',
      'Показания (с опозданием)',
      'Извините, что с опозданием, болела. Л/с 271560992, счётчик 37010045: день 14 388, ночь 6 244. Примите, пожалуйста.\n',
    ),
    expect('reject', [reading(R.late26, 14388, 6244)], '26 Nov: after the window'),
  );

  add(
    'thebat-friday-27',
    message({
      from: address('Константин Рябов', 'ryabov.k@rambler.ru', 'windows-1251'),
      subject: headerText('Показания эл/энергии', 'windows-1251'),
      date: mailDate('2026-11-27 14:00:17', '+1000'),
      messageId: theBatId('thebat-friday-27', '20261127140017', 'rambler.ru'),
      extra: ['X-Mailer: The Bat! (v10.3.3.3) Home', 'X-Priority: 3 (Normal)'],
      body: textPart('Здравствуйте, Хабаровскэнергосбыт.\n\nЛицевой счет 272890117, счетчик 5108821, показания 9 541.\n\n-- \nС уважением,\n Константин Рябов\n', {
        charset: 'windows-1251',
        cte: 'quoted-printable',
      }),
    }),
    expect('reject', [reading(R.late27, 9541)], '27 Nov: after the window'),
  );

  add(
    'son-in-moscow-evening',
    gmail(
      'son-in-moscow-evening',
      '2026-11-25 19:10:00',
      '+0300',
      'Максим Кирсанов',
      'm.kirsanov@gmail.com',
      'Показания за отца, л/с 273004512',
      'Добрый вечер! Передаю показания за отца, Кирсанова Бориса Павловича (ул. Вокзальная 60-14).\nСчётчик 60550127, показания 11 640.\nСпасибо!\n',
    ),
    expect('reject', [reading(R.moscowLate, 11640)], '25 Nov 19:10 +0300 is 26 Nov 02:10 in Vladivostok: after the window'),
  );

  add(
    'utc-clock-thursday',
    message({
      from: address('Илья Веснин', 'vesnin.ilya@gmail.com'),
      subject: headerText('Показания'),
      date: mailDate('2026-11-19 12:00:00', '+0000'),
      messageId: thunderbirdId('utc-clock-thursday', 'gmail.com'),
      extra: ['User-Agent: Mozilla Thunderbird', 'Content-Language: ru'],
      mimeVersionFirst: true,
      body: textPart('Добрый день!\nл/с 274330781\nсч. 8812560\nТ1 5 402\nТ2 2 411\n\nВеснин И.\n', { charset: 'utf-8', cte: '8bit', flowed: true, charsetLabel: 'UTF-8' }),
    }),
    expect('reject', [reading(R.utcEarly, 5402, 2411)], '19 Nov 12:00 UTC = 19 Nov 22:00 Vladivostok: before the window'),
  );

  add(
    'late-and-lower',
    mailru('late-and-lower', '2026-11-26 12:12:40', 'Римма Зайнуллина', 'rimma.z@mail.ru', 'показания', 'Здравствуйте, л/с 275600019, счетчик 1233019, показания 24 910.\n'),
    expect('reject', [reading(R.lateDecreased, 24910)], 'after the window (the value is also below the last reading; the window rule answers first)'),
  );

  add(
    'sms-format-past-midnight',
    message({
      from: address('Sergey Mikhailov', 's.mikhailov.1979@gmail.com'),
      subject: '',
      date: mailDate('2026-11-26 00:12:09', '+1000'),
      messageId: gmailId('sms-format-past-midnight'),
      body: gmailBody('sms-format-past-midnight', '276789012 49001175 12301 05612\n'),
    }),
    expect('reject', [reading(R.smsLate, 12301, 5612)], '26 Nov 00:12 Vladivostok: twelve minutes after the window closed'),
  );

  add(
    'last-minute',
    message({
      from: address('Цой Диана', 'tsoy.diana@mail.ru'),
      subject: headerText('Показания, успеваю :)'),
      date: mailDate('2026-11-25 23:59:40', '+1000'),
      messageId: outlookId('last-minute', 'mail.ru'),
      extra: ['X-Mailer: Microsoft Outlook 16.0', 'Content-Language: ru'],
      body: outlookBody('last-minute', 'Добрый вечер! Надеюсь, успеваю до конца 25-го :)\nЛ/с 277900450, счётчик 0123987 — 3 511.\n\nЦой Д.\n', 'utf-8'),
    }),
    expect('accept', [reading(R.lastMinute, 3511)], '25 Nov 23:59:40 Vladivostok: still inside the window'),
  );

  add(
    'kamchatka-shift',
    gmail(
      'kamchatka-shift',
      '2026-11-20 00:30:00',
      '+1200',
      'Анатолий Гречко',
      'grechko.a@gmail.com',
      'Показания с Камчатки :)',
      'Здравствуйте! Я сейчас на вахте в Петропавловске, у нас уже 20-е, так что передаю: л/с 278001562, счётчик 90012034, показания 7 936 (жена сфотографировала и прислала).\n',
    ),
    expect('reject', [reading(R.kamchatka, 7936)], '20 Nov 00:30 +1200 is 19 Nov 22:30 in Vladivostok: before the window'),
  );

  add(
    'missed-window-question',
    mailru(
      'missed-window-question',
      '2026-11-26 10:05:33',
      'Эмма Кравчук',
      'emma.kravchuk@mail.ru',
      'Не успела передать показания',
      'Здравствуйте. Я не успела передать показания до 25-го, лежала в больнице. Что теперь будет? Можно передать сейчас или начислят по среднему?\n',
    ),
    expect('review', [], 'question without readings (sent after the window, but there is nothing to reject)'),
  );

  add(
    'how-to-send',
    gmail(
      'how-to-send',
      '2026-11-20 17:45:10',
      '+1000',
      'Полина Гуляева',
      'polina.gulyaeva@gmail.com',
      'Как передать показания?',
      'Добрый день! Мы недавно купили квартиру на ул. Пушкина 54, хочу передавать показания по почте. Подскажите, в каком формате писать? Нужен ли номер счётчика или достаточно лицевого счёта? И где его посмотреть, в квитанции?\n',
    ),
    expect('review', [], 'how-to question'),
  );

  add(
    'all-caps-bill',
    mailru(
      'all-caps-bill',
      '2026-11-23 13:13:02',
      'Виктор Громов',
      'gromov1958@mail.ru',
      'БЕЗОБРАЗИЕ!!!',
      'ВЫ ОПЯТЬ НАЧИСЛИЛИ ПО НОРМАТИВУ!!! Я ПЕРЕДАВАЛ ПОКАЗАНИЯ КАЖДЫЙ МЕСЯЦ ЧЕРЕЗ ВНУКА!!! Л/С 279334100. В квитанции к оплате 6 780,45 руб, у меня пенсия 19 тысяч!!! Разберитесь или я пойду в прокуратуру!!!\nГромов В.А.\n',
    ),
    expect('review', [], 'complaint about the bill, no reading'),
  );

  add(
    'linked-late-friday',
    gmail('linked-late-friday', '2026-11-27 08:40:15', '+1000', 'Ирина Соколова', 'irina.sokolova.khv@gmail.com', 'Показания', 'Добрый день! Показания 29 350.\nСоколова И.\n'),
    expect('reject', [reading(R.sokolova, 29350)], 'linked sender, 27 Nov: after the window'),
  );

  {
    const html =
      '<div>Здравствуйте!</div><div> </div><div>Л/с: 101550876</div><div>Счётчик: 0734418</div><div>День: 6&nbsp;955</div><div>Ночь: 3&nbsp;180</div><div> </div><div>С уважением, Дарья</div>\n';
    add(
      'yandex-nbsp',
      message({
        from: address('Дарья Ефимова', 'dasha.efimova@yandex.ru'),
        subject: headerText('Показания за ноябрь'),
        date: mailDate('2026-11-22 20:20:20', '+1000'),
        messageId: yandexId('yandex-nbsp'),
        extra: [YAMAIL],
        body: yandexHtmlBody(html),
      }),
      expect('accept', [reading(R.yandexHtml, 6955, 3180)], 'HTML only, &nbsp; as thousands separator'),
    );
  }

  add(
    'mutt-koi8',
    message({
      from: address('Всеволод Зайцев', 'vz@zaitsev.khv.ru', 'koi8-r'),
      subject: headerText('Показания', 'koi8-r'),
      date: mailDate('2026-11-21 12:34:56', '+1000'),
      messageId: '<20261121023456.GA4471@zaitsev.khv.ru>',
      extra: ['Mail-Followup-To: vz@zaitsev.khv.ru', 'User-Agent: Mutt/2.2.12 (2023-09-09)'],
      body: textPart('ЛС 102660719 / ПУ 220441 / 40873\n\n-- \nВсеволод\n', { charset: 'koi8-r', cte: '8bit', charsetLabel: 'koi8-r' }),
    }),
    expect('accept', [reading(R.koi8bit, 40873)], 'KOI8-R 8bit; three numbers separated by slashes'),
  );

  add(
    'iphone-day-night',
    message({
      from: address('Алёна Чернова', 'alena.chernova@mail.ru'),
      subject: headerText('Показания'),
      date: mailDate('2026-11-23 12:01:09', '+1000'),
      messageId: appleId('iphone-day-night', 'mail.ru'),
      extra: ['X-Mailer: iPhone Mail (22B91)'],
      mimeVersionFirst: true,
      body: appleBody('iphone-day-night', 'Лицевой 103770512\nСчетчик 38004422\nДень 10 230\nНочь 5 118\n\nОтправлено с iPhone\n'),
    }),
    expect('accept', [reading(R.iphone, 10230, 5118)], 'Apple Mail multipart/alternative, quoted-printable'),
  );

  add(
    'sent-twice-1',
    mailru('sent-twice-1', '2026-11-22 10:00:03', 'Пахомова Татьяна', 'pakhomova.te@mail.ru', 'Показания', 'Добрый день! Л/с 103880214, счётчик 19004471, показания 6 512.\nПахомова Т.Е.\n'),
    expect('accept', [reading(R.duplicate, 6512)], 'plain labelled reading'),
  );
  add(
    'sent-twice-2',
    mailru(
      'sent-twice-2',
      '2026-11-22 18:30:41',
      'Пахомова Татьяна',
      'pakhomova.te@mail.ru',
      'Показания (повторно)',
      'Повторно отправляю, не уверена, что дошло.\nЛ/с 103880214, счётчик 19004471, показания 6 512.\nПахомова Т.Е.\n',
    ),
    expect('accept', [reading(R.duplicate, 6512)], 'same reading sent again the same day; valid on its own'),
  );

  add(
    'forward-from-husband',
    gmail(
      'forward-from-husband',
      '2026-11-24 11:30:27',
      '+1000',
      'Елена Журавлёва',
      'zhuravleva.elena@gmail.com',
      'Fwd: показания',
      'Пересылаю, муж просил отправить, у него почему-то не уходит на ваш адрес.\n\n---------- Forwarded message ---------\nОт: Журавлёв Игорь <zhuravlev.igor@khabmail.ru>\nDate: вт, 24 нояб. 2026 г. в 09:12\nSubject: показания\nTo: Журавлёва Елена <zhuravleva.elena@gmail.com>\n\n\nЛ/с 104880345, сч 5544120, показания 18 122\n',
    ),
    expect('review', [reading(R.forwarded, 18122)], 'the reading is only inside the forwarded message (forward history is not a new reading per the rules), though the intent to submit it is plain'),
  );

  add(
    'thebat-reply-to-self',
    message({
      from: address('Михаил Гусаров', 'gusarov.m@rambler.ru', 'windows-1251'),
      subject: headerText('Re: Показания за октябрь', 'windows-1251'),
      date: mailDate('2026-11-21 08:30:00', '+1000'),
      messageId: theBatId('thebat-reply-to-self', '20261121083000', 'rambler.ru'),
      extra: ['X-Mailer: The Bat! (v9.4.5) Professional', 'In-Reply-To: <1873301162.20261021090211@rambler.ru>', 'X-Priority: 3 (Normal)'],
      body: textPart(
        'Здравствуйте.\n\nПоказания за ноябрь: 33 520.\nЛ/с 105990876, сч. 0987012.\n\nВы писали 21 октября 2026 г., 9:02:11:\n\n> Показания за октябрь: 33 010.\n> Л/с 105990876, сч. 0987012.\n\n-- \nС уважением,\n Михаил                          mailto:gusarov.m@rambler.ru\n',
        { charset: 'windows-1251', cte: 'quoted-printable' },
      ),
    }),
    expect('accept', [reading(R.selfQuote, 33520)], 'reply to his own October message; the quoted 33 010 is history'),
  );

  add(
    'phone-in-signature',
    gmail(
      'phone-in-signature',
      '2026-11-25 13:37:00',
      '+1000',
      'Роман Зуев',
      'zuev.roman.khv@gmail.com',
      'Показания электроэнергии',
      'Добрый день!\nЛицевой счёт: 271340097\nСчётчик: 26011450\nПоказания: 13702\n\n--\nРоман Зуев\n89141234567\nWhatsApp/Telegram: 89141234567\n',
    ),
    expect('accept', [reading(R.phoneSig, 13702)], 'eleven-digit phone number in the signature'),
  );

  add(
    'squashed-abbreviations',
    mailru('squashed-abbreviations', '2026-11-24 07:07:07', 'Игорь Цой', 'igor.tsoi77@mail.ru', 'пок', 'лс272004567 сч1108845 пок4230\n\n--\nОтправлено из мобильной Почты Mail.ru\n', true),
    expect('accept', [reading(R.squashed, 4230)], 'labels glued to the numbers'),
  );

  add(
    'heat-only-of-two',
    gmail(
      'heat-only-of-two',
      '2026-11-21 16:48:31',
      '+1000',
      'Андрей Семенов',
      'semenov.andrey.khv@gmail.com',
      'Показания тепла',
      'Здравствуйте. Л/с 273450012, отопление (теплосчётчик): 519,7 Гкал. Электричество передам через личный кабинет.\n',
    ),
    expect('accept', [reading(R.heatOnlyHeat, 519)], 'account has one heat meter, so the serial is implied; electricity not sent'),
  );

  {
    const key = 'mailru-table';
    const text = 'Добрый день!\nСчётчик 0601299\n\nДата\tДень (Т1)\tНочь (Т2)\n20.11.2026\t14 930\t7 402\n\nВащенко И.\n';
    const html =
      '<HTML><BODY><div>Добрый день!</div><div>Счётчик 0601299</div><div>&nbsp;</div><table border="1" cellpadding="4" style="border-collapse:collapse"><tr><th>Дата</th><th>День (Т1)</th><th>Ночь (Т2)</th></tr><tr><td>20.11.2026</td><td>14&nbsp;930</td><td>7&nbsp;402</td></tr></table><div>&nbsp;</div><div>Ващенко И.</div></BODY></HTML>\n';
    add(
      key,
      message({
        from: address('Ирина Ващенко', 'vashchenko.irina@mail.ru'),
        subject: headerText('Показания электроэнергии, л/с 274100988'),
        date: mailDate('2026-11-20 15:26:44', '+1000'),
        messageId: mailruId(key, unixSeconds('2026-11-20 15:26:44', 10)),
        extra: [MAILRU_MAILER],
        body: mailruBody(key, text, html),
      }),
      expect('accept', [reading(R.mailruTable, 14930, 7402)], 'account in the subject, readings in a table with a date column'),
    );
  }

  add(
    'outlook-express-pensioner',
    message({
      from: address('Яковлев Пётр Семёнович', 'p.s.yakovlev@rambler.ru', 'windows-1251'),
      subject: headerText('показания счетчика', 'windows-1251'),
      date: mailDate('2026-11-23 10:40:00', '+1000'),
      messageId: '<000801db3d5a$7e2f1c20$0201a8c0@YAKOVLEV>',
      extra: ['X-Priority: 3', 'X-MSMail-Priority: Normal', 'X-Mailer: Microsoft Outlook Express 6.00.2900.5931', 'X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2900.6157'],
      body: textPart(
        'Здравствуйте уважаемые работники Энергосбыта!\n\nПишет вам Яковлев Пётр Семёнович, 1942 г.р., проживаю по адресу ул. Калинина д.71 кв.9. Мне 84 года, в офис ходить тяжело, внук настроил почту. Передаю показания счетчика электроэнергии за ноябрь месяц.\nлицевой счет 275230110 ,счетчик номер 590127\nпоказания 19004\nВ прошлом месяце было 18870, так что нагорело немного, живу один, телевизор да чайник.\nЗаранее благодарю, здоровья вам.\nЯковлев П.С.\n',
        { charset: 'windows-1251', cte: 'quoted-printable', charsetLabel: '"windows-1251"' },
      ),
    }),
    expect('accept', [reading(R.pensioner, 19004)], 'long letter; "было 18870" is last month\'s value, birth year and address are not readings'),
  );

  add(
    'date-in-text',
    gmail(
      'date-in-text',
      '2026-11-22 17:55:12',
      '+1000',
      'Карина Мамедова',
      'karina.mamedova@gmail.com',
      'Показания',
      'Здравствуйте! Показания на 22.11.2026 — 4 560.\nЛ/с 276880221, счётчик 3001299.\nАдрес: ул. Тихоокеанская 204, кв. 55.\n\nМамедова К.\n',
    ),
    expect('accept', [reading(R.dateTrap, 4560)], 'date and address numbers around the reading'),
  );

  add(
    'neva-kwh',
    message({
      from: address('Никита Орехов', 'orehov.nikita@yandex.ru'),
      subject: headerText('Показания Нева'),
      date: mailDate('2026-11-24 20:15:36', '+1000'),
      messageId: thunderbirdId('neva-kwh', 'yandex.ru'),
      extra: ['User-Agent: Mozilla Thunderbird', 'Content-Language: ru'],
      mimeVersionFirst: true,
      body: textPart('Здравствуйте.\nЛ/с 277300014\nСчётчик Нева МТ 124 AS OP, № 000751\nT1 = 3 388 kWh\nT2 = 1 310 kWh\n-- \nНикита\n', {
        charset: 'utf-8',
        cte: '8bit',
        flowed: true,
        charsetLabel: 'UTF-8',
      }),
    }),
    expect('accept', [reading(R.neva, 3388, 1310)], 'model name with numbers; serial with leading zeros'),
  );

  add(
    'latin-serial-for-cyrillic',
    gmail(
      'latin-serial-for-cyrillic',
      '2026-11-25 11:18:29',
      '+1000',
      'Ekaterina Mironova',
      'e.mironova@gmail.com',
      'pokazaniya',
      'Добрый день, счётчик EM-9018, лицевой 279600775, показания 2 288.\n',
    ),
    expect('accept', [reading(R.cyrSerial, 2288)], 'registry serial has Cyrillic Е and М, typed in Latin'),
  );

  add(
    'three-zones-one-line',
    mailru('three-zones-one-line', '2026-11-21 18:18:18', 'Олеся Кан', 'olesya.kan@mail.ru', 'показания', 'л/с 100220334 сч 61100452 т1 - 1204; т2 - 633; т3 - 880\n'),
    expect('accept', [reading(R.t3line, 1204, 633, 880)], 'three zones on one line, hyphens as separators'),
  );

  add(
    'transposed-account',
    gmail('transposed-account', '2026-11-20 10:10:10', '+1000', 'Владимир Седов', 'vl.sedov@gmail.com', 'Показания', 'Лицевой счёт 102110898, счётчик 6650331, показания 10 911.\n'),
    expect('review', [reading(R.typoAccount, 10911)], 'account 102110898 does not exist; the meter belongs to 102110889 (two digits swapped)'),
  );

  add(
    'neighbours-meter',
    message({
      from: address('Гульнара Хасанова', 'gulnara.h@yandex.ru'),
      subject: headerText('Показания'),
      date: mailDate('2026-11-22 13:31:07', '+1000'),
      messageId: yandexId('neighbours-meter'),
      extra: [YAMAIL],
      body: yandexHtmlBody('<div>Л/с 103220776, счётчик 20814477, показания 3 540</div>\n'),
    }),
    expect('review', [], 'the meter belongs to another account (273310457)'),
  );

  add(
    'seattle-son',
    gmail(
      'seattle-son',
      '2026-11-25 06:30:00',
      '-0800',
      'Alex Morozov',
      'alex.morozov.sea@gmail.com',
      'Показания за родителей',
      'Здравствуйте! Я живу в Сиэтле, передаю показания за родителей (Морозовы, ул. Ким Ю Чена 9, кв. 40).\nЛ/с 100990123, счётчик 2277014, показания 38 615.\nСпасибо, Алексей\n',
    ),
    expect('reject', [reading(R.usaLate, 38615)], '25 Nov 06:30 -0800 is 26 Nov 00:30 in Vladivostok: after the window'),
  );

  add(
    'vancouver-daughter',
    gmail(
      'vancouver-daughter',
      '2026-11-19 16:30:00',
      '-0800',
      'Natalia Hwang',
      'natalia.hwang@gmail.com',
      'Показания мамы',
      'Добрый день! Передаю показания маминого счётчика (пишу из Ванкувера).\nЛ/с 101880456, счётчик 0066321: день 7 355, ночь 3 461.\nНаталья\n',
    ),
    expect('accept', [reading(R.canadaEarly, 7355, 3461)], '19 Nov 16:30 -0800 is 20 Nov 10:30 in Vladivostok: inside the window'),
  );

  {
    const key = 'forwarded-reminder';
    const text =
      'Вот мои показания: 12 950, л/с 102550781.\n\n\n-------- Пересылаемое сообщение --------\n19.11.2026, 10:00, ПАО «ДЭК» <noreply@dvec.ru>:\nУважаемый клиент! Напоминаем, что показания приборов учёта необходимо передать с 20 по 25 число. Телефон контакт-центра 8-800-100-3-777.\n-------- Конец пересылаемого сообщения --------\n';
    add(
      key,
      message({
        from: address('Тамара Голубева', 'golubeva.tamara@mail.ru'),
        subject: headerText('Fwd: Напоминание о передаче показаний'),
        date: mailDate('2026-11-21 11:50:26', '+1000'),
        messageId: mailruId(key, unixSeconds('2026-11-21 11:50:26', 10)),
        extra: [MAILRU_MAILER],
        body: mailruBody(key, text, htmlFromText(text, 'mailru')),
      }),
      expect('accept', [reading(R.fwdReminder, 12950)], 'own reading above a forwarded reminder; the account has one meter'),
    );
  }

  return cases;
}
