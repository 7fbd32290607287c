// Generates the held-out corpus test/corpora/holdout-f (October 2026 reading week).
// Run: npx tsx scripts/holdout-f/generate.ts
// Every message is written as raw bytes so that charset and transfer-encoding cases are real.
import iconv from 'iconv-lite';
import { deflateSync } from 'node:zlib';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const outDir = join(import.meta.dirname, '../../test/corpora/holdout-f');

type Kind = 'electricity' | 'heat';
interface Row {
  account: string;
  meter: string;
  kind: Kind;
  zones: 1 | 2 | 3;
  digits: number;
  last: [number, number | null, number | null];
  lastDate: string;
  emails: string[];
}

const row = (
  account: string, meter: string, kind: Kind, zones: 1 | 2 | 3, digits: number,
  last: [number, number | null, number | null], lastDate: string, emails: string[] = [],
): Row => ({ account, meter, kind, zones, digits, last, lastDate, emails });

const registry: Row[] = [
  row('270114385', '011745632', 'electricity', 1, 6, [14520, null, null], '2026-09-22', ['ivanova.tn@mail.ru']),
  row('270228761', '5081123', 'electricity', 2, 6, [23410, 9120, null], '2026-09-21', ['petrov.ak@yandex.ru']),
  row('270339012', '44219087', 'electricity', 3, 6, [10250, 4310, 7420], '2026-09-23'),
  row('270552318', '3301774', 'electricity', 1, 6, [4102, null, null], '2026-09-20'),
  row('270552318', '03301775', 'electricity', 1, 6, [1290, null, null], '2026-09-20'),
  row('270552318', '70412', 'heat', 1, 5, [80, null, null], '2026-09-20'),
  row('270663904', 'AB1209447', 'electricity', 2, 6, [8120, 3002, null], '2026-09-24'),
  row('270774126', '09915522', 'electricity', 1, 5, [99120, null, null], '2026-09-22'),
  row('270885437', '1147002', 'electricity', 2, 6, [31005, 12990, null], '2026-09-21', ['sidorova@list.ru']),
  row('270996541', '778120', 'electricity', 1, 6, [16050, null, null], '2026-09-25'),
  row('271007712', '602211', 'electricity', 1, 6, [5400, null, null], '2026-09-22', ['kuznecov.family@gmail.com']),
  row('271007713', '602290', 'electricity', 1, 6, [7810, null, null], '2026-09-22', ['kuznecov.family@gmail.com']),
  row('271118800', 'ТВ7-03114', 'heat', 1, 5, [512, null, null], '2026-09-23'),
  row('271229034', '2209871', 'electricity', 3, 6, [40120, 15034, 22870], '2026-09-20'),
  row('271330655', '145566', 'electricity', 1, 5, [8812, null, null], '2026-09-21'),
  row('271552890', '30117745', 'electricity', 1, 6, [62310, null, null], '2026-09-24'),
  row('271663471', '551902', 'heat', 1, 5, [2041, null, null], '2026-09-22'),
  row('271774582', '7719004', 'electricity', 2, 6, [17801, 6402, null], '2026-09-23'),
  row('271885693', '4400218', 'electricity', 1, 6, [3301, null, null], '2026-09-21', ['m.gromova@bk.ru']),
  row('271996704', '6610223', 'electricity', 2, 6, [45010, 20120, null], '2026-09-22'),
  row('272007815', '012398', 'electricity', 1, 6, [25600, null, null], '2026-09-25'),
  row('272229037', '3345001', 'electricity', 3, 6, [5210, 2100, 3400], '2026-09-20'),
  row('272440259', '1209934', 'electricity', 2, 6, [14005, 6230, null], '2026-09-21'),
  row('272551360', '2290417', 'electricity', 2, 6, [32800, 11930, null], '2026-09-22'),
  row('272662471', 'KM5-18820', 'heat', 1, 5, [310, null, null], '2026-09-23'),
  row('272773582', '8812045', 'electricity', 1, 6, [40200, null, null], '2026-09-24'),
  row('272884693', '3371190', 'electricity', 1, 6, [40700, null, null], '2026-09-20'),
  row('272995704', '6100234', 'electricity', 1, 6, [17655, null, null], '2026-09-22', ['egorov.vv@mail.ru']),
  row('273006815', '4471200', 'electricity', 1, 6, [8800, null, null], '2026-09-21'),
  row('273117926', '5520331', 'electricity', 2, 6, [11800, 5100, null], '2026-09-23'),
  row('273228037', '7781452', 'electricity', 1, 6, [2290, null, null], '2026-09-22'),
  row('273339148', '9012877', 'electricity', 2, 6, [6612, 2240, null], '2026-09-24'),
  row('273440259', '1190023', 'electricity', 1, 6, [880, null, null], '2026-09-21'),
  row('273551360', '4456701', 'electricity', 1, 6, [33012, null, null], '2026-09-20'),
  row('273662471', '8834019', 'electricity', 1, 6, [14990, null, null], '2026-09-25'),
  row('273884693', '6677120', 'electricity', 1, 6, [20450, null, null], '2026-09-23'),
  row('273995704', '5009182', 'electricity', 1, 6, [12000, null, null], '2026-09-22'),
  row('274106815', '5540129', 'electricity', 2, 6, [9050, 4010, null], '2026-09-21'),
  row('274217926', '1088342', 'electricity', 1, 6, [25010, null, null], '2026-09-24'),
  row('274439148', '6620981', 'electricity', 1, 6, [3200, null, null], '2026-09-22', ['belova.family@inbox.ru']),
  row('274540259', '6620982', 'electricity', 1, 6, [7710, null, null], '2026-09-22', ['belova.family@inbox.ru']),
  row('274651360', '3901145', 'electricity', 1, 6, [560, null, null], '2026-09-23'),
  row('274762471', '7012289', 'electricity', 1, 6, [21000, null, null], '2026-09-20'),
  row('274873582', '1500733', 'electricity', 1, 6, [4120, null, null], '2026-09-25'),
  row('275095704', '3310067', 'electricity', 1, 6, [6100, null, null], '2026-09-21'),
];

