// Outside-the-window human mail (reject) and machine mail (ignore).
import { gmail, iphone, mailruWeb, plain, yandexHtml } from './clients.js';
import { gmailReply } from './cases-accept.js';
import { confirmation, makeCase, quoteLines, reading, type Case } from './case.js';
import { encodeWords, headerText, mailbox, message, multipart, rawPart, rfcDate, textPart, token } from './mime.js';

const MAILRU_APP = '\n\n--\nОтправлено из мобильной Почты Mail.ru';
const IPHONE = '\n\nОтправлено с iPhone';
const VLAT = '+1000';

export const REJECT_CASES: Case[] = [
  makeCase(
    'b072-early-november',
    'reject',
    [reading('034817265', '0123597', 13105)],
    'Sent 3 Nov.',
    {
      from: mailbox('Татьяна Соколова', 'tanya.sokolova77@mail.ru'),
      date: rfcDate('2026-11-03T19:20:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.ru',
      mimeVersion: '1.0 (1.0)',
    },
    iphone(`Добрый вечер показания 13105 лс 034817265${IPHONE}`),
  ),
  makeCase(
    'b073-mid-november',
    'reject',
    [reading('27100458312', '40917385', 25120, 10102)],
    'Sent 17 Nov.',
    {
      from: mailbox('Алексей Петров', 'petrov.a.v@yandex.ru'),
      date: rfcDate('2026-11-17T08:00:00', VLAT),
      subject: 'показания свет',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('т1 25120 т2 10102\n\n-- \nSent from Yandex Mail for mobile'),
  ),
  makeCase(
    'b074-minute-before-window',
    'reject',
    [reading('051203947', '11923004567', 8350, 3560, 5390)],
    'Sent 19 Nov 23:59 Vladivostok time, one minute before the window opens.',
    {
      from: mailbox('Галина Николаевна', 'gal.nikolaevna@inbox.ru'),
      date: rfcDate('2026-11-19T23:59:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'f512.i.mail.ru',
    },
    mailruWeb('Т1 8350 Т2 3560 Т3 5390 сч 11923004567', 'b074'),
  ),
  makeCase(
    'b075-after-midnight-26th',
    'reject',
    [reading('27100341001', '47120098', 19842)],
    'Sent 26 Nov 00:05 Vladivostok time.',
    {
      from: mailbox('ИП Громов', 'ip.gromov@yandex.ru'),
      date: rfcDate('2026-11-26T00:05:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('Показания счетчика 47120098: 19842\nИП Громов А.С.', 'utf-8', 'quoted-printable'),
  ),
  makeCase(
    'b076-moscow-evening-25th',
    'reject',
    [reading('011200345', '9087123', 19580)],
    'Sent 25 Nov 20:00 Moscow time (+0300) = 26 Nov 03:00 Vladivostok: too late.',
    {
      from: mailbox('Роман Ли', 'roman.lee@gmail.com'),
      date: rfcDate('2026-11-25T20:00:00', '+0300'),
      subject: 'Показания',
      messageIdDomain: 'mail.gmail.com',
    },
    gmail('Показания 19580, лс 011200345\nРоман', 'b076'),
  ),
  makeCase(
    'b077-magadan-early-20th',
    'reject',
    [reading('022300456', '56011234', 80905)],
    'Sent 20 Nov 00:30 +1100 = 19 Nov 23:30 Vladivostok: too early.',
    {
      from: mailbox('Мария Попова', 'm.popova@mail.ru'),
      date: rfcDate('2026-11-20T00:30:00', '+1100'),
      subject: 'Показания',
      messageIdDomain: 'mail.ru',
    },
    plain(`Лицевой 022300456 показания 80905${MAILRU_APP}`),
  ),
  makeCase(
    'b078-krasnoyarsk-19th',
    'reject',
    [reading('27118009550', '4455123', 11380)],
    'Sent 19 Nov 16:00 +0700 = 19 Nov 19:00 Vladivostok.',
    {
      from: mailbox('Светлана', 'svetik.83@mail.ru'),
      date: rfcDate('2026-11-19T16:00:00', '+0700'),
      subject: 'показания',
      messageIdDomain: 'mail.ru',
    },
    plain(`Показания 11380${MAILRU_APP}`),
  ),
  makeCase(
    'b079-december',
    'reject',
    [reading('040011287', '123004567891', 51840, 22390)],
    'Sent 1 Dec.',
    {
      from: mailbox('Надежда Орлова', 'nadya.orlova@yandex.ru'),
      date: rfcDate('2026-12-01T08:00:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.yandex.ru',
    },
    yandexHtml('<div>день:51840;ночь:22390</div><div>&nbsp;</div><div>-- </div><div>Отправлено из мобильной Яндекс Почты</div>'),
  ),
  makeCase(
    'b080-october-reply',
    'reject',
    [reading('27109900661', '70044512', 20560, 9210, 11290)],
    'Sent 28 Oct as a reply over the confirmation of 24 Oct.',
    {
      from: mailbox('Виктор Коваленко', 'kovalenko.v@gmail.com'),
      date: rfcDate('2026-10-28T12:00:00', VLAT),
      subject: 'Re: Показания приняты',
      messageIdDomain: 'mail.gmail.com',
    },
    gmailReply('т1 20560 т2 9210 т3 11290', 'сб, 24 окт. 2026 г. в 10:00, Хабаровскэнергосбыт <info@khab.dvec.ru>:', confirmation('27109900661', '70044512', 'Т1 20100, Т2 9050, Т3 11030', '24.10.2026'), 'b080'),
  ),
  makeCase(
    'b081-pacific-25th',
    'reject',
    [reading('27121003883', '2468013', 35410, 14260)],
    'Sent 25 Nov 08:30 -0800 = 26 Nov 02:30 Vladivostok: too late although it is still the 25th for the sender.',
    {
      from: mailbox('Max Orlov', 'max.orlov@gmail.com'),
      date: rfcDate('2026-11-25T08:30:00', '-0800'),
      subject: 'Показания за родителей',
      messageIdDomain: 'mail.gmail.com',
    },
    gmail('лс 27121003883: день 35410 ночь 14260\nМаксим', 'b081', undefined, 'ltr'),
  ),
  makeCase(
    'b082-26th-two-kinds',
    'reject',
    [reading('27105500217', '3312098', 5890), reading('27105500217', '9001245', 2231)],
    'Sent 26 Nov 09:00; electricity and heat.',
    {
      from: mailbox('Марина Тен', 'marina.ten@yandex.ru'),
      date: rfcDate('2026-11-26T09:00:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('Показания: свет 5890, тепло 2231\nМарина', 'utf-8', 'quoted-printable'),
  ),
];

/** The utility's own outgoing confirmation, as it comes back inside a bounce. */
function utilityReply(to: string, account: string, meter: string, values: string, date: string): Buffer {
  return message(
    [
      `From: ${mailbox('Хабаровскэнергосбыт', 'info@khab.dvec.ru')}`,
      `To: ${to}`,
      `Subject: ${headerText('Показания приняты')}`,
      `Date: ${date}`,
      `Message-ID: <${token(`${account}${date}`, 20)}@khab.dvec.ru>`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
    ],
    textPart(`${confirmation(account, meter, values, '21.11.2026').join('\n')}\n`, { charset: 'utf-8', encoding: 'base64' }),
  );
}

export const IGNORE_CASES: Case[] = [
  makeCase(
    'b083-vacation-ru',
    'ignore',
    [],
    'Gmail vacation responder in Russian (Auto-Submitted: auto-replied); it even mentions numbers like readings.',
    {
      from: mailbox('Антон Сидоров', 'anton.sidorov@gmail.com'),
      date: rfcDate('2026-11-21T10:00:05', VLAT),
      subject: 'Я в отпуске',
      messageIdDomain: 'mail.gmail.com',
      extra: ['Auto-Submitted: auto-replied', 'In-Reply-To: <conf-066700521-2026-11@khab.dvec.ru>'],
    },
    gmail('Здравствуйте!\nЯ в отпуске до 30 ноября, почту читаю редко. Показания 30650/12210 передам после возвращения. Срочные вопросы: +7 914 215-00-11.\nАнтон', 'b083'),
  ),
  makeCase(
    'b084-x-autoreply',
    'ignore',
    [],
    'Mail.ru autoresponder with X-Autoreply: yes, quoting the confirmation.',
    {
      from: mailbox('Оксана Мельник', 'oksana.melnik@mail.ru'),
      date: rfcDate('2026-11-22T10:00:03', VLAT),
      subject: 'Автоответ: Показания приняты',
      messageIdDomain: 'mail.ru',
      extra: ['X-Autoreply: yes'],
    },
    plain(`Спасибо за письмо! Сейчас не могу ответить, отвечу позже.\nОксана\n\n${quoteLines(confirmation('27101200456', '1207845', '10215', '22.11.2026'))}\n`),
  ),
  makeCase(
    'b085-precedence-junk',
    'ignore',
    [],
    'Old-style vacation program marking itself only with Precedence: junk; sent 5 Nov (outside the window, still ignore).',
    {
      from: mailbox('Григорий Васильев', 'grigoriy.vas@mail.ru'),
      date: rfcDate('2026-11-05T09:00:00', VLAT),
      subject: 'Re: Показания приняты',
      messageIdDomain: 'mail.ru',
      extra: ['Precedence: junk'],
    },
    plain(
      `Это автоматический ответ. Я в командировке до 01.12.2026, по срочным вопросам звоните 8-924-300-11-22.\n\n${quoteLines(confirmation('27114005116', '6677001', 'Т1 21010, Т2 9930', '22.10.2026'))}\n`,
      'utf-8',
      'quoted-printable',
    ),
  ),
  makeCase(
    'b096-outlook-out-of-office',
    'ignore',
    [],
    'Exchange out-of-office reply: Auto-Submitted: auto-generated, X-Auto-Response-Suppress; mentions a contract number and dates.',
    {
      from: mailbox('Бухгалтерия СтройДВ', 'buh@stroy-dv.ru', 'windows-1251'),
      date: rfcDate('2026-11-24T10:00:07', VLAT),
      subject: 'Автоматический ответ: Показания приняты',
      rawSubject: encodeWords('Автоматический ответ: Показания приняты', 'windows-1251'),
      messageIdDomain: 'stroy-dv.ru',
      extra: ['Auto-Submitted: auto-generated', 'X-Auto-Response-Suppress: All', 'X-MS-Exchange-Inbox-Rules-Loop: buh@stroy-dv.ru'],
    },
    plain(
      'Здравствуйте!\nС 23.11.2026 по 27.11.2026 главный бухгалтер в отпуске. По договору № 12345/2019 обращайтесь к Петровой А.А., тел. (4212) 31-22-12.\n',
      'windows-1251',
      'quoted-printable',
    ),
  ),
  dsnBounce(),
  postmasterBounce(),
  makeCase(
    'b088-bulk-newsletter',
    'ignore',
    [],
    'Shop newsletter with Precedence: bulk and List-Unsubscribe; prices and meter models as numbers.',
    {
      from: mailbox('Электромир ДВ', 'news@elektromir-dv.ru'),
      date: rfcDate('2026-11-21T12:00:00', VLAT),
      subject: 'Скидка 15% на счётчики Меркурий до 25.11!',
      messageIdDomain: 'elektromir-dv.ru',
      extra: ['Precedence: bulk', 'List-Unsubscribe: <mailto:unsubscribe@elektromir-dv.ru?subject=unsubscribe>'],
    },
    {
      headers: [],
      root: textPart(
        '<html><body><h2>Скидка 15% на счётчики!</h2><p>Меркурий 201.8 — <b>1 890 руб.</b>, Нева МТ 124 — <b>2 450 руб.</b></p><p>Установка от 1 500 руб. Тел. 8 (4212) 60-60-60</p><p><small>Вы получили это письмо, так как подписаны на рассылку.</small></p></body></html>\n',
        { subtype: 'html', charset: 'utf-8', encoding: 'base64' },
      ),
    },
  ),
  makeCase(
    'b089-x-autorespond-ticket',
    'ignore',
    [],
    'Management company help desk acknowledgement with X-Autorespond.',
    {
      from: mailbox('УК Восток', 'dispatcher@uk-vostok27.ru'),
      date: rfcDate('2026-11-20T14:02:10', VLAT),
      subject: 'Ваше обращение № 45871 зарегистрировано',
      messageIdDomain: 'uk-vostok27.ru',
      extra: ['X-Autorespond: yes'],
    },
    plain('Здравствуйте!\nВаше обращение зарегистрировано под номером 45871 от 20.11.2026 14:02.\nСрок рассмотрения: 3 рабочих дня.\nЭто письмо сформировано автоматически, не отвечайте на него.', 'utf-8', 'quoted-printable'),
  ),
  makeCase(
    'b090-read-receipt',
    'ignore',
    [],
    'Outlook read receipt (multipart/report; report-type=disposition-notification) from a registered customer.',
    {
      from: mailbox('Дмитрий Хан', 'dmitriy.kh@outlook.com', 'windows-1251'),
      date: rfcDate('2026-11-23T10:15:00', VLAT),
      subject: 'Прочитано: Показания приняты',
      messageIdDomain: 'AM0PR07MB5681.eurprd07.prod.outlook.com',
    },
    {
      headers: ['X-Mailer: Microsoft Outlook 16.0'],
      root: multipart(
        'report',
        [
          textPart(
            'Ваше сообщение\n\n  Кому: Дмитрий Хан\n  Тема: Показания приняты\n  Отправлено: 23 ноября 2026 г. 10:00\n\nбыло прочитано 23 ноября 2026 г. 10:15.\n',
            { charset: 'windows-1251', charsetLabel: '"windows-1251"', encoding: 'quoted-printable' },
          ),
          rawPart(
            ['Content-Type: message/disposition-notification'],
            'Reporting-UA: AM0PR07MB5681.eurprd07.prod.outlook.com; Microsoft Outlook 16.0\nFinal-Recipient: rfc822;dmitriy.kh@outlook.com\nOriginal-Message-ID: <conf-091234500-2026-11@khab.dvec.ru>\nDisposition: manual-action/MDN-sent-manually; displayed\n',
          ),
        ],
        `_002_AM0PR07MB${token('b090', 6).toUpperCase()}_`,
        '; report-type=disposition-notification',
      ),
    },
  ),
];

function dsnBounce(): Case {
  const original = utilityReply('ptrov.a.v@yandex.ru', '27100458312', '40917385', 'Т1 25120, Т2 10102', rfcDate('2026-11-21T10:00:02', VLAT));
  const boundary = '4F2A91C0E3.1795384803/mail.khab.dvec.ru';
  const root = multipart(
    'report',
    [
      rawPart(
        ['Content-Description: Notification', 'Content-Type: text/plain; charset=us-ascii'],
        'This is the mail system at host mail.khab.dvec.ru.\n\nI\'m sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It\'s attached below.\n\n                   The mail system\n\n<ptrov.a.v@yandex.ru>: host mx.yandex.ru[77.88.21.249] said: 550 5.7.1 No such\n    user! (in reply to end of DATA command)\n',
      ),
      rawPart(
        ['Content-Description: Delivery report', 'Content-Type: message/delivery-status'],
        'Reporting-MTA: dns; mail.khab.dvec.ru\nX-Postfix-Queue-ID: 4F2A91C0E3\nX-Postfix-Sender: rfc822; info@khab.dvec.ru\nArrival-Date: Sat, 21 Nov 2026 10:00:02 +1000 (+10)\n\nFinal-Recipient: rfc822; ptrov.a.v@yandex.ru\nOriginal-Recipient: rfc822;ptrov.a.v@yandex.ru\nAction: failed\nStatus: 5.7.1\nRemote-MTA: dns; mx.yandex.ru\nDiagnostic-Code: smtp; 550 5.7.1 No such user!\n',
      ),
      rawPart(['Content-Description: Undelivered Message', 'Content-Type: message/rfc822'], original),
    ],
    boundary,
    '; report-type=delivery-status',
  );
  return makeCase(
    'b086-dsn-mailer-daemon',
    'ignore',
    [],
    'Postfix DSN from MAILER-DAEMON returning the utility\'s confirmation (with readings) sent to a mistyped address.',
    {
      from: 'MAILER-DAEMON@mail.khab.dvec.ru (Mail Delivery System)',
      date: rfcDate('2026-11-21T10:00:04', VLAT),
      subject: 'Undelivered Mail Returned to Sender',
      messageIdDomain: 'mail.khab.dvec.ru',
      extra: ['Auto-Submitted: auto-replied'],
    },
    { headers: [], root },
  );
}

function postmasterBounce(): Case {
  const root = multipart(
    'report',
    [
      textPart(
        'Не удалось доставить сообщение следующим получателям:\n\nstarikov.vp@khv.ru\nПочтовый ящик переполнен.\n\nОтправленное сообщение: «Показания приняты», 24.11.2026 10:00.\n',
        { charset: 'utf-8', encoding: 'base64' },
      ),
      rawPart(
        ['Content-Type: message/delivery-status'],
        'Reporting-MTA: dns; mx1.khv.ru\n\nFinal-Recipient: rfc822; starikov.vp@khv.ru\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n',
      ),
      rawPart(
        ['Content-Type: text/rfc822-headers'],
        `From: info@khab.dvec.ru\nTo: starikov.vp@khv.ru\nSubject: ${headerText('Показания приняты')}\nDate: ${rfcDate('2026-11-24T10:00:00', VLAT)}\nMessage-ID: <conf-033400612-2026-11@khab.dvec.ru>\n`,
      ),
    ],
    `----=_Part_${token('b087', 10)}`,
    '; report-type=delivery-status',
  );
  return makeCase(
    'b087-postmaster-bounce',
    'ignore',
    [],
    'Bounce from postmaster (multipart/report) in Russian, no Auto-Submitted header.',
    {
      from: mailbox('Почтовая система', 'postmaster@khv.ru'),
      date: rfcDate('2026-11-24T10:00:09', VLAT),
      subject: 'Недоставленное сообщение: Показания приняты',
      messageIdDomain: 'mx1.khv.ru',
    },
    { headers: [], root },
  );
}
