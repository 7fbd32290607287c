// Hold-out D, part 4: what machines send to the mailbox — auto-replies, bounces of our own replies, bulk mail.
import { expect, type Case } from './case-kit.js';
import { htmlFromText, outlookBody, outlookId, yandexId } from './clients.js';
import { address, headerText, mailDate, message, multipart, rawPart, textPart } from './mime.js';

/** The utility's own confirmation as it left our MTA; bounces carry it back. */
function ourReply(to: string, local: string, body: string, id: string): string {
  return [
    'From: =?utf-8?B?0KXQsNCx0LDRgNC+0LLRgdC60Y3QvdC10YDQs9C+0YHQsdGL0YI=?= <info@khab.dvec.ru>',
    `To: ${to}`,
    `Subject: ${headerText('Показания приняты')}`,
    `Date: ${mailDate(local, '+1000')}`,
    `Message-ID: <${id}@khab.dvec.ru>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
  ].join('\n');
}

export function machineCases(): Case[] {
  const cases: Case[] = [];
  const add = (key: string, eml: Buffer, note: string) => cases.push({ key, eml, expected: expect('ignore', [], note) });

  add(
    'uk-helpdesk-autoreply',
    message({
      from: address('ООО «УК Северный квартал»', 'info@uk-sever.ru'),
      subject: headerText('Автоответ: Показания приняты'),
      date: mailDate('2026-11-23 14:12:40', '+1000'),
      messageId: '<autoreply-8c1d2f@uk-sever.ru>',
      extra: ['Auto-Submitted: auto-replied', 'In-Reply-To: <reply-20261123-0411.272001101@khab.dvec.ru>'],
      body: textPart(
        'Здравствуйте!\n\nВаше обращение получено и зарегистрировано. Ответ будет направлен в течение 30 дней.\nАварийно-диспетчерская служба: 8 (4212) 30-40-51 (круглосуточно).\n\nООО «УК Северный квартал»\nул. Шеронова, 8, г. Хабаровск\n',
        { charset: 'utf-8', cte: 'base64' },
      ),
    }),
    'Auto-Submitted: auto-replied from a management company mailbox',
  );

  {
    const text =
      'Уважаемые коллеги!\n\nС 23.11.2026 по 04.12.2026 я нахожусь в командировке, доступ к почте ограничен.\nПо вопросам кафедры обращайтесь к методисту Ивановой О.С., тел. 407-500.\n\nФедоров Г.П.\n';
    add(
      'exchange-out-of-office',
      message({
        from: address('Федоров Геннадий Петрович', 'g.fedorov@dvgups.ru'),
        subject: headerText('Автоматический ответ: Показания по л/с 270660345 приняты'),
        date: mailDate('2026-11-23 08:47:02', '+1000'),
        messageId: outlookId('exchange-out-of-office', 'dvgups.ru'),
        extra: [
          'Thread-Topic: =?utf-8?B?0J/QvtC60LDQt9Cw0L3QuNGP?=',
          'X-MS-Has-Attach: ',
          'X-Auto-Response-Suppress: All',
          'X-MS-Exchange-Inbox-Rules-Loop: g.fedorov@dvgups.ru',
          'Auto-Submitted: auto-generated',
          'Content-Language: ru-RU',
        ],
        body: outlookBody('exchange-out-of-office', text, 'utf-8'),
      }),
      'Exchange out-of-office (Auto-Submitted: auto-generated) to our confirmation',
    );
  }

  {
    const original = ourReply(
      'p.shevchuk@mail.ru',
      '2026-11-21 09:02:55',
      'Уважаемый клиент!\nПоказания по лицевому счёту 271990413, прибор учёта 23007714 приняты: Т1 4650, Т2 2101.\nХабаровскэнергосбыт\n',
      'reply-20261121-2302.271990413',
    );
    const body = multipart(
      'report',
      '9C1A61E2B4.1732143781/smtp.dvec.ru',
      [
        rawPart(
          ['Content-Description: Notification', 'Content-Type: text/plain; charset=us-ascii'],
          'This is the mail system at host smtp.dvec.ru.\n\nI\'m sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It\'s attached below.\n\nFor further assistance, please send mail to postmaster.\n\nIf you do so, please include this problem report. You can\ndelete your own text from the attached returned message.\n\n                   The mail system\n\n<p.shevchuk@mail.ru>: host mxs.mail.ru[94.100.180.104] said: 550 Message was\n    not accepted -- invalid mailbox.  Local mailbox p.shevchuk@mail.ru is\n    unavailable: account is disabled (in reply to end of DATA command)\n',
        ),
        rawPart(
          ['Content-Description: Delivery report', 'Content-Type: message/delivery-status'],
          'Reporting-MTA: dns; smtp.dvec.ru\nX-Postfix-Queue-ID: 9C1A61E2B4\nX-Postfix-Sender: rfc822; info@khab.dvec.ru\nArrival-Date: Sat, 21 Nov 2026 09:02:55 +1000 (+10)\n\nFinal-Recipient: rfc822; p.shevchuk@mail.ru\nOriginal-Recipient: rfc822;p.shevchuk@mail.ru\nAction: failed\nStatus: 5.0.0\nRemote-MTA: dns; mxs.mail.ru\nDiagnostic-Code: smtp; 550 Message was not accepted -- invalid mailbox.  Local\n    mailbox p.shevchuk@mail.ru is unavailable: account is disabled\n',
        ),
        rawPart(['Content-Description: Undelivered Message', 'Content-Type: message/rfc822', 'Content-Transfer-Encoding: 8bit'], original),
      ],
      ';\r\n report-type=delivery-status',
    );
    add(
      'postfix-bounce-own-reply',
      message({
        from: 'MAILER-DAEMON@smtp.dvec.ru (Mail Delivery System)',
        subject: 'Undelivered Mail Returned to Sender',
        date: mailDate('2026-11-21 09:03:01', '+1000', { comment: '+10' }),
        messageId: '<20261120230301.9C1A61E2B4@smtp.dvec.ru>',
        extra: ['Auto-Submitted: auto-replied'],
        body,
      }),
      'DSN (multipart/report) for our own confirmation; the returned message contains an account and readings',
    );
  }

  add(
    'mailru-mailbox-full',
    message({
      from: address('Mail Delivery System', 'mailer-daemon@corp.mail.ru'),
      subject: 'Mail failure.',
      date: mailDate('2026-11-24 12:50:13', '+0300'),
      messageId: '<E1tFb2x-0004Zk-3N@f400.i.mail.ru>',
      extra: ['X-Failed-Recipients: kravets.lm@mail.ru'],
      body: textPart(
        'Это письмо создано автоматически\nсервером Mail.Ru, отвечать на него не нужно.\n\nК сожалению, Ваше письмо не может быть доставлено получателю:\n\nkravets.lm@mail.ru\nMailbox is full / Почтовый ящик переполнен\n\n--- Исходное письмо ---\n\nFrom: Хабаровскэнергосбыт <info@khab.dvec.ru>\nTo: kravets.lm@mail.ru\nSubject: Показания приняты\nDate: Tue, 24 Nov 2026 08:01:02 +1000\n\nУважаемый клиент!\nПоказания по лицевому счёту 274512300, прибор учёта 0507712 приняты: 45110.\nХабаровскэнергосбыт\n',
        { charset: 'utf-8', cte: '8bit' },
      ),
    }),
    'plain-text bounce from mailer-daemon of Mail.ru with our confirmation quoted',
  );

  {
    const body = multipart(
      'report',
      '_000_NDR_4f2a9c71b3e84d1e9a5d6c0f2b7e1a33_',
      [
        textPart(
          'Не удалось доставить сообщение следующим получателям или группам:\n\ngrebenuk@amurmash.ru\nПочтовый ящик получателя переполнен и не может принимать сообщения.\n\nДиагностические сведения для администраторов:\nСервер создания: EXCH01.amurmash.local\ngrebenuk@amurmash.ru\nRemote Server returned \'554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException\'\n',
          { charset: 'utf-8', cte: 'base64', charsetLabel: '"utf-8"' },
        ),
        rawPart(
          ['Content-Type: message/delivery-status'],
          'Reporting-MTA: dns;EXCH01.amurmash.local\nReceived-From-MTA: dns;mx1.dvec.ru\nArrival-Date: Wed, 25 Nov 2026 07:31:12 +0000\n\nFinal-Recipient: rfc822;grebenuk@amurmash.ru\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp;554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException\n',
        ),
        rawPart(
          ['Content-Type: text/rfc822-headers'],
          'From: info@khab.dvec.ru\nTo: grebenuk@amurmash.ru\nSubject: =?utf-8?B?0J/QvtC60LDQt9Cw0L3QuNGPINC/0YDQuNC90Y/RgtGL?=\nDate: Wed, 25 Nov 2026 17:31:05 +1000\nMessage-ID: <reply-20261125-0731.276300558@khab.dvec.ru>\n',
        ),
      ],
      ';\r\n report-type=delivery-status',
    );
    add(
      'exchange-ndr-postmaster',
      message({
        from: address('Postmaster', 'postmaster@amurmash.ru'),
        subject: headerText('Недоставляемое: Показания приняты'),
        date: mailDate('2026-11-25 07:31:14', '+0000'),
        messageId: '<4f2a9c71-b3e8-4d1e-9a5d-6c0f2b7e1a33@EXCH01.amurmash.local>',
        extra: ['Content-Language: ru-RU', 'X-MS-Exchange-Message-Is-Ndr: '],
        body,
      }),
      'Exchange NDR from postmaster (multipart/report)',
    );
  }

  {
    const html =
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>ЭлектроМир</title></head><body style="margin:0;background:#f2f4f7"><table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center"><table width="600" style="background:#fff;font-family:Arial,sans-serif"><tr><td style="padding:24px"><h1 style="color:#d12">Обогреватели −30% до конца ноября</h1><p>Масляный радиатор 9 секций — <b>2 990 ₽</b> <s>4 290 ₽</s></p><p>Конвектор 2000 Вт — <b>3 490 ₽</b></p><p>Тепловентилятор — <b>1 190 ₽</b></p><p>Промокод <b>ZIMA2026</b> — ещё 5% на заказ от 5 000 ₽.</p><p style="font-size:11px;color:#888">Вы получили это письмо, потому что подписаны на рассылку ЭлектроМир. <a href="https://elektromir-dv.ru/unsubscribe?u=4471">Отписаться</a></p></td></tr></table></td></tr></table></body></html>\n';
    add(
      'store-newsletter',
      message({
        from: address('ЭлектроМир', 'news@elektromir-dv.ru'),
        subject: headerText('Обогреватели −30% до конца ноября ❄'),
        date: mailDate('2026-11-21 10:00:04', '+1000'),
        messageId: '<20261121000004.4471.campaign-318@send.elektromir-dv.ru>',
        extra: [
          'Precedence: bulk',
          'List-Unsubscribe: <https://elektromir-dv.ru/unsubscribe?u=4471>, <mailto:unsubscribe@elektromir-dv.ru?subject=4471>',
          'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
          'X-Mailer: Sendsay',
        ],
        body: multipart('alternative', 'b1_campaign318_4471', [
          textPart(
            'Обогреватели −30% до конца ноября\n\nМасляный радиатор 9 секций — 2 990 ₽ (было 4 290 ₽)\nКонвектор 2000 Вт — 3 490 ₽\nТепловентилятор — 1 190 ₽\nПромокод ZIMA2026 — ещё 5% на заказ от 5 000 ₽.\n\nОтписаться: https://elektromir-dv.ru/unsubscribe?u=4471\n',
            { charset: 'utf-8', cte: 'quoted-printable' },
          ),
          textPart(html, { subtype: 'html', charset: 'utf-8', cte: 'quoted-printable' }),
        ]),
      }),
      'store newsletter, Precedence: bulk',
    );
  }

  {
    const text =
      'Дорогие коллеги!\n\n21 ноября — День бухгалтера. Команда «БухСофт ДВ» поздравляет всех, кто сводит дебет с кредитом и сдаёт отчётность в срок!\nВ честь праздника — скидка 21% на продление лицензий до 30.11.2026.\n\nС уважением, команда «БухСофт ДВ»\n+7 (4212) 60-70-80\n';
    add(
      'accountants-day-greeting',
      message({
        from: address('БухСофт ДВ', 'congrats@buhsoft-dv.ru'),
        subject: headerText('С Днём бухгалтера, 21 ноября!'),
        date: mailDate('2026-11-21 08:00:00', '+1000'),
        messageId: '<mailing.20261121.accday.77120@buhsoft-dv.ru>',
        extra: ['Precedence: bulk', 'List-Unsubscribe: <mailto:unsubscribe@buhsoft-dv.ru>'],
        body: multipart('alternative', '=_accday_77120', [
          textPart(text, { charset: 'windows-1251', cte: 'quoted-printable' }),
          textPart(htmlFromText(text, 'mailru'), { subtype: 'html', charset: 'windows-1251', cte: 'quoted-printable' }),
        ]),
      }),
      'greeting mailing, Precedence: bulk',
    );
  }

  add(
    'seo-spam',
    message({
      from: address('Продвижение сайтов', 'promo@top10-seo.biz'),
      subject: headerText('Выведем сайт dvec.ru в ТОП-10 Яндекса за 30 дней'),
      date: mailDate('2026-11-26 03:14:15', '+0300'),
      messageId: '<ae71f0c2d9b04b1c@top10-seo.biz>',
      extra: ['Precedence: junk', 'X-Mailer: PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)'],
      body: textPart(
        'Здравствуйте!\n\nМы проанализировали ваш сайт dvec.ru и нашли 47 ошибок, которые мешают продвижению.\nГарантируем ТОП-10 за 30 дней или вернём деньги. Стоимость от 14 900 руб/мес.\nЗвоните: 8-800-555-01-23\n',
        { charset: 'utf-8', cte: 'base64' },
      ),
    }),
    'spam, Precedence: junk',
  );

  add(
    'yandex-vacation-autoreply',
    message({
      from: address('Светлана Морозова', 'svetik.morozova@yandex.ru'),
      subject: headerText('Re: Показания приняты'),
      date: mailDate('2026-11-25 21:06:30', '+1000'),
      messageId: yandexId('yandex-vacation-autoreply'),
      extra: ['X-Autoreply: yes', 'In-Reply-To: <reply-20261125-1105.278004215@khab.dvec.ru>'],
      body: textPart('Здравствуйте! Спасибо за письмо. Я сейчас в отпуске и отвечу после 1 декабря.\n', { charset: 'utf-8', cte: '8bit' }),
    }),
    'X-Autoreply: yes (vacation responder of a customer)',
  );

  add(
    'isp-ticket-autorespond',
    message({
      from: address('Служба поддержки ИнтерСвязь', 'support@intersvyaz-khv.ru'),
      subject: headerText('[Заявка #45871] Ваше обращение зарегистрировано'),
      date: mailDate('2026-11-20 16:02:11', '+1000'),
      messageId: '<ticket-45871-1@helpdesk.intersvyaz-khv.ru>',
      extra: ['X-Autorespond: yes', 'X-Mailer: OTRS Mail Service (6.0.38)'],
      body: textPart(
        'Здравствуйте!\n\nВашему обращению присвоен номер 45871. Специалист свяжется с вами в течение 24 часов.\nДоговор: 100200300\nНе отвечайте на это письмо — для дополнения заявки используйте личный кабинет.\n\nСлужба поддержки ИнтерСвязь\n',
        { charset: 'utf-8', cte: 'quoted-printable' },
      ),
    }),
    'helpdesk ticket confirmation, X-Autorespond',
  );

  add(
    'housing-news-digest',
    message({
      from: address('Новости ЖКХ Хабаровска', 'digest@zhkh-khv.ru'),
      to: 'zhkh-news@lists.zhkh-khv.ru',
      subject: headerText('Дайджест ЖКХ: 20–25 ноября — время передавать показания'),
      date: mailDate('2026-11-20 07:30:00', '+1000'),
      messageId: '<digest-2026-47@lists.zhkh-khv.ru>',
      extra: [
        'Precedence: list',
        'List-Id: =?utf-8?B?0J3QvtCy0L7RgdGC0Lgg0JbQmtClINCl0LDQsdCw0YDQvtCy0YHQutCw?= <zhkh-news.lists.zhkh-khv.ru>',
        'List-Unsubscribe: <mailto:zhkh-news-unsubscribe@lists.zhkh-khv.ru>',
        'List-Post: NO',
      ],
      body: textPart(
        'Дайджест ЖКХ Хабаровска, выпуск 47\n\n1. Напоминаем: показания индивидуальных приборов учёта передаются с 20 по 25 число. Хабаровскэнергосбыт: 8-800-100-3-777, info@khab.dvec.ru.\n2. С 1 декабря меняется график вывоза ТКО в Индустриальном районе.\n3. Тариф на тепловую энергию на 2027 год: 3 412,56 руб./Гкал (проект).\n',
        { charset: 'koi8-r', cte: '8bit' },
      ),
    }),
    'mailing-list digest, Precedence: list (the digest is addressed to the list, info@ is a subscriber)',
  );

  return cases;
}
