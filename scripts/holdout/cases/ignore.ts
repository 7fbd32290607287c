// Machine-generated mail: never answered, whatever numbers it carries.
import { address, htmlPart, multipart, rawPart, textPart } from "../mime.js";
import type { Case } from "./case.js";

export const ignoreCases: Case[] = [
  {
    slug: "out-of-office-russian",
    message: {
      from: address("Волкова Анна Сергеевна", "a.volkova@khv.ru"),
      date: "2026-11-22T09:00:03+10:00",
      subject: "Автоответ: Напоминание о передаче показаний",
      extraHeaders: ["Auto-Submitted: auto-replied", "X-MS-Exchange-Inbox-Rules-Loop: a.volkova@khv.ru"],
      body: textPart(
        "Здравствуйте!\nЯ в отпуске до 30.11.2026. По срочным вопросам обращайтесь по тел. 8 (4212) 45-67-89.\nЛ/с 270112000118, показания Т1 54 880, Т2 20 644, Т3 32 301 передам после отпуска.\n",
      ),
    },
    expected: { decision: "ignore", readings: [], note: "Auto-Submitted: auto-replied (out of office), even with numbers that look like readings" },
  },
  {
    slug: "mailru-x-autoreply",
    message: {
      from: address("Иванова Т.М.", "ivanova.tm@mail.ru"),
      date: "2026-11-21T10:00:00+10:00",
      subject: "Re: Показания приняты",
      extraHeaders: ["X-Autoreply: yes"],
      body: textPart("Ваше письмо получено. Отвечу, как только смогу.\nТамара Михайловна\n"),
    },
    expected: { decision: "ignore", readings: [], note: "X-Autoreply header" },
  },
  {
    slug: "newsletter-precedence-bulk",
    message: {
      from: address("Энергосбыт. Новости", "news@energo-novosti.ru"),
      date: "2026-11-20T12:00:00+10:00",
      subject: "Новые тарифы с 1 декабря 2026 года",
      extraHeaders: ["Precedence: bulk", "List-Unsubscribe: <https://energo-novosti.ru/unsubscribe?u=270112000101>"],
      body: multipart("alternative", [
        textPart(
          "Уважаемый абонент!\nС 01.12.2026 тариф составит 6,55 руб./кВт*ч (день 7,21, ночь 3,96).\nПередайте показания с 20 по 25 число, например: л/с 270112000101, показания 4410.\n",
        ),
        htmlPart(
          "<html><body><h2>Новые тарифы</h2><p>С 01.12.2026 тариф составит <b>6,55</b> руб./кВт*ч (день 7,21, ночь 3,96).</p><p>Передайте показания с 20 по 25 число, например: л/с 270112000101, показания 4410.</p></body></html>",
        ),
      ]),
    },
    expected: { decision: "ignore", readings: [], note: "Precedence: bulk newsletter with an example reading" },
  },
  {
    slug: "dsn-multipart-report",
    message: {
      from: address("Mail Delivery System", "MAILER-DAEMON@mx.khab.dvec.ru"),
      returnPath: "",
      date: "2026-11-23T11:06:12+10:00",
      subject: "Undelivered Mail Returned to Sender",
      body: multipart(
        "report",
        [
          textPart(
            "This is the mail system at host mx.khab.dvec.ru.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<old.box.petrova@mail.ru>: host mxs.mail.ru said: 550 Message was not\n    accepted -- invalid mailbox\n",
            { charset: "utf-8", cte: "7bit" },
          ),
          rawPart(
            "message/delivery-status",
            "Reporting-MTA: dns; mx.khab.dvec.ru\nArrival-Date: Mon, 23 Nov 2026 11:06:10 +1000\n\nFinal-Recipient: rfc822; old.box.petrova@mail.ru\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 Message was not accepted -- invalid mailbox\n",
          ),
          rawPart(
            "message/rfc822",
            "From: info@khab.dvec.ru\nTo: old.box.petrova@mail.ru\nSubject: =?UTF-8?B?0J/QvtC60LDQt9Cw0L3QuNGPINC/0YDQuNC90Y/RgtGL?=\nDate: Mon, 23 Nov 2026 11:06:09 +1000\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nПоказания по лицевому счету 270112000102 (счетчик М230-00871234) приняты: Т1 15870, Т2 7390.\n",
            ["Content-Description: Undelivered Message", "Content-Transfer-Encoding: 8bit"],
          ),
        ],
        "report-type=delivery-status",
      ),
    },
    expected: { decision: "ignore", readings: [], note: "multipart/report DSN from MAILER-DAEMON carrying our own confirmation" },
  },
  {
    slug: "gosuslugi-auto-generated",
    message: {
      from: address("Госуслуги", "no-reply@gosuslugi.ru"),
      date: "2026-11-21T08:02:00+10:00",
      subject: "Показания переданы",
      extraHeaders: ["Auto-Submitted: auto-generated"],
      body: htmlPart(
        "<html><body><p>Показания по лицевому счёту <b>270112000102</b> переданы в ПАО «ДЭК»:</p><p>Т1 — 15870, Т2 — 7390</p><p>Это письмо сформировано автоматически, не отвечайте на него.</p></body></html>",
        { cte: "base64" },
      ),
    },
    expected: { decision: "ignore", readings: [], note: "Auto-Submitted: auto-generated notification with a full, valid-looking reading" },
  },
  {
    slug: "postmaster-plain-bounce",
    message: {
      from: address("Postmaster", "postmaster@khv.ru"),
      returnPath: "",
      date: "2026-11-22T14:30:00+10:00",
      subject: "Undeliverable: Показания",
      body: textPart(
        "Delivery has failed to these recipients or groups:\n\ninfo-old@khab.dvec.ru\nThe email address you entered couldn't be found.\n\n-----Original Message-----\nFrom: a.volkova@khv.ru\nSubject: Показания\n\nЛ/с 270112000118: Т1 54880, Т2 20644, Т3 32301\n",
      ),
    },
    expected: { decision: "ignore", readings: [], note: "bounce from postmaster (plain text, not multipart/report)" },
  },
  {
    slug: "helpdesk-x-autorespond",
    message: {
      from: address("Служба поддержки УК Восток", "support@uk-vostok.ru"),
      date: "2026-11-24T16:00:00+10:00",
      subject: "Ваше обращение №48213 зарегистрировано",
      extraHeaders: ["X-Autorespond: Autoresponder"],
      body: textPart("Ваше обращение №48213 от 24.11.2026 зарегистрировано. Срок рассмотрения — 10 рабочих дней.\n"),
    },
    expected: { decision: "ignore", readings: [], note: "X-Autorespond header; ticket numbers are not readings" },
  },
  {
    slug: "house-mailing-list-digest",
    message: {
      from: address("Жильцы Волочаевская 8", "zhiltsy-vol8@googlegroups.com"),
      date: "2026-11-22T07:00:00+10:00",
      subject: "Дайджест: 3 сообщения",
      extraHeaders: ["Precedence: list", "List-Id: <zhiltsy-vol8.googlegroups.com>", "Mailing-list: list zhiltsy-vol8@googlegroups.com"],
      body: textPart(
        "Сегодня в теме:\n\n1. Кто уже передал показания? — Кв. 7: у меня 8954, л/с 270112000202.\n2. Лифт опять стоит\n3. Собрание 28.11 в 19:00\n",
      ),
    },
    expected: { decision: "ignore", readings: [], note: "Precedence: list digest; a neighbour's reading inside is not addressed to us" },
  },
];
