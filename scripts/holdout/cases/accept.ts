// Messages a careful clerk would accept as they stand: every reading is attributable and plausible.
import { address, htmlPart, multipart, textPart } from "../mime.js";
import { NBSP, reading, type Case } from "./case.js";

const tsjRows: Array<[string, string, string, string, number, number | null]> = [
  ["3", "270112000201", "НЕВА-101-7700121", "10 712", 10712, null],
  ["7", "270112000202", "НЕВА-101-7700122", "8 954", 8954, null],
  ["12", "270112000203", "М230-00870543", "22 706", 22706, 9301],
  ["15", "270112000204", "НЕВА-101-7700124", "16 233", 16233, null],
  ["21", "270112000205", "6104477", "3 389", 3389, null],
  ["24", "270112000206", "М230-00870546", "30 671", 30671, 14288],
];

export const TSJ_TABLE_ROWS = tsjRows;

const tsjHtml = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<p>Добрый день!</p>
<p>ТСЖ «Солнечный» (ул. Волочаевская, 8) направляет показания индивидуальных приборов учёта за ноябрь 2026 г.</p>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;font-family:Calibri">
<tr style="background:#d9e1f2"><th>№</th><th>Кв.</th><th>Лицевой счёт</th><th>Заводской № счётчика</th><th>Т1 (день)</th><th>Т2 (ночь)</th></tr>
${tsjRows
  .map(
    ([flat, acct, meter, t1text, , t2], i) =>
      `<tr><td>${i + 1}</td><td>${flat}</td><td>${acct}</td><td>${meter}</td><td align="right">${t1text.replace(" ", "&nbsp;")}</td><td align="right">${t2 === null ? "—" : String(t2).replace(/(\d+)(\d{3})$/, "$1&nbsp;$2")}</td></tr>`,
  )
  .join("\n")}
</table>
<p>Председатель правления ТСЖ «Солнечный»<br>Мельникова Галина Ивановна<br>тел. 8-924-110-22-33</p>
</body></html>`;

const tsjText = `Добрый день!

ТСЖ «Солнечный» (ул. Волочаевская, 8) направляет показания индивидуальных приборов учёта за ноябрь 2026 г.

№\tКв.\tЛицевой счёт\tЗаводской № счётчика\tТ1 (день)\tТ2 (ночь)
${tsjRows.map(([flat, acct, meter, t1text, , t2], i) => `${i + 1}\t${flat}\t${acct}\t${meter}\t${t1text}\t${t2 === null ? "—" : t2}`).join("\n")}

