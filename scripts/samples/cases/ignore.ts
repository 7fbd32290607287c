// Machine-generated mail: auto-replies, robots, lists and bounces. Never answered (a reply could loop).
import type { SampleCase } from '../compose.js';
import { parseLocal, rfcDate } from '../clients.js';
import { encodedWords, renderHeaders } from '../mime.js';

const at = (spec: string, plusSec = 0): string => {
  const i = parseLocal(spec);
  return rfcDate(i.utcMs + plusSec * 1000, i.offsetMin);
};
const vl = (spec: string, plusSec = 0): string => rfcDate(parseLocal(spec).utcMs + plusSec * 1000, 600, '+10');

/** The utility's own earlier reply, as bounced back inside a DSN. */
function utilityReply(to: string, dateSpec: string, id: string, text: string): string {
  return renderHeaders([
    ['Return-Path', '<info@khab.dvec.ru>'],
    ['Received', `from intake.khab.dvec.ru (intake.khab.dvec.ru [10.27.1.15])\n\tby mx1.khab.dvec.ru (Postfix) with ESMTP id ${id}\n\tfor <${to}>; ${vl(dateSpec)}`],
    ['From', `${encodedWords('Хабаровскэнергосбыт')} <info@khab.dvec.ru>`],
    ['To', `<${to}>`],
    ['Subject', encodedWords('Re: Показания приняты')],
    ['Date', at(dateSpec)],
    ['Message-ID', `<${id}@khab.dvec.ru>`],
    ['Auto-Submitted', 'auto-replied'],
    ['MIME-Version', '1.0'],
    ['Content-Type', 'text/plain; charset=utf-8'],
    ['Content-Transfer-Encoding', '8bit'],
  ], '\n') + '\n' + text;
}

