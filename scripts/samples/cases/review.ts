// Human mail a clerk must look at: something is unknown, ambiguous, implausible or missing.
import type { Reading, SampleCase } from '../compose.js';
import { r1, r2 } from '../compose.js';
import { blurredPhotoShade, makeJpeg, makePng, makeScanLikePdf } from '../images.js';
import { ukTableHtml, ukTablePlain } from './accept.js';

const asSent = (account: string, meter: string, t1: number): Reading => ({ account, meter, t1, t2: null, t3: null });

const UK_ROWS_BAD: string[][] = [
  ['1', '3', '2703310011', '00870011', '14702', '6188'],
  ['2', '7', '2703310024', '00870024', '22340', ''],
  ['3', '12', '2703310038', '00870038', '8950', '4391'],
  ['4', '15', '2703310041', '00870041', '7835', ''],
  ['5', '21', '2703310055', '00870055', '31290', ''],
  ['6', '28', '2703310062', '00870062', '19003', '9102'],
];
const UK_INTRO = ['Добрый день!', 'Направляем показания ИПУ электроэнергии по дому ул. Серышева, д. 22 за ноябрь 2026 г.', ''];
const UK_SIGNATURE = ['С уважением,', 'инженер ООО «УК «Восток-Сервис»', 'Малахова Ирина Сергеевна', 'тел. (4212) 45-67-89, доб. 112'];

