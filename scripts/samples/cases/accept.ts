// Messages a clerk would accept as they are: in the window, every reading resolvable and valid.
import type { SampleCase } from '../compose.js';
import { outlookHtml, r1, r2, r3 } from '../compose.js';
import { makePng } from '../images.js';
import { SOFT_BREAK } from '../mime.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const UK_ROWS: [string, string, string, string, string, string][] = [
  ['1', '3', '2703310011', '00870011', '14702', '6188'],
  ['2', '7', '2703310024', '00870024', '22340', ''],
  ['3', '12', '2703310038', '00870038', '9150', '4391'],
  ['4', '15', '2703310041', '00870041', '7835', ''],
  ['5', '21', '2703310055', '00870055', '31290', ''],
  ['6', '28', '2703310062', '00870062', '19003', '9102'],
];

export function ukTableHtml(rows: string[][], intro: string[], signature: string[]): string {
  const cell = (v: string, bold = false): string =>
    `<td style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>${bold ? '<b>' : ''}${v ? esc(v) : '<o:p>&nbsp;</o:p>'}${bold ? '</b>' : ''}<o:p></o:p></p></td>`;
  const head = ['№', 'Кв.', 'Лицевой счёт', '№ ПУ', 'Т1 (день)', 'Т2 (ночь)'];
  const table = `<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>\n<tr>${head.map((h) => cell(h, true)).join('')}</tr>\n${rows.map((r) => `<tr>${r.map((v) => cell(v)).join('')}</tr>`).join('\n')}\n</table>`;
  const p = (l: string): string => `<p class=MsoNormal>${l ? esc(l) : '<o:p>&nbsp;</o:p>'}<o:p></o:p></p>`;
  return outlookHtml([...intro.map(p), table, p(''), ...signature.map(p)].join('\n'));
}

export function ukTablePlain(rows: string[][], intro: string[], signature: string[]): string {
  const head = ['№', 'Кв.', 'Лицевой счёт', '№ ПУ', 'Т1 (день)', 'Т2 (ночь)'];
  return [...intro, head.join('\t'), ...rows.map((r) => r.join('\t')), '', ...signature].join('\n');
}

const UK_INTRO = ['Добрый день!', 'Направляем показания индивидуальных приборов учёта электроэнергии по дому ул. Серышева, д. 22 (снятие показаний 21.11.2026).', ''];
const UK_SIGNATURE = ['С уважением,', 'инженер ООО «УК «Восток-Сервис»', 'Малахова Ирина Сергеевна', 'тел. (4212) 45-67-89, доб. 112', 'ИНН 2724123456, ОГРН 1122724009876'];

