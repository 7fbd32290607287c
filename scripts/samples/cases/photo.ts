// Mail with real-looking meter photos (made by scripts/photos/email-photos.ts, stored in samples/photos/email/
// with labels.json). The photo's reading comes from its label, so a case cannot drift from its picture.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SampleCase } from '../compose.js';
import { r1, r2 } from '../compose.js';

const DIR = fileURLToPath(new URL('../../../samples/photos/email/', import.meta.url));
const photo = (file: string): Buffer => readFileSync(DIR + file);

export const photoCases: SampleCase[] = [
  {
    name: 'accept-photo-only-account-in-text-iphone',
    client: 'iphone',
    env: { fromName: 'Любовь Игнатьева', from: 'l.ignateva@icloud.com', date: '2026-11-21 18:07:44 +1000', subject: 'Показания' },
    body: {
      kind: 'multi', subtype: 'mixed', boundary: 'Apple-Mail-5E1D7A22-0B4C-4F3A-8D19-6C2B7E4F1A93',
      parts: [
        { kind: 'text', subtype: 'plain', charset: 'utf-8', cte: 'quoted-printable', text: 'Лицевой счёт 2701310017', quoteCharset: false },
        { kind: 'file', contentType: 'image/jpeg', filename: 'IMG_5172.jpg', data: photo('IMG_5172.jpg'), disposition: 'inline', extraHeaders: [['X-Attachment-Id', '0C3B8E71-5A2D-4E6F-9B14-2D7A6C1E8F05']] },
        { kind: 'text', subtype: 'plain', charset: 'utf-8', cte: 'quoted-printable', text: '\n\nОтправлено с iPhone', quoteCharset: false },
      ],
    },
    expected: { decision: 'accept', readings: [r1('2701310017', '36018844', 22871)], note: 'Photo only plus the account in the text. Drum counter Меркурий 201.5 shows 022871 and a red tenths drum (dropped); the faceplate serial 36018844 is the account\'s meter. Reading comes from the photo.' },
  },
  {
    name: 'accept-photo-and-text-agree-gmail-android',
    client: 'gmailAndroid',
    env: { fromName: 'Павел Гусев', from: 'gusev.pavel@gmail.com', date: '2026-11-22 19:20:31 +1000', subject: 'показания счетчика' },
    text: 'Добрый вечер. Показания 41877, фото прилагаю',
    bodyOptions: { attachments: [{ kind: 'file', contentType: 'image/jpeg', filename: 'IMG_20261122_191544.jpg', data: photo('IMG_20261122_191544.jpg'), disposition: 'attachment' }] },
    expected: { decision: 'accept', readings: [r1('2701310025', '01120457', 41877)], note: 'Sender linked to one account with one meter; the text value 41877 agrees with the LCD photo (041877.36, decimals dropped).' },
  },
  {
    name: 'review-photo-text-disagree-mailru',
    client: 'mailru',
    env: { fromName: 'Ирина Белова', from: 'belova.irina@mail.ru', date: '2026-11-23 10:44:12 +1000', subject: 'Показания л/с 2701310033' },
    text: 'Здравствуйте, показания эл. счётчика 15320 кВт·ч, фото во вложении.\nБелова И.',
    bodyOptions: { attachments: [{ kind: 'file', contentType: 'image/jpeg', filename: 'photo_2026-11-23_10-41-07.jpg', data: photo('photo_2026-11-23_10-41-07.jpg'), disposition: 'attachment' }] },
    expected: { decision: 'review', readings: [r1('2701310033', '0734519', 15320)], note: 'Text says 15320 but the photographed drum counter (СО-505, serial 0734519) shows 15820: a typo in one of them. Conflicting values go to review; readings record the text\'s value.' },
  },
  {
    name: 'review-photo-unreadable-blurred-yandex',
    client: 'yandexMobile',
    env: { fromName: 'Олег Шевченко', from: 'o.shevchenko@yandex.ru', date: '2026-11-21 20:25:03 +1000', subject: 'Показания' },
    text: 'л/с 2701310041 показания на фото\n\n--\nОтправлено из мобильной Яндекс Почты',
    bodyOptions: { attachments: [{ kind: 'file', contentType: 'image/jpeg', filename: 'IMG_20261121_202310.jpg', data: photo('IMG_20261121_202310.jpg'), disposition: 'attachment' }] },
    expected: { decision: 'review', readings: [], note: 'The only reading is in a photo that is badly out of focus: the drums cannot be read. Account given, no value.' },
  },
  {
    name: 'review-photo-serial-of-another-meter-iphone',
    client: 'iphone',
    env: { fromName: 'Сергей Тимофеев', from: 's.timofeev@icloud.com', date: '2026-11-22 09:12:50 +1000', subject: 'Счётчик' },
    body: {
      kind: 'multi', subtype: 'mixed', boundary: 'Apple-Mail-A7F2C913-6E0B-4D58-B2A1-9C4E3F7D6B10',
      parts: [
        { kind: 'text', subtype: 'plain', charset: 'utf-8', cte: 'quoted-printable', text: 'Л/с 2701310058', quoteCharset: false },
        { kind: 'file', contentType: 'image/jpeg', filename: 'IMG_5208.jpg', data: photo('IMG_5208.jpg'), disposition: 'inline', extraHeaders: [['X-Attachment-Id', '7B0E4C2A-91D3-4F6B-A8E5-3C1D2B9F0A64']] },
        { kind: 'text', subtype: 'plain', charset: 'utf-8', cte: 'quoted-printable', text: '\n\nОтправлено с iPhone', quoteCharset: false },
      ],
    },
    expected: { decision: 'review', readings: [], note: 'The photo is readable (007512) but its faceplate serial is 011879944, while the account\'s meter is 011873205: probably a neighbour\'s meter in the same cabinet. Nothing can be recorded for the account\'s meter.' },
  },
  {
    name: 'review-photo-lower-than-last-reading-gmail',
    client: 'gmail',
    env: { fromName: 'Nikolay Orlov', from: 'n.orlov1979@gmail.com', date: '2026-11-24 08:47:19 +1000', subject: 'Показания 2701310066' },
    text: 'Фото счетчика',
    bodyOptions: { attachments: [{ kind: 'file', contentType: 'image/jpeg', filename: 'IMG_20261124_084512.jpg', data: photo('IMG_20261124_084512.jpg'), disposition: 'attachment' }] },
    expected: { decision: 'review', readings: [r1('2701310066', '20458817', 51986)], note: 'The LCD photo reads 51986.57 with leading blanks (serial 20458817 matches) but the last accepted reading is 52118: a decrease. The photo\'s value is what the clerk records.' },
  },
  {
    name: 'review-photo-two-zone-only-t1-iphone',
    client: 'iphone',
    env: { fromName: 'Алина Захарченко', from: 'alina.z@icloud.com', date: '2026-11-23 21:30:05 +1000', subject: 'Показания' },
    body: {
      kind: 'multi', subtype: 'mixed', boundary: 'Apple-Mail-3D9B6E10-C4A7-4B12-8F3E-5A0D7C2B9E47',
      parts: [
        { kind: 'text', subtype: 'plain', charset: 'utf-8', cte: 'quoted-printable', text: 'Счёт 2701310074, счётчик двухтарифный', quoteCharset: false },
        { kind: 'file', contentType: 'image/jpeg', filename: 'IMG_5230.jpg', data: photo('IMG_5230.jpg'), disposition: 'inline', extraHeaders: [['X-Attachment-Id', '2E8C1A4F-7B36-4D90-B5E2-0F9A3C6D1B78']] },
        { kind: 'text', subtype: 'plain', charset: 'utf-8', cte: 'quoted-printable', text: '\n\nОтправлено с iPhone', quoteCharset: false },
      ],
    },
    expected: { decision: 'review', readings: [{ account: '2701310074', meter: '009123745', t1: 18611, t2: null, t3: null }], note: 'Two-zone meter, one photo: the LCD shows the T1 register (018611.92, T1 marker lit); the night zone T2 is missing, so the reading is incomplete.' },
  },
  {
    name: 'accept-photo-png-screenshot-mailru-android',
    client: 'mailruAndroid',
    env: { fromName: 'Виктор Демченко', from: 'demchenko.v@bk.ru', date: '2026-11-22 18:31:40 +1000', subject: 'Показания электроэнергии' },
    text: 'Лицевой 2701310082\n\nОтправлено из приложения Почта Mail.ru',
    bodyOptions: { attachments: [{ kind: 'file', contentType: 'image/png', filename: 'Screenshot_20261122-183005.png', data: photo('Screenshot_20261122-183005.png'), disposition: 'attachment' }] },
    expected: { decision: 'accept', readings: [r1('2701310082', '04417720', 9455)], note: 'A PNG screenshot of the gallery app (status bar, black margins) showing the drum counter 009455 (red tenths dropped), serial 04417720 of the account\'s only meter.' },
  },
  {
    name: 'accept-photo-heat-inline-cid-html-yandex',
    client: 'yandex',
    env: { fromName: 'Татьяна Козлова', from: 'kozlova.heat@yandex.ru', date: '2026-11-21 12:02:17 +1000', subject: 'Тепло, показания' },
    body: {
      kind: 'multi', subtype: 'related', boundary: '----==--bound.7731.myt6-4c1b0e2a7f.qloud-c.yandex.net',
      parts: [
        { kind: 'text', subtype: 'html', charset: 'utf-8', cte: '8bit', quoteCharset: false, text: '<div>Добрый день!</div><div>Показания теплосчётчика на фото:</div><div><img src="cid:teplo-1732152137@yandex.ru" alt="teplo.jpg" width="640"></div><div>&nbsp;</div><div>С уважением, Козлова Т.</div>\n' },
        { kind: 'file', contentType: 'image/jpeg', filename: 'teplo.jpg', data: photo('teplo.jpg'), disposition: 'inline', cid: 'teplo-1732152137@yandex.ru' },
      ],
    },
    expected: { decision: 'accept', readings: [r1('2701310090', '771204', 41)], note: 'HTML-only Yandex mail with the photo inline (cid:). Sender linked to one account with one heat meter; the LCD shows 00041.629 Гкал, integer part 41 (last 38).' },
  },
  {
    name: 'accept-photo-heic-iphone',
    client: 'iphone',
    env: { fromName: 'Григорий Лазарев', from: 'lazarev.g@icloud.com', date: '2026-11-24 20:14:33 +1000', subject: 'Показания 2701310105' },
    body: {
      kind: 'multi', subtype: 'mixed', boundary: 'Apple-Mail-E4B07C15-3F2A-4A8D-9C61-B8D5E2F0A397',
      parts: [
        { kind: 'text', subtype: 'plain', charset: 'us-ascii', cte: '7bit', text: '', quoteCharset: false },
        { kind: 'file', contentType: 'image/heic', filename: 'IMG_5251.HEIC', data: photo('IMG_5251.HEIC'), disposition: 'inline', extraHeaders: [['X-Attachment-Id', 'C90A3E57-1D4B-4F28-8B6E-7A2C5D0F9E13']] },
        { kind: 'text', subtype: 'plain', charset: 'us-ascii', cte: '7bit', text: '\n\nSent from my iPhone', quoteCharset: false },
      ],
    },
    expected: { decision: 'accept', readings: [r1('2701310105', '31560478', 64190)], note: 'HEIC (HEVC) photo as iPhones send when "Most Compatible" is off; account in the subject. Drum counter СО-И446 shows 064190.' },
  },
];

void r2;