interface Reading { account: string; meter: string; t1: number | null; t2: number | null; t3: number | null }
const rd = (account: string, meter: string, t1: number | null, t2: number | null = null, t3: number | null = null): Reading =>
  ({ account, meter, t1, t2, t3 });

type Decision = 'accept' | 'review' | 'reject' | 'ignore';
interface Case { slug: string; decision: Decision; readings: Reading[]; note: string; eml: Buffer }

// ---------- MIME helpers ----------
const CRLF = '\r\n';
let msgSeq = 0;

function encodedWord(text: string, charset = 'UTF-8', mode: 'B' | 'Q' = 'B'): string {
  // Plain ASCII stays as is; otherwise split into encoded words short enough for one header line each.
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  const flush = () => { if (chunk) words.push(encodeChunk(chunk)); chunk = ''; };
  const encodeChunk = (s: string) => {
    const bytes = iconv.encode(s, charset);
    if (mode === 'B') return `=?${charset}?B?${bytes.toString('base64')}?=`;
    let q = '';
    for (const b of bytes) {
      if (b === 0x20) q += '_';
      else if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) q += String.fromCharCode(b);
      else q += '=' + b.toString(16).toUpperCase().padStart(2, '0');
    }
    return `=?${charset}?Q?${q}?=`;
  };
  for (const ch of text) {
    chunk += ch;
    if (chunk.length >= 14) flush();
  }
  flush();
  return words.join(CRLF + ' ');
}

function address(name: string, email: string): string {
  return name ? `${encodedWord(name)} <${email}>` : email;
}

interface Head { from: string; fromName?: string; subject: string; date: string; extra?: string[]; subjectCharset?: string; subjectMode?: 'B' | 'Q' }

function headers(h: Head, contentHeaders: string[]): string {
  msgSeq += 1;
  const lines = [
    `From: ${address(h.fromName ?? '', h.from)}`,
    'To: info@khab.dvec.ru',
    `Subject: ${encodedWord(h.subject, h.subjectCharset, h.subjectMode)}`,
    `Date: ${h.date}`,
    `Message-ID: <f${String(msgSeq).padStart(3, '0')}.${h.from.replace(/[^a-z0-9]/gi, '')}@holdout-f.test>`,
    ...(h.extra ?? []),
    'MIME-Version: 1.0',
    ...contentHeaders,
  ];
  return lines.join(CRLF) + CRLF + CRLF;
}

const crlf = (s: string) => s.replace(/\r?\n/g, CRLF);
const b64lines = (buf: Buffer) => (buf.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);

// Quoted-printable; the marker \u0001 forces a soft line break at that spot (used to split a number).
function quotedPrintable(text: string, charset: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let cur = '';
    const parts = line.split('\u0001');
    parts.forEach((part, idx) => {
      const bytes = iconv.encode(part, charset);
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i]!;
        const atEnd = i === bytes.length - 1 && idx === parts.length - 1;
        const tok = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !atEnd)
          ? String.fromCharCode(b)
          : '=' + b.toString(16).toUpperCase().padStart(2, '0');
        if (cur.length + tok.length > 75) { out.push(cur + '='); cur = ''; }
        cur += tok;
      }
      if (idx < parts.length - 1) { out.push(cur + '='); cur = ''; }
    });
    out.push(cur);
  }
  return out.join(CRLF);
}

