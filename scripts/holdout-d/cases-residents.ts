// Hold-out D, part 1: residents writing from home — pensioners, students, relatives, dacha owners.
import { expect, reading, unixSeconds, type Case } from './case-kit.js';
import {
  appleId,
  gmailBody,
  gmailId,
  htmlFromText,
  mailruBody,
  mailruId,
  outlookBody,
  outlookId,
  received,
  theBatId,
  thunderbirdId,
  yandexHtmlBody,
  yandexId,
} from './clients.js';
import { address, headerText, mailDate, message, textPart } from './mime.js';
import { R } from './registry.js';

const MAILRU_MAILER = 'X-Mailer: Mail.Ru Mailer 1.0';
const MAILRU_APP = 'X-Mailer: Mail.Ru Mail Android App 15.4.0.38121';
const IPHONE = 'X-Mailer: iPhone Mail (22B91)';

export function residentCases(): Case[] {
  const cases: Case[] = [];
  const add = (key: string, eml: Buffer, expected: Case['expected']) => cases.push({ key, eml, expected });

  {
    const date = mailDate('2026-11-21 10:12:05', '+1000');
    add(
      'nina',
      message({
        trace: [received('f512.i.mail.ru', '217.69.139.60', date, 'nina')],
        from: address('Гусева Нина Петровна', 'nina.petrovna51@mail.ru'),
        subject: headerText('Показания счётчика'),
        date,
        messageId: mailruId('nina', unixSeconds('2026-11-21 10:12:05', 10)),
        extra: [MAILRU_MAILER, 'X-Originating-IP: [95.154.81.12]'],
        body: mailruBody(
          'nina',
          'Здравствуйте!\nЛицевой счёт 271004563, счётчик № 01123456.\nПоказания на 21.11.2026: 15 418.\n\nС уважением, Гусева Нина Петровна\nул. Серышева 14, кв. 7\nтел. 8-914-170-22-31\n',
        ),
      }),
      expect('accept', [reading(R.nina, 15418)], 'account and meter labelled; date, house, flat and phone are not readings'),
    );
  }

  {
    const date = mailDate('2026-11-23 07:41:52', '+1000');
    add(
      'sms-habit',
      message({
        from: address('Dmitriy Kuznetsov', 'dm.kuznetsov1987@gmail.com'),
        subject: '',
        date,
        messageId: `<${'5f0c2e7a-91d4-4b1e-a7c3-3e1f9b2d6a01'}@email.android.com>`,
        extra: ['X-Mailer: Samsung Email 6.1.90.16'],
        body: textPart('105432178 36028475 04712 01951\n\n\nОтправлено с моего Galaxy\n', { charset: 'utf-8', cte: 'base64', charsetLabel: 'UTF-8' }),
      }),
      expect('accept', [reading(R.sms, 4712, 1951)], 'SMS format from the announcement: account, meter, day, night; leading zeros'),
    );
  }

  {
    const date = mailDate('2026-11-22 23:47:31', '+1000');
    add(
      'tenant-student',
      message({
        from: address('Алина Ким', 'alina.kim.2004@gmail.com'),
        subject: headerText('показания'),
        date,
        messageId: gmailId('tenant-student'),
        body: gmailBody(
          'tenant-student',
          'Здравствуйте!) я снимаю квартиру, хозяйка попросила передать показания, сама она в отъезде.\nлс 270118845\nсчетчик 0093541872\nдень 23 544\nночь 10 102\nспасибо!\n',
        ),
      }),
      expect('accept', [reading(R.student, 23544, 10102)], 'tenant writing for the owner; day/night labelled'),
    );
  }

  {
    const date = mailDate('2026-11-20 09:15:44', '+1000');
    const text =
      'Здравствуйте.\n\nЛ/с 272356019.\nЭл. счетчик Нева 103 1SO № 47-118263, показания 9107,3 кВт*ч.\n\n-- \nС уважением,\n Сергей Викторович                          mailto:panov.sv@rambler.ru\n тел. (4212) 45-67-89, моб. +7 962 585 10 44\n';
    add(
      'bat-panov',
      message({
        from: address('Панов Сергей Викторович', 'panov.sv@rambler.ru', 'windows-1251'),
        subject: headerText('Показания эл. энергии', 'windows-1251'),
        date,
        messageId: theBatId('bat-panov', '20261120091544', 'rambler.ru'),
        extra: ['Reply-To: ' + address('Панов Сергей Викторович', 'panov.sv@rambler.ru', 'windows-1251'), 'X-Mailer: The Bat! (v9.4.5) Professional', 'X-Priority: 3 (Normal)'],
        body: textPart(text, { charset: 'windows-1251', cte: '8bit' }),
      }),
      expect('accept', [reading(R.bat, 9107)], 'windows-1251 8bit; decimal part dropped; model number and phones are not readings'),
    );
  }

  {
    const date = mailDate('2026-11-21 02:05:17', '+0300');
    const html =
      '<div>Здравствуйте.</div><div> </div><div>Пишу за маму, Лях Тамару Ивановну, она сама почтой не пользуется (ей 86 лет).</div><div>Лицевой счет 271877302, счетчик 011870045, показания 32477.</div><div> </div><div>Если что-то не так, звоните мне: +7 916 203-44-18, Ольга.</div>\n';
    add(
      'daughter-moscow',
      message({
        from: address('Ольга Лях', 'olga.lyakh@yandex.ru'),
        subject: headerText('Показания за маму — Лях Тамара Ивановна'),
        date,
        messageId: yandexId('daughter-moscow'),
        extra: ['X-Mailer: Yamail [ http://yandex.ru ] 5.0'],
        body: yandexHtmlBody(html),
      }),
      expect('accept', [reading(R.lyakh, 32477)], 'HTML-only; relative in Moscow at 02:05 +0300 = 09:05 21 Nov in Vladivostok'),
    );
  }

  {
    const date = mailDate('2026-11-24 19:02:40', '+1000');
    add(
      'iphone-meter-only',
      message({
        from: address('Виктор Николаенко', 'v.nikolaenko@icloud.com'),
        subject: headerText('Счетчик'),
        date,
        messageId: appleId('iphone-meter-only', 'icloud.com'),
        extra: [IPHONE],
        mimeVersionFirst: true,
        body: textPart('Счетчик 5512093 — 7920\n\nОтправлено с iPhone\n', { charset: 'utf-8', cte: 'quoted-printable' }),
      }),
      expect('accept', [reading(R.meterOnly, 7920)], 'no account: the meter serial is unique in the registry'),
    );
  }

  {
    const date = mailDate('2026-11-23 20:20:11', '+1000');
    add(
      'linked-sender',
      message({
        from: address('Александр Коваленко', 'a.kovalenko@bk.ru'),
        subject: headerText('Показания'),
        date,
        messageId: mailruId('linked-sender', unixSeconds('2026-11-23 20:20:11', 10)),
        extra: [MAILRU_APP],
        body: mailruBody('linked-sender', '48 563\n\nКоваленко А.\n\n--\nОтправлено из мобильной Почты Mail.ru\n'),
      }),
      expect('accept', [reading(R.kovalenko, 48563)], 'only a number: the sender is linked to one account with one meter'),
    );
  }

  {
    const date = mailDate('2026-11-24 13:55:09', '+1000');
    add(
      'thunderbird-eremenko',
      message({
        from: address('Максим Ерёменко', 'm.eremenko@mail.ru'),
        subject: headerText('Передача показаний'),
        date,
        messageId: thunderbirdId('thunderbird-eremenko', 'mail.ru'),
        extra: ['User-Agent: Mozilla Thunderbird', 'Content-Language: ru'],
        mimeVersionFirst: true,
        body: textPart('Добрый день!\n\nлиц. счет 274009981\nприбор учёта КА0715283\nТ1 13102\nТ2 6150\n\n-- \nЕрёменко М.А.\n', {
          charset: 'utf-8',
          cte: '8bit',
          flowed: true,
          charsetLabel: 'UTF-8',
        }),
      }),
      expect('accept', [reading(R.lookalike, 13102, 6150)], 'serial typed with Cyrillic К and А; registry spells it in Latin'),
    );
  }

  {
    const date = mailDate('2026-11-22 16:00:03', '+1000');
    const html =
      '<div>Добрый день.</div><div>СНТ «Рассвет», участок 47.</div><div>Лицевой 100562318, счетчик СО-505 № 009217.</div><div>Зимой не живём, показания 03120 — не изменились с прошлого месяца.</div><div> </div><div>Воронин Г.</div>\n';
    add(
      'dacha-winter',
      message({
        from: address('Геннадий Воронин', 'voronin.gena@yandex.ru'),
        subject: headerText('Дача, СНТ Рассвет'),
        date,
        messageId: yandexId('dacha-winter'),
        extra: ['X-Mailer: Yamail [ http://yandex.ru ] 5.0'],
        body: yandexHtmlBody(html, '8bit'),
      }),
      expect('accept', [reading(R.dacha, 3120)], 'unchanged reading equals the last one, which is allowed; plot and model numbers are not readings'),
    );
  }

  {
    const date = mailDate('2026-11-25 08:10:55', '+1000');
    add(
      'house-two-kinds',
      message({
        from: address('Евгений Стрельцов', 'streltsov.evg@gmail.com'),
        subject: headerText('Показания эл/эн и тепло'),
        date,
        messageId: gmailId('house-two-kinds'),
        body: gmailBody(
          'house-two-kinds',
          'Добрый день!\nЛ/с 275501236 (частный дом, пос. Берёзовка, ул. Лесная 3)\nЭлектроэнергия: счётчик 18320045 — 20 911\nТепло: теплосчётчик 1702455 — 373,48 Гкал\n\nСтрельцов Е.\n',
        ),
      }),
      expect('accept', [reading(R.houseElec, 20911), reading(R.houseHeat, 373)], 'one account, electricity and heat meters; heat +17 Gcal'),
    );
  }

  {
    const date = mailDate('2026-11-20 18:33:27', '+1000');
    add(
      'account-only',
      message({
        from: address('Марина', 'marina_sh82@mail.ru'),
        subject: headerText('Показания'),
        date,
        messageId: mailruId('account-only', unixSeconds('2026-11-20 18:33:27', 10)),
        extra: [MAILRU_APP],
        body: mailruBody('account-only', 'ЛС 276640078 показания 5 731\n\n--\nОтправлено из мобильной Почты Mail.ru\n'),
      }),
      expect('accept', [reading(R.accountOnly, 5731)], 'no meter: the account has exactly one electricity meter'),
    );
  }

  {
    const date = mailDate('2026-11-23 10:02:18', '+1000');
    const text =
      'Добрый день, в этом месяце: день 9 388, ночь 4 190.\n\nчт, 22 окт. 2026 г. в 10:14, Хабаровскэнергосбыт <info@khab.dvec.ru>:\n> Уважаемый клиент!\n> Показания по лицевому счёту 270334519, прибор учёта 30117742 приняты:\n> Т1 9012, Т2 4023.\n> Это письмо сформировано автоматически, отвечать на него не нужно.\n>\n';
    add(
      'gmail-reply-tkachenko',
      message({
        from: address('Oleg Tkachenko', 'oleg.tkachenko@gmail.com'),
        subject: headerText('Re: Показания приняты'),
        date,
        messageId: gmailId('gmail-reply-tkachenko'),
        extra: ['In-Reply-To: <reply-20261022-0114.270334519@khab.dvec.ru>', 'References: <reply-20261022-0114.270334519@khab.dvec.ru>'],
        body: gmailBody('gmail-reply-tkachenko', text),
      }),
      expect('accept', [reading(R.tkachenko, 9388, 4190)], 'reply to last month\'s confirmation; quoted 9012/4023 are history; sender linked'),
    );
  }

  {
    const date = mailDate('2026-11-21 21:15:00', '+1000');
    add(
      'iphone-decimal',
      message({
        from: address('Анна Белова', 'belova.anna@icloud.com'),
        subject: headerText('Показания электроэнергии'),
        date,
        messageId: appleId('iphone-decimal', 'icloud.com'),
        extra: [IPHONE],
        mimeVersionFirst: true,
        body: textPart('Лицевой счёт 277812003\nСчётчик 06543210\nПоказания 61\u00a0742,56 кВт·ч\n\nОтправлено с iPhone\n', { charset: 'utf-8', cte: 'quoted-printable' }),
      }),
      expect('accept', [reading(R.decimal, 61742)], 'no-break space as thousands separator, decimal comma'),
    );
  }

  {
    const date = mailDate('2026-11-22 12:20:33', '+1000');
    add(
      'english-student',
      message({
        from: address('Amir Rakhimov', 'amir.rakhimov.2003@gmail.com'),
        subject: 'Meter reading',
        date,
        messageId: gmailId('english-student'),
        body: gmailBody(
          'english-student',
          'Hello,\nI am an exchange student at PNU, I live in a rented flat on Tikhookeanskaya st. My landlady asked me to send the electricity reading.\nAccount number: 103650097\nMeter: 0011827\nReading: 22384 kWh\nSorry, I do not write Russian well. Thank you!\n\nAmir\n',
        ),
      }),
      expect('accept', [reading(R.english, 22384)], 'written in English'),
    );
  }

  {
    const date = mailDate('2026-11-19 23:40:00', '+0300');
    const text = 'Zdravstvuyte!\r\nL/s 279120334, schetchik 3309517, pokazaniya 14893.\r\nYa v komandirovke v Moskve, net russkoy raskladki, izvinite.\r\n\r\nDenis Kozlov\r\n';
    add(
      'translit-moscow',
      message({
        from: address('Denis Kozlov', 'kozlov.denis@outlook.com'),
        subject: 'Pokazaniya',
        date,
        messageId: outlookId('translit-moscow', 'outlook.com'),
        extra: ['Thread-Topic: Pokazaniya', 'Content-Language: en-US', 'X-MS-Has-Attach: ', 'X-MS-TNEF-Correlator: '],
        body: outlookBody('translit-moscow', text, 'us-ascii'),
      }),
      expect('accept', [reading(R.translit, 14893)], 'transliterated Russian; 19 Nov 23:40 +0300 is 20 Nov 06:40 in Vladivostok'),
    );
  }

  {
    const date = mailDate('2026-11-24 22:30:15', '+1000');
    add(
      'kmail-koi8',
      message({
        from: address('Пётр Ильич Смирнов', 'smirnov@khv.ttk.ru', 'koi8-r', 'Q'),
        subject: headerText('Показания счетчика, кв. 31', 'koi8-r', 'Q'),
        date,
        messageId: `<3318745.LxmV0aQvRz@pc-smirnov>`,
        extra: ['User-Agent: KMail/5.2.3 (Linux/5.15.0-91-generic; KDE/5.92.0; x86_64; ; )'],
        body: textPart('Добрый вечер.\n\nЛС 104718802\nСчетчик 124578\nПоказания: 004 698\n\nП.И. Смирнов\n', {
          charset: 'koi8-r',
          cte: 'quoted-printable',
          charsetLabel: '"koi8-r"',
        }),
      }),
      expect('accept', [reading(R.koi8qp, 4698)], 'KOI8-R quoted-printable, Q-encoded subject; leading zeros'),
    );
  }

  {
    const date = mailDate('2026-11-21 07:00:58', '+1000');
    add(
      'subject-only',
      message({
        from: address('Руслан', 'ruslan.b@list.ru'),
        subject: headerText('ЛС 270990146 сч 27001542 Т1 35602 Т2 15230'),
        date,
        messageId: mailruId('subject-only', unixSeconds('2026-11-21 07:00:58', 10)),
        extra: [MAILRU_MAILER],
        body: mailruBody('subject-only', '\n'),
      }),
      expect('accept', [reading(R.subjectOnly, 35602, 15230)], 'everything in the subject, empty body'),
    );
  }

  {
    const date = mailDate('2026-11-20 00:03:41', '+1000');
    add(
      'windows-live-midnight',
      message({
        from: address('Кузьмина Зинаида Фёдоровна', 'zina.fedorovna@rambler.ru', 'windows-1251'),
        subject: headerText('Показания', 'windows-1251'),
        date,
        messageId: `<6C1F0A2B9E4D4B7F8A3E2D1C0B9A8F7E@ZinaPC>`,
        extra: ['X-Mailer: Microsoft Windows Live Mail 16.4.3528.331', 'X-MimeOLE: Produced By Microsoft MimeOLE V16.4.3528.331', 'X-Priority: 3', 'X-MSMail-Priority: Normal'],
        body: textPart('Передаю показания эл.счетчика:\nлиц.счет 271456620\nсч. 88009127\nпоказания - 2516\n\nКузьмина З.Ф.\n', {
          charset: 'windows-1251',
          cte: 'base64',
          charsetLabel: '"windows-1251"',
        }),
      }),
      expect('accept', [reading(R.midnight, 2516)], 'sent 3 minutes into 20 Nov local time; windows-1251 base64'),
    );
  }

  {
    const date = mailDate('2026-11-24 08:00:10', '+1000');
    add(
      'heaters-month',
      message({
        from: address('Людмила Кравец', 'kravets.lm@mail.ru'),
        subject: headerText('показания'),
        date,
        messageId: mailruId('heaters-month', unixSeconds('2026-11-24 08:00:10', 10)),
        extra: [MAILRU_MAILER],
        body: mailruBody(
          'heaters-month',
          'Здравствуйте, л/с 274512300, счетчик 0507712, показания 45 110.\nДа, много — в квартире холодно, отопление еле тёплое, весь месяц грели масляными обогревателями. Не удивляйтесь.\n\nКравец Л.М.\n',
        ),
      }),
      expect('accept', [reading(R.heater, 45110)], '+4990 kWh: large but within the 5000 limit'),
    );
  }

  {
    const date = mailDate('2026-11-22 19:19:19', '+1000');
    add(
      'heat-private-house',
      message({
        from: address('Игорь Пак', 'igor.pak.khv@gmail.com'),
        subject: headerText('Теплосчетчик'),
        date,
        messageId: gmailId('heat-private-house'),
        body: gmailBody('heat-private-house', 'Добрый вечер. л/с 275090871, теплосчетчик № 400218, показания 1254 Гкал.\n\nПак И.В., пер. Трамвайный 6\n'),
      }),
      expect('accept', [reading(R.heat50, 1254)], 'heat +50 Gcal: exactly at the limit'),
    );
  }

  {
    const date = mailDate('2026-11-25 17:30:44', '+1000');
    add(
      'auto-submitted-no',
      message({
        from: address('Гребенюк Николай Николаевич', 'grebenuk@amurmash.ru'),
        subject: headerText('Показания'),
        date,
        messageId: `<zimbra.1732519844123.4471.JavaMail.zimbra@amurmash.ru>`,
        extra: ['Auto-Submitted: no', 'X-Mailer: Zimbra 9.0.0_GA_4546 (ZimbraWebClient - GC120 (Win)/9.0.0_GA_4546)', 'Thread-Index: 8d2LhQ1xzv0R3k4cM3l0fW0d9fQ7aA=='],
        body: textPart('Добрый день.\nЛ/с 276300558, ПУ 61170032 — 27801.\n\nГребенюк Н.Н.\n', { charset: 'utf-8', cte: 'quoted-printable' }),
      }),
      expect('accept', [reading(R.autoNo, 27801)], 'Auto-Submitted: no marks a human message'),
    );
  }

  {
    const date = mailDate('2026-11-23 06:55:03', '+1000');
    const html = '<div>Сч 03330914</div><div>T1-20112</div><div>T2-8845</div><div> </div><div>-- <br />Отправлено из мобильной Яндекс Почты</div>\n';
    add(
      'yandex-app-hyphens',
      message({
        from: address('Тимур Ганиев', 'timur.ganiev@ya.ru'),
        subject: headerText('Показания 277004116'),
        date,
        messageId: yandexId('yandex-app-hyphens'),
        extra: ['X-Mailer: Yamail [ http://yandex.ru ] 5.0', 'X-Yandex-Mobile-App: android'],
        body: yandexHtmlBody(html, '8bit'),
      }),
      expect('accept', [reading(R.hyphen, 20112, 8845)], 'account in the subject; hyphens are separators, not minus signs'),
    );
  }

  {
    const date = mailDate('2026-11-19 15:30:12', '+0000');
    add(
      'claws-utc-seal',
      message({
        from: address('Андрей Лысенко', 'a.lysenko@lysenko.name'),
        subject: headerText('Показания за ноябрь'),
        date,
        messageId: `<20261119153012.0f3a1b2c@lysenko.name>`,
        extra: ['X-Mailer: Claws Mail 4.1.1 (GTK 3.24.38; x86_64-pc-linux-gnu)'],
        body: textPart(
          'Добрый день.\n\nСчётчик Меркурий 201.5, зав. № 7704123, пломба № 0012345, год выпуска 2019.\nЛицевой счёт 278340092.\nПоказания: 12 904 кВт·ч.\n\nЛысенко А.\n',
          { charset: 'utf-8', cte: 'quoted-printable' },
        ),
      }),
      expect('accept', [reading(R.seal, 12904)], 'UTC Date 19 Nov 15:30 = 20 Nov 01:30 Vladivostok; seal number and year are not readings'),
    );
  }

  {
    const date = mailDate('2026-11-22 11:11:11', '+1000');
    add(
      'spaced-account',
      message({
        from: address('Вера Ткач', 'vera.tkach@mail.ru'),
        subject: headerText('Показания за ноябрь'),
        date,
        messageId: mailruId('spaced-account', unixSeconds('2026-11-22 11:11:11', 10)),
        extra: [MAILRU_MAILER],
        body: mailruBody('spaced-account', 'Здравствуйте!\nЛицевой счет 100 873 205\nСчетчик 21148\nПоказания 9 702\nСпасибо\n'),
      }),
      expect('accept', [reading(R.dashedAccount, 9702)], 'account written in groups of three'),
    );
  }

  {
    const date = mailDate('2026-11-22 09:20:48', '+1000');
    add(
      'swapped-digits',
      message({
        from: address('Юлия Гнатюк', 'gnatyuk.yulia@gmail.com'),
        subject: headerText('Исправление показаний'),
        date,
        messageId: gmailId('swapped-digits'),
        body: gmailBody(
          'swapped-digits',
          'Здравствуйте! Вчера (21.11) отправляла показания по л/с 101900377 (счётчик 55001943) — 30 810. Ошиблась, переставила цифры. Правильные показания 30 180. Прошу исправить, чтобы не начислили лишнего.\n',
        ),
      }),
      expect('review', [reading(R.correction, 30180)], 'correction of an earlier submission (30810, possibly already accepted, would make 30180 a decrease); two values in the text: a clerk must handle it'),
    );
  }

  {
    const date = mailDate('2026-11-24 12:45:39', '+1000');
    add(
      'reading-and-complaint',
      message({
        from: address('Геннадий Сорокин', 'sorokin.gv@mail.ru'),
        subject: headerText('Показания и вопрос по квитанции'),
        date,
        messageId: mailruId('reading-and-complaint', unixSeconds('2026-11-24 12:45:39', 10)),
        extra: [MAILRU_MAILER],
        body: mailruBody(
          'reading-and-complaint',
          'Показания: л/с 102300661, счетчик 0220415 — 15 760.\n\nИ объясните, пожалуйста, почему в квитанции за октябрь начислено за 2 340 кВт, если я столько не потребляю? В прошлом месяце передавал 15 500, по счетчику за месяц выходит около 250 кВт. Прошу сделать перерасчёт.\n\nСорокин Г.В.\n',
        ),
      }),
      expect('accept', [reading(R.complaint, 15760)], 'a valid labelled reading plus a billing complaint; the complaint numbers (2 340 kWh, last month 15 500, ~250) are not readings'),
    );
  }

  {
    const date = mailDate('2026-11-20 20:00:06', '+1000');
    add(
      'one-value-two-zones',
      message({
        from: address('Ксения Лебедева', 'ksenia.lebedeva@icloud.com'),
        subject: headerText('Показания'),
        date,
        messageId: appleId('one-value-two-zones', 'icloud.com'),
        extra: [IPHONE],
        mimeVersionFirst: true,
        body: textPart('Л/с 103001998, счётчик 3401887, показания 13 120.\n\nОтправлено с iPhone\n', { charset: 'utf-8', cte: 'quoted-printable' }),
      }),
      expect('review', [], 'two-zone meter but one value (apparently the T1+T2 total): zones cannot be split'),
    );
  }

  {
    const date = mailDate('2026-11-21 19:42:10', '+1000');
    add(
      'three-numbers-two-zones',
      message({
        from: address('Николай Петренко', 'nik.petrenko64@mail.ru'),
        subject: '',
        date,
        messageId: mailruId('three-numbers-two-zones', unixSeconds('2026-11-21 19:42:10', 10)),
        extra: [MAILRU_APP],
        body: mailruBody('three-numbers-two-zones', '104002345 6612008 22480 9210 31690\n\n--\nОтправлено из мобильной Почты Mail.ru\n'),
      }),
      expect('review', [reading(R.threeForTwo, 22480, 9210)], 'three unlabelled values for a two-zone meter (third is the sum)'),
    );
  }

  {
    const date = mailDate('2026-11-23 18:00:25', '+1000');
    const text = 'Добрый вечер!\r\nЛицевой счёт 105220019, счётчик 0887154.\r\nПоказания: 43 917.\r\n\r\nШамсутдинова Э.Р.\r\n';
    add(
      'outlook-decreased',
      message({
        from: address('Шамсутдинова Эльвира Рашидовна', 'e.shamsutdinova@fesmu.ru'),
        subject: headerText('Показания эл.энергии'),
        date,
        messageId: outlookId('outlook-decreased', 'fesmu.ru'),
        extra: ['X-Mailer: Microsoft Outlook 16.0', 'Thread-Index: AdtdnYhZ3kq0QmE6QJuYbQ0yQk3LxA==', 'Content-Language: ru'],
        body: outlookBody('outlook-decreased', text, 'utf-8'),
      }),
      expect('review', [reading(R.decreased, 43917)], 'below the last reading 44017'),
    );
  }

  {
    const date = mailDate('2026-11-21 17:17:17', '+1000');
    add(
      'too-big-jump',
      message({
        from: address('Артём Волков', 'artem.volkov.dv@gmail.com'),
        subject: headerText('показания счетчика'),
        date,
        messageId: gmailId('too-big-jump'),
        body: gmailBody('too-big-jump', 'л/с 270777201\nсчетчик 1523377\nпоказания 58130\n'),
      }),
      expect('review', [reading(R.jump, 58130)], '+6900 kWh over the last reading: more than 5000'),
    );
  }

  {
    const date = mailDate('2026-11-20 14:22:08', '+1000');
    const html =
      '<div>Здравствуйте!</div><div>Лицевой счёт 271230998, счётчик 09981245</div><div>Показания 102567</div><div>(на счётчике последняя цифра в красном окошке, переписала все)</div><div> </div><div>Галина Степановна</div>\n';
    add(
      'red-digit-included',
      message({
        from: address('Галина Степановна', 'g.stepanovna@yandex.ru'),
        subject: headerText('Показания электроэнергии'),
        date,
        messageId: yandexId('red-digit-included'),
        extra: ['X-Mailer: Yamail [ http://yandex.ru ] 5.0'],
        body: yandexHtmlBody(html),
      }),
      expect('review', [reading(R.overflow, 10256)], 'six digits for a five-digit counter; the tenths digit was copied too (10256,7 on the dial) — a clerk must confirm'),
    );
  }

  {
    const date = mailDate('2026-11-25 10:30:51', '+1000');
    add(
      'heat-jump',
      message({
        from: address('Олег Ященко', 'yashchenko.o@mail.ru'),
        subject: headerText('тепло'),
        date,
        messageId: mailruId('heat-jump', unixSeconds('2026-11-25 10:30:51', 10)),
        extra: [MAILRU_MAILER],
        body: mailruBody('heat-jump', 'Л/с 272640551. Теплосчётчик 86004471: 2 318 Гкал.\nЯщенко\n'),
      }),
      expect('review', [reading(R.heatJump, 2318)], 'heat +108 Gcal: more than 50'),
    );
  }

  {
    const date = mailDate('2026-11-23 21:50:12', '+1000');
    add(
      'oops-other-value',
      message({
        from: address('Тамара Гордеева', 'tamara.gordeeva@mail.ru'),
        subject: headerText('Показания'),
        date,
        messageId: mailruId('oops-other-value', unixSeconds('2026-11-23 21:50:12', 10)),
        extra: [MAILRU_APP],
        body: mailruBody('oops-other-value', 'ЛС 273911234 счетчик 0719200 показания 9312 ой нет 9132 перепутала\n\n--\nОтправлено из мобильной Почты Mail.ru\n'),
      }),
      expect('review', [reading(R.selfFix, 9132)], 'two candidate values in one line, both plausible; the later one is the intended one'),
    );
  }

  {
    const date = mailDate('2026-11-24 23:05:40', '+1000');
    add(
      'approximate',
      message({
        from: address('Станислав Бондарь', 'stas.bondar@gmail.com'),
        subject: headerText('Показания примерные'),
        date,
        messageId: gmailId('approximate'),
        body: gmailBody(
          'approximate',
          'Здравствуйте. Л/с 274455670, сч. 3350871. Показания примерно 16 400 — счётчик на площадке высоко, лампочка перегорела, точнее не разглядеть. Если надо, в выходные посмотрю точно.\n',
        ),
      }),
      expect('review', [], 'the sender says the value is approximate'),
    );
  }

  {
    const date = mailDate('2026-11-24 16:20:33', '+1000');
    add(
      'two-meters-no-serial',
      message({
        from: address('Оксана Дорошенко', 'doroshenko.oksana@mail.ru'),
        subject: headerText('показания'),
        date,
        messageId: mailruId('two-meters-no-serial', unixSeconds('2026-11-24 16:20:33', 10)),
        extra: [MAILRU_MAILER],
        body: mailruBody('two-meters-no-serial', 'Здравствуйте, л/с 276005431, показания 10 150.\nДорошенко О.\n'),
      }),
      expect('review', [reading(R.twoHouse, 10150)], 'the account has two electricity meters and no serial is given (10 150 only fits the house meter)'),
    );
  }

  {
    const date = mailDate('2026-11-24 19:05:14', '+1000');
    const text =
      'Извините, забыла написать номера счётчиков. У нас их два:\nдом — сч. 15520781: 10 150\nбаня — сч. 15520799: 2 377\n\nДорошенко О.\n\nВторник, 24 ноября 2026, 16:20 +10:00 от Оксана Дорошенко <doroshenko.oksana@mail.ru>:\n> Здравствуйте, л/с 276005431, показания 10 150.\n> Дорошенко О.\n';
    add(
      'two-meters-followup',
      message({
        from: address('Оксана Дорошенко', 'doroshenko.oksana@mail.ru'),
        subject: headerText('Re: показания'),
        date,
        messageId: mailruId('two-meters-followup', unixSeconds('2026-11-24 19:05:14', 10)),
        extra: [MAILRU_MAILER, `In-Reply-To: ${mailruId('two-meters-no-serial', unixSeconds('2026-11-24 16:20:33', 10))}`],
        body: mailruBody('two-meters-followup', text),
      }),
      expect('accept', [reading(R.twoHouse, 10150), reading(R.twoBanya, 2377)], 'both serials given; each is unique, so the account follows'),
    );
  }

  {
    const date = mailDate('2026-11-20 12:00:40', '+1000');
    const text =
      'Добрый день!\r\nУ нас 10 ноября электрики заменили счётчик (старый сломался).\r\nЛицевой счёт 277450093.\r\nСтарый счётчик № 01992345 — последние показания 30 560.\r\nНовый счётчик Меркурий 201.8 № 2211045 — показания 00045.\r\nАкт замены принесу в офис на Волочаевской на следующей неделе.\r\n\r\nГайдамак Б.И.\r\n';
    add(
      'meter-replaced',
      message({
        from: address('Гайдамак Борис Иванович', 'gaidamak.b@mail.ru', 'windows-1251'),
        subject: headerText('Замена счетчика', 'windows-1251'),
        date,
        messageId: outlookId('meter-replaced', 'mail.ru'),
        extra: ['X-Mailer: Microsoft Outlook 16.0', 'Content-Language: ru'],
        body: outlookBody('meter-replaced', text, 'windows-1251'),
      }),
      expect('review', [reading(R.replaced, 30560)], 'meter replaced: the new meter 2211045 is not in the registry'),
    );
  }

  {
    const date = mailDate('2026-11-25 20:30:12', '+1000');
    add(
      'worn-digit',
      message({
        from: address('Лариса Огнева', 'larisa.ogneva@gmail.com'),
        subject: headerText('Показания'),
        date,
        messageId: gmailId('worn-digit'),
        body: gmailBody('worn-digit', 'Л/с 278800125, счетчик 4401872. Показания 12 645 или 12 845 — третья цифра стёрта, не пойму 6 или 8. Что делать?\n'),
      }),
      expect('review', [], 'the sender cannot tell 6 from 8'),
    );
  }

  {
    const date = mailDate('2026-11-21 09:30:45', '+1000');
    add(
      'water-meters',
      message({
        from: address('Аркадий Сергеев', 'arkady.sergeev@mail.ru'),
        subject: headerText('Показания счётчиков воды'),
        date,
        messageId: mailruId('water-meters', unixSeconds('2026-11-21 09:30:45', 10)),
        extra: [MAILRU_MAILER],
        body: mailruBody(
          'water-meters',
          'Здравствуйте! Передаю показания счётчиков воды, лицевой 279000334:\nХВС кухня — 00123\nГВС кухня — 00067\nХВС ванная — 00088\nГВС ванная — 00041\n\nСергеев А.\n',
        ),
      }),
      expect('review', [], 'water meters belong to the water utility, not to this registry'),
    );
  }

  {
    const date = mailDate('2026-11-23 11:45:20', '+1000');
    add(
      'consumption-not-reading',
      message({
        from: address('Евгения Колос', 'zhenya.kolos@gmail.com'),
        subject: headerText('за ноябрь'),
        date,
        messageId: gmailId('consumption-not-reading'),
        body: gmailBody('consumption-not-reading', 'Добрый день. Л/с 100450091. За ноябрь нагорело 312 кВт. Спасибо\n'),
      }),
      expect('review', [], 'monthly consumption instead of the counter reading'),
    );
  }

  {
    const date = mailDate('2026-11-22 14:14:14', '+1000');
    const text = 'Л/с 101700082\r\nЭлектроэнергия, сч. 0550123 — 8 340\r\nТепло, сч. 72015 — 890 Гкал\r\n\r\nМельник С.В.\r\n';
    add(
      'elec-ok-heat-down',
      message({
        from: address('Мельник Сергей', 'melnik.sv@yandex.ru'),
        subject: headerText('Показания эл. и тепло'),
        date,
        messageId: outlookId('elec-ok-heat-down', 'yandex.ru'),
        extra: ['X-Mailer: Microsoft Outlook 16.0', 'Content-Language: ru'],
        body: outlookBody('elec-ok-heat-down', text, 'utf-8'),
      }),
      expect('review', [reading(R.mixedElec, 8340), reading(R.mixedHeat, 890)], 'electricity fine but heat 890 is below the last 900'),
    );
  }

  {
    const date = mailDate('2026-11-20 08:08:08', '+1000');
    add(
      'no-identifiers',
      message({
        from: address('Кристина Новак', 'kristina.novak.99@gmail.com'),
        subject: headerText('Показания'),
        date,
        messageId: gmailId('no-identifiers'),
        body: gmailBody('no-identifiers', 'Здравствуйте, мои показания 5678. Спасибо!\n'),
      }),
      expect('review', [], 'no account or meter and the address is not in the registry'),
    );
  }

  {
    const date = mailDate('2026-11-24 10:10:30', '+1000');
    const html =
      '<div>Добрый день.</div><div>На даче (СНТ «Строитель», л/с 102233445) после скачка напряжения сгорел счётчик, табло не светится. Что делать, кого вызывать? Показания передать не могу.</div><div> </div><div>Бойко В.</div>\n';
    add(
      'burnt-meter',
      message({
        from: address('Виталий Бойко', 'boiko.vitaly@yandex.ru'),
        subject: headerText('Сгорел счётчик на даче'),
        date,
        messageId: yandexId('burnt-meter'),
        extra: ['X-Mailer: Yamail [ http://yandex.ru ] 5.0'],
        body: yandexHtmlBody(html),
      }),
      expect('review', [], 'question about a failed meter, no reading'),
    );
  }

  {
    const date = mailDate('2026-11-23 09:00:21', '+1000');
    const text =
      'Спасибо! А почему тогда в квитанции за октябрь стоит расчёт по среднему?\n\nЧетверг, 22 октября 2026, 11:02 +10:00 от Хабаровскэнергосбыт <info@khab.dvec.ru>:\n> Уважаемый клиент!\n> Показания по лицевому счёту 270555812, прибор учёта 41200877: 33010 приняты.\n> Хабаровскэнергосбыт\n';
    add(
      'thanks-and-question',
      message({
        from: address('Марина Орлова', 'm.orlova@inbox.ru'),
        subject: headerText('Re: Показания приняты'),
        date,
        messageId: mailruId('thanks-and-question', unixSeconds('2026-11-23 09:00:21', 10)),
        extra: [MAILRU_MAILER, 'In-Reply-To: <reply-20261022-0102.270555812@khab.dvec.ru>'],
        body: mailruBody('thanks-and-question', text, htmlFromText(text, 'mailru')),
      }),
      expect('review', [], 'question; the only numbers are in the quoted October confirmation'),
    );
  }

  {
    const date = mailDate('2026-11-21 15:00:44', '+1000');
    add(
      'same-as-last-month',
      message({
        from: address('Валентин Дёмин', 'demin.vn@icloud.com'),
        subject: headerText('Показания'),
        date,
        messageId: appleId('same-as-last-month', 'icloud.com'),
        extra: [IPHONE],
        mimeVersionFirst: true,
        body: textPart('Л/с 104560032. Показания такие же, как в прошлом месяце, в квартире никто не живёт, всё отключено.\n\nОтправлено с iPhone\n', {
          charset: 'utf-8',
          cte: 'quoted-printable',
        }),
      }),
      expect('review', [], '"same as last month" without a number'),
    );
  }

  {
    const date = mailDate('2026-11-20 22:10:05', '+1000');
    add(
      'partial-serial',
      message({
        from: address('Фёдор Лис', 'fedor.lis@gmail.com'),
        subject: headerText('показания'),
        date,
        messageId: gmailId('partial-serial'),
        body: gmailBody('partial-serial', 'л/с 105600453, счётчик (номер полностью не видно, последние цифры 8812), показания 19 611\n'),
      }),
      expect('accept', [reading(R.partial, 19611)], 'account has one meter (0043278812, consistent with the visible tail 8812)'),
    );
  }

  return cases;
}