Председатель правления ТСЖ «Солнечный»
Мельникова Галина Ивановна
тел. 8-924-110-22-33`;

export const acceptCases: Case[] = [
  {
    slug: "caps-oldlady-no-punctuation",
    message: {
      from: "valentina.g.1944@mail.ru",
      date: "2026-11-21T10:42:00+10:00",
      subject: "ПОКАЗАНИЯ",
      body: textPart(
        "ЗДРАВСТВУЙТЕ ПЕРЕДАЮ ПОКАЗАНИЯ СЧЕТЧИКА ЛИЦЕВОЙ СЧЕТ 270112000103 СЧЕТЧИК ЦЭ6803В 01123456 ПОКАЗАНИЕ 23587 ГУСЕВА ВАЛЕНТИНА ПЕТРОВНА УЛ КАРЛА МАРКСА 76 КВ 14\n",
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000103", "ЦЭ6803В 01123456", 23587)],
      note: "CAPS, no punctuation; the serial has an internal space and its digit part must not be taken as the reading; +177",
    },
  },
  {
    slug: "last-month-mentioned",
    message: {
      from: address("Иванова Т.М.", "ivanova.tm@mail.ru"),
      date: "2026-11-20T19:05:00+10:00",
      subject: "Показания за ноябрь",
      body: textPart("Добрый вечер!\nЛицевой счёт 270112000101.\nВ прошлом месяце было 4321, сейчас 4410.\nС уважением, Иванова Т.М.\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000101", "НЕВА-103-0123456", 4410)],
      note: "previous reading quoted by the customer (4321 = registry last); the new one is 4410; meter implied by the account",
    },
  },
  {
    slug: "one-line-t1-t2-latin-m",
    message: {
      from: "petrov.sergey1961@yandex.ru",
      date: "2026-11-22T08:01:00+10:00",
      subject: "показания",
      body: textPart("270112000102 M230-00871234 Т1=15870, Т2=7390"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000102", "М230-00871234", 15870, 7390)],
      note: "one line, no words; serial typed with Latin M (look-alike of registry Cyrillic М)",
    },
  },
  {
    slug: "readings-first-account-last",
    message: {
      from: address("Михаил Орлов", "mikhail.orlov@rambler.ru"),
      date: "2026-11-23T21:17:00+10:00",
      subject: "свет",
      body: textPart("день - 26 912\nночь - 11 954\n\nэто показания на сегодня. счет 270112000123, счетчик М230-00872210\nОрлов М.\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000123", "М230-00872210", 26912, 11954)],
      note: "readings before the account; 'день - ...' / 'ночь - ...' with space-grouped thousands",
    },
  },
  {
    slug: "three-zone-peak-semipeak-night",
    message: {
      from: address("Кузьмин Андрей", "kuzmin.a@bk.ru"),
      date: "2026-11-24T12:30:00+10:00",
      subject: "Показания трехтарифного счетчика",
      body: textPart(
        "Здравствуйте.\nЛ/с 270112000104, счетчик трехтарифный № 8765432109.\nПик — 30 598\nПолупик — 18 377\nНочь — 13 102\nКузьмин А.В., тел. +7 (914) 205-33-17\n",
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000104", "8765432109", 30598, 13102, 18377)],
      note: "3 zones written in the order пик/полупик/ночь: t1 = пик, t3 = полупик, t2 = ночь; 10-digit serial",
    },
  },
  {
    slug: "three-zone-nbsp-qp-first-minutes",
    message: {
      from: address("Зоя Харитонова", "zoya.kh@mail.ru"),
      date: "2026-11-20T00:04:00+10:00",
      subject: "Показания по л/с 27104517",
      body: textPart(
        `Показания по л/с 27104517 (счётчик НЕВА-МТ 314 0047711):\nТ1: 18${NBSP}655,3\nТ2: 7${NBSP}201,8\nТ3: 10${NBSP}144,0\n\nЗоя Харитонова\n`,
        { cte: "quoted-printable" },
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("27104517", "НЕВА-МТ 314 0047711", 18655, 7201, 10144)],
      note: "window opens at 00:00 Vladivostok; NBSP thousands separators and decimals in QP; 8-digit account; serial with spaces",
    },
  },
  {
    slug: "heat-gcal-tem104",
    message: {
      from: "tem104@list.ru",
      date: "2026-11-21T15:20:00+10:00",
      subject: "Теплосчетчик",
      body: textPart(
        "Добрый день. Теплосчетчик ТЭМ-104-1567, л/с 270112000110.\nПоказания: 437,852 Гкал (время наработки 8016 ч).\n",
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000110", "ТЭМ-104-1567", 437)],
      note: "heat in Гкал with decimals, integer part 437 (+25 on a 4-digit counter); hours of operation are not a reading",
    },
  },
  {
    slug: "heat-plus-fifty-last-minute",
    message: {
      from: "kotelnaya.sadovaya@mail.ru",
      date: "2026-11-25T23:59:00+10:00",
      subject: "ЛС 270112000112",
      body: textPart("ЛС 270112000112\nТепловычислитель ВКТ7-009871\nтепловая энергия 1100,26 Гкал\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000112", "ВКТ7-009871", 1100)],
      note: "heat increase exactly 50 (limit inclusive); sent one minute before the window closes",
    },
  },
  {
    slug: "electricity-and-heat-one-account",
    message: {
      from: address("Лебедев Игорь", "lebedev.khv@gmail.com"),
      date: "2026-11-22T18:45:00+10:00",
      subject: "Показания свет и тепло",
      body: multipart("alternative", [
        textPart("Здравствуйте!\nЛ/с 270112000107\nЭлектроэнергия: день 052 731, ночь 022 004\nОтопление: 93,4 Гкал\n\nЛебедев\n"),
        htmlPart(
          '<div dir="ltr">Здравствуйте!<br>Л/с 270112000107<br>Электроэнергия: день 052 731, ночь 022 004<br>Отопление: 93,4 Гкал<br><br>Лебедев</div>\n',
        ),
      ]),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000107", "НЕВА-МТ 124 0031578", 52731, 22004), reading("270112000107", "ВКТ-7-045612", 93)],
      note: "no serials: the account has exactly one electricity and one heat meter, so each is implied by its kind",
    },
  },
  {
    slug: "cp1251-eight-digit-account-payment",
    message: {
      from: address("Петренко Нина", "nina.petrenko@mail.ru", "windows-1251"),
      date: "2026-11-21T09:14:00+10:00",
      subject: "Показания счетчика",
      subjectCharset: "windows-1251",
      body: textPart(
        `Добрый день!\nЛицевой счет 27104512, счетчик 3012987, показания 8${NBSP}655 кВт*ч.\nОплату 1 245,60 руб. внесла 18.11.\nПетренко Нина\n`,
        { charset: "windows-1251", cte: "8bit" },
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("27104512", "3012987", 8655)],
      note: "windows-1251 8bit body (NBSP byte 0xA0 as thousands separator) and B-encoded cp1251 subject; payment amount and date are not readings",
    },
  },
  {
    slug: "koi8r-quoted-printable",
    message: {
      from: "vasiliev.pp@mail.ru",
      date: "2026-11-23T07:50:00+10:00",
      subject: "показания за ноябрь",
      subjectCharset: "koi8-r",
      subjectMode: "Q",
      body: textPart(
        "Лицевой счёт: 27104516\nНомер счётчика: 4410082\nПоказания на 23.11.2026: 6812\nВасильев П.П., ул. Серышева 31, кв. 7\n",
        { charset: "koi8-r", cte: "quoted-printable" },
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("27104516", "4410082", 6812)],
      note: "KOI8-R quoted-printable body and Q-encoded subject; date 23.11.2026 in the text is not a reading",
    },
  },
  {
    slug: "base64-utf8-address",
    message: {
      from: address("Ксения Смирнова", "k.smirnova@gmail.com"),
      date: "2026-11-24T20:02:00+10:00",
      subject: "Показания электроэнергии",
      body: textPart(
        "Здравствуйте! Передаю показания электроэнергии.\nЛС 270112000124\nСчетчик НЕВА-103-0151002\nПоказания 14 698\nКвартира 45, дом 12 по ул. Шеронова.\nСпасибо!\n",
        { cte: "base64" },
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000124", "НЕВА-103-0151002", 14698)],
      note: "base64 UTF-8 body; house and flat numbers are not readings",
    },
  },
  {
    slug: "subject-only-empty-body-leading-zeros",
    message: {
      from: "irina.s.2010@mail.ru",
      date: "2026-11-20T11:11:00+10:00",
      subject: "Л/с 270112000119 сч. 0954127 показания 009350",
      body: textPart(""),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000119", "0954127", 9350)],
      note: "everything in the RFC 2047 subject, empty body; leading zeros as on the 6-digit display",
    },
  },
  {
    slug: "subject-readings-cp1251-q-mobile-signature",
    message: {
      from: address("Денис Сидоренко", "d.sidorenko@mail.ru"),
      date: "2026-11-22T13:37:00+10:00",
      subject: "ЛС 27104515 М230-00870999 Т1 12044 Т2 5311",
      subjectCharset: "windows-1251",
      subjectMode: "Q",
      body: textPart("\n\n--\nОтправлено из мобильной Почты Mail.ru\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("27104515", "М230-00870999", 12044, 5311)],
      note: "readings only in a windows-1251 Q-encoded subject; body is just the mobile signature",
    },
  },
  {
    slug: "html-only-table",
    message: {
      from: address("Коваленко Ольга", "kovalenko.olga@mail.ru"),
      date: "2026-11-21T16:00:00+10:00",
      subject: "показания",
      body: htmlPart(
        '<table border="1"><tr><th>Лицевой счет</th><th>№ счетчика</th><th>День</th><th>Ночь</th></tr><tr><td>270112000113</td><td>20481537</td><td>12&nbsp;390</td><td>6&nbsp;281</td></tr></table>',
        { cte: "quoted-printable" },
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000113", "20481537", 12390, 6281)],
      note: "text/html only, the whole content is one table row; &nbsp; thousands",
    },
  },
  {
    slug: "tsj-html-table-six-flats",
    message: {
      from: address("ТСЖ Солнечный", "tsj.solnechny@mail.ru"),
      date: "2026-11-23T10:30:00+10:00",
      subject: "Показания ИПУ ТСЖ Солнечный ноябрь 2026",
      body: multipart("alternative", [textPart(tsjText, { cte: "quoted-printable" }), htmlPart(tsjHtml, { cte: "quoted-printable" })]),
    },
    expected: {
      decision: "accept",
      readings: tsjRows.map(([, acct, meter, , t1, t2]) => reading(acct, meter, t1, t2)),
      note: "management company table, 6 flats, mixed 1- and 2-zone meters, all valid; row numbers and flat numbers are not readings",
    },
  },
  {
    slug: "same-values-repeated",
    message: {
      from: address("Белова Татьяна", "tatyana.belova@yandex.ru"),
      date: "2026-11-24T09:00:00+10:00",
      subject: "Показания",
      body: textPart(
        "Здравствуйте, л/с 270112000125, счетчик ЦЭ6803В 01129870, показания 8 391.\nВ прошлый раз письмо, кажется, не дошло.\nПовторяю на всякий случай: 8391\nБелова Т.\n",
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000125", "ЦЭ6803В 01129870", 8391)],
      note: "the same value given twice (once with a space) is one reading, not a conflict",
    },
  },
  {
    slug: "phone-address-cyrillic-ab",
    message: {
      from: "rustam.88@mail.ru",
      date: "2026-11-20T14:25:00+10:00",
      subject: "Показания электроэнергии",
      body: textPart(
        "Здравствуйте. Адрес: г. Хабаровск, ул. Тихоокеанская 204, кв. 88. Лицевой счет 270112000111. Счетчик АВ-1040-5566. Показания: день 40 870, ночь 20 402. Мой телефон 89145551234, звоните если что.\n",
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000111", "AB-1040-5566", 40870, 20402)],
      note: "serial typed with Cyrillic АВ (registry has Latin AB); phone and address numbers ignored",
    },
  },
  {
    slug: "amount-paid-account-abbrev",
    message: {
      from: "olga.frolova@yandex.ru",
      date: "2026-11-21T12:12:00+10:00",
      subject: "показания и оплата",
      body: textPart(
        "Оплатила за октябрь 2 318,45 руб. 17.11.2026.\nПоказания счетчика НЕВА-103-0162233 на сегодня 31 205.\nЛ/сч 270112000127\n",
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000127", "НЕВА-103-0162233", 31205)],
      note: "amount and payment date precede the reading",
    },
  },
  {
    slug: "tenant-on-behalf-of-landlord",
    message: {
      from: address("Алина", "alina.rent@mail.ru"),
      date: "2026-11-22T22:40:00+10:00",
      subject: "Показания за хозяина квартиры",
      body: textPart(
        "Здравствуйте! Я снимаю квартиру у Ким Виктора, передаю показания за него.\nЛицевой счет 270112000114, счетчик СЭБ-1ТМ-0056781, показания 8 102.\nАлина (квартирантка)\n",
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000114", "СЭБ-1ТМ-0056781", 8102)],
      note: "sender unknown to the registry, but account and meter are given and belong together",
    },
  },
  {
    slug: "reply-quoting-confirmation",
    message: {
      from: address("Сергей Петров", "petrov.sergey1961@yandex.ru"),
      date: "2026-11-21T08:33:00+10:00",
      subject: "Re: Показания приняты",
      extraHeaders: ["In-Reply-To: <confirm-20261021-0102@khab.dvec.ru>", "References: <confirm-20261021-0102@khab.dvec.ru>"],
      body: textPart(
        "Добрый день, в этом месяце: Т1 15912, Т2 7402.\n\n21.10.2026 10:03, info@khab.dvec.ru пишет:\n> Уважаемый абонент!\n> Показания по лицевому счету 270112000102 (счетчик М230-00871234) приняты:\n> Т1 = 15230, Т2 = 7105.\n> Следующие показания принимаются с 20 по 25 число.\n> --\n> ПАО «ДЭК» — «Хабаровскэнергосбыт»\n",
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000102", "М230-00871234", 15912, 7402)],
      note: "new values above the quote; quoted confirmation holds last month's values; account implied by the sender (and by the quoted confirmation)",
    },
  },
  {
    slug: "outlook-reply-header-block-no-quote-marks",
    message: {
      from: address("Волкова Анна Сергеевна", "a.volkova@khv.ru"),
      date: "2026-11-23T11:05:00+10:00",
      subject: "RE: Показания",
      extraHeaders: ["X-Mailer: Microsoft Outlook 16.0", "Thread-Index: AdlPq1x2c3Rk"],
      body: textPart(
        "Добрый день!\nПоказания за ноябрь: Т1 – 54 880, Т2 – 20 644, Т3 – 32 301.\n\nС уважением,\nВолкова Анна Сергеевна\nБухгалтер ООО «Амур-Сервис»\nтел. (4212) 45-67-89\n\n________________________________\nОт: info@khab.dvec.ru <info@khab.dvec.ru>\nОтправлено: 22 октября 2026 г. 11:02\nКому: a.volkova@khv.ru\nТема: RE: Показания\n\nУважаемый абонент! Показания по лицевому счету 270112000118 (счетчик Меркурий-230-31190077) приняты: Т1 54020, Т2 20311, Т3 31877.\n",
        { cte: "quoted-printable" },
      ),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000118", "Меркурий-230-31190077", 54880, 20644, 32301)],
      note: "Outlook reply: history below a header block with no '>' marks is quoted, not new; account implied by the sender",
    },
  },
  {
    slug: "za-noyabr-eight-digit",
    message: {
      from: "s.nikolaev72@mail.ru",
      date: "2026-11-20T17:45:00+10:00",
      subject: "Показания",
      body: textPart("Показания за ноябрь 61 845, л/с 27104513\nНиколаев\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("27104513", "СО-505 1187345", 61845)],
      note: "'за ноябрь'; 8-digit account; meter implied by the account",
    },
  },
  {
    slug: "na-21-11-meter-only",
    message: {
      from: "lidia.m@yandex.ru",
      date: "2026-11-21T19:30:00+10:00",
      subject: "Показания на 21.11",
      body: textPart("Показания на 21.11: счетчик ЦЭ6803В 01131177 — 5 286.\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000128", "ЦЭ6803В 01131177", 5286)],
      note: "no account: implied by the serial, unique in the registry; '21.11' is a date",
    },
  },
  {
    slug: "segodnya-date-lowercase",
    message: {
      from: "vera.n@bk.ru",
      date: "2026-11-22T10:10:00+10:00",
      subject: "",
      body: textPart("сегодня 22.11.26 показания такие 4452\nлс 27104519\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("27104519", "НЕВА-103-0188812", 4452)],
      note: "'сегодня 22.11.26' is a date; empty subject",
    },
  },
  {
    slug: "pokaz-kvt-abbrev",
    message: {
      from: "grishin.ev@mail.ru",
      date: "2026-11-24T07:07:00+10:00",
      subject: "Л.С. 270112000129",
      body: textPart("Л.С. 270112000129 показ. 12345 кВт\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000129", "3309871", 12345)],
      note: "'показ. 12345 кВт'; meter implied by the account",
    },
  },
  {
    slug: "typos-schechik-spasiba",
    message: {
      from: "nikolai.zh@mail.ru",
      date: "2026-11-23T15:15:00+10:00",
      subject: "показания",
      body: textPart("здраствуйте показания счечика 7 934 лицевой 270112000130 спасиба\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000130", "НЕВА-103-0199001", 7934)],
      note: "misspellings ('счечика', 'здраствуйте'); reading before the account",
    },
  },
  {
    slug: "latin-lookalike-neva",
    message: {
      from: "t.ivanov.jr@gmail.com",
      date: "2026-11-25T08:20:00+10:00",
      subject: "Readings / показания",
      body: textPart("Показания счетчика HEBA-103-0123456 (л/с 270112000101): 4 398\nИванов, сын\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000101", "НЕВА-103-0123456", 4398)],
      note: "serial typed in Latin look-alikes (HEBA) for Cyrillic НЕВА",
    },
  },
  {
    slug: "meter-with-space-only",
    message: {
      from: "s.nikolaev72@mail.ru",
      date: "2026-11-22T20:20:00+10:00",
      subject: "Счетчик СО-505",
      body: textPart("Счетчик СО-505 1187345 показания 61 512\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("27104513", "СО-505 1187345", 61512)],
      note: "no account; serial with an internal space is unique, so the account is implied; 1187345 is part of the serial",
    },
  },
  {
    slug: "known-sender-number-only",
    message: {
      from: address("Ирина Шевчук", "shevchuk.ira@inbox.ru"),
      date: "2026-11-20T09:09:00+10:00",
      subject: "Показания",
      body: textPart("Здравствуйте, показания 17 512.\nИрина\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000122", "НЕВА-103-0144410", 17512)],
      note: "no account, no serial: the address is linked to exactly one account, which has one electricity meter",
    },
  },
  {
    slug: "house-and-garage-two-meters",
    message: {
      from: "semenova.dacha@yandex.ru",
      date: "2026-11-21T13:13:00+10:00",
      subject: "Показания дом и гараж",
      body: textPart("Л/с 270112000106.\nДом (счетчик 45127783): 51 622\nГараж (счетчик Г-2201-77): 902\nСеменова\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000106", "45127783", 51622), reading("270112000106", "Г-2201-77", 902)],
      note: "two electricity meters on one account, each named by its serial",
    },
  },
  {
    slug: "unchanged-dacha-winter",
    message: {
      from: "baba.valya1948@mail.ru",
      date: "2026-11-24T11:00:00+10:00",
      subject: "дача",
      body: textPart("Лицевой счет 270112000117. Показания 2205, те же что и в прошлый раз, на даче зимой никто не живет.\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000117", "7730419", 2205)],
      note: "value equal to the last reading (zero consumption) is >= last",
    },
  },
  {
    slug: "electric-boiler-plus-5000-cyrillic-ce",
    message: {
      from: "elkotel.dom@mail.ru",
      date: "2026-11-23T22:22:00+10:00",
      subject: "Показания ЛС 270112000116",
      body: textPart("Электрокотел, зима, поэтому много.\nЛС 270112000116, счетчик СЕ102-009871234 (Энергомера), показания 145200,7\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000116", "CE102-009871234", 145200)],
      note: "increase exactly 5000 (limit inclusive); serial typed with Cyrillic СЕ for Latin CE; decimal dropped",
    },
  },
  {
    slug: "kamchatka-timezone-late-evening",
    message: {
      from: address("Ксения Смирнова", "k.smirnova@gmail.com"),
      date: "2026-11-26T00:30:00+12:00",
      subject: "показания",
      body: textPart("Пишу из Петропавловска, я в командировке.\nЛ/с 270112000124, показания 14 650 (мама сняла).\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000124", "НЕВА-103-0151002", 14650)],
      note: "Date is the 26th at UTC+12, i.e. 25 Nov 22:30 in Vladivostok: inside the window",
    },
  },
  {
    slug: "vancouver-timezone-early",
    message: {
      from: address("Михаил Орлов", "mikhail.orlov@rambler.ru"),
      date: "2026-11-19T16:00:00-08:00",
      subject: "meter readings",
      body: textPart("Hi, I'm in Vancouver now.\nЛицевой счет 270112000123, счетчик М230-00872210: день 26 700, ночь 11 820.\nОрлов\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000123", "М230-00872210", 26700, 11820)],
      note: "Date is the 19th at UTC-8, i.e. 20 Nov 10:00 in Vladivostok: inside the window",
    },
  },
  {
    slug: "auto-submitted-no-heat",
    message: {
      from: "oleg.tv7@yandex.ru",
      date: "2026-11-22T06:45:00+10:00",
      subject: "Тепло",
      extraHeaders: ["Auto-Submitted: no", "User-Agent: Mozilla Thunderbird"],
      body: textPart("Показания теплосчетчика ТВ7-0099817: 61,225 Гкал.\nЛ/с 270112000121\n", { flowed: true }),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000121", "ТВ7-0099817", 61)],
      note: "'Auto-Submitted: no' marks a human message; heat 61 (+5)",
    },
  },
  {
    slug: "alternative-heat-account-with-two-accounts-sender",
    message: {
      from: address("Белова Татьяна", "tatyana.belova@yandex.ru"),
      date: "2026-11-24T09:05:00+10:00",
      subject: "Отопление",
      body: multipart("alternative", [
        textPart("Л/с 270112000126 тепло 151,08 Гкал\n\nОтправлено с iPad\n", { cte: "quoted-printable" }),
        htmlPart(
          '<html><body dir="auto"><div>Л/с 270112000126 тепло 151,08 Гкал</div><div><br></div><div>Отправлено с iPad</div></body></html>',
          { cte: "quoted-printable" },
        ),
      ]),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000126", "ВКТ-7-045990", 151)],
      note: "sender is linked to two accounts but the account is written; heat meter implied by the account",
    },
  },
  {
    slug: "management-company-pipe-table-cp1251-base64",
    message: {
      from: address("УК Восток", "uk.vostok@khv.ru", "windows-1251"),
      date: "2026-11-20T10:00:00+10:00",
      subject: "Показания ИПУ Пушкина 54 подъезд 2",
      subjectCharset: "windows-1251",
      body: textPart(
        `Добрый день!