export const ignoreCases: SampleCase[] = [
  {
    name: 'ignore-vacation-auto-replied-exchange',
    client: 'exchange',
    env: {
      fromName: 'Мельникова Ирина Сергеевна', from: 'i.melnikova@dvgups.ru', date: '2026-11-21 10:03:12 +1000', subject: 'Автоматический ответ: Показания приняты',
      inReplyTo: '<20261121000255.51c0de@khab.dvec.ru>', references: '<20261121000255.51c0de@khab.dvec.ru>',
      extra: [['Auto-Submitted', 'auto-replied'], ['X-MS-Exchange-Inbox-Rules-Loop', 'i.melnikova@dvgups.ru'], ['X-Auto-Response-Suppress', 'All']],
    },
    text: 'Здравствуйте!\nЯ в отпуске до 30.11.2026. По срочным вопросам обращайтесь к Петровой Анне Сергеевне, тел. 40-71-20.\n\nС уважением,\nМельникова И.С.',
    expected: { decision: 'ignore', readings: [], note: 'Exchange out-of-office reply (Auto-Submitted: auto-replied) to our confirmation.' },
  },
  {
    name: 'ignore-x-autoreply-mailru',
    client: 'mailru',
    env: {
      fromName: 'Антонина Ивановна', from: 'antonina.iv@mail.ru', date: '2026-11-22 14:40:02 +1000', subject: 'Re: Показания приняты',
      inReplyTo: '<20261122044000.1a2b3c@khab.dvec.ru>', extra: [['X-Autoreply', 'yes']],
    },
    text: 'Здравствуйте! Я сейчас не читаю почту, отвечу после 1 декабря.',
    expected: { decision: 'ignore', readings: [], note: 'Mail.ru autoresponder marked with X-Autoreply: yes.' },
  },
  {
    name: 'ignore-x-autorespond-company-helpdesk',
    rawHeaders: [
      ['Return-Path', '<support@teplotekh-dv.ru>'],
      ['Received', `from server47.hosting.reg.ru (server47.hosting.reg.ru [37.140.192.118])\n\tby mx1.khab.dvec.ru (Postfix) with ESMTPS id 4GbT2m3Rq8z1xY\n\tfor <info@khab.dvec.ru>; ${vl('2026-11-23 09:15:44 +1000', 3)}`],
      ['Received', `from mailnull by server47.hosting.reg.ru with local (Exim 4.97.1)\n\tid 1tEf9K-0004Qz-1n\n\tfor info@khab.dvec.ru; ${at('2026-11-23 02:15:44 +0300')}`],
      ['X-Autorespond', 'Ваше обращение получено'],
      ['Precedence', 'auto_reply'],
      ['X-Precedence', 'auto_reply'],
      ['From', `${encodedWords('ООО «Теплотехника-ДВ»')} <support@teplotekh-dv.ru>`],
      ['To', 'info@khab.dvec.ru'],
      ['Subject', encodedWords('Автоответ: Re: Показания приняты')],
      ['Date', at('2026-11-23 02:15:44 +0300')],
      ['Message-Id', '<E1tEf9K-0004Qz-1n@server47.hosting.reg.ru>'],
      ['MIME-Version', '1.0'],
    ],
    body: { kind: 'text', subtype: 'plain', charset: 'utf-8', cte: '8bit', quoteCharset: false, text: 'Благодарим за обращение!\nВаше письмо получено и будет рассмотрено в течение 3 рабочих дней.\nНомер обращения: 2611-0457.\n\nООО «Теплотехника-ДВ», тел. 8 (4212) 60-10-10' },
    expected: { decision: 'ignore', readings: [], note: 'Helpdesk autoresponder (X-Autorespond, Precedence: auto_reply); the ticket number is not a reading.' },
  },
  {
    name: 'ignore-precedence-bulk-newsletter',
    rawHeaders: [
      ['Return-Path', '<bounce-1795210044-33021@mailer.elektrik-dv.ru>'],
      ['Received', `from mailer.elektrik-dv.ru (mailer.elektrik-dv.ru [185.12.44.90])\n\tby mx1.khab.dvec.ru (Postfix) with ESMTPS id 4GbM0c1Kx4z7wq\n\tfor <info@khab.dvec.ru>; ${vl('2026-11-22 12:00:00 +1000', 14)}`],
      ['DKIM-Signature', 'v=1; a=rsa-sha256; c=relaxed/relaxed; d=elektrik-dv.ru; s=unisender;\n\th=From:To:Subject:Date:List-Unsubscribe; bh=q1Zr7Uo0kT1yZ8eV6QmXnS4bP2cL9aHfD3wJ5uGtR0E=;\n\tb=Wd9f3Kx1LqR8mZ2cN7vB4hT6yJ0pS5aE1uG8oI3kM9nQ2rX7tV4wY6zA0bC5dF8gH1jK3lM5nP7qR9sT2uV4wX6yZ8'],
      ['From', `${encodedWords('Магазин «Электрик ДВ»')} <news@elektrik-dv.ru>`],
      ['To', 'info@khab.dvec.ru'],
      ['Subject', encodedWords('Скидки до 25 ноября: счётчики Меркурий и Нева от 1 990 ₽')],
      ['Date', at('2026-11-22 12:00:00 +1000')],
      ['Message-ID', '<1795210044.33021.4471@mailer.elektrik-dv.ru>'],
      ['Precedence', 'bulk'],
      ['List-Unsubscribe', '<https://elektrik-dv.ru/unsubscribe?u=33021&h=9f2c1b>, <mailto:unsubscribe-33021@elektrik-dv.ru>'],
      ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
      ['X-Mailer', 'UniSender'],
      ['MIME-Version', '1.0'],
    ],
    body: {
      kind: 'text', subtype: 'html', charset: 'utf-8', cte: 'quoted-printable',
      text: '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Электрик ДВ</title></head><body style="margin:0;background:#f2f2f2">\n<table width="600" align="center" cellpadding="0" cellspacing="0" style="background:#ffffff;font-family:Arial,sans-serif">\n<tr><td style="padding:20px"><h1 style="color:#d40000">Скидки до 25 ноября!</h1></td></tr>\n<tr><td style="padding:0 20px">Счётчик электроэнергии «Меркурий 201.8» однотарифный — <b>1 990 ₽</b></td></tr>\n<tr><td style="padding:0 20px">Счётчик «Нева МТ 124» двухтарифный — <b>3 450 ₽</b> (было 4 100 ₽)</td></tr>\n<tr><td style="padding:0 20px">Установка и опломбировка — от 1 500 ₽. Звоните: 8 (4212) 77-00-77</td></tr>\n<tr><td style="padding:20px;font-size:11px;color:#888">Вы получили это письмо, потому что подписались на рассылку elektrik-dv.ru. <a href="https://elektrik-dv.ru/unsubscribe?u=33021&amp;h=9f2c1b">Отписаться</a></td></tr>\n</table></body></html>\n',
    },
    expected: { decision: 'ignore', readings: [], note: 'Bulk newsletter (Precedence: bulk, List-Unsubscribe) full of prices and model numbers.' },
  },
  {
    name: 'ignore-precedence-junk-spam',
    rawHeaders: [
      ['Return-Path', '<info@poverka-schetchikov-24.ru>'],
      ['Received', `from vps-771203.hostru.net (unknown [45.144.30.17])\n\tby mx1.khab.dvec.ru (Postfix) with ESMTP id 4GbP7s2Wd1z4rT\n\tfor <info@khab.dvec.ru>; ${vl('2026-11-21 03:33:10 +0300', 6)}`],
      ['From', `${encodedWords('Служба поверки счётчиков')} <info@poverka-schetchikov-24.ru>`],
      ['To', 'info@khab.dvec.ru'],
      ['Subject', encodedWords('СРОЧНО! Ваш счётчик подлежит замене до 30.11.2026')],
      ['Date', at('2026-11-21 03:33:10 +0300')],
      ['Message-ID', '<20261121003310.77120@poverka-schetchikov-24.ru>'],
      ['Precedence', 'junk'],
      ['X-Mailer', 'PHPMailer 6.8.1 (https://github.com/PHPMailer/PHPMailer)'],
      ['MIME-Version', '1.0'],
    ],
    body: { kind: 'text', subtype: 'plain', charset: 'utf-8', cte: 'base64', quoteCharset: false, text: 'Уважаемый абонент!\nСрок поверки вашего прибора учёта 011234567 истёк. Штраф до 50 000 руб.\nДля бесплатной замены позвоните 8-800-555-35-35 до 30.11.2026.\nВаш лицевой счёт 2701004512 будет заблокирован.' },
    expected: { decision: 'ignore', readings: [], note: 'Spam marked Precedence: junk; it even quotes an account and a meter number, but it is not a customer message.' },
  },
  {
    name: 'ignore-precedence-list-house-mailing-list',
    rawHeaders: [
      ['Return-Path', '<bounce+c1d2e3+2211+info=khab.dvec.ru@groups.io>'],
      ['Received', `from mail02.groups.io (mail02.groups.io [66.175.222.108])\n\tby mx1.khab.dvec.ru (Postfix) with ESMTPS id 4GbR1q0Zs3z2pL\n\tfor <info@khab.dvec.ru>; ${vl('2026-11-22 19:45:31 +1000', 9)}`],
      ['Sender', 'dom45-lenina@groups.io'],
      ['List-Id', '<dom45-lenina.groups.io>'],
      ['Mailing-List', 'list dom45-lenina@groups.io; contact dom45-lenina+owner@groups.io'],
      ['List-Post', '<mailto:dom45-lenina@groups.io>'],
      ['List-Unsubscribe', '<mailto:dom45-lenina+unsubscribe@groups.io>'],
      ['Precedence', 'list'],
      ['From', `${encodedWords('Сергей Мельников')} <melnikov.sergey1979@gmail.com>`],
      ['Reply-To', 'dom45-lenina@groups.io'],
      ['To', 'dom45-lenina@groups.io'],
      ['Subject', encodedWords('[dom45-lenina] Не забываем про показания')],
      ['Date', at('2026-11-22 19:45:31 +1000')],
      ['Message-ID', '<CAJx7pQ2mN8vR4tY1wZ6bL3kH9sD0fG5aE2cU7iO4@mail.gmail.com>'],
      ['MIME-Version', '1.0'],
    ],
    body: { kind: 'text', subtype: 'plain', charset: 'UTF-8', cte: 'quoted-printable', text: 'Соседи, напоминаю: показания принимают с 20 по 25 число.\nЯ свои уже отправил на info@khab.dvec.ru в формате как для СМС:\n2701004512 011234567 48590\n\n_._,_._,_\nGroups.io Links: You receive all messages sent to this group.\nView/Reply Online (#2211) | Mute This Topic | Leave Group: https://groups.io/g/dom45-lenina/leave' },
    expected: { decision: 'ignore', readings: [], note: 'Mailing-list copy (Precedence: list, List-Id) of a neighbour\'s post; the reading in it was already sent by him directly.' },
  },
  {
    name: 'ignore-dsn-bounce-postfix-mailer-daemon',
    rawHeaders: [
      ['Return-Path', '<>'],
      ['Received', `by mx1.khab.dvec.ru (Postfix)\n\tid 4GbK9d0Yt2z5nM; ${vl('2026-11-21 10:20:05 +1000')}`],
      ['Date', vl('2026-11-21 10:20:05 +1000')],
      ['From', 'MAILER-DAEMON@mx1.khab.dvec.ru (Mail Delivery System)'],
      ['Subject', 'Undelivered Mail Returned to Sender'],
      ['To', 'info@khab.dvec.ru'],
      ['Auto-Submitted', 'auto-replied'],
      ['MIME-Version', '1.0'],
      ['Message-Id', '<20261121002005.4GbK9d0Yt2z5nM@mx1.khab.dvec.ru>'],
    ],
    body: {
      kind: 'multi', subtype: 'report', params: 'report-type=delivery-status', boundary: '4GbK9d0Yt2z5nM.1795220405/mx1.khab.dvec.ru',
      preamble: 'This is a MIME-encapsulated message.',
      parts: [
        {
          kind: 'raw', headers: [['Content-Description', 'Notification'], ['Content-Type', 'text/plain; charset=utf-8'], ['Content-Transfer-Encoding', '8bit']],
          body: 'This is the mail system at host mx1.khab.dvec.ru.\n\nI\'m sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It\'s attached below.\n\nFor further assistance, please send mail to postmaster.\n\nIf you do so, please include this problem report. You can\ndelete your own text from the attached returned message.\n\n                   The mail system\n\n<ivanov.ivan1955@mail.ru>: host mxs.mail.ru[94.100.180.104] said: 550 Message\n    was not accepted -- invalid mailbox.  Local mailbox\n    ivanov.ivan1955@mail.ru is unavailable: user not found (in reply to end of\n    DATA command)\n',
        },
        {
          kind: 'raw', headers: [['Content-Description', 'Delivery report'], ['Content-Type', 'message/delivery-status']],
          body: `Reporting-MTA: dns; mx1.khab.dvec.ru\nX-Postfix-Queue-ID: 4GbK9c6Qw1z5nL\nX-Postfix-Sender: rfc822; info@khab.dvec.ru\nArrival-Date: ${vl('2026-11-21 10:20:03 +1000')}\n\nFinal-Recipient: rfc822; ivanov.ivan1955@mail.ru\nOriginal-Recipient: rfc822;ivanov.ivan1955@mail.ru\nAction: failed\nStatus: 5.0.0\nRemote-MTA: dns; mxs.mail.ru\nDiagnostic-Code: smtp; 550 Message was not accepted -- invalid mailbox.  Local\n    mailbox ivanov.ivan1955@mail.ru is unavailable: user not found\n`,
        },
        {
          kind: 'raw', headers: [['Content-Description', 'Undelivered Message'], ['Content-Type', 'message/rfc822'], ['Content-Transfer-Encoding', '8bit']],
          body: utilityReply('ivanov.ivan1955@mail.ru', '2026-11-21 10:20:02 +1000', '4GbK9c6Qw1z5nL', 'Уважаемый клиент!\nВаши показания приняты: лицевой счёт 2701004512, прибор учёта 011234567, показание 48590.\nХабаровскэнергосбыт\n'),
        },
      ],
    },
    expected: { decision: 'ignore', readings: [], note: 'Postfix bounce (multipart/report delivery-status from MAILER-DAEMON) of our own confirmation; the readings inside are ours.' },
  },
  {
    name: 'ignore-dsn-exchange-postmaster-ndr',
    rawHeaders: [
      ['Received', `from mail.vostok-service27.ru (mail.vostok-service27.ru [95.167.41.12])\n\tby mx1.khab.dvec.ru (Postfix) with ESMTPS id 4GbW3n1Pq6z8sV\n\tfor <info@khab.dvec.ru>; ${vl('2026-11-23 10:45:02 +1000', 2)}`],
      ['From', 'postmaster@vostok-service27.ru'],
      ['To', '<info@khab.dvec.ru>'],
      ['Date', at('2026-11-23 10:45:02 +1000')],
      ['Subject', encodedWords('Недоставляемое: Re: Показания ИПУ ул. Серышева, 22 за ноябрь 2026')],
      ['Message-ID', '<4a1c7e2f-9b3d-4e55-8a10-6d2f0c9b7e41@EXCH01.vostok-service27.ru>'],
      ['In-Reply-To', '<20261123004140.6e5d4c@khab.dvec.ru>'],
      ['Content-Language', 'ru-RU'],
      ['X-MS-Exchange-Organization-SCL', '-1'],
      ['MIME-Version', '1.0'],
    ],
    body: {
      kind: 'multi', subtype: 'report', params: 'report-type=delivery-status', boundary: '_000_4a1c7e2f9b3d4e558a106d2f0c9b7e41EXCH01vostokservice27_',
      parts: [
        {
          kind: 'text', subtype: 'plain', charset: 'utf-8', cte: 'base64',
          text: 'Не удалось доставить сообщение следующим получателям или группам:\n\nmalahova.is@vostok-service27.ru\nПочтовый ящик получателя переполнен и в данный момент не может принимать сообщения.\n\nДиагностические сведения для администраторов:\n\nСервер создания: EXCH01.vostok-service27.ru\n\nmalahova.is@vostok-service27.ru\nRemote Server returned \'554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException\'\n',
        },
        {
          kind: 'raw', headers: [['Content-Type', 'message/delivery-status']],
          body: `Reporting-MTA: dns;EXCH01.vostok-service27.ru\nReceived-From-MTA: dns;mx1.khab.dvec.ru\nArrival-Date: ${at('2026-11-23 10:45:00 +1000')}\n\nFinal-Recipient: rfc822;malahova.is@vostok-service27.ru\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp;554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException\n`,
        },
        {
          kind: 'raw', headers: [['Content-Type', 'text/rfc822-headers']],
          body: `From: =?utf-8?B?0KXQsNCx0LDRgNC+0LLRgdC60Y3QvdC10YDQs9C+0YHQsdGL0YI=?= <info@khab.dvec.ru>\nTo: malahova.is@vostok-service27.ru\nSubject: =?utf-8?B?UmU6INCf0L7QutCw0LfQsNC90LjRjyDQmNCf0KM=?=\nDate: ${at('2026-11-23 10:44:58 +1000')}\nMessage-ID: <20261123004140.6e5d4c@khab.dvec.ru>\nAuto-Submitted: auto-replied\n`,
        },
      ],
    },
    expected: { decision: 'ignore', readings: [], note: 'Exchange NDR from postmaster (multipart/report, no Auto-Submitted header).' },
  },
  {
    name: 'ignore-auto-reply-quoting-readings-yandex',
    client: 'yandex',
    env: {
      fromName: 'Семёнов Игорь', from: 'semenov.family@yandex.ru', date: '2026-11-22 22:20:31 +1000', subject: 'Re: Показания приняты',
      inReplyTo: '<20261122121501.3c4d5e@khab.dvec.ru>', extra: [['Auto-Submitted', 'auto-replied'], ['X-Yandex-Autoreply', 'yes']],
    },
    text: 'Здравствуйте! Я в отпуске до 07.12.2026, отвечу по возвращении.\n\n22.11.2026, 22:15, "Хабаровскэнергосбыт" <info@khab.dvec.ru>:\n> Уважаемый клиент! Ваши показания приняты:\n> лицевой счёт 2701091127, прибор учёта 5011230, день 64590, ночь 30301.',
    expected: { decision: 'ignore', readings: [], note: 'Vacation auto-reply (Auto-Submitted: auto-replied) that quotes our confirmation with readings: still machine mail.' },
  },
  {
    name: 'ignore-auto-generated-smart-home-readings',
    rawHeaders: [
      ['Return-Path', '<noreply@smarthome-khv.ru>'],
      ['Received', `from gw.smarthome-khv.ru (gw.smarthome-khv.ru [176.57.210.33])\n\tby mx1.khab.dvec.ru (Postfix) with ESMTPS id 4GbL5f2Hk9z3mQ\n\tfor <info@khab.dvec.ru>; ${vl('2026-11-21 00:00:05 +1000', 4)}`],
      ['From', `${encodedWords('Умный дом')} <noreply@smarthome-khv.ru>`],
      ['To', 'info@khab.dvec.ru'],
      ['Subject', encodedWords('Показания 2701047702 35467812')],
      ['Date', at('2026-11-21 00:00:05 +1000')],
      ['Message-ID', '<sh-gw-2701047702-20261121000005@smarthome-khv.ru>'],
      ['Auto-Submitted', 'auto-generated'],
      ['X-Mailer', 'SmartHome Gateway 2.4.1'],
      ['MIME-Version', '1.0'],
    ],
    body: { kind: 'text', subtype: 'plain', charset: 'utf-8', cte: 'base64', quoteCharset: false, text: 'Автоматическая передача показаний.\nЛицевой счёт: 2701047702\nСчётчик: 35467812\nТ1: 10580\nТ2: 4620\nТ3: 7598\nДата снятия: 21.11.2026 00:00\n' },
    expected: { decision: 'ignore', readings: [], note: 'Robot mail (Auto-Submitted: auto-generated) even though it carries valid readings inside the window: machine-generated mail is ignored by rule.' },
  },
  {
    name: 'ignore-read-receipt-mdn-outlook',
    rawHeaders: [
      ['Received', `from smtp21.yandex.ru (smtp21.yandex.ru [5.255.216.21])\n\tby mx1.khab.dvec.ru (Postfix) with ESMTPS id 4GbQ8r3Lm2z6tW\n\tfor <info@khab.dvec.ru>; ${vl('2026-11-23 09:40:11 +1000', 3)}`],
      ['From', `${encodedWords('Кузнецова Светлана', 'utf-8')} <s.kuznetsova@yandex.ru>`],
      ['To', '<info@khab.dvec.ru>'],
      ['Subject', encodedWords('Прочитано: Показания приняты', 'utf-8')],
      ['Date', at('2026-11-23 09:40:11 +1000')],
      ['Message-ID', '<000301db3d1f$4c8e2a10$e5aa7e30$@yandex.ru>'],
      ['MIME-Version', '1.0'],
      ['X-Mailer', 'Microsoft Outlook 16.0'],
      ['Thread-Index', 'AQHbPR9LjPm1y1c2EUuV3k9w0bq1zw=='],
      ['Content-Language', 'ru'],
    ],
    body: {
      kind: 'multi', subtype: 'report', params: 'report-type=disposition-notification', boundary: '----=_NextPart_000_0004_01DB3D72.9C6F4A40',
      parts: [
        { kind: 'text', subtype: 'plain', charset: 'utf-8', cte: 'quoted-printable', text: 'Ваше сообщение\n\n  Кому: s.kuznetsova@yandex.ru\n  Тема: Показания приняты\n  Отправлено: 23.11.2026 9:20\n\nбыло прочитано 23.11.2026 9:40.\n' },
        { kind: 'raw', headers: [['Content-Type', 'message/disposition-notification']], body: 'Reporting-UA: DESKTOP-7KQ2M1T; Microsoft Outlook 16.0\nFinal-Recipient: rfc822;s.kuznetsova@yandex.ru\nOriginal-Message-ID: <20261123002001.2b3c4d@khab.dvec.ru>\nDisposition: manual-action/MDN-sent-manually; displayed\n' },
      ],
    },
    expected: { decision: 'ignore', readings: [], note: 'Outlook read receipt (multipart/report, disposition-notification): a machine notification, not a message.' },
  },
];