type Cte = '8bit' | 'base64' | 'quoted-printable';
function bodyPart(text: string, charset: string, cte: Cte): { bytes: Buffer; cte: Cte } {
  if (cte === 'base64') return { bytes: Buffer.from(b64lines(iconv.encode(crlf(text), charset)) + CRLF, 'latin1'), cte };
  if (cte === 'quoted-printable') return { bytes: Buffer.from(quotedPrintable(text, charset) + CRLF, 'latin1'), cte };
  return { bytes: iconv.encode(crlf(text) + CRLF, charset), cte };
}

function plain(h: Head, text: string, charset = 'UTF-8', cte: Cte = '8bit'): Buffer {
  const part = bodyPart(text, charset, cte);
  return Buffer.concat([
    Buffer.from(headers(h, [`Content-Type: text/plain; charset=${charset}`, `Content-Transfer-Encoding: ${cte}`]), 'latin1'),
    part.bytes,
  ]);
}

function html(h: Head, markup: string, charset = 'UTF-8', cte: Cte = '8bit'): Buffer {
  const part = bodyPart(markup, charset, cte);
  return Buffer.concat([
    Buffer.from(headers(h, [`Content-Type: text/html; charset=${charset}`, `Content-Transfer-Encoding: ${cte}`]), 'latin1'),
    part.bytes,
  ]);
}

interface Part { headers: string[]; body: Buffer }
function multipart(h: Head, subtype: string, parts: Part[], params = ''): Buffer {
  const boundary = `----=_Part_${msgSeq + 1}_holdoutf`;
  const chunks: Buffer[] = [Buffer.from(headers(h, [`Content-Type: multipart/${subtype}; boundary="${boundary}"${params}`]), 'latin1')];
  chunks.push(Buffer.from('This is a multi-part message in MIME format.' + CRLF + CRLF, 'latin1'));
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}${CRLF}${p.headers.join(CRLF)}${CRLF}${CRLF}`, 'latin1'));
    chunks.push(p.body);
    chunks.push(Buffer.from(CRLF, 'latin1'));
  }
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`, 'latin1'));
  return Buffer.concat(chunks);
}

const textPart = (text: string): Part => ({
  headers: ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit'],
  body: Buffer.from(crlf(text), 'utf8'),
});

// A blank white PNG: a "photo" with no legible digits.
function blankPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 0; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Dates inside the 20..25 October 2026 window (Asia/Vladivostok is UTC+10 all year).
const d = (day: number, time = '10:15:00', zone = '+1000') => {
  const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(Date.UTC(2026, 9, day)).getUTCDay()];
  return `${wd}, ${day} Oct 2026 ${time} ${zone}`;
};

// ---------- the cases ----------
const cases: Case[] = [];
const add = (slug: string, decision: Decision, readings: Reading[], note: string, eml: Buffer) =>
  cases.push({ slug, decision, readings, note, eml });

add('flat-47', 'accept', [rd('270114385', '011745632', 14893)],
  'flat number 47 stands right before the word "показания"; the reading is 14893; account has one meter',
  plain({ from: 'ivanova.tn@mail.ru', fromName: 'Иванова Татьяна', subject: 'Показания', date: d(21, '09:12:44') },
    'Здравствуйте!\nЛицевой счёт 270114385\nул. Ленина 12, кв. 47 показания эл.счётчика 14893\n\nС уважением, Иванова Т.Н.'));

add('date-after', 'accept', [rd('270228761', '5081123', 23980, 9344)],
  'a date follows the night value; day 23980 night 9344',
  plain({ from: 'petrov.ak@yandex.ru', fromName: 'Петров А.К.', subject: 'показания счетчика', date: d(20, '19:40:02') },
    'л/с 270228761, счётчик 5081123: день 23980 ночь 9344 21.10.2026\n\n-- \nПетров'));

add('phone-line', 'accept', [rd('270339012', '44219087', 10890, 4501, 7702)],
  'a phone number in the same line as the three zone values',
  plain({ from: 'lena.kim77@gmail.com', subject: 'Показания октябрь', date: d(22, '11:03:19') },
    'Добрый день.\nЛС 270339012 тел. 8-914-155-20-37 Т1 10890 Т2 4501 Т3 7702\nКим Елена'));

add('paid-september', 'accept', [rd('271552890', '30117745', 62980)],
  'a sum of money (2 418,56 руб.) before the reading; unit separated by a space',
  plain({ from: 'zaharov1961@mail.ru', subject: 'Оплата и показания', date: d(23, '08:55:00') },
    'Здравствуйте. Оплатила 2 418,56 руб. за сентябрь.\nПоказание счётчика 30117745 — 62980 кВт ч.\nЛ/с 271552890.'));

add('compare-month', 'accept', [rd('271330655', '145566', 8930)],
  'a percentage and a year in the same message; the reading is 8930',
  plain({ from: 'a.fedorov@rambler.ru', subject: 'показания', date: d(24, '17:22:10') },
    'Лицевой 271330655.\nРасход вырос на 12% по сравнению с сентябрём.\nПоказания на 24 октября 2026 г.: 8930'));