export const acceptCases: SampleCase[] = [
  {
    name: 'accept-sms-format-body-gmail',
    client: 'gmail',
    env: { fromName: 'Сергей Мельников', from: 'melnikov.sergey1979@gmail.com', date: '2026-11-20 18:42:11 +1000', subject: 'Показания' },
    text: '2701004512 011234567 48590\n',
    expected: { decision: 'accept', readings: [r1('2701004512', '011234567', 48590)], note: 'Published SMS format in the body: account, meter, single-zone value; +377 kWh over 48213.' },
  },
  {
    name: 'accept-sms-format-in-subject-yandex-mobile',
    client: 'yandexMobile',
    env: { fromName: 'Алексей Петров', from: 'a.petrov.khv@yandex.ru', date: '2026-11-21 07:05:40 +1000', subject: '2701013377 0923457 12655 5402' },
    text: '\n\n-- \nОтправлено из мобильной Яндекс Почты',
    expected: { decision: 'accept', readings: [r2('2701013377', '0923457', 12655, 5402)], note: 'SMS format in the Subject only (day and night of a two-zone meter); the body is just the mobile signature.' },
  },
  {
    name: 'accept-latin-em-serial-mailru',
    client: 'mailru',
    env: { fromName: 'Ольга Ким', from: 'olga.kim73@mail.ru', date: '2026-11-22 12:30:05 +1000', subject: 'Показания счётчика' },
    text: 'Здравствуйте!\nЛицевой счёт 2701020458, счётчик № EM-123456, показания 23612 кВт·ч.\n\nС уважением, Ким О.В.',
    expected: { decision: 'accept', readings: [r1('2701020458', 'ЕМ-123456', 23612)], note: 'Customer typed the serial with Latin E and M; the registry has Cyrillic Е and М: look-alikes are the same letter.' },
  },
  {
    name: 'accept-day-night-outlook-html-msonormal',
    client: 'outlook',
    env: { fromName: 'Кузнецова Светлана', from: 's.kuznetsova@yandex.ru', date: '2026-11-23 09:17:44 +1000', subject: 'Показания за ноябрь' },
    text: 'Добрый день.\nПередаю показания за ноябрь.\nЛ/с 2701031190\nПУ CE102-0045678\nдень – 31512\nночь – 14203\n\nКузнецова С.А.\nтел. 8-914-543-21-09',
    expected: { decision: 'accept', readings: [r2('2701031190', 'CE102-0045678', 31512, 14203)], note: 'Outlook multipart/alternative (MsoNormal HTML + QP text); day/night of the electricity meter named explicitly. The heat meter of the account is simply not reported this month.' },
  },
  {
    name: 'accept-t1-t2-t3-thunderbird-flowed',
    client: 'thunderbird',
    env: { fromName: 'Роман Ли', from: 'roman.li@mail.ru', date: '2026-11-24 21:48:03 +1000', subject: 'показания 2701047702' },
    text: 'Добрый вечер.\nЛС 2701047702, счетчик 35467812 (трехтарифный)\nТ1 = 10580\nТ2 = 4620\nТ3 = 7598\n\n-- \nРоман',
    expected: { decision: 'accept', readings: [r3('2701047702', '35467812', 10580, 4620, 7598)], note: 'Three-zone meter with Т1/Т2/Т3 labels (Cyrillic Т); format=flowed 8bit UTF-8.' },
  },
  {
    name: 'accept-peak-semipeak-night-outlook-com',
    client: 'outlookCom',
    env: { fromName: 'Коваль Елена Игоревна', from: 'koval.ei@outlook.com', date: '2026-11-22 16:20:31 +1000', subject: 'Показания электроэнергии' },
    text: 'Здравствуйте!\nПоказания по счётчику 9817364521 на 22.11.2026:\nпик — 203880\nполупик — 150610\nночь — 98870\nЛицевой счёт 2701120917.\n\nС уважением,\nЕлена Коваль',
    expected: { decision: 'accept', readings: [r3('2701120917', '9817364521', 203880, 98870, 150610)], note: 'пик/полупик/ночь are listed in that order but map to t1 (peak), t3 (semi-peak), t2 (night). The 10-digit serial is a meter, not an account.' },
  },
  {
    name: 'accept-decimal-comma-account-only-mailru-android',
    client: 'mailruAndroid',
    env: { fromName: 'Виктор Павлович', from: 'v.p.sobolev@list.ru', date: '2026-11-20 08:01:19 +1000', subject: 'Показания' },
    text: 'ЛС 2701052216\nпоказания 8912,7\n\nОтправлено из приложения Почта Mail.ru',
    expected: { decision: 'accept', readings: [r1('2701052216', '7712045', 8912)], note: 'Account only; it has exactly one electricity meter, so the meter is implied. 8912,7 -> integer part 8912.' },
  },
  {
    name: 'accept-thousands-space-decimal-apple-mail',
    client: 'appleMail',
    env: { fromName: 'Андрей Синицын', from: 'a.sinitsyn@icloud.com', date: '2026-11-21 10:12:55 +1000', subject: 'Показания счетчика' },
    text: 'Добрый день!\n\nЛицевой счет: 2701180006\nСчетчик: 210045789\nПоказания: 95 431,08 кВт·ч\n\nАндрей',
    expected: { decision: 'accept', readings: [r1('2701180006', '210045789', 95431)], note: '"95 431,08" is one number with a thousands space and a decimal comma -> 95431.' },
  },
  {
    name: 'accept-meter-only-ten-digit-serial-gmail',
    client: 'gmail',
    env: { fromName: 'Марина Белова', from: 'belova.marina.86@gmail.com', date: '2026-11-23 19:33:08 +1000', subject: 'показания' },
    text: 'Счётчик № 3301458822\nпоказания 5211\n\nБелова М., ул. Краснодарская, д. 9, кв. 41',
    expected: { decision: 'accept', readings: [r1('2701203319', '3301458822', 5211)], note: 'Meter only; the 10-digit serial looks like an account but is a meter unique in the registry, so the account is implied. House/flat numbers in the signature are not readings.' },
  },
  {
    name: 'accept-meter-only-pu-samsung',
    client: 'samsung',
    env: { fromName: 'Николай', from: 'nikolay.guk@mail.ru', date: '2026-11-25 11:02:00 +1000', subject: 'Показания ПУ' },
    text: 'ПУ 2290431 - 19020\n\nОтправлено с устройства Samsung Galaxy',
    expected: { decision: 'accept', readings: [r1('2701256604', '2290431', 19020)], note: 'Meter (ПУ) only, unique in the registry -> account implied; +143.' },
  },
  {
    name: 'accept-sender-linked-no-account-no-meter-mailru',
    client: 'mailru',
    env: { fromName: 'Татьяна Иванова', from: 'ivanova.tn@mail.ru', date: '2026-11-24 14:05:12 +1000', subject: 'Показания' },
    text: 'Добрый день! Показания счётчика электроэнергии: 48600.\nИванова Т.Н. 89141234567',
    expected: { decision: 'accept', readings: [r1('2701004512', '011234567', 48600)], note: 'Neither account nor meter given, but the sender address is linked to exactly one account, which has one electricity meter. The 11-digit phone in the signature is not an account.' },
  },
  {
    name: 'accept-heat-gkal-decimal-yandex',
    client: 'yandex',
    env: { fromName: 'Фёдор Ершов', from: 'ershov.fedor@yandex.ru', date: '2026-11-20 11:47:26 +1000', subject: 'Показания теплосчётчика' },
    text: 'Здравствуйте.\nЛицевой счёт 2701085519\nТеплосчётчик № 0561834\nПоказания: 361,42 Гкал\nЕршов Ф.И.',
    expected: { decision: 'accept', readings: [r1('2701085519', '0561834', 361)], note: 'Heat meter in Гкал, 361,42 -> 361 (+5 Гкал, 3 of 4 digits). Yandex HTML-only body.' },
  },
  {
    name: 'accept-electricity-and-heat-same-account-yandex',
    client: 'yandex',
    env: { fromName: 'Светлана Кузнецова', from: 's.kuznetsova@yandex.ru', date: '2026-11-21 20:10:40 +1000', subject: 'Показания свет и тепло' },
    text: 'Лицевой счёт 2701031190.\nЭлектроэнергия: день 31512, ночь 14203.\nОтопление (теплосчётчик): 115,3 Гкал.\nСпасибо!',
    expected: { decision: 'accept', readings: [r2('2701031190', 'CE102-0045678', 31512, 14203), r1('2701031190', '20931', 115)], note: 'Account with one electricity and one heat meter: each meter is implied by its kind (кВт day/night vs Гкал).' },
  },
  {
    name: 'accept-two-meters-house-and-garage-gmail',
    client: 'gmail',
    env: { fromName: 'Геннадий Горбунов', from: 'gorbunov.gv@gmail.com', date: '2026-11-22 09:03:17 +1000', subject: 'Показания дом и гараж' },
    text: 'Добрый день!\nЛ/с 2701068843\nДом, счётчик 00451278 — 20610\nГараж, счётчик 00451279 — 3245\n\nГорбунов Г.В.\n+7 924 208-17-55',
    expected: { decision: 'accept', readings: [r1('2701068843', '00451278', 20610), r1('2701068843', '00451279', 3245)], note: 'Two electricity meters of one account, each named by serial; phone number in the signature is noise.' },
  },
  {
    name: 'accept-uk-html-table-six-accounts-exchange',
    client: 'exchange',
    env: { fromName: 'УК «Восток-Сервис»', from: 'uk-vostok@vostok-service27.ru', date: '2026-11-23 10:41:20 +1000', subject: 'Показания ИПУ ул. Серышева, 22 за ноябрь 2026' },
    text: ukTablePlain(UK_ROWS, UK_INTRO, UK_SIGNATURE),
    bodyOptions: { html: ukTableHtml(UK_ROWS, UK_INTRO, UK_SIGNATURE) },
    expected: {
      decision: 'accept',
      readings: [
        r2('2703310011', '00870011', 14702, 6188),
        r1('2703310024', '00870024', 22340),
        r2('2703310038', '00870038', 9150, 4391),
        r1('2703310041', '00870041', 7835),
        r1('2703310055', '00870055', 31290),
        r2('2703310062', '00870062', 19003, 9102),
      ],
      note: 'Management company sends an HTML table (Word/Exchange) for six flats; flat numbers and row numbers are not readings; every row is valid, single-zone rows leave Т2 empty.',
    },
  },
  {
    name: 'accept-tszh-plain-list-sms-lines-rambler',
    client: 'rambler',
    env: { fromName: 'ТСЖ «Надежда»', from: 'tszh-nadezhda@rambler.ru', date: '2026-11-24 15:30:00 +1000', subject: 'Показания ТСЖ Надежда ноябрь' },
    text: 'Показания от ТСЖ «Надежда» (ул. Павловича, 13):\n2701263380 0077321 40388 21101\n2701256604 2290431 19020\n2701169975 08-776512 4587\n2701203319 3301458822 5211\n\nПредседатель ТСЖ Рябова Н.П.\nтел. 8 (4212) 31-22-40',
    expected: {
      decision: 'accept',
      readings: [r2('2701263380', '0077321', 40388, 21101), r1('2701256604', '2290431', 19020), r1('2701169975', '08-776512', 4587), r1('2701203319', '3301458822', 5211)],
      note: 'Homeowners association lists four flats, one SMS-format line each; a serial with a dash (08-776512).',
    },
  },
  {
    name: 'accept-windows-1251-thebat',
    client: 'thebat',
    env: { fromName: 'Олег Степанович Тарасов', from: 'tarasov_os@rambler.ru', date: '2026-11-21 13:15:47 +1000', subject: 'показания' },
    text: 'Здравствуйте.\nЛиц. счет 2701153302, счетчик 12098765\nДень: 120911\nНочь: 45760\n\n--\nС уважением,\nТарасов О.С.\nг. Хабаровск, ул. Ким Ю Чена, д. 44, кв. 7',
    expected: { decision: 'accept', readings: [r2('2701153302', '12098765', 120911, 45760)], note: 'windows-1251 8bit body from The Bat!, RFC 2047 windows-1251 From; 7-digit meter.' },
  },
  {
    name: 'accept-koi8r-outlook-express',
    client: 'outlookExpress',
    env: { fromName: 'Зинаида Михайловна', from: 'zina.grigorieva@mail.ru', date: '2026-11-20 10:00:12 +1000', subject: 'Показания счетчика' },
    text: 'Добрый день!\nл/с 2701263380\nсчетчик 0077321\nдень 40388\nночь 21101\nГригорьева З.М.',
    expected: { decision: 'accept', readings: [r2('2701263380', '0077321', 40388, 21101)], note: 'KOI8-R quoted-printable text and HTML from Outlook Express, koi8-r encoded Subject.' },
  },
  {
    name: 'accept-iphone-base64-family-account-given',
    client: 'iphone',
    env: { fromName: 'Семёнов Игорь', from: 'semenov.family@yandex.ru', date: '2026-11-22 22:14:09 +1000', subject: 'Показания' },
    text: 'Л/с 2701091127 счётчик 5011230\nДень 64590\nНочь 30301\n\nОтправлено с iPhone',
    bodyOptions: { cte: 'base64' },
    expected: { decision: 'accept', readings: [r2('2701091127', '5011230', 64590, 30301)], note: 'Sender address is linked to two accounts, but the account and meter are given explicitly, so nothing is ambiguous. base64 text/plain.' },
  },
  {
    name: 'accept-zero-consumption-equal-last-gmail-android',
    client: 'gmailAndroid',
    env: { fromName: 'Людмила Орлова', from: 'orlova.lyuda@gmail.com', date: '2026-11-23 08:44:31 +1000', subject: 'Дача показания' },
    text: 'Здравствуйте, на даче зимой никто не живёт, показания те же.\nЛС 2701102246 счётчик 047713 показания 9915',
    expected: { decision: 'accept', readings: [r1('2701102246', '047713', 9915)], note: 'Value equal to the last reading (no consumption) is allowed: >= last.' },
  },
  {
    name: 'accept-increase-exactly-5000-yandex-html-only',
    client: 'yandex',
    env: { fromName: 'Павел Широков', from: 'shirokov.pavel@yandex.ru', date: '2026-11-20 13:22:10 +1000', subject: 'Показания 2701231006' },
    text: 'Лицевой счёт 2701231006, счётчик 19004477.\nПоказания 109512 (в доме работает электрокотёл).\nШироков П.',
    expected: { decision: 'accept', readings: [r1('2701231006', '19004477', 109512)], note: 'Increase exactly 5000 kWh over 104512: the limit is "no more than 5000", so it passes.' },
  },
  {
    name: 'accept-subject-utf8-b-latin-kb-serial-gmail',
    client: 'gmail',
    env: { fromName: 'Ирина Лаптева', from: 'laptevairina@gmail.com', date: '2026-11-21 17:00:02 +1000', subject: 'Показания 2701190452 KB-7745120 13040' },
    text: '',
    expected: { decision: 'accept', readings: [r1('2701190452', 'КВ-7745120', 13040)], note: 'Everything in a UTF-8 B-encoded Subject, empty body; serial typed with Latin K and B, registry has Cyrillic К and В.' },
  },
  {
    name: 'accept-subject-windows-1251-q-shared-serial-with-account',
    client: 'thebat',
    env: { fromName: 'Лидия Андреевна', from: 'lidiya.a@rambler.ru', date: '2026-11-23 11:09:41 +1000', subject: 'Показания л/с 2701115083 сч. 0458812 77690', subjectCharset: 'windows-1251', subjectMode: 'Q' },
    text: 'Передаю показания, см. тему письма.\n\n--\nЛидия Андреевна',
    expected: { decision: 'accept', readings: [r1('2701115083', '0458812', 77690)], note: 'windows-1251 Q-encoded Subject carries the reading. Serial 0458812 exists on two accounts, but the account is given, so the meter is resolved.' },
  },
  {
    name: 'accept-reply-to-autoreply-old-quoted-mailru',
    client: 'mailru',
    env: {
      fromName: 'Ольга Захарова', from: 'zaharova.olga@bk.ru', date: '2026-11-21 09:58:12 +1000', subject: 'Re: Показания приняты',
      inReplyTo: '<20261021001512.4f1c2a@khab.dvec.ru>', references: '<20261021001512.4f1c2a@khab.dvec.ru>',
    },
    text: 'Добрый день. Новые показания за ноябрь: 60400.\nЛ/с 2701248895, счетчик 011009988.\n\n\nСреда, 21 октября 2026, 10:15 +10:00 от info@khab.dvec.ru:\n> Уважаемый клиент!\n> Ваши показания приняты: лицевой счёт 2701248895, прибор учёта 011009988, показание 60012.\n> Показания принимаются с 20 по 25 число каждого месяца.\n> Это письмо сформировано автоматически, отвечать на него не нужно.',
    bodyOptions: {
      html: '\n<HTML><BODY><div>Добрый день. Новые показания за ноябрь: 60400.</div><div>Л/с 2701248895, счетчик 011009988.</div><div>&nbsp;</div><div>&nbsp;</div><div>&nbsp;</div>Среда, 21 октября 2026, 10:15 +10:00 от info@khab.dvec.ru:<br><blockquote style="border-left:1px solid #0857A6; margin:10px; padding:0 0 0 10px;">\n<div id=""><div class="js-helper js-readmsg-msg"><div><div id="style_17613542170000000321_BODY">Уважаемый клиент!<br>Ваши показания приняты: лицевой счёт 2701248895, прибор учёта 011009988, показание 60012.<br>Показания принимаются с 20 по 25 число каждого месяца.<br>Это письмо сформировано автоматически, отвечать на него не нужно.</div></div></div></div></blockquote></BODY></HTML>\n',
    },
    expected: { decision: 'accept', readings: [r1('2701248895', '011009988', 60400)], note: 'Reply to the utility auto-reply: the quoted October reading 60012 is history, only the new 60400 counts.' },
  },
  {
    name: 'accept-outlook-reply-original-below-unquoted',
    client: 'outlook',
    env: {
      fromName: 'Рыбаков Денис', from: 'd.rybakov@khabkrai.ru', date: '2026-11-24 08:30:55 +1000', subject: 'RE: Показания приняты',
      inReplyTo: '<20261024010211.9a8b7c@khab.dvec.ru>', references: '<20261024010211.9a8b7c@khab.dvec.ru>',
    },
    text: 'Добрый день!\nПоказания за ноябрь: л/с 2701291187, счётчик 0032154 — 40215.\n\nС уважением,\nРыбаков Денис\n\nОт: info@khab.dvec.ru <info@khab.dvec.ru>\nОтправлено: 24 октября 2026 г. 11:02\nКому: d.rybakov@khabkrai.ru\nТема: Показания приняты\n\nУважаемый клиент!\nПринятые показания: лицевой счёт 2701291187, прибор учёта 0032154, показание 39870.\nХабаровскэнергосбыт',
    bodyOptions: {
      html: outlookHtml([
        '<p class=MsoNormal>Добрый день!<o:p></o:p></p>',
        '<p class=MsoNormal>Показания за ноябрь: л/с 2701291187, счётчик 0032154 — 40215.<o:p></o:p></p>',
        '<p class=MsoNormal><o:p>&nbsp;</o:p></p>',
        '<p class=MsoNormal>С уважением,<o:p></o:p></p>',
        '<p class=MsoNormal>Рыбаков Денис<o:p></o:p></p>',
        '<p class=MsoNormal><o:p>&nbsp;</o:p></p>',
        "<div><div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal><b>От:</b> info@khab.dvec.ru &lt;info@khab.dvec.ru&gt; <br><b>Отправлено:</b> 24 октября 2026 г. 11:02<br><b>Кому:</b> d.rybakov@khabkrai.ru<br><b>Тема:</b> Показания приняты<o:p></o:p></p></div></div>",
        '<p class=MsoNormal><o:p>&nbsp;</o:p></p>',
        '<p class=MsoNormal>Уважаемый клиент!<br>Принятые показания: лицевой счёт 2701291187, прибор учёта 0032154, показание 39870.<br>Хабаровскэнергосбыт<o:p></o:p></p>',
      ].join('\n')),
    },
    expected: { decision: 'accept', readings: [r1('2701291187', '0032154', 40215)], note: 'Outlook top-posted reply: the original auto-reply is appended below an "От:/Отправлено:/Кому:/Тема:" block without ">" marks; its 39870 is history.' },
  },
  {
    name: 'accept-forward-with-utility-history-rambler',
    client: 'rambler',
    env: { fromName: 'Вера Старикова', from: 'old.dacha@rambler.ru', date: '2026-11-22 14:12:00 +1000', subject: 'Fwd: Напоминание о передаче показаний' },
    text: 'Передаю показания: день 3352, ночь 1219.\n\n-------- Пересылаемое сообщение --------\nОт: Хабаровскэнергосбыт <info@khab.dvec.ru>\nДата: 15.11.2026 10:00\nТема: Напоминание о передаче показаний\n\nУважаемый клиент! Напоминаем, что показания приборов учёта принимаются с 20 по 25 число.\nЛицевой счёт 2701225518, прибор учёта 7304466, последние показания: 3310 (день), 1207 (ночь).\n-------- Конец пересылаемого сообщения --------',
    expected: { decision: 'accept', readings: [r2('2701225518', '7304466', 3352, 1219)], note: 'Forward of a utility reminder with new readings on top; the forwarded 3310/1207 are history. Sender address is linked to this one account (also named in the forwarded text).' },
  },
  {
    name: 'accept-signature-phone-inn-address-outlook',
    client: 'outlook',
    env: { fromName: 'ИП Мартыненко А.А.', from: 'martynenko.aa@mail.ru', date: '2026-11-20 15:45:09 +1000', subject: 'Показания приборов учёта' },
    text: 'Добрый день!\nПередаю показания по лицевому счёту 2701134468:\nэлектросчётчик 31129874 — день 56214, ночь 21190;\nтеплосчётчик ТС-88120 — 87,4 Гкал.\n\n--\nС уважением,\nИП Мартыненко Андрей Андреевич\nИНН 272105334871, ОГРНИП 318272400012345\n680000, г. Хабаровск, ул. Ленина, д. 45, кв. 12\nтел. +7 (914) 123-45-67',
    expected: { decision: 'accept', readings: [r2('2701134468', '31129874', 56214, 21190), r1('2701134468', 'ТС-88120', 87)], note: 'Electricity and heat meters of one account; the signature carries ИНН, ОГРНИП, postcode, house/flat and phone numbers that are not readings.' },
  },
  {
    name: 'accept-money-and-date-noise-gmail',
    client: 'gmail',
    env: { fromName: 'Дмитрий Николаев', from: 'nikolaev.dm@gmail.com', date: '2026-11-20 21:07:33 +1000', subject: 'Показания и оплата' },
    text: 'Здравствуйте!\nОплатил 1 540 руб. 18.11.2026 через Сбербанк Онлайн.\nПоказания на 20.11.2026: 37120 кВт.ч\nЛ/с 2701146630\nЗа октябрь показания не передавал, был в командировке.',
    expected: { decision: 'accept', readings: [r1('2701146630', '680013457', 37120)], note: 'Money amount and dates are noise; single-meter account. Last reading is from September, +570 kWh.' },
  },
  {
    name: 'accept-caps-and-typos-samsung',
    client: 'samsung',
    env: { fromName: 'ВАЛЕНТИНА', from: 'valya.k1956@mail.ru', date: '2026-11-23 07:55:10 +1000', subject: 'ПОКАЗАНИЯ' },
    text: 'ЗДРАСТВУЙТЕ ПЕРЕДАЮ ПОКАЗАНЯ\nЛИЦ СЧЁТ 2701256604\nЩЁТЧИК 2290431\nПОКАЗАНИЯ 19020\nСПАСИБО',
    expected: { decision: 'accept', readings: [r1('2701256604', '2290431', 19020)], note: 'All caps with typos (ПОКАЗАНЯ, ЩЁТЧИК); the numbers are unambiguous.' },
  },
  {
    name: 'accept-polite-chatter-long-mailru',
    client: 'mailru',
    env: { fromName: 'Галина Петровна Шевчук', from: 'shevchuk.gp@mail.ru', date: '2026-11-21 11:26:40 +1000', subject: 'Показания от Шевчук Г.П.' },
    text: 'Добрый день, уважаемые сотрудники Хабаровскэнергосбыта!\nПишет вам Галина Петровна, пенсионерка, живу одна на ул. Волочаевской, дом 15, квартира 3. Внук настроил мне электронную почту, теперь буду передавать показания так, если можно. В прошлом месяце передавала по телефону, но долго не могла дозвониться.\nЛицевой счёт у меня 2701169975, счётчик номер 08-776512.\nСейчас на счётчике 4587.\nЕсли что-то не так, позвоните мне, пожалуйста: 8-924-111-22-33.\nЗаранее спасибо, здоровья вам!',
    expected: { decision: 'accept', readings: [r1('2701169975', '08-776512', 4587)], note: 'Long polite letter; house, flat and phone numbers are noise; one clear reading.' },
  },
  {
    name: 'accept-window-edge-moscow-evening-19th-yandex',
    client: 'yandex',
    env: { fromName: 'Кирилл Жуков', from: 'k.zhukov@yandex.ru', date: '2026-11-19 21:30:00 +0300', subject: 'Показания за родителей' },
    text: 'Показания за родителей:\nл/с 2701305542\nсчётчик МИР-C04-887130\nТ1 27990 Т2 11415\nЖуков К.',
    expected: { decision: 'accept', readings: [r2('2701305542', 'МИР-С04-887130', 27990, 11415)], note: 'Date 19 Nov 21:30 +0300 is 20 Nov 04:30 in Vladivostok: inside the window. Serial typed with a Latin C in "C04".' },
  },
  {
    name: 'accept-window-edge-utc-25th-late-thunderbird',
    client: 'thunderbird',
    env: { fromName: 'Алексей Петров', from: 'a.petrov@proton.me', date: '2026-11-25 13:59:00 +0000', subject: 'Показания' },
    text: 'Добрый вечер. Лицевой счёт 2701013377, счётчик 0923457: день 12655, ночь 5402.\nАлексей (в командировке, пишу из Европы)',
    expected: { decision: 'accept', readings: [r2('2701013377', '0923457', 12655, 5402)], note: 'Date 25 Nov 13:59 +0000 is 25 Nov 23:59 in Vladivostok: last minute of the window.' },
  },
  {
    name: 'accept-window-edge-minus0500-gmail',
    client: 'gmail',
    env: { fromName: 'Maria Tkachenko', from: 'maria.tkachenko.ny@gmail.com', date: '2026-11-19 10:00:00 -0500', subject: 'Показания за маму' },
    text: 'Здравствуйте! Передаю показания за маму.\nЛицевой счёт 2701020458\nСчётчик ЕМ-123456\nПоказания 23612\nМария',
    expected: { decision: 'accept', readings: [r1('2701020458', 'ЕМ-123456', 23612)], note: 'Date 19 Nov 10:00 -0500 is 20 Nov 01:00 in Vladivostok: inside, although the sender\'s local day is the 19th.' },
  },
  {
    name: 'accept-window-start-local-midnight-mailru-android',
    client: 'mailruAndroid',
    env: { fromName: 'Юрий', from: 'yury.bondar@inbox.ru', date: '2026-11-20 00:00:41 +1000', subject: 'Показания' },
    text: '2701291187 0032154 40215',
    expected: { decision: 'accept', readings: [r1('2701291187', '0032154', 40215)], note: 'Sent 41 seconds after the window opened (20 Nov 00:00 Vladivostok).' },
  },
  {
    name: 'accept-outlook-x-auto-response-suppress-company',
    client: 'exchange',
    env: {
      fromName: 'Бухгалтерия ООО «СтройСервис-ДВ»', from: 'buh@stroyservis-dv.ru', date: '2026-11-23 11:20:00 +1000', subject: 'Показания прибора учёта ООО «СтройСервис-ДВ»',
      extra: [['X-Auto-Response-Suppress', 'All'], ['X-MS-Exchange-Organization-SCL', '-1']],
    },
    text: 'Добрый день!\nНаправляем показания прибора учёта электроэнергии ООО «СтройСервис-ДВ».\nЛицевой счёт: 2701070035\nПрибор учёта: 1104523987\nПоказания на 23.11.2026: 152 780 кВт·ч\n\nС уважением,\nглавный бухгалтер Лисицына Е.В.\nООО «СтройСервис-ДВ», ИНН 2723145678, КПП 272301001\nг. Хабаровск, ул. Промышленная, д. 20, оф. 305\nтел. (4212) 75-30-12',
    expected: { decision: 'accept', readings: [r1('2701070035', '1104523987', 152780)], note: 'Human mail from Exchange with X-Auto-Response-Suppress: All - that header only asks others not to auto-reply, it does not make the mail machine-generated. 152 780 with a thousands space.' },
  },
  {
    name: 'accept-auto-submitted-no-thunderbird',
    client: 'thunderbird',
    env: { fromName: 'Евгений Шилов', from: 'shilov.e@yandex.ru', date: '2026-11-20 10:00:03 +1000', subject: 'показания', extra: [['Auto-Submitted', 'no']] },
    text: '2701231006 19004477 105300',
    expected: { decision: 'accept', readings: [r1('2701231006', '19004477', 105300)], note: 'Auto-Submitted: no explicitly marks a human message.' },
  },
  {
    name: 'accept-kvtch-pribor-ucheta-t1-t2-mailru',
    client: 'mailru',
    env: { fromName: 'Борис Ефимов', from: 'efimov.boris@mail.ru', date: '2026-11-23 18:16:52 +1000', subject: 'Показания ПУ' },
    text: 'Прибор учёта № 7304466\nТ1 – 3352 кВтч\nТ2 – 1219 кВтч',
    expected: { decision: 'accept', readings: [r2('2701225518', '7304466', 3352, 1219)], note: 'Meter only (unique) -> account implied; Т1/Т2 with кВтч units.' },
  },
  {
    name: 'accept-leading-zeros-value-garage-meter-mailru-android',
    client: 'mailruAndroid',
    env: { fromName: 'Геннадий Горбунов', from: 'gorbunov58@mail.ru', date: '2026-11-24 18:40:12 +1000', subject: 'Гараж' },
    text: 'Счётчик в гараже 00451279, показания 003245',
    expected: { decision: 'accept', readings: [r1('2701068843', '00451279', 3245)], note: 'Value written with the leading zeros of the counter (6 digits) -> 3245. The meter is named, so the second meter of the account is simply not reported.' },
  },
  {
    name: 'accept-cyrillic-typed-ce-serial-iphone',
    client: 'iphone',
    env: { fromName: 'Артём Кузнецов', from: 'artem.kuznetsov@icloud.com', date: '2026-11-22 08:00:49 +1000', subject: 'Показания' },
    text: 'СЕ102-0045678 день 31512 ночь 14203\n\nОтправлено с iPhone',
    expected: { decision: 'accept', readings: [r2('2701031190', 'CE102-0045678', 31512, 14203)], note: 'Serial typed with Cyrillic С and Е, registry has Latin C and E; meter unique -> account implied.' },
  },
  {
    name: 'accept-sender-linked-electricity-and-heat-by-kind-mailru',
    client: 'mailru',
    env: { fromName: 'Денис Цой', from: 'd.tsoi@inbox.ru', date: '2026-11-21 19:22:05 +1000', subject: 'Показания' },
    text: 'Добрый день! Свет — 71540, отопление — 318 Гкал.',
    expected: { decision: 'accept', readings: [r1('2701279914', '6041288', 71540), r1('2701279914', '6041287', 318)], note: 'Sender linked to exactly one account; it has one electricity and one heat meter, each implied by kind (свет / отопление, Гкал).' },
  },
  {
    name: 'accept-heat-only-sender-linked-mailru',
    client: 'mailru',
    env: { fromName: 'Лебедева Нина', from: 'teplo.lebedeva@mail.ru', date: '2026-11-25 09:14:27 +1000', subject: 'Тепло' },
    text: 'Показания теплосчётчика 47.2 Гкал',
    expected: { decision: 'accept', readings: [r1('2701217740', '009871', 47)], note: 'Heat-only account implied by the linked sender address; 47.2 (decimal point) -> 47 (+2 Гкал).' },
  },
  {
    name: 'accept-html-table-own-day-night-outlook-com',
    client: 'outlookCom',
    env: { fromName: 'Антон Гусев', from: 'gusev.anton@outlook.com', date: '2026-11-24 10:07:36 +1000', subject: 'Показания л/с 2702007741' },
    text: 'Лицевой счёт 2702007741, счётчик 0458812\n\nЗона\tПоказания\nДень\t40515\nНочь\t19010',
    bodyOptions: {
      html: '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n</head>\n<body dir="ltr">\n<div class="elementToProof" style="font-family: Aptos, Calibri, Helvetica, sans-serif; font-size: 12pt;">Лицевой счёт 2702007741, счётчик 0458812</div>\n<table style="border-collapse: collapse;" border="1">\n<tbody>\n<tr><th style="padding: 2px 6px;">Зона</th><th style="padding: 2px 6px;">Показания</th></tr>\n<tr><td style="padding: 2px 6px;">День</td><td style="padding: 2px 6px;">40515</td></tr>\n<tr><td style="padding: 2px 6px;">Ночь</td><td style="padding: 2px 6px;">19010</td></tr>\n</tbody>\n</table>\n</body>\n</html>\n',
    },
    expected: { decision: 'accept', readings: [r2('2702007741', '0458812', 40515, 19010)], note: 'Own day/night values in an HTML table. Serial 0458812 exists on two accounts; the account given resolves it.' },
  },
  {
    name: 'accept-signature-logo-inline-image-outlook',
    client: 'outlook',
    env: { fromName: 'Ахметов Олег', from: 'o.akhmetov@dvgups.ru', date: '2026-11-21 14:31:08 +1000', subject: 'показания' },
    body: {
      kind: 'multi', subtype: 'related', boundary: '----=_NextPart_000_0041_01DB3C0F.6B2D1E90', params: 'type="multipart/alternative"',
      parts: [
        {
          kind: 'multi', subtype: 'alternative', boundary: '----=_NextPart_001_0042_01DB3C0F.6B2D1E90',
          parts: [
            { kind: 'text', subtype: 'plain', charset: 'utf-8', cte: 'quoted-printable', text: 'Добрый день,\nл/с 2701047702, сч. 35467812: Т1 10580, Т2 4620, Т3 7598.\n\nАхметов Олег\n[cid:image001.png@01DB3C0F.6B0A5A70]\nДВГУПС, ауд. 3412, тел. 40-71-22' },
            { kind: 'text', subtype: 'html', charset: 'utf-8', cte: 'quoted-printable', text: outlookHtml('<p class=MsoNormal>Добрый день,<o:p></o:p></p>\n<p class=MsoNormal>л/с 2701047702, сч. 35467812: Т1 10580, Т2 4620, Т3 7598.<o:p></o:p></p>\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n<p class=MsoNormal>Ахметов Олег<o:p></o:p></p>\n<p class=MsoNormal><img width=120 height=40 id="Рисунок_x0020_1" src="cid:image001.png@01DB3C0F.6B0A5A70"><o:p></o:p></p>\n<p class=MsoNormal>ДВГУПС, ауд. 3412, тел. 40-71-22<o:p></o:p></p>') },
          ],
        },
        { kind: 'file', contentType: 'image/png', filename: 'image001.png', data: makePng(120, 40, (x, y) => (y > 0.3 && y < 0.7 && x > 0.05 && x < 0.3 ? 30 : 235)), disposition: 'inline', cid: 'image001.png@01DB3C0F.6B0A5A70' },
      ],
    },
    expected: { decision: 'accept', readings: [r3('2701047702', '35467812', 10580, 4620, 7598)], note: 'multipart/related with an inline signature logo (image001.png) that is not a meter photo; the text gives all three zones.' },
  },
  {
    name: 'accept-qp-soft-break-inside-number-apple-mail',
    client: 'appleMail',
    env: { fromName: 'Виталий Ким', from: 'v.kim@icloud.com', date: '2026-11-22 12:13:40 +1000', subject: 'Показания электроэнергии' },
    text: `Здравствуйте! Лицевой счёт 2701020458, счётчик ЕМ-123456, показания 2361${SOFT_BREAK}2 кВт·ч.\nСпасибо.`,
    expected: { decision: 'accept', readings: [r1('2701020458', 'ЕМ-123456', 23612)], note: 'Quoted-printable soft line break falls inside the number 23612; decoding must join it before extraction.' },
  },
  {
    name: 'accept-yandex-html-only-nbsp-entities',
    client: 'yandex',
    env: { fromName: 'Григорий', from: 'grigoriev.g@yandex.ru', date: '2026-11-24 09:30:00 +1000', subject: 'Показания за ноябрь' },
    text: 'Лицевой счёт 2701263380\nСчётчик 0077321\nДень 40388 кВт·ч, ночь 21101 кВт·ч',
    bodyOptions: { html: '<div>Лицевой&nbsp;счёт&nbsp;2701263380</div><div>Счётчик&nbsp;0077321</div><div>День&nbsp;40388&nbsp;кВт&#183;ч, ночь&nbsp;21101&nbsp;кВт&#183;ч</div><div>&nbsp;</div><div>--&nbsp;</div><div>Григорий</div>\n' },
    expected: { decision: 'accept', readings: [r2('2701263380', '0077321', 40388, 21101)], note: 'HTML-only body with &nbsp; and &#183; entities between words and numbers.' },
  },
  {
    name: 'accept-subject-and-body-same-values-thunderbird',
    client: 'thunderbird',
    env: { fromName: 'Игорь Семёнов', from: 'semenov.family@yandex.ru', date: '2026-11-23 20:20:20 +1000', subject: '2701091135 5011294 15502' },
    text: '2701091135 5011294 15502\n-- \nСемёнов И.',
    expected: { decision: 'accept', readings: [r1('2701091135', '5011294', 15502)], note: 'The same reading in Subject and body is one reading, not a conflict; the account is explicit (the sender address is shared by two accounts).' },
  },
  {
    name: 'accept-previous-and-current-labelled-gmail',
    client: 'gmail',
    env: { fromName: 'Елена Морозова', from: 'morozova.elena@gmail.com', date: '2026-11-22 18:05:47 +1000', subject: 'Показания по л/с 2701052216' },
    text: 'Добрый вечер!\nЛицевой счёт 2701052216, счётчик 7712045.\nПредыдущие показания: 8841\nТекущие показания: 8912\nРасход: 71 кВт·ч\n\nМорозова Е.',
    expected: { decision: 'accept', readings: [r1('2701052216', '7712045', 8912)], note: 'Customer repeats the previous reading and the consumption; only the value labelled current (8912) is the new reading.' },
  },
  {
    name: 'accept-slash-day-night-mailru',
    client: 'mailru',
    env: { fromName: 'Андрей Мартыненко', from: 'a.martynenko.khv@mail.ru', date: '2026-11-25 21:40:13 +1000', subject: 'Показания' },
    text: 'л/с 2701134468, эл. счётчик 31129874, день/ночь 56214/21190',
    expected: { decision: 'accept', readings: [r2('2701134468', '31129874', 56214, 21190)], note: 'Day/night written as "56214/21190"; the meter is named, so the heat meter of the same account is simply not reported.' },
  },
  {
    name: 'accept-three-meters-one-account-thunderbird',
    client: 'thunderbird',
    env: { fromName: 'Жуков Пётр Ильич', from: 'zhukov.pi@mail.ru', date: '2026-11-23 10:44:18 +1000', subject: 'Показания л/с 2701305542' },
    text: 'Здравствуйте!\nл/с 2701305542\nквартира, счётчик МИР-С04-887130: Т1 27990, Т2 11415\nгараж, счётчик 0921188: 6245\nтепло, счётчик 014422: 206 Гкал\n\nЖуков П.И.',
    expected: {
      decision: 'accept',
      readings: [r2('2701305542', 'МИР-С04-887130', 27990, 11415), r1('2701305542', '0921188', 6245), r1('2701305542', '014422', 206)],
      note: 'Account with three meters (two electricity, one heat), each named by its serial.',
    },
  },
  {
    name: 'accept-date-obsolete-gmt-zone-rambler',
    client: 'rambler',
    env: { fromName: 'Нестеренко Алла', from: 'alla.nesterenko@rambler.ru', date: '2026-11-21 01:15:00 +0000', dateHeader: 'Sat, 21 Nov 2026 01:15:00 GMT', subject: 'Тепло' },
    text: 'Лицевой счёт 2701172084, теплосчётчик 5588123: 29,6 Гкал.',
    expected: { decision: 'accept', readings: [r1('2701172084', '5588123', 29)], note: 'Date header with the obsolete zone name GMT (= +0000): 21 Nov 11:15 in Vladivostok. Heat 29,6 -> 29 (+2).' },
  },
  {
    name: 'accept-date-without-weekday-samsung',
    client: 'samsung',
    env: { fromName: 'Людмила Орлова', from: 'orlova.lyuda@mail.ru', date: '2026-11-24 16:05:00 +1000', dateHeader: '24 Nov 2026 16:05:00 +1000', subject: 'Показания' },
    text: 'ЛС 2701102246 счётчик 047713 показания 9930',
    expected: { decision: 'accept', readings: [r1('2701102246', '047713', 9930)], note: 'Date header without the optional day of week (valid RFC 5322).' },
  },
];
