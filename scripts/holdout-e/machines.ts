// Machine-generated mail that lands in info@ during the reading week, plus one college.
import type { Part } from './mime.js';
import { renderMessage } from './mime.js';
import type { MessageSpec } from './spec.js';
import { address, alt, dec, headers, html, messageId, page, plain, r, subject, TO } from './spec.js';

/** A message the utility sent earlier, as carried back inside bounces. */
function utilityConfirmation(to: string, date: string, body: string): Buffer {
  return renderMessage(
    [
      ['Date', date],
      ['From', address('Хабаровскэнергосбыт', TO)],
      ['To', to],
      ['Subject', subject('Ваши показания приняты')],
      ['Message-ID', messageId(`${to}-${date}`, 'plain', 'khab.dvec.ru')],
      ['Auto-Submitted', 'auto-replied'],
    ],
    plain(body, 'utf-8', 'quoted-printable'),
    to,
  );
}

function report(reportType: string, parts: Part[]): Part {
  return { kind: 'multi', subtype: 'report', parts, params: `report-type=${reportType}` };
}

export const MACHINES: MessageSpec[] = [
  {
    slug: 'ivanova-amur',
    headers: headers({
      date: dec(21, '10:01:12'),
      from: address('Иванова Елена', 'ivanova.ea@amur-service.ru'),
      subject: subject('Автоматический ответ: Ваши показания приняты'),
      id: messageId('ivanova-ooo', 'outlook', 'amur-service.ru'),
      extra: [
        ['Auto-Submitted', 'auto-replied'],
        ['X-Auto-Response-Suppress', 'All'],
        ['X-MS-Exchange-Inbox-Rules-Loop', 'ivanova.ea@amur-service.ru'],
        ['Thread-Topic', subject('Ваши показания приняты')],
      ],
    }),
    root: alt(
      plain(
        `Здравствуйте!
Я нахожусь в отпуске до 11.01.2027. По срочным вопросам обращайтесь к Клименко Дарье, office@amur-service.ru, тел. 30-11-45.
`,
        'utf-8',
        'quoted-printable',
      ),
      html(
        page(
          `<p>Здравствуйте!</p><p>Я нахожусь в отпуске до 11.01.2027. По срочным вопросам обращайтесь к Клименко Дарье, office@amur-service.ru, тел. 30-11-45.</p>`,
        ),
        'utf-8',
        'quoted-printable',
      ),
    ),
    expected: { decision: 'ignore', readings: [], note: 'Exchange out-of-office, Auto-Submitted: auto-replied.' },
  },
  {
    slug: 'kovalenko',
    headers: headers({
      date: dec(22, '12:41:00'),
      from: address('Вера Коваленко', 'kovalenko.vera@mail.ru'),
      subject: subject('Re: Ваши показания приняты'),
      id: messageId('kovalenko-ar', 'mailru'),
      extra: [['X-Autoreply', 'yes']],
    }),
    root: plain(
      `Спасибо за письмо! Я сейчас в санатории «Кульдур», отвечу после 5 января.
Вера
`,
      'utf-8',
      'base64',
    ),
    expected: { decision: 'ignore', readings: [], note: 'mail.ru autoresponder, X-Autoreply: yes.' },
  },
  {
    slug: 'yandex',
    headers: headers({
      date: dec(22, '20:05:09'),
      from: address('Mail Delivery Subsystem', 'mailer-daemon@yandex.ru'),
      subject: 'Undelivered Mail Returned to Sender',
      id: '<20261222100509.1F2A3B4C5D6E@mxback7o.mail.yandex.net>',
      extra: [['Auto-Submitted', 'auto-replied']],
    }),
    root: report('delivery-status', [
      plain(
        `This is the MAILER-DAEMON, please do not reply to this e-mail.

An error has occurred while attempting to deliver a message for
the following list of recipients:

p.lavrentiev@yandex.ru: 552 5.2.2 Mailbox size limit exceeded

Ваше сообщение не может быть доставлено: ящик получателя переполнен.
`,
        'utf-8',
        'quoted-printable',
      ),
      {
        kind: 'binary',
        contentType: 'message/delivery-status',
        cte: '7bit',
        bytes: Buffer.from(
          [
            'Reporting-MTA: dns; mxback7o.mail.yandex.net',
            'Arrival-Date: Tue, 22 Dec 2026 20:05:02 +1000',
            '',
            'Final-Recipient: rfc822; p.lavrentiev@yandex.ru',
            'Action: failed',
            'Status: 5.2.2',
            'Diagnostic-Code: smtp; 552 5.2.2 Mailbox size limit exceeded',
            '',
          ].join('\r\n'),
          'latin1',
        ),
      },
      {
        kind: 'binary',
        contentType: 'message/rfc822',
        cte: '8bit',
        bytes: utilityConfirmation(
          'p.lavrentiev@yandex.ru',
          dec(22, '20:05:00'),
          'Ваши показания приняты.\n\nЛицевой счёт: 270655310\nПрибор учёта: 39001452\nПоказания: Т1 — 15877, Т2 — 7382\nДата приёма: 22.12.2026\n',
        ),
      },
    ]),
    expected: { decision: 'ignore', readings: [], note: 'Bounce (multipart/report, mailer-daemon) carrying a confirmation with readings.' },
  },
  {
    slug: 'amur-service-2',
    headers: headers({
      date: dec(21, '10:01:20'),
      from: address('Microsoft Outlook', 'postmaster@amur-service.ru'),
      subject: subject('Недоставляемое: Ваши показания приняты'),
      id: '<3b1c7e2a-55d0-4c1e-9e61-0a7f4d2b9c11@amur-service.ru>',
      extra: [['Auto-Submitted', 'auto-replied'], ['X-MS-Exchange-Message-Is-Ndr', '']],
    }),
    root: report('delivery-status', [
      html(
        page(
          `<p><b><font color="#000066" size="3">Не удалось доставить сообщение следующим получателям или группам:</font></b></p><p><a href="mailto:klimenko.d@amur-service.ru">klimenko.d@amur-service.ru</a><br>Адрес электронной почты, на который вы пытались отправить сообщение, не найден.</p><p>Диагностическая информация для администраторов:<br>Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'</p>`,
        ),
        'utf-8',
        'quoted-printable',
      ),
      {
        kind: 'binary',
        contentType: 'message/delivery-status',
        cte: '7bit',
        bytes: Buffer.from(
          [
            'Reporting-MTA: dns;EX01.amur-service.local',
            'Received-From-MTA: dns;mx.khab.dvec.ru',
            '',
            'Final-Recipient: rfc822;klimenko.d@amur-service.ru',
            'Action: failed',
            'Status: 5.1.1',
            'Diagnostic-Code: smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found',
            '',
          ].join('\r\n'),
          'latin1',
        ),
      },
      {
        kind: 'binary',
        contentType: 'text/rfc822-headers',
        cte: '7bit',
        bytes: Buffer.from(
          [
            `From: ${address('Хабаровскэнергосбыт', TO)}`,
            'To: klimenko.d@amur-service.ru',
            `Subject: ${subject('Ваши показания приняты')}`,
            `Date: ${dec(21, '10:01:04')}`,
            `Message-ID: ${messageId('amur-conf', 'plain', 'khab.dvec.ru')}`,
            '',
          ].join('\r\n'),
          'latin1',
        ),
      },
    ]),
    expected: { decision: 'ignore', readings: [], note: 'Exchange NDR from postmaster, multipart/report.' },
  },
  {
    slug: 'gavrilov-2',
    headers: headers({
      date: dec(20, '09:41:02'),
      from: address('Гаврилов Станислав Петрович', 's.gavrilov.1948@mail.ru'),
      subject: subject('Уведомление о прочтении (отображено) - Ваши показания приняты'),
      id: messageId('gavrilov-mdn', 'thunderbird', 'mail.ru'),
      extra: [['User-Agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.5.2']],
    }),
    root: report('disposition-notification', [
      plain(
        `Это уведомление о прочтении для сообщения, отправленного на адрес s.gavrilov.1948@mail.ru.

Примечание: это уведомление означает лишь, что сообщение было отображено на компьютере получателя. Нет никаких гарантий того, что получатель прочитал или понял содержимое сообщения.
`,
        'utf-8',
        '8bit',
      ),
      {
        kind: 'binary',
        contentType: 'message/disposition-notification; name="MDNPart2.txt"',
        cte: '7bit',
        bytes: Buffer.from(
          [
            'Reporting-UA: mail.ru; Mozilla Thunderbird',
            'Final-Recipient: rfc822;s.gavrilov.1948@mail.ru',
            `Original-Message-ID: ${messageId('gavrilov-conf', 'plain', 'khab.dvec.ru')}`,
            'Disposition: manual-action/MDN-sent-manually; displayed',
            '',
          ].join('\r\n'),
          'latin1',
        ),
      },
      {
        kind: 'binary',
        contentType: 'text/rfc822-headers; name="MDNPart3.txt"',
        cte: '7bit',
        bytes: Buffer.from(
          [
            `Date: ${dec(20, '09:20:11')}`,
            `From: ${address('Хабаровскэнергосбыт', TO)}`,
            'To: s.gavrilov.1948@mail.ru',
            `Subject: ${subject('Ваши показания приняты')}`,
            `Message-ID: ${messageId('gavrilov-conf', 'plain', 'khab.dvec.ru')}`,
            '',
          ].join('\r\n'),
          'latin1',
        ),
      },
    ]),
    expected: {
      decision: 'ignore',
      readings: [],
      note: 'Read receipt (multipart/report; disposition-notification) from a real customer\'s address.',
    },
  },
  {
    slug: 'electromir',
    headers: headers({
      date: dec(20, '09:00:00', '+0300'),
      from: address('ЭлектроМир', 'news@electromir-dv.ru'),
      to: 'info@khab.dvec.ru',
      subject: subject('🎄 Новогодняя распродажа: счётчики, удлинители, гирлянды — до −40%'),
      id: '<nl-2026-12-20.4471.info=khab.dvec.ru@electromir-dv.ru>',
      extra: [
        ['Precedence', 'bulk'],
        ['List-Unsubscribe', '<https://electromir-dv.ru/unsubscribe?u=4471&l=12>, <mailto:unsubscribe@electromir-dv.ru>'],
        ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
        ['X-Mailer', 'Sendsay'],
      ],
    }),
    root: alt(
      plain(
        `Новогодняя распродажа в ЭлектроМире!
Счётчик Меркурий 201.8 — 1 890 ₽ (было 2 450 ₽)
Счётчик Нева 303 трёхфазный — 6 320 ₽
Гирлянда 200 LED — 590 ₽
Акция действует до 31.12.2026.
Отписаться: https://electromir-dv.ru/unsubscribe?u=4471&l=12
`,
        'utf-8',
        'quoted-printable',
      ),
      html(
        page(
          `<table width="600" align="center"><tr><td><h1 style="color:#c00">Новогодняя распродажа!</h1><p>Счётчик Меркурий 201.8 — <b>1 890 ₽</b> <s>2 450 ₽</s></p><p>Счётчик Нева 303 трёхфазный — <b>6 320 ₽</b></p><p>Гирлянда 200 LED — <b>590 ₽</b></p><p>Акция действует до 31.12.2026.</p><p style="font-size:10px"><a href="https://electromir-dv.ru/unsubscribe?u=4471&amp;l=12">Отписаться</a></p></td></tr></table>`,
        ),
        'utf-8',
        'quoted-printable',
      ),
    ),
    expected: { decision: 'ignore', readings: [], note: 'Shop newsletter, Precedence: bulk.' },
  },
  {
    slug: 'dom-kalinina11',
    headers: headers({
      date: dec(21, '19:12:00'),
      from: address('Анна Журавлёва via dom-kalinina11', 'dom-kalinina11@lists.tszh-kalinina.ru'),
      to: 'dom-kalinina11@lists.tszh-kalinina.ru',
      subject: subject('[dom-kalinina11] Напоминание: показания до 25-го!'),
      id: messageId('kalinina-list', 'mailru'),
      extra: [
        ['Reply-To', 'zhuravleva.anna@mail.ru'],
        ['Sender', 'dom-kalinina11-bounces@lists.tszh-kalinina.ru'],
        ['Precedence', 'list'],
        ['List-Id', '<dom-kalinina11.lists.tszh-kalinina.ru>'],
        ['List-Post', '<mailto:dom-kalinina11@lists.tszh-kalinina.ru>'],
        ['List-Unsubscribe', '<mailto:dom-kalinina11-leave@lists.tszh-kalinina.ru>'],
        ['X-Mailman-Version', '3.3.9'],
      ],
    }),
    root: plain(
      `Соседи, напоминаю: до 25-го передаём показания!
Я свои уже отправила: 14 220 день, 6 015 ночь.
Кто не умеет — пишите на info@khab.dvec.ru: лицевой счёт, номер счётчика и цифры до запятой.

Анна, кв. 56
_______________________________________________
dom-kalinina11 mailing list -- dom-kalinina11@lists.tszh-kalinina.ru
To unsubscribe send an email to dom-kalinina11-leave@lists.tszh-kalinina.ru
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: { decision: 'ignore', readings: [], note: 'House mailing list (Precedence: list) that has info@ subscribed; the numbers are a neighbour\'s.' },
  },
  {
    slug: 'uk-vostok',
    headers: headers({
      date: dec(23, '15:20:00'),
      from: address('Служба поддержки УК «Восток»', 'support@uk-vostok.ru'),
      subject: subject('[#48211] Ваше обращение зарегистрировано'),
      id: '<ticket-48211-ack@uk-vostok.ru>',
      extra: [['X-Autorespond', 'ticket-ack']],
    }),
    root: plain(
      `Здравствуйте!
Ваше обращение №48211 зарегистрировано. Среднее время ответа — 24 часа.
Пожалуйста, не отвечайте на это письмо.
`,
      'utf-8',
      'base64',
    ),
    expected: { decision: 'ignore', readings: [], note: 'Helpdesk acknowledgement, X-Autorespond.' },
  },
  {
    slug: 'poverka-vsem',
    headers: headers({
      date: dec(19, '16:45:00', '+0700'),
      from: address('Центр метрологии', 'info@poverka-vsem.ru'),
      subject: subject('Поверка счётчиков без снятия - от 590 руб!', 'koi8-r'),
      id: '<5577120.20261219094500@poverka-vsem.ru>',
      extra: [['Precedence', 'junk']],
    }),
    root: plain(
      `Уважаемый собственник!
Срок поверки вашего прибора учёта истекает. Поверка без снятия - от 590 руб.
Звоните: 8-800-000-00-00. Лицензия N 123456.
`,
      'koi8-r',
      '8bit',
    ),
    expected: { decision: 'ignore', readings: [], note: 'Spam marked Precedence: junk.' },
  },
  {
    slug: 'lk-notify',
    headers: headers({
      date: dec(25, '16:00:00'),
      from: address('Личный кабинет', 'noreply@lk-notify.ru'),
      subject: subject('Показания переданы'),
      id: '<lk-20261225-270733190@lk-notify.ru>',
      extra: [['Auto-Submitted', 'auto-generated']],
    }),
    root: html(
      page(
        `<p>Уважаемый клиент!</p><p>Через Личный кабинет переданы показания:<br>л/с 270733190, прибор учёта 36022118<br>день: 15611<br>ночь: 6270</p><p>Это письмо сформировано автоматически, отвечать на него не нужно.</p>`,
      ),
      'utf-8',
      'base64',
    ),
    expected: {
      decision: 'ignore',
      readings: [],
      note: 'Portal notification (Auto-Submitted: auto-generated) with a full reading of a registry account — still machine mail.',
    },
  },
  {
    slug: 'ds57-golubeva-3',
    headers: headers({
      date: dec(27, '08:00:00'),
      from: address('Голубева Нина Сергеевна', 'buh.ds57@yandex.ru'),
      subject: subject('Автоответ: Re: Исправление показаний МБДОУ № 57'),
      id: messageId('ds57-vacation', 'yandex'),
      extra: [['Auto-Submitted', 'auto-replied']],
    }),
    root: plain(
      `Уважаемые коллеги! С 26.12.2026 по 11.01.2027 я нахожусь в отпуске. По вопросам оплаты обращайтесь к заведующей, тел. 45-17-91.
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: { decision: 'ignore', readings: [], note: 'Vacation auto-reply from a linked customer address.' },
  },
  {
    slug: 'khv-hosting',
    headers: headers({
      date: dec(21, '00:12:09'),
      from: 'MAILER-DAEMON@mail.khv-hosting.ru',
      subject: 'failure notice',
      id: '<20261220141209.71455.qmail@mail.khv-hosting.ru>',
    }),
    root: plain(
      `Hi. This is the qmail-send program at mail.khv-hosting.ru.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<vl@lyubimov.dv.ru>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Date: ${dec(20, '23:06:02')}
From: info@khab.dvec.ru
To: vl@lyubimov.dv.ru
Subject: =?UTF-8?B?0JLQsNGI0Lgg0L/QvtC60LDQt9Cw0L3QuNGPINC/0YDQuNC90Y/RgtGL?=

Ваши показания приняты.
Лицевой счёт: 270987650
Прибор учёта: 77410-20
Показания: 50600
`,
      'utf-8',
      '8bit',
    ),
    expected: { decision: 'ignore', readings: [], note: 'qmail bounce, plain text, MAILER-DAEMON sender (no multipart/report).' },
  },
  {
    slug: 'kim-minjun-2',
    headers: headers({
      date: dec(21, '00:10:00'),
      from: address('Mail Delivery System', 'MAILER-DAEMON@mx.khab.dvec.ru'),
      subject: 'Delayed Mail (still being retried)',
      id: '<20261220141000.5C1D2E3F4A@mx.khab.dvec.ru>',
      extra: [['Auto-Submitted', 'auto-replied']],
    }),
    root: report('delivery-status', [
      plain(
        `This is the mail system at host mx.khab.dvec.ru.

####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

Your message could not be delivered for more than 4 hour(s).
It will be retried until it is 5 day(s) old.

For further assistance, please send mail to postmaster.

                   The mail system

<minjun.kim@naver.com>: connect to mx1.naver.com[125.209.238.100]:25: Connection
    timed out
`,
        'us-ascii',
        '7bit',
      ),
      {
        kind: 'binary',
        contentType: 'message/delivery-status',
        cte: '7bit',
        bytes: Buffer.from(
          [
            'Reporting-MTA: dns; mx.khab.dvec.ru',
            'X-Postfix-Queue-ID: 5C1D2E3F4A',
            `Arrival-Date: ${dec(20, '20:00:41')}`,
            '',
            'Final-Recipient: rfc822; minjun.kim@naver.com',
            'Action: delayed',
            'Status: 4.4.1',
            'Diagnostic-Code: X-Postfix; connect to mx1.naver.com[125.209.238.100]:25: Connection timed out',
            '',
          ].join('\r\n'),
          'latin1',
        ),
      },
      {
        kind: 'binary',
        contentType: 'text/rfc822-headers',
        cte: '7bit',
        bytes: Buffer.from(
          [
            `From: ${address('Хабаровскэнергосбыт', TO)}`,
            'To: minjun.kim@naver.com',
            `Subject: ${subject('Ваши показания приняты')}`,
            `Date: ${dec(20, '20:00:40')}`,
            '',
          ].join('\r\n'),
          'latin1',
        ),
      },
    ]),
    expected: { decision: 'ignore', readings: [], note: 'Postfix delay warning (multipart/report, Action: delayed) from our own MTA.' },
  },
  {
    slug: 'htk-college',
    headers: headers({
      date: dec(22, '16:05:00'),
      from: address('Энергетик ХТК', 'teplo.ptu7@mail.ru', 'windows-1251'),
      subject: subject('Показания ПУ колледжа за декабрь', 'windows-1251'),
      id: messageId('htk', 'outlook', 'mail.ru'),
      extra: [['X-Mailer', 'Microsoft Outlook 16.0']],
    }),
    root: plain(
      `Добрый день.
КГБ ПОУ ХТК, учебный корпус № 2, л/с 274900116.

Электроэнергия, Э-7710-0093, Т1/Т2/Т3: 415870/200110/232940
Тепловая энергия, ТС-07-1188: 2349,06 Гкал

Энергетик колледжа Сухоруков А.П.
`,
      'windows-1251',
      '8bit',
    ),
    expected: {
      decision: 'accept',
      readings: [r('274900116', 'Э-7710-0093', 415870, 200110, 232940), r('274900116', 'ТС-07-1188', 2349)],
      note: 'College: three-zone meter written slash-separated in T1/T2/T3 order, and a heat meter (+39 Gcal).',
    },
  },
];