add('column-lines', 'accept', [rd('274106815', '5540129', 9380, 4122)],
  'labels and values each on their own line',
  plain({ from: 'oleg.sh@yandex.ru', subject: 'Показания за октябрь', date: d(21, '21:05:33') },
    'л/с 274106815\nсчётчик 5540129\nпоказания:\nдень\n9380\nночь\n4122\n'));

add('spaced-thousands', 'accept', [rd('274217926', '1088342', 25914)],
  'thousands separated by a space: 25 914',
  plain({ from: 'nina.pavlova@list.ru', subject: 'Показания электроэнергии', date: d(22, '07:48:00') },
    'Л/с 274217926, счётчик 1088342.\nПоказание: 25 914 кВт·ч\nСпасибо.'));

add('text-table', 'accept', [rd('271774582', '7719004', 17990, 6511)],
  'plain-text table: a title row, a blank row, then the header row and the values',
  plain({ from: 'dvorkin.s@mail.ru', subject: 'Показания', date: d(20, '12:00:01') },
    'Показания за октябрь 2026\n\n| Лицевой счёт | Счётчик | День  | Ночь |\n|--------------|---------|-------|------|\n| 271774582    | 7719004 | 17990 | 6511 |\n'));

add('html-table', 'accept', [rd('271996704', '6610223', 45780, 20377)],
  'HTML-only table; the header with Т1/Т2 is in the second row, account and meter in a colspan row',
  html({ from: 'sokolova.ia@bk.ru', subject: 'Показания', date: d(23, '13:30:00') },
    '<html><body><p>Добрый день!</p><table border="1"><tr><td colspan="2">ЛС 271996704, счётчик 6610223</td></tr>' +
    '<tr><th>Т1</th><th>Т2</th></tr><tr><td>45780</td><td>20377</td></tr></table><p>Соколова И.А.</p></body></html>'));

add('account-spaced', 'accept', [rd('270996541', '778120', 16422)],
  'account written with spaces; the value has a leading zero like the dial (016422)',
  plain({ from: 'tkachenko.r@gmail.com', subject: 'Показания счётчика', date: d(24, '10:10:10') },
    'л/с 270 996 541\nпоказания 016422\n'));

add('account-dashed', 'accept', [rd('270885437', '1147002', 31402, 13180)],
  'account written with dashes',
  plain({ from: 'sidorova@list.ru', fromName: 'Сидорова', subject: 'показания', date: d(21, '16:45:00') },
    'Лиц. счёт 270-885-437\nдень 31402, ночь 13180'));

add('serial-letters-a', 'accept', [rd('270663904', 'AB1209447', 8544, 3190)],
  'serial typed with Cyrillic А and В; registry has Latin AB1209447; account implied by the unique meter',
  plain({ from: 'rybakov.p@yandex.ru', subject: 'Показания', date: d(22, '18:18:18') },
    'Счётчик АВ1209447\nТ1 8544\nТ2 3190'));

add('heat-serial', 'accept', [rd('271118800', 'ТВ7-03114', 531)],
  'heat meter serial typed with Latin T and B (registry Cyrillic); 531,208 Гкал → 531 (+19)',
  plain({ from: 'gorbunov.heat@mail.ru', subject: 'Teplo', date: d(25, '09:00:00') },
    'Добрый день. Теплосчётчик TB7-03114, показания 531,208 Гкал.'));

add('night-first', 'accept', [rd('272440259', '1209934', 14620, 6477)],
  'night given before day, both labelled',
  plain({ from: 'vika.lebedeva@inbox.ru', subject: 'Показания эл. энергии', date: d(20, '08:31:00') },
    'ЛС 272440259, счетчик 1209934\nНочь — 6477, день — 14620'));

add('peak-night', 'accept', [rd('272551360', '2290417', 33120, 12045)],
  'zones labelled пик/ночь on a two-zone meter',
  plain({ from: 'kovalchuk.d@mail.ru', subject: 'показания 272551360', date: d(23, '20:02:00') },
    'Счётчик 2290417: пик 33120 ночь 12045'));

add('three-zones-order', 'accept', [rd('272229037', '3345001', 5490, 2188, 3560)],
  'three zones in the order ночь, полупик, пик — all labelled',
  plain({ from: 'stepanova.olga@gmail.com', subject: 'Показания трёхтарифного счётчика', date: d(24, '12:40:00') },
    'Л/с 272229037\nНочь: 2188; Полупик: 3560; Пик: 5490'));