Направляем показания ИПУ электроэнергии по дому ул. Пушкина 54, подъезд 2 на 20.11.2026:

кв | лицевой счет  | № ПУ             | показания
31 | 270112000301  | ЦЭ6807-00412345  | 41655
32 | 270112000302  | ЦЭ6807-00412346  | 39102
33 | 270112000303  | ЦЭ6807-00412347  | 12377
34 | 270112000304  | ЦЭ6807-00412348  | 28019
35 | 270112000305  | ЦЭ6807-00412349  | 20188

Диспетчер УК «Восток» Сидорова Е.А.
тел. 8 (4212) 30-40-50
`,
        { charset: "windows-1251", cte: "base64" },
      ),
    },
    expected: {
      decision: "accept",
      readings: [
        reading("270112000301", "ЦЭ6807-00412345", 41655),
        reading("270112000302", "ЦЭ6807-00412346", 39102),
        reading("270112000303", "ЦЭ6807-00412347", 12377),
        reading("270112000304", "ЦЭ6807-00412348", 28019),
        reading("270112000305", "ЦЭ6807-00412349", 20188),
      ],
      note: "plain-text pipe table of 5 flats, windows-1251 in base64; all rows valid",
    },
  },
  {
    slug: "caps-one-liner-phone",
    message: {
      from: "pavel.zuev.1950@mail.ru",
      date: "2026-11-25T17:40:00+10:00",
      subject: "ПОКАЗАНИЯ СВЕТ",
      body: textPart("ПОКАЗАНИЯ 15 377 ЛИЦЕВОЙ 270112000131 СЧЕТЧИК 0874512 ТЕЛ 89242001122\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("270112000131", "0874512", 15377)],
      note: "CAPS one-liner, reading first; 11-digit phone is not an account or a reading",
    },
  },
  {
    slug: "december-window",
    message: {
      from: address("Петренко Нина", "nina.petrenko@mail.ru"),
      date: "2026-12-21T18:30:00+10:00",
      subject: "показания декабрь",
      body: textPart("Здравствуйте, показания за декабрь 8 701, лицевой 27104512.\n"),
    },
    expected: {
      decision: "accept",
      readings: [reading("27104512", "3012987", 8701)],
      note: "December window (21 Dec); +289 over the registry's last",
    },
  },
];
