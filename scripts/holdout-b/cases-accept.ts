// Messages a careful clerk would book without a second look. Russian text is sample content.
import {
  gmail,
  iphone,
  mailruHtmlOnly,
  mailruWeb,
  msoParagraph,
  outlook,
  plain,
  yandexHtml,
} from './clients.js';
import { confirmation, makeCase, quoteLines, reading, type Case } from './case.js';
import { encodeWords, escapeHtml, mailbox, rfcDate, textPart } from './mime.js';

const MAILRU_APP = '\n\n--\nОтправлено из мобильной Почты Mail.ru';
const IPHONE = '\n\nОтправлено с iPhone';
const VLAT = '+1000';

export const ACCEPT_CASES: Case[] = [
  makeCase(
    'b001-iphone-one-line',
    'accept',
    [reading('034817265', '0123597', 13105)],
    'Everything on one line, no punctuation; account with a leading zero.',
    {
      from: mailbox('Татьяна Соколова', 'tanya.sokolova77@mail.ru'),
      date: rfcDate('2026-11-21T09:14:22', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.ru',
      mimeVersion: '1.0 (1.0)',
    },
    iphone(`Добрый день показания за ноябрь 13105 лс 034817265${IPHONE}`),
  ),
  makeCase(
    'b002-yandex-glued-kwh',
    'accept',
    [reading('27100458312', '40917385', 25120, 10102)],
    'Units glued to values; account and meter implied by the sender (one account, one meter).',
    {
      from: mailbox('Алексей Петров', 'petrov.a.v@yandex.ru'),
      date: rfcDate('2026-11-21T20:41:05', VLAT),
      subject: 'показания свет',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('т1 25120квт т2 10102квт\n\n-- \nSent from Yandex Mail for mobile'),
  ),
  makeCase(
    'b003-peak-semipeak-night',
    'accept',
    [reading('051203947', '11923004567', 8350, 3560, 5390)],
    'Three zones written peak, semi-peak, night: t1=пик, t2=ночь, t3=полупик.',
    {
      from: mailbox('Галина Николаевна', 'gal.nikolaevna@inbox.ru'),
      date: rfcDate('2026-11-23T11:02:37', VLAT),
      subject: 'Показания эл.энергии',
      messageIdDomain: 'f512.i.mail.ru',
    },
    mailruWeb('Здравствуйте! Передаю показания счетчика № 11923004567\nпик 8350\nполупик 5390\nночь 3560\n\nГалина Николаевна', 'b003'),
  ),
  makeCase(
    'b004-gmail-latin-serial-heat',
    'accept',
    [reading('27100933105', 'ЕМ0458127', 45890), reading('27100933105', '4471203', 1251)],
    'Serial typed with Latin E/M (registry has Cyrillic Е/М); heat in Gcal with decimals, integer part 1251.',
    {
      from: mailbox('Дмитрий Кузнецов', 'kuznetsov.dv@gmail.com'),
      date: rfcDate('2026-11-22T19:47:10', VLAT),
      subject: 'Показания за ноябрь',
      messageIdDomain: 'mail.gmail.com',
    },
    gmail('Добрый вечер.\nСчетчик EM0458127 — 45890\nТеплосчетчик 4471203 — 1251,38 Гкал\n\nКузнецов Д.В.', 'b004'),
  ),
  makeCase(
    'b005-serial-without-dashes',
    'accept',
    [reading('008456123', '011-245-7789', 31980, 15310)],
    'Unregistered sender; account given; serial typed without the dashes of 011-245-7789 (also the only meter of the account).',
    {
      from: 'ekaterina.p1990@mail.ru',
      date: rfcDate('2026-11-20T08:05:51', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.ru',
    },
    plain(`Лицевой 008456123 счётчик 0112457789 день 31980 ночь 15310${MAILRU_APP}`),
  ),
  makeCase(
    'b006-spouse-mailru-app',
    'accept',
    [reading('27101200456', '1207845', 10215)],
    'Second registered address of the account, typed with capitals in From; value only, in caps text.',
    {
      from: mailbox('Сергей Мельник', 'Melnik.Sergey1980@mail.ru'),
      date: rfcDate('2026-11-24T07:30:12', VLAT),
      subject: 'Свет',
      messageIdDomain: 'mail.ru',
    },
    plain(`ПОКАЗАНИЯ 10215${MAILRU_APP}`),
  ),
  makeCase(
    'b007-nbsp-thousands',
    'accept',
    [reading('27102004518', 'АВ7712045', 67845)],
    'NBSP as thousands separator; serial in Latin AB (registry Cyrillic АВ); the account has two meters but the serial names one.',
    {
      from: mailbox('Иван Белов', 'ivan.belov@yandex.ru'),
      date: rfcDate('2026-11-21T13:10:00', VLAT),
      subject: 'Показания по дому',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('Счётчик AB7712045 показания 67\u00a0845 кВт·ч\n\nИван Белов', 'utf-8', 'quoted-printable'),
  ),
  makeCase(
    'b008-leading-zeros',
    'accept',
    [reading('015550032', '3107751', 812)],
    'Reading written with leading zeros as shown on the drum: "00812" = 812.',
    {
      from: mailbox('Наталья Васильева', 'vasilyeva.nn@mail.ru'),
      date: rfcDate('2026-11-23T16:22:03', VLAT),
      subject: 'показания',
      messageIdDomain: 'f401.i.mail.ru',
    },
    mailruWeb('Добрый день!\nсч 3107751\nпоказание-00812\nВасильева Н.Н.', 'b008'),
  ),
  makeCase(
    'b009-inn-signature',
    'accept',
    [reading('27100341001', '47120098', 19842)],
    'Thin space as thousands separator; distractors: date, INN, OGRNIP, city phone in signature.',
    {
      from: mailbox('ИП Громов', 'ip.gromov@yandex.ru'),
      date: rfcDate('2026-11-21T10:00:41', VLAT),
      subject: 'Показания ИП Громов',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain(
      'Добрый день!\nПоказания счетчика 47120098 на 21.11.2026: 19\u2009842 кВт*ч.\n\nС уважением,\nИП Громов А.С.\nИНН 272301234567\nОГРНИП 318272400012345\nтел. 8 (4212) 45-67-89',
      'utf-8',
      'quoted-printable',
    ),
  ),
  makeCase(
    'b010-outlook-spans-cp1251',
    'accept',
    [reading('091234500', '600123987654321', 15980, 6450, 10120)],
    'Outlook windows-1251 QP; HTML splits the serial and the values across <span>s with &nbsp;; 15-digit serial.',
    {
      from: mailbox('Дмитрий Хан', 'dmitriy.kh@outlook.com', 'windows-1251'),
      date: rfcDate('2026-11-23T09:12:44', VLAT),
      subject: 'Показания',
      rawSubject: encodeWords('Показания', 'windows-1251'),
      messageIdDomain: 'AM0PR07MB5681.eurprd07.prod.outlook.com',
    },
    outlook(
      'Добрый день!\n\nЛицевой счет 091234500, счетчик 600123987654321\nТ1 – 15 980\nТ2 – 6 450\nТ3 – 10 120\n\nС уважением,\nДмитрий Хан\n+7 914 777-12-34\n',
      [
        msoParagraph('Добрый день!'),
        msoParagraph('&nbsp;'),
        msoParagraph('Лицевой счет 091234500, счетчик <span lang="EN-US">600123</span><span lang="EN-US">987654321</span>'),
        msoParagraph('<span style="color:#1F3864">Т1 – 15</span><span style="color:#1F3864">&nbsp;980</span>'),
        msoParagraph('<span style="color:#1F3864">Т2 – 6</span><span style="color:#1F3864">&nbsp;450</span>'),
        msoParagraph('<span style="color:#1F3864">Т3 – 10</span><span style="color:#1F3864">&nbsp;120</span>'),
        msoParagraph('&nbsp;'),
        msoParagraph('С уважением,'),
        msoParagraph('Дмитрий Хан'),
        msoParagraph('<span lang="EN-US">+7 914 777-12-34</span>'),
      ].join('\n'),
      'b010',
    ),
  ),
  makeCase(
    'b011-value-twice',
    'accept',
    [reading('27103300882', '19750044', 46210)],
    'The same value written twice (and once more in the subject).',
    {
      from: mailbox('Нина Федоровна', 'nina.fedorovna1952@mail.ru'),
      date: rfcDate('2026-11-20T12:40:19', VLAT),
      subject: 'показания 46210',
      messageIdDomain: 'mail.ru',
    },
    plain(`Здравствуйте. Счетчик 19750044 показания 46210. Повторяю 46210.\nНина Федоровна${MAILRU_APP}`),
  ),
  makeCase(
    'b012-previous-and-consumption',
    'accept',
    [reading('033300174', '88120455', 40530, 18560)],
    'Text also gives the previous readings (40120/18400) and the consumption (410, 160); only the current pair is a reading.',
    {
      from: mailbox('Светлана Пак', 'svetlana.pak@mail.ru'),
      date: rfcDate('2026-11-22T21:15:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'f733.i.mail.ru',
    },
    mailruWeb('Добрый день!\nпрошлые показания 40120/18400, сейчас день 40530 ночь 18560, израсходовали 410 и 160 кВт\nСветлана', 'b012'),
  ),
  makeCase(
    'b013-paid-sum-power-heat',
    'accept',
    [reading('27105500217', '3312098', 5890), reading('27105500217', '9001245', 2231)],
    'Payment sum and date as distractors; "свет" and "тепло" resolve to the account\'s only electricity and heat meters.',
    {
      from: mailbox('Марина Тен', 'marina.ten@yandex.ru'),
      date: rfcDate('2026-11-24T18:05:33', VLAT),
      subject: 'Показания свет и тепло',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('Здравствуйте! Оплатила 2 345,67 р 18.11.\nПоказания: свет 5890, тепло 2231\nМарина', 'utf-8', 'quoted-printable'),
  ),
  makeCase(
    'b014-phone-in-text',
    'accept',
    [reading('044120556', '1456093', 33455)],
    'Mobile phone number in the same line as the reading.',
    {
      from: mailbox('Алексей', 'alexey.m@rambler.ru'),
      date: rfcDate('2026-11-25T14:33:08', VLAT),
      subject: 'показания',
      messageIdDomain: 'rambler.ru',
    },
    plain('лс 044120556 показания 33455. если что звоните 8-914-123-45-67 Алексей'),
  ),
  makeCase(
    'b015-voice-spaced-account',
    'accept',
    [reading('055600412', '5012346', 8310)],
    'Voice dictation: account digit by digit "0 5 5 6 0 0 4 1 2"; sender not registered, so the account comes from the text.',
    {
      from: 'vova.t2010@mail.ru',
      date: rfcDate('2026-11-21T22:48:30', VLAT),
      subject: 'Показания счётчика',
      messageIdDomain: 'mail.gmail.com',
    },
    gmail('лицевой счёт 0 5 5 6 0 0 4 1 2 показания счётчика 8310 спасибо', 'b015'),
  ),
  makeCase(
    'b016-latin-translit',
    'accept',
    [reading('27107700443', '6612408', 12780)],
    'Whole message in Latin transliteration.',
    {
      from: 'Irina Volkova <irina.volkova@bk.ru>',
      date: rfcDate('2026-11-23T08:00:02', VLAT),
      subject: 'pokazaniya',
      messageIdDomain: 'mail.ru',
    },
    plain('Zdravstvujte! pokazaniya 12780 licevoy schet 27107700443\nIrina', 'utf-8', 'quoted-printable'),
  ),
  makeCase(
    'b017-html-table-no-header',
    'accept',
    [reading('27108800552', '1899023', 41020)],
    'HTML-only; one table row without header: account | meter | value.',
    {
      from: mailbox('Павел Н.', 'pavel.n@list.ru'),
      date: rfcDate('2026-11-20T19:19:19', VLAT),
      subject: 'Показания',
      messageIdDomain: 'f122.i.mail.ru',
    },
    mailruHtmlOnly(
      '<div>Добрый день, показания:</div><table border="1" cellpadding="4" style="border-collapse:collapse"><tbody><tr><td>27108800552</td><td>1899023</td><td>41020</td></tr></tbody></table><div>&nbsp;</div><div>Павел</div>',
    ),
  ),
  outlookReply(),
  makeCase(
    'b019-gmail-ru-reply',
    'accept',
    [reading('27109900661', '70044512', 20560, 9210, 11290)],
    'Top reply over the quoted October confirmation (old values 20100/9050/11030); Gmail Russian attribution line.',
    {
      from: mailbox('Виктор Коваленко', 'kovalenko.v@gmail.com'),
      date: rfcDate('2026-11-23T12:00:45', VLAT),
      subject: 'Re: Показания приняты',
      messageIdDomain: 'mail.gmail.com',
      extra: ['In-Reply-To: <conf-27109900661-2026-10@khab.dvec.ru>'],
    },
    gmailReply('т1 20560 т2 9210 т3 11290', 'сб, 24 окт. 2026 г. в 10:00, Хабаровскэнергосбыт <info@khab.dvec.ru>:', confirmation('27109900661', '70044512', 'Т1 20100, Т2 9050, Т3 11030', '24.10.2026'), 'b019'),
  ),
  makeCase(
    'b020-mailru-reply-html',
    'accept',
    [reading('088900745', '3345120', 7810)],
    'Mail.ru web reply: new value on top, Mail.ru attribution and blockquote with the old value 7450 and the account.',
    {
      from: mailbox('Елена Г.', 'elena.g@inbox.ru'),
      date: rfcDate('2026-11-20T15:45:00', VLAT),
      subject: 'Re: Показания приняты',
      messageIdDomain: 'f318.i.mail.ru',
      extra: ['In-Reply-To: <conf-088900745-2026-10@khab.dvec.ru>'],
    },
    mailruReply('7810\nЕлена', 'Вторник, 20 октября 2026, 10:00 +10:00 от Хабаровскэнергосбыт <info@khab.dvec.ru>:', confirmation('088900745', '3345120', '7450 кВт·ч', '20.10.2026'), 'b020'),
  ),
  makeCase(
    'b021-yandex-reply-colon-zones',
    'accept',
    [reading('27106600338', '20451877', 14920, 7480)],
    '"день:14920;ночь:7480" over a Yandex-style quoted confirmation with the old 14500/7320.',
    {
      from: mailbox('Ольга Ким', 'o.kim@yandex.ru'),
      date: rfcDate('2026-11-24T09:30:27', VLAT),
      subject: 'Re: Показания приняты',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain(
      `день:14920;ночь:7480\n\n23.10.2026, 10:00, "info" <info@khab.dvec.ru>:\n${quoteLines(confirmation('27106600338', '20451877', 'день 14500, ночь 7320', '23.10.2026'))}\n`,
      'utf-8',
      '8bit',
    ),
  ),
  makeCase(
    'b022-bottom-post-thunderbird',
    'accept',
    [reading('027733415', '0804512345671', 7950, 3188)],
    'Bottom-posted under the quote (old Д 7702, Н 3101); "Д-7950 Н-3188" is day/night, not negative.',
    {
      from: mailbox('Анна Зайцева', 'a.zaitseva@gmail.com'),
      date: rfcDate('2026-11-22T10:11:12', VLAT),
      subject: 'Re: Показания приняты',
      messageIdDomain: 'gmail.com',
      extra: ['User-Agent: Mozilla Thunderbird', 'Content-Language: ru'],
    },
    {
      headers: [],
      root: textPart(
        `24.10.2026 10:00, Хабаровскэнергосбыт пишет:\n${quoteLines(confirmation('027733415', '0804512345671', 'Д 7702, Н 3101', '24.10.2026'))}\n\nНовые показания: Д-7950 Н-3188\n\nАнна Зайцева\n`,
        { charsetLabel: 'UTF-8', encoding: '8bit', flowed: true },
      ),
    },
  ),
  makeCase(
    'b023-shared-sender-with-account',
    'accept',
    [reading('062941830', '35500821', 3540)],
    'Sender is linked to two accounts, but the account is written.',
    {
      from: mailbox('Лена', 'lena-k@bk.ru'),
      date: rfcDate('2026-11-23T20:20:20', VLAT),
      subject: 'показания',
      messageIdDomain: 'mail.ru',
    },
    plain(`лс 062941830 показания 3540${MAILRU_APP}`),
  ),
  makeCase(
    'b024-slash-day-night',
    'accept',
    [reading('27112003994', '3390271', 12480, 5210)],
    '"12480/5210 (день/ночь)".',
    {
      from: mailbox('Жанна', 'zhanna.b@yandex.ru'),
      date: rfcDate('2026-11-21T16:00:09', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('Счетчик 3390271 — 12480/5210 (день/ночь)', 'utf-8', 'quoted-printable'),
  ),
  makeCase(
    'b025-yandex-html-semicolon',
    'accept',
    [reading('040011287', '123004567891', 51840, 22390)],
    'Yandex mobile HTML-only, 8bit; "день:51840;ночь:22390"; account from the sender.',
    {
      from: mailbox('Надежда Орлова', 'nadya.orlova@yandex.ru'),
      date: rfcDate('2026-11-25T07:55:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.yandex.ru',
    },
    yandexHtml('<div>день:51840;ночь:22390</div><div>&nbsp;</div><div>-- </div><div>Отправлено из мобильной Яндекс Почты</div>'),
  ),
  makeCase(
    'b026-caps-meter-only',
    'accept',
    [reading('27104411093', '7700512', 22870)],
    'Caps; unregistered sender; no account, the serial is unique in the registry.',
    {
      from: 'k.a.lukin@mail.ru',
      date: rfcDate('2026-11-20T11:11:11', VLAT),
      subject: 'ПОКАЗАНИЯ',
      messageIdDomain: 'mail.ru',
    },
    plain('ЭЛЕКТРОЭНЕРГИЯ 22870 СЧЁТЧИК 7700512'),
  ),
  makeCase(
    'b027-decimal-dot',
    'accept',
    [reading('27110001772', '4456231', 27012)],
    'Decimal point: 27012.6 -> 27012; unregistered sender, unique serial.',
    {
      from: mailbox('Сергей Иванченко', 's.ivanchenko@gmail.com'),
      date: rfcDate('2026-11-22T14:02:55', VLAT),
      subject: 'показания',
      messageIdDomain: 'mail.gmail.com',
    },
    gmail('Сч. 4456231 показания 27012.6\nИванченко', 'b027', undefined, 'ltr'),
  ),
  makeCase(
    'b028-kwh-glued-meter-in-subject',
    'accept',
    [reading('27111002883', '5623017', 2451)],
    '"2451кВтч"; serial only in the subject; account from the sender.',
    {
      from: mailbox('Ольга Ш.', 'olga.sh@mail.ru'),
      date: rfcDate('2026-11-24T21:30:00', VLAT),
      subject: 'Показания 5623017',
      messageIdDomain: 'mail.ru',
    },
    plain('Показания 2451кВтч\nОльга'),
  ),
  makeCase(
    'b029-moscow-late-evening',
    'accept',
    [reading('011200345', '9087123', 19580)],
    'Sent 19 Nov 23:30 Moscow time (+0300) = 20 Nov 06:30 Vladivostok: inside the window.',
    {
      from: mailbox('Роман Ли', 'roman.lee@gmail.com'),
      date: rfcDate('2026-11-19T23:30:00', '+0300'),
      subject: 'Показания',
      messageIdDomain: 'mail.gmail.com',
    },
    gmail('Добрый вечер! Я сейчас в Москве, поэтому пишу поздно. Показания 19580, лс 011200345.\nРоман', 'b029'),
  ),
  makeCase(
    'b030-magadan-after-midnight',
    'accept',
    [reading('022300456', '56011234', 80905)],
    'Sent 26 Nov 00:10 +1100 = 25 Nov 23:10 Vladivostok: still inside the window.',
    {
      from: mailbox('Мария Попова', 'm.popova@mail.ru'),
      date: rfcDate('2026-11-26T00:10:00', '+1100'),
      subject: 'Показания',
      messageIdDomain: 'mail.ru',
    },
    plain(`Лицевой 022300456 показания 80905${MAILRU_APP}`),
  ),
  makeCase(
    'b031-utc-header',
    'accept',
    [reading('27113004005', '8812390', 31450)],
    'Date in UTC: 19 Nov 14:30 +0000 = 20 Nov 00:30 Vladivostok.',
    {
      from: 'nikolay.ch@bk.ru',
      date: rfcDate('2026-11-19T14:30:00', '+0000'),
      subject: 'pokazaniya',
      messageIdDomain: 'mail.ru',
    },
    plain('8812390: 31450'),
  ),
  makeCase(
    'b032-last-second',
    'accept',
    [reading('099900567', '1122334455', 5730)],
    'Sent 25 Nov 23:59:59 Vladivostok time: the last second of the window.',
    {
      from: mailbox('Вера Остапенко', 'vera.ost@mail.ru'),
      date: rfcDate('2026-11-25T23:59:59', VLAT),
      subject: 'Показания',
      messageIdDomain: 'f77.i.mail.ru',
    },
    mailruWeb('Показания счетчика 1122334455 — 5730. Успела!', 'b032'),
  ),
  makeCase(
    'b033-auto-submitted-no',
    'accept',
    [reading('27114005116', '6677001', 21405, 10102)],
    'Human message carrying "Auto-Submitted: no"; account from the sender.',
    {
      from: mailbox('Григорий Васильев', 'grigoriy.vas@mail.ru'),
      date: rfcDate('2026-11-20T10:30:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.ru',
      extra: ['Auto-Submitted: no'],
    },
    plain('Т1 21405 Т2 10102\nВасильев Г.', 'utf-8', 'quoted-printable', ['X-Mailer: Microsoft Outlook 16.0']),
  ),
  makeCase(
    'b034-koi8r-thebat',
    'accept',
    [reading('033400612', '4012998', 17835)],
    'The Bat!, KOI8-R 8bit; "17 835 квт.ч" with a date distractor.',
    {
      from: mailbox('Стариков В.П.', 'starikov@khv.ru', 'KOI8-R'),
      date: rfcDate('2026-11-20T09:01:17', VLAT),
      subject: 'Показания',
      rawSubject: encodeWords('Показания', 'KOI8-R'),
      messageIdDomain: 'khv.ru',
    },
    {
      headers: ['X-Mailer: The Bat! (v9.4.5) Professional'],
      root: textPart('Здравствуйте.\nПоказания эл/счетчика 4012998 на 20.11.2026 - 17 835 квт.ч\n\n--\nС уважением, Стариков В.П.\n', {
        charset: 'koi8-r',
        encoding: '8bit',
      }),
    },
  ),
  makeCase(
    'b035-cp1251-dashed-account',
    'accept',
    [reading('27115006227', '7123456', 36610)],
    'windows-1251 base64, subject in several encoded-words; account written with dashes 271-150-062-27.',
    {
      from: mailbox('Людмила К.', 'lyudmila.k@rambler.ru', 'windows-1251'),
      date: rfcDate('2026-11-22T12:12:12', VLAT),
      subject: 'Показания счётчика за ноябрь 2026',
      rawSubject: encodeWords('Показания счётчика за ноябрь 2026', 'windows-1251', 'B', 18),
      messageIdDomain: 'rambler.ru',
    },
    plain('Лицевой счет 271-150-062-27 показания 36610\nЛюдмила', 'windows-1251', 'base64'),
  ),
  makeCase(
    'b036-mailru-html-only-nbsp',
    'accept',
    [reading('055500789', '2345987', 15720, 6290)],
    'HTML-only; &nbsp; between zone label and value; account from the sender.',
    {
      from: mailbox('Кирилл', 'kirill.sh@mail.ru'),
      date: rfcDate('2026-11-23T19:00:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'f9.i.mail.ru',
    },
    mailruHtmlOnly('<div>Т1&nbsp;15720</div><div>Т2&nbsp;6290</div><div>&nbsp;</div><div>--<br>Кирилл</div>'),
  ),
  makeCase(
    'b037-html-plain-alternative',
    'accept',
    [reading('27116007338', '9988776', 44560)],
    'Styled HTML and a plain alternative saying the same; "44 560".',
    {
      from: mailbox('Полина Р.', 'polina.r@gmail.com'),
      date: rfcDate('2026-11-24T13:45:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.gmail.com',
    },
    gmail(
      'Добрый день!\nПоказания: 44 560\nПолина Р.',
      'b037',
      '<div dir="ltr"><p style="font-family:Arial,sans-serif;font-size:14px;color:#222">Добрый день!</p><p style="font-family:Arial,sans-serif;font-size:14px">Показания: <b style="color:#c00">44&nbsp;560</b></p><p style="font-family:Arial,sans-serif;font-size:14px">Полина Р.</p></div>\n',
    ),
  ),
  makeCase(
    'b038-format-flowed',
    'accept',
    [reading('066600890', '34567012', 121030)],
    'format=flowed: the value sits on the continuation of a soft-broken line.',
    {
      from: mailbox('Борис Н.', 'boris.n@icloud.com'),
      date: rfcDate('2026-11-20T18:20:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'icloud.com',
    },
    {
      headers: ['X-Mailer: Apple Mail (2.3826.300.87.4.3)'],
      root: textPart('Здравствуйте, прошу принять показания по лицевому счёту 066600890, счётчик 34567012: \n121030 кВт·ч.\n\nС уважением, Борис\n', {
        charset: 'utf-8',
        encoding: '8bit',
        flowed: true,
      }),
    },
  ),
  makeCase(
    'b039-emoji',
    'accept',
    [reading('27117008449', '5566778', 9684)],
    'Emoji around the value; account from the sender.',
    {
      from: mailbox('Даша', 'dasha.kot@mail.ru'),
      date: rfcDate('2026-11-21T23:05:00', VLAT),
      subject: 'Показания 💡',
      messageIdDomain: 'mail.ru',
    },
    plain(`Показания 9684 ⚡️👍 спасибо 🙏😊${MAILRU_APP}`),
  ),
  makeCase(
    'b040-address-postcode',
    'accept',
    [reading('077700901', '1239870', 28390)],
    'Postal code, house and flat numbers as distractors; unregistered sender, account written.',
    {
      from: mailbox('Гусев В.И.', 'v.gusev58@mail.ru'),
      date: rfcDate('2026-11-22T08:44:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'f455.i.mail.ru',
    },
    mailruWeb('680021, г. Хабаровск, ул. Ленинградская, д. 28, кв. 114\nЛ/с 077700901\nПоказания 28390\nГусев В.И.', 'b040'),
  ),
  makeCase(
    'b041-tariff-percent',
    'accept',
    [reading('27118009550', '4455123', 11380)],
    'Tariff 5,63 and a percentage as distractors (a grumble, not a question).',
    {
      from: mailbox('Светлана', 'svetik.83@mail.ru'),
      date: rfcDate('2026-11-25T08:30:00', VLAT),
      subject: 'показания',
      messageIdDomain: 'mail.ru',
    },
    plain(`Показания на сегодня 11380. Тариф 5,63 руб/кВт·ч, в июле подняли на 11,9%, дорого!${MAILRU_APP}`),
  ),
  makeCase(
    'b042-contract-number',
    'accept',
    [reading('27119001661', '7788990', 61020, 25480, 30910)],
    'Small business in Outlook: contract number 12345/2019, INN and phone as distractors; account from the sender.',
    {
      from: mailbox('Бухгалтерия СтройДВ', 'buh@stroy-dv.ru', 'windows-1251'),
      date: rfcDate('2026-11-23T10:05:00', VLAT),
      subject: 'Показания за ноябрь',
      rawSubject: encodeWords('Показания за ноябрь', 'windows-1251'),
      messageIdDomain: 'stroy-dv.ru',
    },
    outlook(
      'Добрый день!\n\nООО «СтройДВ», договор № 12345/2019\nПоказания прибора учета 7788990 за ноябрь 2026:\nТ1 61020\nТ2 25480\nТ3 30910\n\nГл. бухгалтер Иванова Е.А.\nтел. (4212) 31-22-11\nИНН 2721234567\n',
      [
        msoParagraph('Добрый день!'),
        msoParagraph('&nbsp;'),
        msoParagraph('ООО «СтройДВ», договор № 12345/2019'),
        msoParagraph('Показания прибора учета 7788990 за ноябрь 2026:'),
        msoParagraph('Т1 61020'),
        msoParagraph('Т2 25480'),
        msoParagraph('Т3 30910'),
        msoParagraph('&nbsp;'),
        msoParagraph('<span style="font-size:10.0pt;color:gray">Гл. бухгалтер Иванова Е.А.<br>тел. (4212) 31-22-11<br>ИНН 2721234567</span>'),
      ].join('\n'),
      'b042',
    ),
  ),
  makeCase(
    'b043-time-of-day',
    'accept',
    [reading('088800123', '6655443', 14592)],
    'Time "в 18:30" before the value.',
    {
      from: mailbox('Аня', 'anya.sun@mail.ru'),
      date: rfcDate('2026-11-24T19:02:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.ru',
    },
    plain(`снимала показания сегодня в 18:30, 14592\nАня${MAILRU_APP}`),
  ),
  makeCase(
    'b044-heat-decimal',
    'accept',
    [reading('27100777190', '5530918', 431)],
    'Heat meter, "431,275 Гкал" -> 431 (+19).',
    {
      from: 'teplo.dom25@mail.ru',
      date: rfcDate('2026-11-20T16:16:00', VLAT),
      subject: 'Тепло',
      messageIdDomain: 'f2.i.mail.ru',
    },
    mailruWeb('Тепло, счётчик 5530918: 431,275 Гкал', 'b044'),
  ),
  makeCase(
    'b045-subject-only',
    'accept',
    [reading('27120002772', '3322110', 6985)],
    'Value and account only in the subject; body is the app signature.',
    {
      from: mailbox('Дед Мазай', 'ded.mazay@mail.ru'),
      date: rfcDate('2026-11-22T06:40:00', VLAT),
      subject: 'Показания 6985 лс 27120002772',
      messageIdDomain: 'mail.ru',
    },
    plain(MAILRU_APP.trimStart()),
  ),
  makeCase(
    'b046-account-without-leading-zero',
    'accept',
    [reading('012300456', '8765432', 4210)],
    'Account written without its leading zero (12300456); the registered sender names the same account.',
    {
      from: mailbox('Тамара Игоревна', 'tamara.ig@mail.ru'),
      date: rfcDate('2026-11-21T11:30:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'f88.i.mail.ru',
    },
    mailruWeb('лс 12300456 показания 4210', 'b046'),
  ),
  makeCase(
    'b047-pacific-time-edge',
    'accept',
    [reading('27121003883', '2468013', 35410, 14260)],
    'Sent 19 Nov 08:00 -0800 (California) = 20 Nov 02:00 Vladivostok: inside.',
    {
      from: mailbox('Max Orlov', 'max.orlov@gmail.com'),
      date: rfcDate('2026-11-19T08:00:00', '-0800'),
      subject: 'Показания за родителей',
      messageIdDomain: 'mail.gmail.com',
    },
    gmail('Здравствуйте! Передаю показания за родителей, лс 27121003883: день 35410 ночь 14260.\nМаксим Орлов\nSan Jose, CA', 'b047', undefined, 'ltr'),
  ),
  makeCase(
    'b048-iphone-quote-top',
    'accept',
    [reading('033500234', '1357911', 12990)],
    'iPhone reply "12 990" on top of the quoted confirmation (old 12610).',
    {
      from: mailbox('Люба', 'lyuba.m@icloud.com'),
      date: rfcDate('2026-11-22T20:02:00', VLAT),
      subject: 'Re: Показания приняты',
      messageIdDomain: 'icloud.com',
      mimeVersion: '1.0 (1.0)',
    },
    iphone(
      `12 990${IPHONE}\n\n> 21 окт. 2026 г., в 10:00, Хабаровскэнергосбыт <info@khab.dvec.ru> написал(а):\n> \n${quoteLines(confirmation('033500234', '1357911', '12610 кВт·ч', '21.10.2026'))}\n`,
    ),
  ),
  makeCase(
    'b049-unchanged-dacha',
    'accept',
    [reading('27102004518', '2207-118453', 2210)],
    'Cottage meter unchanged: value equal to the last one is allowed (>=).',
    {
      from: mailbox('Иван Белов', 'ivan.belov@yandex.ru'),
      date: rfcDate('2026-11-22T12:00:00', VLAT),
      subject: 'Дача',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('Счётчик на даче 2207-118453, показания те же, 2210. Зимой там никто не живёт.', 'utf-8', 'quoted-printable'),
  ),
  makeCase(
    'b091-phone-eleven-digits',
    'accept',
    [reading('27104411093', '7700512', 22905)],
    'An 11-digit mobile number (89243456789) next to an 11-digit account; unregistered sender; time "после 18:00".',
    {
      from: mailbox('Олег', 'oleg.vlasov.khv@gmail.com'),
      date: rfcDate('2026-11-21T17:35:00', VLAT),
      subject: 'Показания электроэнергии',
      messageIdDomain: 'mail.gmail.com',
    },
    gmail('Добрый день! Л/сч 27104411093, показания 22905.\nМой телефон 89243456789, звоните после 18:00.', 'b091'),
  ),
  outlookReplyRussian(),
  makeCase(
    'b094-both-meters-named',
    'accept',
    [reading('27102004518', 'АВ7712045', 67850), reading('27102004518', '2207-118453', 2215)],
    'Both meters of the account, each named by serial (house serial typed in Latin).',
    {
      from: mailbox('Иван Белов', 'ivan.belov@yandex.ru'),
      date: rfcDate('2026-11-23T19:45:00', VLAT),
      subject: 'Показания дом и дача',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('Дом, счётчик AB7712045: 67850\nДача, счётчик 2207-118453: 2215\n\nИван', 'utf-8', 'quoted-printable'),
  ),
];

/** Outlook top reply: new lines, then the header block of the quoted message and its text. */
function outlookQuoted(top: string[], header: string[], old: string[]): { text: string; html: string } {
  const text = `${top.join('\n')}\n\n${header.join('\n')}\n\n${old.join('\n')}\n`;
  const bold = (line: string): string =>
    escapeHtml(line).replace(/^([^:]+):/, '<b>$1:</b>');
  const html = [
    ...top.map((line) => msoParagraph(line ? escapeHtml(line) : '&nbsp;')),
    msoParagraph('&nbsp;'),
    `<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">${msoParagraph(header.map(bold).join('<br>\n'))}</div>`,
    msoParagraph('&nbsp;'),
    ...old.map((line) => msoParagraph(escapeHtml(line))),
  ].join('\n');
  return { text, html };
}

function outlookReply(): Case {
  const { text, html } = outlookQuoted(
    ['Показания на 22.11: 16120', '', 'Татьяна'],
    ['From: Хабаровскэнергосбыт <info@khab.dvec.ru>', 'Sent: Thursday, October 22, 2026 10:00 AM', 'To: tatiana.r@yandex.ru', 'Subject: Показания приняты'],
    confirmation('077800634', '2123456', '15780', '22.10.2026'),
  );
  return makeCase(
    'b018-outlook-reply-en-block',
    'accept',
    [reading('077800634', '2123456', 16120)],
    'Outlook top reply with an English From/Sent/To/Subject block; quoted old value 15780; "22.11" is a date.',
    {
      from: mailbox('Татьяна Р.', 'tatiana.r@yandex.ru', 'windows-1251'),
      date: rfcDate('2026-11-22T17:40:00', VLAT),
      subject: 'RE: Показания приняты',
      rawSubject: `RE: ${encodeWords('Показания приняты', 'windows-1251')}`,
      messageIdDomain: 'DESKTOP-7QK2L1M',
      extra: ['In-Reply-To: <conf-077800634-2026-10@khab.dvec.ru>'],
    },
    outlook(text, html, 'b018'),
  );
}

function outlookReplyRussian(): Case {
  const { text, html } = outlookQuoted(
    ['Добрый день!', 'Показания за ноябрь: день 43 620, ночь 20 115.', '', 'С уважением,', 'Морозова Е.В.', 'ДВГУПС, тел. (4212) 40-75-00'],
    ['От: Хабаровскэнергосбыт <info@khab.dvec.ru>', 'Отправлено: 22 октября 2026 г. 10:00', 'Кому: e.morozova@dvgups.ru', 'Тема: Показания приняты'],
    confirmation('27122004994', '9517530', 'день 43100, ночь 19870', '22.10.2026'),
  );
  return makeCase(
    'b092-outlook-reply-ru-block',
    'accept',
    [reading('27122004994', '9517530', 43620, 20115)],
    'Outlook (Russian UI) top reply with От/Отправлено/Кому/Тема block; old 43100/19870 only in the quote; account from the sender.',
    {
      from: mailbox('Морозова Елена Викторовна', 'e.morozova@dvgups.ru', 'windows-1251'),
      date: rfcDate('2026-11-24T11:25:00', VLAT),
      subject: 'RE: Показания приняты',
      rawSubject: `RE: ${encodeWords('Показания приняты', 'windows-1251')}`,
      messageIdDomain: 'exch01.dvgups.ru',
      extra: ['In-Reply-To: <conf-27122004994-2026-10@khab.dvec.ru>'],
    },
    outlook(text, html, 'b092'),
  );
}

export function gmailReply(top: string, attribution: string, quoted: string[], seed: string) {
  const text = `${top}\n\n${attribution}\n\n${quoteLines(quoted)}\n`;
  const html =
    `<div dir="auto">${escapeHtml(top)}</div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">` +
    `${escapeHtml(attribution).replace('&lt;info@khab.dvec.ru&gt;', '&lt;<a href="mailto:info@khab.dvec.ru">info@khab.dvec.ru</a>&gt;')}<br></div>` +
    `<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">` +
    `${quoted.map(escapeHtml).join('<br>')}</blockquote></div>\n`;
  return gmail(text, seed, html);
}

export function mailruReply(top: string, attribution: string, quoted: string[], seed: string) {
  const text = `${top}\n\n\n${attribution}\n${quoteLines(quoted, '>')}\n`;
  const html =
    top.split('\n').map((line) => `<div>${escapeHtml(line)}</div>`).join('') +
    `<div>&nbsp;</div><div>&nbsp;</div><div>${escapeHtml(attribution)}<br>&nbsp;` +
    `<blockquote style="border-left:1px solid #0857A6; margin:10px; padding:0 0 0 10px;"><div id=""><div class="js-helper js-readmsg-msg"><div><div id="style_17612">` +
    `${quoted.map(escapeHtml).join('<br>')}</div></div></div></div></blockquote></div>`;
  return mailruWeb(text, seed, html);
}