add('gcal', 'accept', [rd('271663471', '551902', 2043)],
  'heat in Гкал with three decimals: 2043,417 → 2043 (+2)',
  plain({ from: 'tsk.house15@mail.ru', subject: 'Показания тепло', date: d(21, '10:00:00') },
    'ЛС 271663471, теплосчётчик 551902\nПоказание 2043,417 Гкал'));

add('subject-and-body', 'accept', [rd('272773582', '8812045', 40655)],
  'the same value in subject and body',
  plain({ from: 'morozov.e@yandex.ru', subject: 'Показания л/с 272773582: 40655', date: d(22, '15:15:00') },
    'Передаю показания 40655.\nМорозов'));

add('re-confirmation', 'accept', [rd('272995704', '6100234', 18320)],
  'reply on top of our confirmation; the quoted 17655 is old; account implied by the linked sender',
  plain({ from: 'egorov.vv@mail.ru', subject: 'Re: Показания приняты', date: d(23, '07:07:07'),
    extra: ['In-Reply-To: <confirm-0922-272995704@khab.dvec.ru>'] },
    'Показания за октябрь: 18320\n\n22.09.2026, 10:14, info@khab.dvec.ru пишет:\n> Здравствуйте!\n> Ваши показания 17655 по л/с 272995704, счётчик 6100234, приняты.\n> С уважением, Хабаровскэнергосбыт'));

add('fwd-mother', 'accept', [rd('273006815', '4471200', 9120)],
  'forward: the new value is written by the forwarder on top; the forwarded history holds September 8800',
  plain({ from: 'kudryavcev.ilya@gmail.com', subject: 'Fwd: показания', date: d(24, '19:01:00') },
    'Пересылаю за маму, её л/с 273006815. Показания на сегодня 9120.\n\n---------- Forwarded message ---------\nОт: Кудрявцева Г.П. <kudryavceva.gp@mail.ru>\nDate: 21 сент. 2026 г.\nSubject: показания\n\nл/с 273006815 счётчик 4471200 показания 8800'));

add('html-breaks', 'accept', [rd('273117926', '5520331', 12045, 5210)],
  'HTML-only with <br> and &nbsp; used as thousands separator',
  html({ from: 'u.mironova@mail.ru', subject: 'Показания', date: d(20, '22:10:00') },
    '<div>Л/с&nbsp;273117926<br>Счётчик&nbsp;№&nbsp;5520331<br>День:&nbsp;12&nbsp;045<br>Ночь:&nbsp;5&nbsp;210<br></div>'));

add('cp1251', 'accept', [rd('273228037', '7781452', 2517)],
  'windows-1251 body, 8bit',
  plain({ from: 'alekseev.vn@rambler.ru', subject: 'Показания', date: d(21, '11:11:11') },
    'Лицевой счет 273228037, счетчик 7781452.\nПоказания: 2517.\nАлексеев В.Н.', 'windows-1251'));

add('koi8', 'accept', [rd('273339148', '9012877', 6890, 2311)],
  'KOI8-R body and KOI8-R Q-encoded subject',
  plain({ from: 'old.mailer@narod.ru', subject: 'Показания л/с 273339148', date: d(22, '09:30:00'), subjectCharset: 'KOI8-R', subjectMode: 'Q' },
    'Счетчик 9012877\nТ1 - 6890, Т2 - 2311', 'KOI8-R'));

add('base64-body', 'accept', [rd('273440259', '1190023', 1204)],
  'UTF-8 body in base64',
  plain({ from: 'max.orlov@outlook.com', subject: 'Показания', date: d(25, '13:13:00') },
    'Здравствуйте!\nЛ/с 273440259, показания 1204.\nОрлов М.', 'UTF-8', 'base64'));

add('qp-wrap', 'accept', [rd('273551360', '4456701', 33547)],
  'quoted-printable with a soft line break inside the number 335=\\r\\n47',
  plain({ from: 'zhukova.anna@mail.ru', subject: 'Показания', date: d(23, '16:16:00') },
    'Добрый день! Лицевой счёт 273551360, счётчик 4456701, показания на сегодня 335\u000147 кВт·ч'
    , 'UTF-8', 'quoted-printable'));

add('subject-only', 'accept', [rd('273662471', '8834019', 15230)],
  'everything in the RFC 2047 subject, empty body',
  plain({ from: 'grishin.a@yandex.ru', subject: 'Показания л/с 273662471 счетчик 8834019 — 15230', date: d(20, '06:50:00') }, ''));

add('decimal-glued', 'accept', [rd('270774126', '09915522', 99512)],
  'decimal comma and unit glued: 99512,3кВт·ч → 99512 (5 digits allowed)',
  plain({ from: 'vasiliev.kk@mail.ru', subject: 'Показания', date: d(24, '08:00:00') },
    'ЛС 270774126\nсчётчик 09915522 — 99512,3кВт·ч'));

