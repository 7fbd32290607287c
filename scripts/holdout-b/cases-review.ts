// Messages a clerk has to look at: something is missing, unknown, implausible or ambiguous.
// Readings list what the clerk would note down when account, meter and values are clear.
import { gmail, iphone, iphoneWithAttachments, mailruWeb, plain } from './clients.js';
import { confirmation, makeCase, quoteLines, reading, type Case } from './case.js';
import { attachment, makePng, mailbox, rfcDate } from './mime.js';

const MAILRU_APP = '\n\n--\nОтправлено из мобильной Почты Mail.ru';
const IPHONE = '\n\nОтправлено с iPhone';
const VLAT = '+1000';

/** A small sunset-like picture: a photo, but not of a meter and without any digits. */
function sunsetPng(): Buffer {
  return makePng(96, 64, (x, y) => {
    const sun = (x - 60) ** 2 + (y - 40) ** 2 < 140;
    if (sun) return [250, 210, 90];
    if (y > 46) return [40, 60 + (x % 7), 90];
    return [200 - y * 2, 90 + y, 120 + y];
  });
}

export const REVIEW_CASES: Case[] = [
  makeCase(
    'b050-thanks-only',
    'review',
    [],
    'Reply with only "Спасибо!"; the quote holds the account and the old 12840, which is not a new reading.',
    {
      from: mailbox('Татьяна Соколова', 'tanya.sokolova77@mail.ru'),
      date: rfcDate('2026-11-20T08:30:00', VLAT),
      subject: 'Re: Показания приняты',
      messageIdDomain: 'mail.ru',
      mimeVersion: '1.0 (1.0)',
    },
    iphone(
      `Спасибо!${IPHONE}\n\n> 21 окт. 2026 г., в 10:00, Хабаровскэнергосбыт <info@khab.dvec.ru> написал(а):\n> \n${quoteLines(confirmation('034817265', '0123597', '12840 кВт·ч', '21.10.2026'))}\n`,
    ),
  ),
  makeCase(
    'b051-bill-question',
    'review',
    [],
    'Question about the bill with sums, a date and a phone number; no readings.',
    {
      from: mailbox('Нина Федоровна', 'nina.fedorovna1952@mail.ru'),
      date: rfcDate('2026-11-23T10:20:00', VLAT),
      subject: 'Вопрос по квитанции',
      messageIdDomain: 'mail.ru',
    },
    plain(`Здравствуйте. Почему в квитанции за октябрь начислено 3 450,00 руб, а я оплатила 2 980,50 ещё 15.10? Позвоните мне пожалуйста 89145551234. Нина Федоровна${MAILRU_APP}`),
  ),
  makeCase(
    'b052-sender-two-accounts',
    'review',
    [],
    'Sender is registered for two accounts (27101200457 and 062941830, both plausible for 3620); no account or meter in the text.',
    {
      from: mailbox('Лена', 'lena-k@bk.ru'),
      date: rfcDate('2026-11-21T12:00:00', VLAT),
      subject: 'показания',
      messageIdDomain: 'mail.ru',
    },
    plain(`показания 3620${MAILRU_APP}`),
  ),
  makeCase(
    'b053-unknown-account',
    'review',
    [],
    'Account 034817256 is not in the registry (looks like a transposition of 034817265); sender unknown, no meter.',
    {
      from: 'petr.sv@mail.ru',
      date: rfcDate('2026-11-22T09:09:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.ru',
    },
    plain('л/с 034817256 показания 13105'),
  ),
  makeCase(
    'b054-meter-replaced',
    'review',
    [],
    'Meter replaced; the new serial 5512093 is not in the registry.',
    {
      from: mailbox('Алексей', 'alexey.m@rambler.ru'),
      date: rfcDate('2026-11-20T13:00:00', VLAT),
      subject: 'Замена счетчика',
      messageIdDomain: 'rambler.ru',
    },
    plain('Здравствуйте, 12.11 у нас поменяли счетчик, новый номер 5512093, показания на нём 00045. Акт замены могу прислать.'),
  ),
  makeCase(
    'b055-meter-of-other-account',
    'review',
    [],
    'Meter 1456093 belongs to account 044120556, not to the written 27105500217.',
    {
      from: mailbox('Марина Тен', 'marina.ten@yandex.ru'),
      date: rfcDate('2026-11-21T18:00:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('лс 27105500217 счетчик 1456093 показания 5900', 'utf-8', 'quoted-printable'),
  ),
  makeCase(
    'b056-one-value-two-zones',
    'review',
    [reading('27100458312', '40917385', 25120, null)],
    'Two-zone meter, one value given.',
    {
      from: mailbox('Алексей Петров', 'petrov.a.v@yandex.ru'),
      date: rfcDate('2026-11-22T08:15:00', VLAT),
      subject: 'показания',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('показания 25120\n\n-- \nSent from Yandex Mail for mobile'),
  ),
  makeCase(
    'b057-two-values-one-zone',
    'review',
    [reading('034817265', '0123597', 13100, 4200)],
    'Single-zone meter, day and night values given.',
    {
      from: mailbox('Татьяна Соколова', 'tanya.sokolova77@mail.ru'),
      date: rfcDate('2026-11-24T20:00:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.ru',
      mimeVersion: '1.0 (1.0)',
    },
    iphone(`день 13100 ночь 4200${IPHONE}`),
  ),
  makeCase(
    'b058-too-many-digits',
    'review',
    [reading('27107700443', '6612408', 1278045)],
    'Seven digits for a five-digit counter (probably 12780,45 without the comma).',
    {
      from: 'Irina Volkova <irina.volkova@bk.ru>',
      date: rfcDate('2026-11-21T09:00:00', VLAT),
      subject: 'pokazaniya',
      messageIdDomain: 'mail.ru',
    },
    plain(`показания 1278045${MAILRU_APP}`),
  ),
  makeCase(
    'b059-decreased',
    'review',
    [reading('27113004005', '8812390', 30100)],
    'Value below the last accepted 31000.',
    {
      from: 'nikolay.ch@bk.ru',
      date: rfcDate('2026-11-23T07:45:00', VLAT),
      subject: 'показания',
      messageIdDomain: 'mail.ru',
    },
    plain('Счётчик 8812390, показания 30100'),
  ),
  makeCase(
    'b060-jump-over-5000',
    'review',
    [reading('27108800552', '1899023', 47200)],
    'Increase of 6700 over the last 40500 (> 5000 for electricity).',
    {
      from: mailbox('Павел Н.', 'pavel.n@list.ru'),
      date: rfcDate('2026-11-24T19:30:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'f122.i.mail.ru',
    },
    mailruWeb('показания 47200\nПавел', 'b060'),
  ),
  makeCase(
    'b061-heat-jump',
    'review',
    [reading('27100933105', 'ЕМ0458127', 45890), reading('27100933105', '4471203', 1320)],
    'Electricity fine, heat rises by 86 (> 50 for heat): the message goes to review as a whole.',
    {
      from: mailbox('Дмитрий Кузнецов', 'kuznetsov.dv@gmail.com'),
      date: rfcDate('2026-11-23T21:00:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.gmail.com',
    },
    gmail('свет 45890\nтепло 1320', 'b061'),
  ),
  makeCase(
    'b062-site-complaint',
    'review',
    [],
    'Complaint about the website; "ошибка 500" and a phone number, no readings.',
    {
      from: mailbox('Аня', 'anya.sun@mail.ru'),
      date: rfcDate('2026-11-21T10:10:00', VLAT),
      subject: 'Не работает личный кабинет',
      messageIdDomain: 'mail.ru',
    },
    plain(`Не могу передать показания через личный кабинет, пишет ошибка 500. Что делать? Звонила на 8-800-100-00-00, не дозвониться.${MAILRU_APP}`),
  ),
  makeCase(
    'b063-photo-only',
    'review',
    [],
    'Only a photo (a sunset, not a meter, no digits) and "Показания на фото".',
    {
      from: mailbox('Ольга Ким', 'o.kim@yandex.ru'),
      date: rfcDate('2026-11-22T18:18:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'yandex.ru',
      mimeVersion: '1.0 (1.0)',
    },
    iphoneWithAttachments(`Показания на фото${IPHONE}`, 'b063', [attachment(sunsetPng(), 'image/png', 'IMG_4512.PNG', true)]),
  ),
  makeCase(
    'b064-subject-body-conflict',
    'review',
    [],
    'Subject says 8310, body says 8370 for the same meter: two different values.',
    {
      from: mailbox('Юрий С.', 'yuriy.s1975@yandex.ru'),
      date: rfcDate('2026-11-23T12:30:00', VLAT),
      subject: 'Показания 8310',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('показания 8370\nЮрий', 'utf-8', 'quoted-printable'),
  ),
  makeCase(
    'b065-words-only',
    'review',
    [reading('088900745', '3345120', 7820)],
    'Voice dictation wrote the value in words only (семь тысяч восемьсот двадцать = 7820), no digits.',
    {
      from: mailbox('Елена Г.', 'elena.g@inbox.ru'),
      date: rfcDate('2026-11-24T08:08:00', VLAT),
      subject: 'показания',
      messageIdDomain: 'mail.gmail.com',
    },
    gmail('показания семь тысяч восемьсот двадцать', 'b065'),
  ),
  makeCase(
    'b066-account-two-meters',
    'review',
    [],
    'Account 27102004518 has two electricity meters and the text names none.',
    {
      from: mailbox('Иван Белов', 'ivan.belov@yandex.ru'),
      date: rfcDate('2026-11-24T11:11:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('лс 27102004518 показания 67900', 'utf-8', 'quoted-printable'),
  ),
  makeCase(
    'b067-unknown-sender-value-only',
    'review',
    [],
    'Unregistered sender, a bare value, no account or meter.',
    {
      from: 'user7781@icloud.com',
      date: rfcDate('2026-11-25T10:00:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'icloud.com',
      mimeVersion: '1.0 (1.0)',
    },
    iphone(`Показания 5430${IPHONE}`),
  ),
  makeCase(
    'b068-question-early-month',
    'review',
    [],
    'A question sent on 10 Nov (outside the window) without readings: not a rejection, a question for a human.',
    {
      from: mailbox('Татьяна Р.', 'tatiana.r@yandex.ru'),
      date: rfcDate('2026-11-10T14:00:00', VLAT),
      subject: 'Вопрос',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('Здравствуйте, с какого числа можно передавать показания? В прошлом месяце не успела.', 'utf-8', 'quoted-printable'),
  ),
  makeCase(
    'b069-three-zone-two-values',
    'review',
    [reading('051203947', '11923004567', 8350, 3560, null)],
    'Three-zone meter, only day and night given.',
    {
      from: mailbox('Галина Николаевна', 'gal.nikolaevna@inbox.ru'),
      date: rfcDate('2026-11-22T11:00:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'f512.i.mail.ru',
    },
    mailruWeb('день 8350 ночь 3560', 'b069'),
  ),
  makeCase(
    'b070-day-night-swapped',
    'review',
    [reading('033300174', '88120455', 18560, 40530)],
    'Day and night swapped: day 18560 is below the last day value 40120.',
    {
      from: mailbox('Светлана Пак', 'svetlana.pak@mail.ru'),
      date: rfcDate('2026-11-25T20:20:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.ru',
    },
    plain(`день 18560 ночь 40530${MAILRU_APP}`),
  ),
  makeCase(
    'b071-unknown-meter-near-miss',
    'review',
    [],
    'Meter 5566779 is not in the registry (5566778 is); unregistered sender.',
    {
      from: 'hello.kitty.99@mail.ru',
      date: rfcDate('2026-11-21T15:15:00', VLAT),
      subject: 'показания',
      messageIdDomain: 'mail.ru',
    },
    plain('счетчик 5566779 показания 9700'),
  ),
  makeCase(
    'b093-forwarded-own-message',
    'review',
    [reading('27123005005', '4567321', 18130)],
    'The reading is only inside a forwarded earlier message (sent to the wrong address); forwarded history is not a new reading, so this is ambiguous and goes to a clerk, who would most likely book 18130.',
    {
      from: mailbox('Наталья Белая', 'nat.belaya@mail.ru'),
      date: rfcDate('2026-11-22T13:40:00', VLAT),
      subject: 'Fwd: Показания',
      messageIdDomain: 'f301.i.mail.ru',
    },
    mailruWeb(
      'Пересылаю, по ошибке отправила в управляющую компанию.\n\n\n-------- Пересылаемое сообщение --------\nОт кого: Наталья Белая <nat.belaya@mail.ru>\nКому: uk-vostok@mail.ru\nДата: Суббота, 21 ноября 2026, 9:15 +10:00\nТема: Показания\n\nСчётчик 4567321, показания 18130\n\n\n--\nНаталья Белая',
      'b093',
    ),
  ),
  makeCase(
    'b095-dot-thousands',
    'review',
    [],
    '"16.120": a dot as thousands separator (16120, plausible) or a decimal point (16, decreased); ambiguous.',
    {
      from: mailbox('Татьяна Р.', 'tatiana.r@yandex.ru'),
      date: rfcDate('2026-11-25T09:05:00', VLAT),
      subject: 'Показания',
      messageIdDomain: 'mail.yandex.ru',
    },
    plain('Показания 16.120 кВт\nТатьяна', 'utf-8', 'quoted-printable'),
  ),
];