export const reviewCases: SampleCase[] = [
  {
    name: 'review-unknown-account-and-meter-gmail',
    client: 'gmail',
    env: { fromName: 'Анна Сидорова', from: 'sidorova.anna.92@gmail.com', date: '2026-11-21 12:40:00 +1000', subject: 'Показания' },
    text: 'Лицевой счёт 2701999123\nСчётчик 4471209\nПоказания 15080',
    expected: { decision: 'review', readings: [asSent('2701999123', '4471209', 15080)], note: 'Neither the account nor the meter is in the registry (unknown_account); recorded as sent.' },
  },
  {
    name: 'review-unknown-meter-replaced-mailru',
    client: 'mailru',
    env: { fromName: 'Соболев В.П.', from: 'v.p.sobolev@list.ru', date: '2026-11-22 10:20:33 +1000', subject: 'Новый счётчик' },
    text: 'ЛС 2701052216, новый счётчик 7712999, показания 00150. Старый счётчик заменили 10 ноября, акт замены у меня есть.',
    expected: { decision: 'review', readings: [asSent('2701052216', '7712999', 150)], note: 'Known account but the meter 7712999 is not in the registry (meter replaced): unknown_meter, even though the account has one meter.' },
  },
  {
    name: 'review-meter-of-another-account-yandex',
    client: 'yandex',
    env: { fromName: 'Алексей Петров', from: 'a.petrov.khv@yandex.ru', date: '2026-11-23 08:12:45 +1000', subject: 'Показания' },
    text: '2701004512 0923457 12655 5402',
    expected: { decision: 'review', readings: [], note: 'Meter 0923457 belongs to account 2701013377, not to the account 2701004512 given: meter of another account.' },
  },
  {
    name: 'review-two-zone-meter-one-value-mailru',
    client: 'mailru',
    env: { fromName: 'Павел Антонов', from: 'p.antonov@mail.ru', date: '2026-11-20 19:01:10 +1000', subject: 'Показания' },
    text: 'л/с 2701013377 сч 0923457 показания 12655',
    expected: { decision: 'review', readings: [asSent('2701013377', '0923457', 12655)], note: 'Two-zone meter but only one value: wrong number of zone values (night missing).' },
  },
  {
    name: 'review-single-zone-meter-day-night-values-gmail',
    client: 'gmail',
    env: { fromName: 'Татьяна', from: 'tanya.ivanova.1990@gmail.com', date: '2026-11-22 11:45:03 +1000', subject: 'показания мамы' },
    text: 'ЛС 2701004512, счётчик 011234567: день 48590, ночь 12001',
    expected: { decision: 'review', readings: [], note: 'Single-zone meter but day and night values given: wrong number of zone values; which one is the counter cannot be decided.' },
  },
  {
    name: 'review-three-zone-meter-two-values-outlook',
    client: 'outlook',
    env: { fromName: 'Ахметов Олег', from: 'o.akhmetov@dvgups.ru', date: '2026-11-24 16:02:19 +1000', subject: 'показания' },
    text: 'Добрый день,\nл/с 2701047702, сч. 35467812: день 10580, ночь 4620.\n\nАхметов Олег',
    expected: { decision: 'review', readings: [], note: 'Three-zone meter, only two values (day/night): wrong number of zone values.' },
  },
  {
    name: 'review-too-many-digits-decimal-without-comma-iphone',
    client: 'iphone',
    env: { fromName: 'Алексей Петров', from: 'a.petrov.khv@yandex.ru', date: '2026-11-21 07:40:22 +1000', subject: 'Показания' },
    text: '2701013377 0923457 126551 54023\n\nОтправлено с iPhone',
    expected: { decision: 'review', readings: [], note: 'The meter shows 5 digits before the comma; 126551 has 6 (a decimal digit typed without the comma): too many digits. Night 54023 would also be +48712 over 5311.' },
  },
  {
    name: 'review-decreased-value-samsung',
    client: 'samsung',
    env: { fromName: 'ВАЛЕНТИНА', from: 'valya.k1956@mail.ru', date: '2026-11-24 08:10:40 +1000', subject: 'ПОКАЗАНИЯ' },
    text: 'ЛС 2701256604 счетчик 2290431 показания 18787\n\nОтправлено с устройства Samsung Galaxy',
    expected: { decision: 'review', readings: [r1('2701256604', '2290431', 18787)], note: '18787 is below the last accepted 18877 (likely transposed digits): decreased value.' },
  },
  {
    name: 'review-implausible-increase-electricity-mailru',
    client: 'mailru',
    env: { fromName: 'Ольга Захарова', from: 'zaharova.olga@bk.ru', date: '2026-11-22 20:31:15 +1000', subject: 'Показания' },
    text: 'Показания 66012, л/с 2701248895',
    expected: { decision: 'review', readings: [r1('2701248895', '011009988', 66012)], note: '+6000 kWh over 60012 in one month exceeds the 5000 kWh limit: implausible increase.' },
  },
  {
    name: 'review-implausible-increase-heat-mailru',
    client: 'mailru',
    env: { fromName: 'Лебедева Нина', from: 'teplo.lebedeva@mail.ru', date: '2026-11-21 10:03:51 +1000', subject: 'Тепло' },
    text: 'Теплосчётчик: 145 Гкал',
    expected: { decision: 'review', readings: [r1('2701217740', '009871', 145)], note: 'Heat account implied by sender; +100 Гкал over 45 exceeds the 50 Гкал limit.' },
  },
  {
    name: 'review-ambiguous-two-candidate-values-gmail',
    client: 'gmail',
    env: { fromName: 'Дмитрий Николаев', from: 'nikolaev.dm@gmail.com', date: '2026-11-23 22:05:09 +1000', subject: 'Показания' },
    text: 'Показания то ли 37120, то ли 37170 — последняя цифра плохо видна, в подъезде темно.\nЛ/с 2701146630',
    expected: { decision: 'review', readings: [], note: 'Two candidate values for one zone: ambiguous.' },
  },
  {
    name: 'review-account-with-two-meters-no-meter-given-mailru',
    client: 'mailru',
    env: { fromName: 'Геннадий Горбунов', from: 'gorbunov58@mail.ru', date: '2026-11-21 18:30:44 +1000', subject: 'Показания' },
    text: 'ЛС 2701068843 показания 20610',
    expected: { decision: 'review', readings: [], note: 'The account has two electricity meters and none is named: the meter cannot be implied.' },
  },
  {
    name: 'review-question-no-readings-yandex',
    client: 'yandex',
    env: { fromName: 'Елена Морозова', from: 'morozova.elena@yandex.ru', date: '2026-11-20 12:15:00 +1000', subject: 'Вопрос по начислению' },
    text: 'Здравствуйте! Л/с 2701052216.\nПочему за октябрь начислено 3 412,50 руб.? Обычно плачу около 1 800 руб.\nПоказания передавала 21 октября. Прошу разобраться.',
    expected: { decision: 'review', readings: [], note: 'A question about the bill; amounts and dates, no readings.' },
  },
  {
    name: 'review-recalculate-bill-complaint-outlook',
    client: 'outlook',
    env: { fromName: 'Захаров Игорь', from: 'zaharov.ip@mail.ru', date: '2026-11-20 09:40:27 +1000', subject: 'Перерасчёт' },
    text: 'Добрый день!\nПрошу сделать перерасчёт за сентябрь по л/с 2701291187. Показания передавал 24.09.2026 (39 100), а начислили по нормативу.\nПрошу ответить письменно.\n\nЗахаров И.П.\nтел. 8-909-850-11-44',
    expected: { decision: 'review', readings: [], note: 'Complaint asking for a recalculation; the September value mentioned is not a new reading.' },
  },
  {
    name: 'review-photo-only-png-mailru-android',
    client: 'mailruAndroid',
    env: { fromName: 'Маргарита Соколова', from: 'rita.sokolova@mail.ru', date: '2026-11-21 10:15:31 +1000', subject: 'Показания' },
    text: 'Показания во вложении\n\nОтправлено из приложения Почта Mail.ru',
    bodyOptions: { attachments: [{ kind: 'file', contentType: 'image/png', filename: 'Screenshot_20261121-101512.png', data: makePng(96, 128, blurredPhotoShade(3)), disposition: 'attachment' }] },
    expected: { decision: 'review', readings: [], note: 'Only a photo, dark and blurred, no legible digits; no account or meter in the text.' },
  },
  {
    name: 'review-photo-only-jpeg-iphone',
    client: 'iphone',
    env: { fromName: 'Андрей Синицын', from: 'a.sinitsyn@icloud.com', date: '2026-11-24 19:48:02 +1000', subject: 'Показания' },
    body: {
      kind: 'multi', subtype: 'mixed', boundary: 'Apple-Mail-9C3B1F0E-22D4-4B7A-9E61-0F3D5A7C8B21',
      parts: [
        { kind: 'text', subtype: 'plain', charset: 'us-ascii', cte: '7bit', text: '', quoteCharset: false },
        { kind: 'file', contentType: 'image/jpeg', filename: 'IMG_4821.jpeg', data: makeJpeg(320, 240, blurredPhotoShade(5)), disposition: 'inline', extraHeaders: [['X-Attachment-Id', 'F2E6A1C7-4D1B-4C0A-8E23-7B9D2F61A0C4']] },
        { kind: 'text', subtype: 'plain', charset: 'utf-8', cte: 'quoted-printable', text: 'Л/с 2701180006\n\nОтправлено с iPhone', quoteCharset: false },
      ],
    },
    expected: { decision: 'review', readings: [], note: 'iPhone photo of the meter that is out of focus (no readable digits); the account is given but no value.' },
  },
  {
    name: 'review-pdf-only-tszh-outlook',
    client: 'outlook',
    env: { fromName: 'ТСЖ «Уют»', from: 'tszh.uyut@mail.ru', date: '2026-11-23 13:05:55 +1000', subject: 'Показания по дому ул. Тихоокеанская, 108' },
    text: 'Добрый день!\nПоказания ИПУ по дому во вложении.\n\nПредседатель ТСЖ «Уют» Ковалёва М.А.',
    bodyOptions: { attachments: [{ kind: 'file', contentType: 'application/pdf', filename: 'Показания ноябрь 2026.pdf', data: makeScanLikePdf(), disposition: 'attachment', nameStyle: '2047' }] },
    expected: { decision: 'review', readings: [], note: 'Readings only in a scanned PDF attachment (no text layer): a clerk has to open it.' },
  },
  {
    name: 'review-sender-linked-to-two-accounts-yandex',
    client: 'yandex',
    env: { fromName: 'Семёновы', from: 'semenov.family@yandex.ru', date: '2026-11-22 17:27:36 +1000', subject: 'показания' },
    text: 'Показания: 15502',
    expected: { decision: 'review', readings: [], note: 'No account or meter; the sender address is linked to two accounts, so the account cannot be implied.' },
  },
  {
    name: 'review-conflicting-subject-body-gmail',
    client: 'gmail',
    env: { fromName: 'Ксения Орлова', from: 'ksenia.orlova@gmail.com', date: '2026-11-24 13:13:13 +1000', subject: '2701091135 5011294 15502' },
    text: 'Добрый день, показания счётчика 5011294: 15520',
    expected: { decision: 'review', readings: [], note: 'Subject says 15502, body says 15520 for the same meter: conflicting readings.' },
  },
  {
    name: 'review-thanks-reply-old-readings-quoted-gmail',
    client: 'gmail',
    env: {
      fromName: 'Дмитрий Николаев', from: 'nikolaev.dm@gmail.com', date: '2026-11-22 09:31:00 +1000', subject: 'Re: Показания приняты',
      inReplyTo: '<20260924031544.77ab12@khab.dvec.ru>', references: '<20260924031544.77ab12@khab.dvec.ru>',
    },
    text: 'Спасибо!\n\nчт, 24 сент. 2026 г. в 13:15, <info@khab.dvec.ru>:\n\n> Уважаемый клиент!\n> Принятые показания: лицевой счёт 2701146630, прибор учёта 680013457,\n> показание 36550.\n> Хабаровскэнергосбыт\n>\n',
    bodyOptions: {
      html: '<div dir="ltr">Спасибо!</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">чт, 24 сент. 2026 г. в 13:15, &lt;<a href="mailto:info@khab.dvec.ru">info@khab.dvec.ru</a>&gt;:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">Уважаемый клиент!<br>Принятые показания: лицевой счёт 2701146630, прибор учёта 680013457, показание 36550.<br>Хабаровскэнергосбыт</blockquote></div>\n',
    },
    expected: { decision: 'review', readings: [], note: 'Only "Спасибо!" is new; the quoted September reading is history. A human message without readings.' },
  },
  {
    name: 'review-uk-table-one-decreased-row-exchange',
    client: 'exchange',
    env: { fromName: 'УК «Восток-Сервис»', from: 'uk-vostok@vostok-service27.ru', date: '2026-11-24 11:52:10 +1000', subject: 'ИПУ Серышева 22 ноябрь' },
    text: ukTablePlain(UK_ROWS_BAD, UK_INTRO, UK_SIGNATURE),
    bodyOptions: { html: ukTableHtml(UK_ROWS_BAD, UK_INTRO, UK_SIGNATURE) },
    expected: {
      decision: 'review',
      readings: [
        r2('2703310011', '00870011', 14702, 6188),
        r1('2703310024', '00870024', 22340),
        r2('2703310038', '00870038', 8950, 4391),
        r1('2703310041', '00870041', 7835),
        r1('2703310055', '00870055', 31290),
        r2('2703310062', '00870062', 19003, 9102),
      ],
      note: 'Management company table: five rows are valid but flat 12 (00870038) reports day 8950 < last 9012 (decreased value), so the message goes to review as a whole.',
    },
  },
  {
    name: 'review-question-outside-window-no-readings-mailru',
    client: 'mailru',
    env: { fromName: 'Олег Фролов', from: 'oleg.frolov@mail.ru', date: '2026-11-05 16:44:12 +1000', subject: 'Вопрос' },
    text: 'Добрый день. Подскажите, можно ли передавать показания теплосчётчика по электронной почте? Л/с 2701172084.',
    expected: { decision: 'review', readings: [], note: 'Outside the window but carries no readings: a question, so review rather than reject.' },
  },
  {
    name: 'review-one-known-one-unknown-meter-mailru',
    client: 'mailru',
    env: { fromName: 'Денис Цой', from: 'd.tsoi@inbox.ru', date: '2026-11-23 21:00:17 +1000', subject: 'Показания' },
    text: 'Свет — 71540.\nТепло, новый счётчик 6041299 — 318 Гкал.',
    expected: {
      decision: 'review',
      readings: [r1('2701279914', '6041288', 71540), asSent('2701279914', '6041299', 318)],
      note: 'Electricity reading resolves (sender-linked account) but the heat meter 6041299 is unknown; one bad reading sends the whole message to review.',
    },
  },
  {
    name: 'review-no-identifiers-unknown-sender-yandex-mobile',
    client: 'yandexMobile',
    env: { fromName: 'Марат', from: 'marat.gabdullin@yandex.ru', date: '2026-11-25 20:02:48 +1000', subject: 'Показания' },
    text: 'Показания 15 730\n\n-- \nОтправлено из мобильной Яндекс Почты',
    expected: { decision: 'review', readings: [], note: 'No account, no meter and the sender address is not in the registry.' },
  },
  {
    name: 'review-meter-only-serial-not-unique-thunderbird',
    client: 'thunderbird',
    env: { fromName: 'Лидия', from: 'lidiya.andreevna55@yandex.ru', date: '2026-11-22 15:36:29 +1000', subject: 'Показания' },
    text: 'Счётчик 0458812, показания 77690',
    expected: { decision: 'review', readings: [], note: 'Serial 0458812 belongs to two accounts (2701115083 and 2702007741) and no account is given: the account cannot be implied from the meter.' },
  },
  {
    name: 'review-empty-body-subject-only-yandex',
    client: 'yandex',
    env: { fromName: 'Ю. Малов', from: 'malov.yu@yandex.ru', date: '2026-11-21 08:08:08 +1000', subject: 'Показания' },
    text: '',
    bodyOptions: { html: '<div> </div>\n' },
    expected: { decision: 'review', readings: [], note: 'Subject "Показания" and an empty body: no readings (the attachment was probably forgotten).' },
  },
  {
    name: 'review-account-typo-nine-digits-mailru',
    client: 'mailru',
    env: { fromName: 'Коваленко В.С.', from: 'kovalenko.vs@mail.ru', date: '2026-11-23 12:25:39 +1000', subject: 'Показания' },
    text: 'ЛС 270118000 показания 95431',
    expected: { decision: 'review', readings: [], note: 'Account has 9 digits (a digit missing) and matches nothing; no meter and an unknown sender.' },
  },
  {
    name: 'review-account-two-electricity-meters-no-serial-yandex',
    client: 'yandex',
    env: { fromName: 'Жуков Пётр Ильич', from: 'zhukov.pi@yandex.ru', date: '2026-11-24 19:19:02 +1000', subject: 'Показания' },
    text: 'л/с 2701305542, свет 6245',
    expected: { decision: 'review', readings: [], note: 'The account has two electricity meters (and a heat meter); "свет" does not say which one.' },
  },
  {
    name: 'review-correction-of-previous-month-outlook',
    client: 'outlook',
    env: { fromName: 'Петров Алексей', from: 'a.petrov.khv@yandex.ru', date: '2026-11-20 12:32:45 +1000', subject: 'Исправление показаний за октябрь' },
    text: 'Добрый день!\nВ октябре я ошибся при передаче показаний по л/с 2701013377: вместо 12402 (день) должно быть 12340.\nПрошу исправить и сделать перерасчёт.\n\nПетров А.В.',
    expected: { decision: 'review', readings: [], note: 'Request to correct last month\'s reading (12340 is below the accepted 12402); not a reading for this month, a clerk must handle it.' },
  },
];