add('flat-and-heat', 'accept', [rd('270552318', '3301774', 4410), rd('270552318', '70412', 86)],
  'account with two electricity meters and one heat meter: the electricity meter is named, heat meter implied (only one)',
  plain({ from: 'baranova.l@gmail.com', subject: 'Показания по квартире', date: d(21, '18:00:00') },
    'Л/с 270552318.\nКвартира, счётчик 3301774: 4410;\nтеплосчётчик: 86,120 Гкал.'));

add('known-sender', 'accept', [rd('270228761', '5081123', 23777, 9266)],
  'no account or meter in the text; the sender is linked to exactly one account with one meter',
  plain({ from: 'petrov.ak@yandex.ru', fromName: 'Петров А.К.', subject: 'Показания', date: d(25, '10:45:00') },
    'Добрый день! День 23777, ночь 9266.'));

add('two-flats', 'accept', [rd('274439148', '6620981', 3390), rd('274540259', '6620982', 7902)],
  'one message for two accounts with near-identical serials',
  plain({ from: 'belova.family@inbox.ru', subject: 'Показания по двум квартирам', date: d(22, '20:20:00') },
    'Кв. 5: л/с 274439148, счётчик 6620981 — 3390\nКв. 6: л/с 274540259, счётчик 6620982 — 7902'));

add('auto-submitted-no', 'accept', [rd('274651360', '3901145', 731)],
  'human mail carrying Auto-Submitted: no — not machine mail',
  plain({ from: 'panov.s@corp-mail.ru', subject: 'Показания', date: d(23, '11:30:00'), extra: ['Auto-Submitted: no'] },
    'Л/с 274651360, показания 731.'));

add('utc-evening', 'accept', [rd('274762471', '7012289', 21450)],
  'Date 19 Oct 14:30 UTC = 20 Oct 00:30 in Vladivostok → inside the window',
  plain({ from: 'fomin.g@gmail.com', subject: 'Показания', date: 'Mon, 19 Oct 2026 14:30:00 +0000' },
    'ЛС 274762471, показания 21450'));

add('late-sunday', 'accept', [rd('274873582', '1500733', 4388)],
  'Date 25 Oct 23:58 +1000 — last minutes of the window',
  plain({ from: 'titova.m@mail.ru', subject: 'Показания', date: 'Sun, 25 Oct 2026 23:58:00 +1000' },
    'л/с 274873582, счётчик 1500733, показание 4388'));

// ---------- review ----------
add('two-lines', 'review', [],
  'the value is split over two lines ("25" / "914"); a clerk cannot be sure it is 25914',
  plain({ from: 'nina.pavlova@list.ru', subject: 'Показания', date: d(24, '09:40:00') },
    'Л/с 274217926, счётчик 1088342. Показание счётчика 25\n914 кВт·ч'));

add('t1-t2-only', 'review', [rd('271229034', '2209871', 40550, 15210, null)],
  'three-zone meter, only Т1 and Т2 given',
  plain({ from: 'lavrov.t@yandex.ru', subject: 'Показания', date: d(21, '12:12:12') },
    'ЛС 271229034, счётчик 2209871: Т1 40550 Т2 15210'));

add('heat-ks5', 'review', [rd('272662471', 'KM5-18820', 412)],
  'heat 412,050 Гкал against last 310 — exceeds +50',
  plain({ from: 'uk.severnaya@mail.ru', subject: 'Показания теплосчётчика', date: d(22, '10:00:00') },
    'Теплосчётчик KM5-18820, показания 412,050 Гкал'));

add('subject-41010', 'review', [],
  'subject says 41010, body says 40998 — conflicting values',
  plain({ from: 'semenov.yu@mail.ru', subject: 'Показания 41010', date: d(20, '14:00:00') },
    'Л/с 272884693, счётчик 3371190, показания 40998'));

add('re-spasibo', 'review', [],
  'reply saying thanks; the only numbers are in the quoted confirmation — no new reading',
  plain({ from: 'egorov.vv@mail.ru', subject: 'Re: Показания приняты', date: d(24, '08:08:08') },
    'Спасибо!\n\n22.09.2026, 10:14, info@khab.dvec.ru пишет:\n> Ваши показания 17655 по л/с 272995704, счётчик 6100234, приняты.'));

add('fwd-neighbour', 'review', [rd('275095704', '3310067', 6420)],
  'readings only inside the forwarded history (not a new reading per the rules) — clerk must confirm',
  plain({ from: 'lisin.k@gmail.com', subject: 'Fwd: показания соседки', date: d(23, '18:30:00') },
    'Передаю, соседка без интернета.\n\n-------- Пересылаемое сообщение --------\n20.10.2026, 17:02, Зуева Н.Ф. <zueva1948@mail.ru>:\nЛ/с 275095704, счётчик 3310067, показание 6420'));

