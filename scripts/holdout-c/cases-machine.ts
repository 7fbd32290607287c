// Machine-generated mail that must never be answered: bounces, read receipts, auto-replies, newsletters.
import { html, plain, type CaseSpec } from './case-kit.js';
import { renderMessage, rfcDate, formatAddress, encodeWords, type LeafPart } from './mime.js';
import { BUILDINGS } from './registry.js';

/** The utility's own earlier reply, carried inside the bounce as message/rfc822. */
function ourReply(to: string, text: string, date: string, messageId: string): Buffer {
  return renderMessage(
    [
      `From: ${formatAddress('Хабаровскэнергосбыт', 'info@khab.dvec.ru')}`,
      `To: ${to}`,
      `Subject: ${encodeWords('Re: Показания приняты')}`,
      `Date: ${date}`,
      `Message-ID: <${messageId}>`,
    ],
    plain(text),
    'inner',
  );
}

function leaf(contentType: string, body: string | Buffer, encoding: LeafPart['encoding'] = '7bit'): LeafPart {
  return { kind: 'leaf', contentType, encoding, body };
}

const firstA = BUILDINGS.A.flats[0]!.electricity;

export const machineCases: CaseSpec[] = [
  {
    slug: 'postfix-delivery-failure-report',
    decision: 'ignore',
    readings: [],
    note: 'DSN от MAILER-DAEMON (multipart/report; report-type=delivery-status) с нашим ответом внутри, где есть показания.',
    from: { name: 'Mail Delivery System', address: 'MAILER-DAEMON@mx1.khab.dvec.ru' },
    returnPath: '',
    date: ['2026-11-22 22:15:07', '+1000'],
    subject: 'Undelivered Mail Returned to Sender',
    extraHeaders: ['Auto-Submitted: auto-replied'],
    body: {
      kind: 'multi',
      subtype: 'report',
      params: 'report-type=delivery-status',
      parts: [
        leaf('text/plain', [
          'This is the mail system at host mx1.khab.dvec.ru.', '',
          "I'm sorry to have to inform you that your message could not", 'be delivered to one or more recipients. It\'s attached below.', '',
          '<morozov.sv@yandex.ru>: host mx.yandex.ru[77.88.21.249] said: 552 5.2.2',
          '    Mailbox size limit exceeded (in reply to end of DATA command)',
        ].join('\r\n')),
        leaf('message/delivery-status', [
          'Reporting-MTA: dns; mx1.khab.dvec.ru', 'X-Postfix-Queue-ID: 4Nf2Kx0QZ1z9v', `Arrival-Date: ${rfcDate('2026-11-22 22:15:01', '+1000')}`, '',
          'Final-Recipient: rfc822; morozov.sv@yandex.ru', 'Original-Recipient: rfc822;morozov.sv@yandex.ru', 'Action: failed',
          'Status: 5.2.2', 'Remote-MTA: dns; mx.yandex.ru', 'Diagnostic-Code: smtp; 552 5.2.2 Mailbox size limit exceeded',
        ].join('\r\n')),
        leaf('message/rfc822', ourReply('morozov.sv@yandex.ru',
          'Здравствуйте! Показания 52488 по счётчику 45017762 (л/с 2707120455) приняты.\nХабаровскэнергосбыт',
          rfcDate('2026-11-22 22:15:00', '+1000'), 'reply-20261122-8812@khab.dvec.ru'), '8bit'),
      ],
    },
  },
  {
    slug: 'outlook-read-notification',
    decision: 'ignore',
    readings: [],
    note: 'Уведомление о прочтении: multipart/report; report-type=disposition-notification от человека-адресата.',
    from: { name: 'Титов П.А.', address: 'titov.pa@rambler.ru' },
    date: ['2026-11-26 08:02:11', '+1000'],
    subject: 'Прочитано: Re: показания',
    mailer: 'Microsoft Outlook 16.0',
    body: {
      kind: 'multi',
      subtype: 'report',
      params: 'report-type=disposition-notification',
      parts: [
        plain('Ваше сообщение\n\n  Кому: titov.pa@rambler.ru\n  Тема: Re: показания\n  Отправлено: 25.11.2026 23:41\n\nбыло прочитано 26.11.2026 8:02.', 'utf-8', 'quoted-printable'),
        leaf('message/disposition-notification', [
          'Reporting-UA: RAMBLER-PC; Microsoft Outlook 16.0', 'Final-Recipient: rfc822;titov.pa@rambler.ru',
          'Original-Message-ID: <reply-20261125-9931@khab.dvec.ru>', 'Disposition: manual-action/MDN-sent-manually; displayed',
        ].join('\r\n')),
      ],
    },
  },
  {
    slug: 'voshod-dispatcher-autoanswer',
    decision: 'ignore',
    readings: [],
    note: 'Автоответ УК (Auto-Submitted: auto-replied) на наше письмо; в цитате — таблица показаний.',
    from: { name: 'УК Восход', address: BUILDINGS.A.email },
    date: ['2026-11-21 10:15:02', '+1000'],
    subject: 'Автоответ: Re: Показания ИПУ э/э ул. Ленина, 12',
    extraHeaders: ['Auto-Submitted: auto-replied', 'X-Auto-Response-Suppress: All'],
    body: plain(
      ['Здравствуйте! Ваше письмо получено диспетчерской службой ООО «УК Восход».', 'Ответ будет дан в течение 3 рабочих дней.',
        'Аварийная служба: 8 (4212) 45-67-89.', '', '> Показания по л/с ' + firstA.account + ' приняты.'].join('\n'),
      'utf-8', 'base64'),
  },
  {
    slug: 'yandex-vacation-notice',
    decision: 'ignore',
    readings: [],
    note: 'Автоответ Яндекс.Почты об отпуске (X-Autoreply: yes).',
    from: { name: 'Сидорова Елена', address: 'sidorova.ep@yandex.ru' },
    date: ['2026-11-21 12:41:05', '+1000'],
    subject: 'Re: Показания',
    extraHeaders: ['X-Autoreply: yes', 'X-Yandex-Autoreply: yes'],
    body: plain('Я в отпуске до 30.11.2026, показания счётчиков 0123987 и 0124410 передам после возвращения.\nСидорова Е.П.'),
  },
  {
    slug: 'dgk-tariff-newsletter',
    decision: 'ignore',
    readings: [],
    note: 'Рассылка (Precedence: bulk, List-Unsubscribe) с числами и примером показаний.',
    from: { name: 'АО «ДГК»', address: 'news@dgk-rassylka.ru' },
    date: ['2026-11-23 10:00:00', '+1000'],
    subject: 'Тарифы на тепловую энергию с 1 декабря 2026 года',
    mailer: 'Sendsay',
    extraHeaders: ['Precedence: bulk', 'List-Unsubscribe: <https://dgk-rassylka.ru/unsubscribe?u=8812>', 'List-Id: <news.dgk-rassylka.ru>'],
    body: html(
      '<html><body><h2>Тарифы с 01.12.2026</h2><p>Тепловая энергия: 2 845,17 руб./Гкал. Горячая вода: 241,30 руб./м3.</p>' +
        '<p>Пример: при показаниях 1234,5 Гкал и предыдущих 1230,1 Гкал к оплате 4,4 Гкал.</p>' +
        '<p>Передавайте показания с 20 по 25 число. <a href="https://dgk-rassylka.ru/unsubscribe?u=8812">Отписаться</a></p></body></html>',
      'utf-8', 'quoted-printable'),
  },
  {
    slug: 'gis-zhkh-auto-notification',
    decision: 'ignore',
    readings: [],
    note: 'Автоматическое уведомление ГИС ЖКХ (Auto-Submitted: auto-generated) с л/с и числом.',
    from: { name: 'ГИС ЖКХ', address: 'no-reply@dom.gosuslugi.ru' },
    date: ['2026-11-22 03:12:40', '+1000'],
    subject: 'Показания приборов учёта переданы',
    extraHeaders: ['Auto-Submitted: auto-generated'],
    body: plain(`Уведомляем, что показания прибора учёта ${firstA.meter} по лицевому счёту ${firstA.account} (${firstA.last[0] + 150}) размещены в ГИС ЖКХ.\nЭто письмо сформировано автоматически, не отвечайте на него.`, 'utf-8', 'base64'),
  },
];