add('moved-in', 'review', [],
  'account 279999001 is not in the registry',
  plain({ from: 'new.tenant@yandex.ru', subject: 'Показания', date: d(21, '20:00:00') },
    'Здравствуйте, мы новые жильцы. Л/с 279999001, показания 5123.'));

add('second-number', 'review', [],
  'meter 5081123 belongs to 270228761, not to the named account 270114385',
  plain({ from: 'ivanova.tn@mail.ru', subject: 'Показания', date: d(22, '09:00:00') },
    'ЛС 270114385, счётчик 5081123, показания 14900'));

add('space-in-value', 'review', [rd('273884693', '6677120', 20405)],
  '20 405 is below the last accepted 20450',
  plain({ from: 'kalinin.ab@mail.ru', subject: 'Показания', date: d(20, '10:30:00') },
    'Л/с 273884693. Показания 20 405'));

add('six-figures', 'review', [],
  '995123 has six digits on a five-digit counter (probably a lost comma, but not certain)',
  plain({ from: 'vasiliev.kk@mail.ru', subject: 'Показания', date: d(25, '07:30:00') },
    'ЛС 270774126 показания 995123'));

add('heater-month', 'review', [rd('273995704', '5009182', 18200)],
  '18200 against last 12000: +6200 exceeds +5000',
  plain({ from: 'chernov.v@yandex.ru', subject: 'Показания', date: d(22, '22:22:00') },
    'Лицевой счёт 273995704, показания 18200'));

add('garage-flat', 'review', [],
  'account has two electricity meters and the message does not say which one; 4410 fits both',
  plain({ from: 'baranova.l@gmail.com', subject: 'показания', date: d(24, '14:00:00') },
    'л/с 270552318, показания 4410'));

add('family-mail', 'review', [],
  'sender is linked to two accounts and the message names neither',
  plain({ from: 'kuznecov.family@gmail.com', subject: 'Показания', date: d(21, '19:19:00') },
    'Показания 5620'));

add('bill-question', 'review', [],
  'a question about the bill, no readings',
  plain({ from: 'm.gromova@bk.ru', subject: 'Вопрос по счёту', date: d(23, '12:00:00') },
    'Здравствуйте! Почему за сентябрь начислено 3 450 руб., если я платила по 1 200? Л/с 271885693.'));

add('photo', 'review', [],
  'only a photo attached; the image shows no legible digits',
  multipart({ from: 'a.fedorov@rambler.ru', subject: 'Показания', date: d(22, '17:00:00') }, 'mixed', [
    textPart('Показания на фото. Л/с 271330655'),
    { headers: ['Content-Type: image/png; name="IMG_2041.png"', 'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="IMG_2041.png"'], body: Buffer.from(b64lines(blankPng(320, 120)), 'latin1') },
  ]));

add('day-night-pestov', 'review', [],
  'single-zone meter given two values (день/ночь)',
  plain({ from: 'pestov.n@mail.ru', subject: 'Показания', date: d(20, '20:30:00') },
    'ЛС 272007815 день 25750 ночь 3100'));

// ---------- reject (outside the window) ----------
add('monday-19', 'reject', [rd('270114385', '011745632', 14893)],
  'Date 19 Oct 10:00 +1000 — before the window',
  plain({ from: 'ivanova.tn@mail.ru', subject: 'Показания', date: 'Mon, 19 Oct 2026 10:00:00 +1000' },
    'Лицевой счёт 270114385, показания 14893'));

add('kim-tz', 'reject', [rd('270339012', '44219087', 10890, 4501, 7702)],
  'Date 26 Oct 09:12 +1000 — after the window',
  plain({ from: 'lena.kim77@gmail.com', subject: 'Показания', date: 'Mon, 26 Oct 2026 09:12:00 +1000' },
    'ЛС 270339012 Т1 10890 Т2 4501 Т3 7702'));

add('utc-25', 'reject', [rd('271552890', '30117745', 62980)],
  'Date 25 Oct 14:30 UTC = 26 Oct 00:30 Vladivostok — after the window',
  plain({ from: 'zaharov1961@mail.ru', subject: 'Показания', date: 'Sun, 25 Oct 2026 14:30:00 +0000' },
    'Счётчик 30117745, показания 62980'));

add('eleven-zone', 'reject', [rd('272440259', '1209934', 14620, 6477)],
  'Date 26 Oct 01:00 +1100 = 26 Oct 00:00 Vladivostok — after the window',
  plain({ from: 'vika.lebedeva@inbox.ru', subject: 'Показания', date: 'Mon, 26 Oct 2026 01:00:00 +1100' },
    'ЛС 272440259 день 14620 ночь 6477'));

add('cp1251-short', 'reject', [rd('273228037', '7781452', 2517)],
  'Date 3 Nov, windows-1251 body',
  plain({ from: 'alekseev.vn@rambler.ru', subject: 'Показания', date: 'Tue, 03 Nov 2026 10:00:00 +1000' },
    'Лицевой счет 273228037. Показания 2517.', 'windows-1251'));

add('html-p', 'reject', [rd('274106815', '5540129', 9380, 4122)],
  'Date 2 Oct, HTML-only',
  html({ from: 'oleg.sh@yandex.ru', subject: 'Показания', date: 'Fri, 02 Oct 2026 18:00:00 +1000' },
    '<p>л/с 274106815<br>день 9380<br>ночь 4122</p>'));

// ---------- ignore (machine mail) ----------
add('otpusk', 'ignore', [],
  'auto-reply (Auto-Submitted: auto-replied) that contains numbers',
  plain({ from: 'sidorova@list.ru', subject: 'Автоответ: Показания', date: d(21, '16:45:05'),
    extra: ['Auto-Submitted: auto-replied'] },
    'Я в отпуске до 30.10.2026. По срочным вопросам: 8-914-000-11-22. Л/с 270885437.'));

add('undelivered', 'ignore', [],
  'delivery-status notification (multipart/report) from MAILER-DAEMON quoting a message with readings',
  multipart({ from: 'MAILER-DAEMON@mx.khab.dvec.ru', fromName: 'Mail Delivery System', subject: 'Undelivered Mail Returned to Sender', date: d(22, '03:00:00') },
    'report', [
      textPart('This is the mail system at host mx.khab.dvec.ru.\n\nI\'m sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<noreply@example.invalid>: host not found'),
      { headers: ['Content-Type: message/delivery-status'], body: Buffer.from(crlf('Reporting-MTA: dns; mx.khab.dvec.ru\n\nFinal-Recipient: rfc822; noreply@example.invalid\nAction: failed\nStatus: 5.1.2\n'), 'latin1') },
      { headers: ['Content-Type: text/rfc822-headers'], body: Buffer.from(crlf('From: info@khab.dvec.ru\nTo: noreply@example.invalid\nSubject: =?UTF-8?B?0J/QvtC60LDQt9Cw0L3QuNGPIDI3MDExNDM4NTogMTQ4OTM=?=\n'), 'latin1') },
    ], '; report-type=delivery-status'));

add('digest', 'ignore', [],
  'bulk mailing (Precedence: bulk) with figures',
  html({ from: 'news@energo-digest.ru', subject: 'Дайджест: тарифы с 1 декабря', date: d(23, '05:00:00'),
    extra: ['Precedence: bulk', 'List-Unsubscribe: <mailto:unsubscribe@energo-digest.ru>'] },
    '<h1>Тарифы</h1><p>С 01.12.2026 тариф день 7,41 руб./кВт·ч, ночь 3,12 руб./кВт·ч. Показания 12345 подавайте с 20 по 25 число.</p>'));

add('uk-vostok', 'ignore', [],
  'X-Autoreply: yes',
  plain({ from: 'office@uk-vostok.ru', subject: 'Re: Показания', date: d(24, '10:00:02'), extra: ['X-Autoreply: yes'] },
    'Ваше письмо получено. Номер обращения 271663471. Ответ в течение 3 рабочих дней.'));

add('delivery-failure', 'ignore', [],
  'bounce from postmaster in plain text',
  plain({ from: 'postmaster@mail.ru', subject: 'Delivery failure', date: d(25, '04:04:04') },
    'Message could not be delivered.\n\n----- Original message -----\nTo: tkachenko.r@gmail.com\nSubject: Re: показания 016422\n'));

// ---------- write ----------
function shuffle<T>(items: T[], seed: number): T[] {
  const a = [...items];
  let s = seed;
  const rnd = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j]!, a[i]!]; }
  return a;
}

mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) rmSync(join(outDir, f));

const csv = ['account,meter,kind,zones,digits,last_t1,last_t2,last_t3,last_date,emails'];
for (const r of registry) {
  csv.push([r.account, r.meter, r.kind, r.zones, r.digits, r.last[0] ?? '', r.last[1] ?? '', r.last[2] ?? '', r.lastDate, r.emails.join(';')].join(','));
}
writeFileSync(join(outDir, 'registry.csv'), csv.join('\n') + '\n');

shuffle(cases, 2026).forEach((c, i) => {
  const name = `f${String(i + 1).padStart(3, '0')}-${c.slug}`;
  writeFileSync(join(outDir, `${name}.eml`), c.eml);
  writeFileSync(join(outDir, `${name}.expected.json`),
    JSON.stringify({ decision: c.decision, readings: c.readings, note: c.note }, null, 2) + '\n');
});
const mix = cases.reduce<Record<string, number>>((m, c) => ({ ...m, [c.decision]: (m[c.decision] ?? 0) + 1 }), {});
console.log(`${cases.length} messages`, mix);
