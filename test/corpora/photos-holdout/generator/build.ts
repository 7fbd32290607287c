// Builds the photos-holdout corpus: registry.csv, NNN-name.eml, NNN-name.expected.json.
// Run from the repository root:  npx tsx test/corpora/photos-holdout/generator/build.ts
// Deterministic (fixed seeds, fixed dates, fixed boundaries).
import { writeFileSync, readdirSync, unlinkSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { meterPhoto, renderPhoto, receiptSvg, catSvg, type MeterFace, type PhotoSpec, rng } from './render.ts';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..');

// ------------------------------------------------------------------ registry
interface Meter {
  account: string; serial: string; kind: 'electricity' | 'heat'; zones: 1 | 2; digits: number;
  last1: number; last2?: number; lastDate: string; emails: string[];
  face: Omit<MeterFace, 'intPart' | 'frac' | 'serial'>;
}
const D = (kind: 'drum' | 'lcd', model: string, maker: string, year: number, extra: Partial<MeterFace> = {}) =>
  ({ kind, model, maker, year, ...extra });
const MERC201 = (y: number) => D('drum', 'МЕРКУРИЙ 201.5', 'ООО "НПК "Инкотекс"', y);
const SO6706 = (y: number) => D('drum', 'СО-ЭЭ6706', 'Энергомера', y, { body: 'grey' as const, condensed: true });
const NEVA101 = (y: number) => D('drum', 'НЕВА 101 1S0', 'ООО "Тайпит-ИП"', y, { body: 'light' as const });
const CE101 = (y: number) => D('drum', 'CE101 R5 145', 'ЭНЕРГОМЕРА', y, { body: 'dark' as const, condensed: true });
const MERC200 = (y: number) => D('lcd', 'МЕРКУРИЙ 200.02', 'ООО "НПК "Инкотекс"', y, { lcdBlankLeading: false });
const MERC206 = (y: number) => D('lcd', 'МЕРКУРИЙ 206 RN', 'ООО "НПК "Инкотекс"', y, { lcdBlankLeading: false });
const CE102 = (y: number) => D('lcd', 'CE102M S7 145', 'ЭНЕРГОМЕРА', y, { lcdBlankLeading: true });
const NEVAMT = (y: number) => D('lcd', 'НЕВА МТ 114 AS', 'ООО "Тайпит-ИП"', y, { lcdBlankLeading: true, body: 'grey' as const });
const HEAT = (y: number) => D('lcd', 'ПУЛЬСАР Т', 'НПП "Тепловодохран"', y, { lcdBlankLeading: true, heat: true, unit: 'Гкал', body: 'grey' as const });

const M: Record<string, Meter> = {
  a1: { account: '2700418263', serial: '30412587', kind: 'electricity', zones: 1, digits: 5, last1: 4391, lastDate: '2026-10-22', emails: ['gordeeva.ln@mail.ru'], face: MERC201(2018) },
  a2: { account: '2701160532', serial: '22871405', kind: 'electricity', zones: 1, digits: 6, last1: 12110, lastDate: '2026-10-21', emails: ['v.sidorenko75@gmail.com'], face: MERC200(2015) },
  a2h: { account: '2701160532', serial: '0714822', kind: 'heat', zones: 1, digits: 5, last1: 31, lastDate: '2026-10-21', emails: ['v.sidorenko75@gmail.com'], face: HEAT(2019) },
  a3: { account: '2702035817', serial: '009713564', kind: 'electricity', zones: 1, digits: 5, last1: 27450, lastDate: '2026-10-23', emails: [], face: SO6706(2009) },
  a4: { account: '2702207741', serial: '011752003145', kind: 'electricity', zones: 1, digits: 6, last1: 52011, lastDate: '2026-10-20', emails: ['kuzmin.dv@yandex.ru'], face: CE102(2021) },
  a5: { account: '2702590024', serial: '0801537', kind: 'heat', zones: 1, digits: 5, last1: 118, lastDate: '2026-10-24', emails: ['olga.tkacheva@icloud.com'], face: HEAT(2017) },
  a6: { account: '2703112096', serial: '04381226', kind: 'electricity', zones: 1, digits: 6, last1: 7905, lastDate: '2026-10-22', emails: [], face: NEVA101(2016) },
  a7: { account: '2703484410', serial: '21093477', kind: 'electricity', zones: 1, digits: 6, last1: 33870, lastDate: '2026-10-21', emails: ['bondarenko.ig@gmail.com'], face: NEVAMT(2022) },
  a8: { account: '2703720158', serial: '009217733', kind: 'electricity', zones: 1, digits: 6, last1: 61280, lastDate: '2026-10-25', emails: [], face: CE101(2012) },
  a9: { account: '2704051973', serial: '41156230', kind: 'electricity', zones: 1, digits: 6, last1: 9014, lastDate: '2026-10-20', emails: ['natasha.kh@mail.ru'], face: MERC206(2020) },
  a10: { account: '2704336580', serial: '19074402', kind: 'electricity', zones: 1, digits: 5, last1: 15580, lastDate: '2026-10-23', emails: ['s.lyubimov@yandex.ru'], face: MERC201(2014) },
  a11: { account: '2704619925', serial: '0523119', kind: 'heat', zones: 1, digits: 5, last1: 56, lastDate: '2026-10-22', emails: [], face: HEAT(2020) },
  a12: { account: '2705008347', serial: '33019844', kind: 'electricity', zones: 1, digits: 5, last1: 688, lastDate: '2026-10-21', emails: [], face: MERC201(2023) },
  a13: { account: '2705271164', serial: '26630015', kind: 'electricity', zones: 2, digits: 6, last1: 15230, last2: 7105, lastDate: '2026-10-22', emails: ['tanya.rudneva@yandex.ru'], face: MERC200(2019) },
  a14: { account: '2705583302', serial: '007622981', kind: 'electricity', zones: 1, digits: 5, last1: 40233, lastDate: '2026-10-24', emails: ['pavel.gritsenko@mail.ru'], face: SO6706(2011) },
  a15: { account: '2705890471', serial: '011750998213', kind: 'electricity', zones: 1, digits: 6, last1: 20870, lastDate: '2026-10-20', emails: [], face: CE102(2019) },
  a16: { account: '2706114238', serial: '05512043', kind: 'electricity', zones: 1, digits: 6, last1: 4188, lastDate: '2026-10-22', emails: ['marina.fedotova@gmail.com'], face: NEVA101(2015) },
  a16h: { account: '2706114238', serial: '0622071', kind: 'heat', zones: 1, digits: 5, last1: 20, lastDate: '2026-10-22', emails: ['marina.fedotova@gmail.com'], face: HEAT(2018) },
  a17: { account: '2706452906', serial: '38805127', kind: 'electricity', zones: 1, digits: 6, last1: 23995, lastDate: '2026-10-21', emails: ['alexey.mironov@yandex.ru'], face: MERC206(2021) },
  a18: { account: '2706730012', serial: '27719930', kind: 'electricity', zones: 2, digits: 6, last1: 15880, last2: 7290, lastDate: '2026-10-23', emails: ['e.zaitseva@mail.ru'], face: MERC200(2017) },
  a19: { account: '2707045569', serial: '24410986', kind: 'electricity', zones: 1, digits: 6, last1: 5410, lastDate: '2026-10-20', emails: [], face: NEVAMT(2023) },
  a20: { account: '2707318840', serial: '16022587', kind: 'electricity', zones: 1, digits: 5, last1: 18500, lastDate: '2026-10-22', emails: ['kolesnikov.yu@mail.ru'], face: MERC201(2013) },
  a21: { account: '2707602217', serial: '009108356', kind: 'electricity', zones: 1, digits: 6, last1: 12040, lastDate: '2026-10-23', emails: [], face: CE101(2010) },
  a22: { account: '2707955103', serial: '45002318', kind: 'electricity', zones: 1, digits: 6, last1: 30015, lastDate: '2026-10-21', emails: ['irina.belova@inbox.ru'], face: MERC206(2022) },
  a23: { account: '2708203396', serial: '011754112870', kind: 'electricity', zones: 1, digits: 6, last1: 8120, lastDate: '2026-10-24', emails: ['dmitriy.osipov@gmail.com'], face: CE102(2020) },
};

function registryCsv(): string {
  const rows = ['account,meter,kind,zones,digits,last_t1,last_t2,last_t3,last_date,emails'];
  for (const m of Object.values(M)) {
    rows.push([m.account, m.serial, m.kind, m.zones, m.digits, m.last1, m.last2 ?? '', '', m.lastDate, m.emails.join(';')].join(','));
  }
  return rows.join('\n') + '\n';
}

// ------------------------------------------------------------------ photos
const pad = (n: number, w: number) => String(n).padStart(w, '0');
interface Shot {
  meter?: string;              // key in M (face + serial); omit with `foreign`
  foreign?: { face: Omit<MeterFace, 'intPart' | 'frac' | 'serial'>; serial: string; digits: number };
  value: number;               // integer part shown
  frac: string;
  tariff?: 'Т1' | 'Т2';
  roll?: number;
  photo: Omit<PhotoSpec, 'face' | 'seed'>;
  other?: 'receipt' | 'cat';
  name?: string;
  png?: boolean;
}

async function shoot(s: Shot, seed: number): Promise<Buffer> {
  if (s.other === 'receipt') return renderPhoto(receiptSvg(seed), { seed, noise: 4, quality: 80 });
  if (s.other === 'cat') return renderPhoto(catSvg(seed), { seed, noise: 5, quality: 78 });
  const m = s.meter ? M[s.meter] : undefined;
  const base = m ? m.face : s.foreign!.face;
  const digits = m ? m.digits : s.foreign!.digits;
  const face: MeterFace = { ...base, serial: m ? m.serial : s.foreign!.serial, intPart: pad(s.value, digits), frac: s.frac, tariff: s.tariff, roll: s.roll };
  if (m?.kind === 'electricity' && m.zones === 2 && !s.tariff) face.tariff = 'Т1';
  return meterPhoto({ ...s.photo, face, seed, format: s.png ? 'png' : 'jpeg' });
}

// ------------------------------------------------------------------ mail
type Client = 'iphone' | 'gmail' | 'mailru' | 'yandex';
interface Att { name: string; type: string; data: Buffer; cid?: string }
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64').replace(/(.{76})/g, '$1\r\n');
const encWord = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`);
const hex = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');

interface Mail {
  client: Client; fromName: string; from: string; date: string; subject: string;
  text: string; html?: boolean; seed: number;
}

const SIG: Record<Client, string> = {
  iphone: 'Отправлено с iPhone',
  gmail: '',
  mailru: 'Отправлено из Почты Mail',
  yandex: 'Отправлено из мобильной Яндекс Почты',
};

function buildMail(m: Mail, atts: Att[]): string {
  const r = rng(m.seed * 101 + 3);
  const bnd = m.client === 'iphone' ? `Apple-Mail-${hex(r, 8).toUpperCase()}-${hex(r, 4).toUpperCase()}-${hex(r, 4).toUpperCase()}`
    : m.client === 'gmail' ? `000000000000${hex(r, 16)}` : `----==_mimepart_${hex(r, 16)}`;
  const msgid = m.client === 'iphone' ? `<${hex(r, 8).toUpperCase()}-${hex(r, 4).toUpperCase()}-${hex(r, 4).toUpperCase()}-${hex(r, 12).toUpperCase()}@${m.from.split('@')[1]}>`
    : m.client === 'gmail' ? `<CA+${hex(r, 24)}${hex(r, 12)}@mail.gmail.com>`
      : m.client === 'mailru' ? `<${Math.floor(1795000000 + r() * 900000)}.${hex(r, 6)}@mail.ru>` : `<${Math.floor(r() * 9e6)}${hex(r, 6)}@mail.yandex.ru>`;
  const relay = { iphone: 'mx.icloud.com', gmail: 'mail-lf1-f53.google.com', mailru: 'fallback12.i.mail.ru', yandex: 'forward501a.mail.yandex.net' }[m.client];
  const H: string[] = [
    `Received: from ${relay} (${relay} [${Math.floor(60 + r() * 150)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}])`,
    `\tby mx1.khab.dvec.ru (Postfix) with ESMTPS id 4X${hex(r, 10)}`,
    `\tfor <info@khab.dvec.ru>; ${m.date}`,
    `From: ${encWord(m.fromName)} <${m.from}>`,
    `To: info@khab.dvec.ru`,
    `Subject: ${m.subject ? encWord(m.subject) : ''}`,
    `Date: ${m.date}`,
    `Message-ID: ${msgid}`,
    `MIME-Version: 1.0`,
  ];
  if (m.client === 'iphone') H.push('X-Mailer: iPhone Mail (22B91)');
  if (m.client === 'mailru') H.push('X-Mailer: Mail.Ru Mobile Android 15.2.0.49311', 'X-Priority: 3 (Normal)');
  if (m.client === 'yandex') H.push('X-Mailer: Yamail [ http://yandex.ru ] 5.0');

  const sig = SIG[m.client];
  const bodyText = [m.text, sig ? (m.client === 'iphone' ? `\n${sig}` : `\n--\n${sig}`) : ''].filter(Boolean).join('\n').replace(/^\n+/, '');
  const textPart = `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(bodyText + '\n')}`;
  const attPart = (a: Att) => {
    const disp = a.cid ? 'inline' : m.client === 'iphone' ? 'inline' : 'attachment';
    return `Content-Type: ${a.type}; name="${a.name}"\r\nContent-Disposition: ${disp}; filename="${a.name}"\r\nContent-Transfer-Encoding: base64\r\n` +
      (a.cid ? `Content-ID: <${a.cid}>\r\n` : m.client === 'gmail' ? `X-Attachment-Id: f_${hex(r, 9)}0\r\n` : '') + `\r\n${b64(a.data)}`;
  };
  let body: string;
  if (m.html) {
    // HTML with the photo inline (cid:), text/plain alternative
    const htmlEsc = m.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').split('\n').map(l => `<div>${l || '<br>'}</div>`).join('\n');
    const img = atts.filter(a => a.cid).map(a => `<div><img src="cid:${a.cid}" style="max-width:100%"></div>`).join('\n');
    const html = `<html><head></head><body>${htmlEsc}\n${img}\n<div><br></div><div>--</div><div>${sig}</div></body></html>`;
    const alt = `alt_${hex(r, 12)}`, rel = `rel_${hex(r, 12)}`;
    const htmlPart = `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(html)}`;
    const altBlock = `Content-Type: multipart/alternative; boundary="${alt}"\r\n\r\n--${alt}\r\n${textPart}\r\n--${alt}\r\n${htmlPart}\r\n--${alt}--\r\n`;
    body = `Content-Type: multipart/related; boundary="${rel}"; type="multipart/alternative"\r\n\r\n--${rel}\r\n${altBlock}` +
      atts.map(a => `--${rel}\r\n${attPart(a)}\r\n`).join('') + `--${rel}--\r\n`;
  } else if (atts.length === 0) {
    body = textPart + '\r\n';
  } else {
    body = `Content-Type: multipart/mixed; boundary="${bnd}"\r\n\r\n` +
      (bodyText.trim() ? `--${bnd}\r\n${textPart}\r\n` : '') +
      atts.map(a => `--${bnd}\r\n${attPart(a)}\r\n`).join('') + `--${bnd}--\r\n`;
  }
  return H.join('\r\n') + '\r\n' + body;
}

// ------------------------------------------------------------------ cases
interface Reading { account: string; meter: string; t1: number; t2: number | null; t3: null }
interface Case {
  name: string; mail: Omit<Mail, 'seed'>; shots: Shot[];
  decision: 'accept' | 'review'; readings: Reading[]; note: string; group: string;
}
const R = (k: string, t1: number, t2: number | null = null): Reading => ({ account: M[k].account, meter: M[k].serial, t1, t2, t3: null });
const day = (d: number, hh: number, mm: number) => {
  const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(Date.UTC(2026, 10, d)).getUTCDay()];
  return `${wd}, ${d} Nov 2026 ${pad(hh, 2)}:${pad(mm, 2)}:${pad((d * 7 + mm) % 60, 2)} +1000`;
};
const P = (o: Omit<PhotoSpec, 'face' | 'seed'>) => o;
const iphoneName = (i: number) => `IMG_${4100 + i * 37}.jpeg`;
const androidName = (d: number, i: number) => `IMG_202611${d}_${pad(180000 + i * 1311, 6)}.jpg`;

const CASES: Case[] = [
  // ---------------- photo-only, readable, account given or sender linked -> accept
  { name: 'photo-only-mercury201-account-in-text-iphone', group: 'photo-only accept',
    mail: { client: 'iphone', fromName: 'Гордеева Людмила', from: 'l.gordeeva1962@mail.ru', date: day(21, 19, 4), subject: 'Показания', text: 'Лицевой счет 2700418263\nПоказания на фото' },
    shots: [{ meter: 'a1', value: 4527, frac: '3', name: iphoneName(1), photo: P({ keystone: [0.06, 0.02], fill: 0.55, rot: -6, shearX: 4, bg: 'panel', light: 'left', noise: 4, quality: 80 }) }],
    decision: 'accept', readings: [R('a1', 4527)], note: 'Drum counter 04527 with red tenths 3; account in text, sender not linked but account has one meter. Integer part 4527, +136 over last.' },
  { name: 'photo-only-mercury200-sender-linked-gmail-no-text', group: 'photo-only accept',
    mail: { client: 'gmail', fromName: 'Виктор Сидоренко', from: 'v.sidorenko75@gmail.com', date: day(22, 8, 41), subject: '', text: '' },
    shots: [{ meter: 'a2', value: 12398, frac: '41', name: androidName(22, 1), photo: P({ fill: 0.5, rot: 9, bg: 'wall', light: 'spot', noise: 4, quality: 82 }) }],
    decision: 'accept', readings: [R('a2', 12398)], note: 'Empty subject and body, one LCD photo 012398.41 кВт·ч. Sender linked to one account which has one electricity meter (the heat meter is a different kind). Integer 12398.' },
  { name: 'photo-only-so6706-half-rolled-drum-mailru', group: 'photo-only accept',
    mail: { client: 'mailru', fromName: 'Андрей', from: 'andrey.sh1979@mail.ru', date: day(20, 21, 15), subject: 'фото счетчика', text: 'л/с 2702035817' },
    shots: [{ meter: 'a3', value: 27836, frac: '9', roll: 0.4, name: 'photo_2026-11-20_21-14-02.jpg', photo: P({ keystone: [-0.05, 0.04], fill: 0.6, rot: 4, shearX: -6, aspect: 0.92, bg: 'wall', light: 'top', noise: 5, quality: 78 }) }],
    decision: 'accept', readings: [R('a3', 27836)], note: 'СО-ЭЭ6706 drum counter, last black drum half-rolled between 6 and 7 (tenths rolling 9->0): the lower digit counts, 27836.' },
  { name: 'photo-only-ce102m-rotated-sender-linked-yandex', group: 'photo-only accept',
    mail: { client: 'yandex', fromName: 'Кузьмин Д.В.', from: 'kuzmin.dv@yandex.ru', date: day(23, 12, 2), subject: 'показания', text: 'Добрый день, показания на фото' },
    shots: [{ meter: 'a4', value: 52904, frac: '17', name: androidName(23, 2), photo: P({ keystone: [0.04, -0.06], fill: 0.6, rot: -17, shearX: 5, bg: 'tile', light: 'right', noise: 4, quality: 80 }) }],
    decision: 'accept', readings: [R('a4', 52904)], note: 'CE102M LCD, leading zero unlit, photo rotated about -17°. Sender linked to one account with one meter. 52904.' },
  { name: 'photo-only-heat-gkal-sender-linked-iphone', group: 'photo-only accept',
    mail: { client: 'iphone', fromName: 'Ольга Ткачева', from: 'olga.tkacheva@icloud.com', date: day(24, 20, 30), subject: 'Тепло', text: '' },
    shots: [{ meter: 'a5', value: 124, frac: '637', name: iphoneName(5), photo: P({ fill: 0.5, rot: 3, bg: 'wood', light: 'even', noise: 4, quality: 82 }) }],
    decision: 'accept', readings: [R('a5', 124)], note: 'Heat meter LCD 124.637 Гкал, sender linked to one account with one (heat) meter. Integer 124, +6 over last 118.' },
  { name: 'photo-only-neva101-4032px-account-in-text-iphone', group: 'photo-only accept',
    mail: { client: 'iphone', fromName: 'Nikolay P', from: 'nikpopov@rambler.ru', date: day(21, 9, 55), subject: 'Показания счетчика', text: '2703112096' },
    shots: [{ meter: 'a6', value: 8244, frac: '0', name: iphoneName(6), photo: P({ keystone: [0.03, 0.03], W: 4032, H: 3024, fill: 0.45, rot: 2, cx: 0.46, cy: 0.52, bg: 'panel', light: 'spot', noise: 3, quality: 72 }) }],
    decision: 'accept', readings: [R('a6', 8244)], note: 'Full-resolution 4032x3024 phone photo of a Нева 101 drum counter 008244|0. Bare account number as the only text. 8244.' },
  { name: 'photo-only-neva-mt114-png-sender-linked-gmail', group: 'photo-only accept',
    mail: { client: 'gmail', fromName: 'Игорь Бондаренко', from: 'bondarenko.ig@gmail.com', date: day(22, 18, 12), subject: 'Показания', text: 'Показания за ноябрь' },
    shots: [{ meter: 'a7', value: 34311, frac: '50', name: 'Screenshot_20261122-181103.png', png: true, photo: P({ W: 1080, H: 810, fill: 0.62, rot: -3, bg: 'wall', light: 'even', noise: 2, quality: 90 }) }],
    decision: 'accept', readings: [R('a7', 34311)], note: 'The photo arrives as image/png (a screenshot of the gallery). Нева МТ 114 LCD 34311.50. Sender linked. 34311.' },
  { name: 'photo-only-ce101-small-in-panel-box', group: 'photo-only accept',
    mail: { client: 'mailru', fromName: 'Семья Шевчук', from: 'shevchuk.family@list.ru', date: day(20, 10, 20), subject: 'показания', text: 'Счет 2703720158, счетчик в щитке на площадке' },
    shots: [{ meter: 'a8', value: 63102, frac: '6', name: 'IMG-20261120-WA0004.jpg', photo: P({ keystone: [-0.07, 0.0], fill: 0.3, rot: 7, cx: 0.35, cy: 0.55, bg: 'panel', light: 'left', noise: 5, quality: 84 }) }],
    decision: 'accept', readings: [R('a8', 63102)], note: 'CE101 R5 drum counter occupying only ~30% of the frame in a stairwell panel box. 063102|6 -> 63102.' },
  { name: 'photo-only-mercury206-inline-cid-html-mailru', group: 'photo-only accept',
    mail: { client: 'mailru', fromName: 'Наталья Хабибулина', from: 'natasha.kh@mail.ru', date: day(23, 22, 47), subject: 'Показания счетчика', text: 'Здравствуйте!\nЛ/сч 2704051973\nСнимок счетчика ниже.', html: true },
    shots: [{ meter: 'a9', value: 9377, frac: '02', name: 'image.jpg', photo: P({ keystone: [0.0, 0.08], fill: 0.55, rot: 11, shearX: -4, bg: 'tile', light: 'top', noise: 4, quality: 80 }) }],
    decision: 'accept', readings: [R('a9', 9377)], note: 'HTML mail with the photo inline via cid:. Меркурий 206 LCD 009377.02. 9377.' },
  { name: 'photo-only-drum-slight-blur-sender-linked', group: 'photo-only accept',
    mail: { client: 'yandex', fromName: 'Сергей Любимов', from: 's.lyubimov@yandex.ru', date: day(24, 7, 33), subject: '', text: '' },
    shots: [{ meter: 'a10', value: 15972, frac: '4', name: androidName(24, 3), photo: P({ fill: 0.6, rot: -9, bg: 'wall', light: 'left', blur: 1.6, noise: 6, quality: 76 }) }],
    decision: 'accept', readings: [R('a10', 15972)], note: 'Slightly soft (blur sigma 1.6) and noisy but plainly readable drum 15972|4. Sender linked, no text at all.' },
  { name: 'photo-only-heat-account-in-text-yandex', group: 'photo-only accept',
    mail: { client: 'yandex', fromName: 'Мельникова Т.', from: 'tmelnikova@ya.ru', date: day(25, 11, 5), subject: 'показания тепло', text: 'Лицевой 2704619925 теплосчетчик' },
    shots: [{ meter: 'a11', value: 61, frac: '208', name: androidName(25, 4), photo: P({ fill: 0.5, rot: 14, bg: 'tile', light: 'spot', noise: 4, quality: 80 }) }],
    decision: 'accept', readings: [R('a11', 61)], note: 'Heat meter 61.208 Гкал, account in text, one meter on the account. Integer 61 (+5).' },
  { name: 'photo-only-drum-leading-zeros-iphone', group: 'photo-only accept',
    mail: { client: 'iphone', fromName: 'Алина', from: 'alina.kravets@icloud.com', date: day(21, 16, 58), subject: 'Показания', text: 'ЛС 2705008347 новый счетчик' },
    shots: [{ meter: 'a12', value: 871, frac: '5', name: iphoneName(12), photo: P({ fill: 0.58, rot: 5, shearX: 3, bg: 'wood', light: 'right', noise: 4, quality: 80 }) }],
    decision: 'accept', readings: [R('a12', 871)], note: 'New meter: drums read 00871|5. Leading zeros drop: 871 (last 688).' },
  { name: 'photo-only-two-zone-two-photos-t1-t2-yandex', group: 'photo-only accept',
    mail: { client: 'yandex', fromName: 'Татьяна Руднева', from: 'tanya.rudneva@yandex.ru', date: day(22, 19, 40), subject: 'Показания счетчика', text: 'Т1 и Т2 на фото' },
    shots: [
      { meter: 'a13', value: 15611, frac: '08', tariff: 'Т1', name: androidName(22, 5), photo: P({ fill: 0.55, rot: -5, bg: 'wall', light: 'even', noise: 4, quality: 80 }) },
      { meter: 'a13', value: 7288, frac: '93', tariff: 'Т2', name: androidName(22, 6), photo: P({ fill: 0.52, rot: -2, cx: 0.53, bg: 'wall', light: 'even', noise: 4, quality: 80 }) }],
    decision: 'accept', readings: [R('a13', 15611, 7288)], note: 'Two-tariff meter, two photos: Т1 015611.08 and Т2 007288.93. Sender linked. t1=15611 t2=7288.' },
  { name: 'photo-only-uneven-light-empty-subject', group: 'photo-only accept',
    mail: { client: 'mailru', fromName: 'Павел Гриценко', from: 'pavel.gritsenko@mail.ru', date: day(20, 18, 3), subject: '', text: 'л/с 2705583302' },
    shots: [{ meter: 'a14', value: 41120, frac: '7', name: 'IMG_20261120_180211.jpg', photo: P({ keystone: [0.05, -0.04], fill: 0.5, rot: 12, shearX: -5, bg: 'panel', light: 'spot', noise: 7, quality: 74, dark: 0.8 }) }],
    decision: 'accept', readings: [R('a14', 41120)], note: 'Dim, vignetted flash-less shot but the drums 41120|7 are legible. Empty subject.' },

  // ---------------- text + photo agreeing -> accept
  { name: 'text-photo-agree-ce102m-gmail', group: 'text+photo agree',
    mail: { client: 'gmail', fromName: 'Елена Воронова', from: 'voronova.e.a@gmail.com', date: day(21, 20, 10), subject: 'Показания', text: 'ЛС 2705890471\nПоказания 21590\nФото прилагаю' },
    shots: [{ meter: 'a15', value: 21590, frac: '84', name: androidName(21, 7), photo: P({ keystone: [-0.04, 0.05], fill: 0.5, rot: 6, bg: 'wall', light: 'left', noise: 4, quality: 80 }) }],
    decision: 'accept', readings: [R('a15', 21590)], note: 'Text 21590 and LCD 021590.84 agree on the integer part.' },
  { name: 'text-photo-agree-decimal-comma-neva101', group: 'text+photo agree',
    mail: { client: 'gmail', fromName: 'Марина Федотова', from: 'marina.fedotova@gmail.com', date: day(23, 9, 12), subject: 'показания', text: 'Электроэнергия 4521,7' },
    shots: [{ meter: 'a16', value: 4521, frac: '7', name: androidName(23, 8), photo: P({ fill: 0.6, rot: -4, bg: 'tile', light: 'top', noise: 4, quality: 80 }) }],
    decision: 'accept', readings: [R('a16', 4521)], note: 'Text "4521,7" (decimal comma) and drum 004521|7 agree: 4521. Sender linked; "электроэнергия" plus the photo identify the electricity meter of the two.' },
  { name: 'text-photo-agree-two-zone-t1-photo-yandex', group: 'text+photo agree',
    mail: { client: 'yandex', fromName: 'Татьяна Руднева', from: 'tanya.rudneva@yandex.ru', date: day(24, 21, 1), subject: 'Показания', text: 'день 15702\nночь 7350' },
    shots: [{ meter: 'a13', value: 15702, frac: '55', tariff: 'Т1', name: androidName(24, 9), photo: P({ fill: 0.55, rot: 8, bg: 'wall', light: 'even', noise: 4, quality: 80 }) }],
    decision: 'accept', readings: [R('a13', 15702, 7350)], note: 'Two-zone meter, day 15702 and night 7350 typed; the T1 photo 015702.55 confirms the day value (the night value has no photo, which is normal: the LCD shows one tariff at a time).' },
  { name: 'text-photo-agree-heat-gkal-iphone', group: 'text+photo agree',
    mail: { client: 'iphone', fromName: 'Марина Федотова', from: 'marina.fedotova@gmail.com', date: day(25, 8, 20), subject: 'Тепло', text: 'Отопление 23,4 Гкал' },
    shots: [{ meter: 'a16h', value: 23, frac: '412', name: iphoneName(19), photo: P({ keystone: [0.06, 0.0], fill: 0.55, rot: -7, bg: 'wood', light: 'spot', noise: 4, quality: 80 }) }],
    decision: 'accept', readings: [R('a16h', 23)], note: 'Heat 23,4 Гкал in text, photo 23.412 Гкал; integer 23, +3 over last. The account has one heat meter.' },
  { name: 'text-photo-agree-half-rolled-drum-mailru', group: 'text+photo agree',
    mail: { client: 'mailru', fromName: 'Юрий Колесников', from: 'kolesnikov.yu@mail.ru', date: day(20, 13, 44), subject: 'показания', text: 'Добрый день. 18734' },
    shots: [{ meter: 'a20', value: 18734, frac: '9', roll: 0.5, name: 'IMG_20261120_134301.jpg', photo: P({ fill: 0.6, rot: 3, shearX: 4, bg: 'panel', light: 'left', noise: 4, quality: 80 }) }],
    decision: 'accept', readings: [R('a20', 18734)], note: 'Last drum exactly half way between 4 and 5: the lower digit counts, 18734, which is what the customer typed.' },
  { name: 'text-photo-agree-mercury206-account-meter-yandex', group: 'text+photo agree',
    mail: { client: 'yandex', fromName: 'Ирина Белова', from: 'irina.belova@inbox.ru', date: day(22, 10, 30), subject: 'Показания счетчика', text: 'Л/с 2707955103, счетчик 45002318\nпоказания 30977' },
    shots: [{ meter: 'a22', value: 30977, frac: '66', name: androidName(22, 10), photo: P({ keystone: [0.03, 0.06], fill: 0.5, rot: -14, shearX: 6, bg: 'tile', light: 'right', noise: 4, quality: 80 }) }],
    decision: 'accept', readings: [R('a22', 30977)], note: 'Account, meter and value typed; rotated LCD photo 030977.66 agrees.' },

  // ---------------- text + photo disagreeing -> review (readings = text's)
  { name: 'text-photo-disagree-transposed-digits', group: 'text+photo disagree',
    mail: { client: 'gmail', fromName: 'Алексей Миронов', from: 'alexey.mironov@yandex.ru', date: day(21, 7, 50), subject: 'показания', text: 'Показания 24580' },
    shots: [{ meter: 'a17', value: 24850, frac: '12', name: androidName(21, 11), photo: P({ fill: 0.55, rot: 4, bg: 'wall', light: 'even', noise: 4, quality: 82 }) }],
    decision: 'review', readings: [R('a17', 24580)], note: 'Typed 24580 but the LCD clearly shows 024850.12 (transposed digits). Both are plausible; a clerk must decide. Readings = the text.' },
  { name: 'text-photo-disagree-one-digit-drum', group: 'text+photo disagree',
    mail: { client: 'iphone', fromName: 'Ксения', from: 'ks.orlova@icloud.com', date: day(23, 17, 25), subject: 'Показания', text: 'ЛС 2703112096 - 8612' },
    shots: [{ meter: 'a6', value: 8712, frac: '3', name: iphoneName(21), photo: P({ fill: 0.55, rot: -8, bg: 'panel', light: 'top', noise: 4, quality: 80 }) }],
    decision: 'review', readings: [R('a6', 8612)], note: 'Typed 8612, drums show 008712|3. Conflict -> review with the typed value.' },
  { name: 'text-photo-disagree-two-zone-day', group: 'text+photo disagree',
    mail: { client: 'mailru', fromName: 'Евгения Зайцева', from: 'e.zaitseva@mail.ru', date: day(24, 19, 19), subject: 'Показания счетчика', text: 'Т1 16020\nТ2 7350' },
    shots: [{ meter: 'a18', value: 16920, frac: '40', tariff: 'Т1', name: 'IMG_20261124_191700.jpg', photo: P({ keystone: [-0.05, -0.03], fill: 0.55, rot: 10, bg: 'tile', light: 'left', noise: 4, quality: 80 }) }],
    decision: 'review', readings: [R('a18', 16020, 7350)], note: 'T1 typed 16020, the T1 photo shows 016920.40. Conflict on the day zone -> review, readings = text.' },
  { name: 'text-photo-disagree-heat', group: 'text+photo disagree',
    mail: { client: 'gmail', fromName: 'Виктор Сидоренко', from: 'v.sidorenko75@gmail.com', date: day(25, 9, 9), subject: 'тепло', text: 'Теплосчетчик 33 Гкал' },
    shots: [{ meter: 'a2h', value: 36, frac: '115', name: androidName(25, 12), photo: P({ fill: 0.5, rot: -5, bg: 'wood', light: 'even', noise: 4, quality: 80 }) }],
    decision: 'review', readings: [R('a2h', 33)], note: 'Typed 33 Гкал, photo shows 36.115 Гкал. Conflict -> review with the typed value.' },

  // ---------------- unreadable photos -> review, []
  { name: 'unreadable-heavy-blur', group: 'unreadable',
    mail: { client: 'iphone', fromName: 'Валентина', from: 'valya.grinko@mail.ru', date: day(20, 20, 2), subject: 'Показания', text: 'Л/с 2706452906' },
    shots: [{ meter: 'a17', value: 24411, frac: '30', name: iphoneName(25), photo: P({ fill: 0.5, rot: 6, bg: 'wall', light: 'even', blur: 14, noise: 4, quality: 78 }) }],
    decision: 'review', readings: [], note: 'Photo badly out of focus (blur sigma 14): digits are smeared grey blobs. No reading can be determined.' },
  { name: 'unreadable-glare-over-digits', group: 'unreadable',
    mail: { client: 'gmail', fromName: 'Дмитрий Осипов', from: 'dmitriy.osipov@gmail.com', date: day(22, 21, 33), subject: 'Показания', text: '' },
    shots: [{ meter: 'a23', value: 8566, frac: '20', name: androidName(22, 13), photo: P({ fill: 0.55, rot: -4, bg: 'tile', light: 'even', glare: 0.97, noise: 4, quality: 80 }) }],
    decision: 'review', readings: [], note: 'Flash reflection on the meter cover whites out the LCD digits. Sender linked, but nothing readable.' },
  { name: 'unreadable-too-dark', group: 'unreadable',
    mail: { client: 'yandex', fromName: 'Светлана', from: 'svetik.k@yandex.ru', date: day(23, 23, 15), subject: 'фото счетчика', text: 'лс 2707045569' },
    shots: [{ meter: 'a19', value: 5790, frac: '11', name: androidName(23, 14), photo: P({ fill: 0.5, rot: 5, bg: 'panel', light: 'spot', dark: 0.045, blur: 3, noise: 14, quality: 72 }) }],
    decision: 'review', readings: [], note: 'Photo taken in an unlit stairwell: almost black, noise dominates. No reading.' },
  { name: 'unreadable-display-cut-off', group: 'unreadable',
    mail: { client: 'mailru', fromName: 'Павел Гриценко', from: 'pavel.gritsenko@mail.ru', date: day(25, 7, 48), subject: 'показания', text: '' },
    shots: [{ meter: 'a14', value: 41356, frac: '1', name: 'IMG_20261125_074700.jpg', photo: P({ fill: 0.95, rot: 2, cx: 1.07, cy: 0.6, bg: 'panel', light: 'even', noise: 4, quality: 80 }) }],
    decision: 'review', readings: [], note: 'Close-up with the meter pushed to the right: the frame edge cuts the counter window after the first digits; the visible "41" is not a reading.' },
  { name: 'unreadable-motion-blur', group: 'unreadable',
    mail: { client: 'gmail', fromName: 'Илья Ким', from: 'ilya.kim.khv@gmail.com', date: day(21, 18, 27), subject: 'Показания', text: 'Лицевой счет 2705890471' },
    shots: [{ meter: 'a15', value: 21377, frac: '60', name: androidName(21, 15), photo: P({ fill: 0.45, rot: -12, bg: 'wall', light: 'left', motion: 61, blur: 2, noise: 5, quality: 76 }) }],
    decision: 'review', readings: [], note: 'Strong horizontal motion blur (shaken hand): the seven-segment digits run together. No reading.' },

  // ---------------- implausible photo values -> review
  { name: 'implausible-photo-below-last', group: 'implausible',
    mail: { client: 'mailru', fromName: 'Юрий Колесников', from: 'kolesnikov.yu@mail.ru', date: day(22, 12, 0), subject: 'Показания', text: '' },
    shots: [{ meter: 'a20', value: 18320, frac: '6', name: 'IMG_20261122_115812.jpg', photo: P({ keystone: [0.04, 0.04], fill: 0.55, rot: -6, bg: 'panel', light: 'even', noise: 4, quality: 80 }) }],
    decision: 'review', readings: [R('a20', 18320)], note: 'Clear drum 18320|6 but the last accepted reading is 18500: decreased value (maybe an old photo) -> review.' },
  { name: 'implausible-photo-of-other-meter', group: 'implausible',
    mail: { client: 'yandex', fromName: 'Роман Дегтярев', from: 'degtyarev.r@yandex.ru', date: day(24, 10, 14), subject: 'показания', text: 'ЛС 2707602217' },
    shots: [{ foreign: { face: NEVAMT(2021), serial: '24498713', digits: 6 }, value: 345678, frac: '90', name: androidName(24, 16), photo: P({ fill: 0.5, rot: 7, bg: 'wall', light: 'right', noise: 4, quality: 80 }) }],
    decision: 'review', readings: [], note: 'Account 2707602217 has a CE101 drum meter 009108356 at 12040; the photo is an LCD Нева МТ 114 № 24498713 showing 345678.90 — a different meter (neighbour/old). Not attributable.' },
  { name: 'implausible-photo-too-high', group: 'implausible',
    mail: { client: 'iphone', fromName: 'Ирина Белова', from: 'irina.belova@inbox.ru', date: day(25, 18, 36), subject: '', text: '' },
    shots: [{ meter: 'a22', value: 39615, frac: '03', name: iphoneName(29), photo: P({ fill: 0.55, rot: 3, bg: 'tile', light: 'even', noise: 4, quality: 80 }) }],
    decision: 'review', readings: [R('a22', 39615)], note: 'Clear LCD 039615.03 but last is 30015: +9600 in a month exceeds the 5000 limit -> review.' },

  // ---------------- no account, unknown sender -> review
  { name: 'no-account-unknown-sender-photo-only', group: 'no account',
    mail: { client: 'gmail', fromName: 'Ж', from: 'zhenya.2001.khv@gmail.com', date: day(21, 23, 3), subject: 'Показания', text: '' },
    shots: [{ foreign: { face: MERC201(2016), serial: '20547718', digits: 5 }, value: 13802, frac: '2', name: androidName(21, 17), photo: P({ keystone: [-0.03, 0.05], fill: 0.55, rot: -10, bg: 'wall', light: 'left', noise: 4, quality: 80 }) }],
    decision: 'review', readings: [], note: 'Unknown sender, no text, meter № 20547718 on the photo is not in the registry. The reading 13802 is legible but cannot be attributed.' },
  { name: 'no-account-unknown-sender-mailru', group: 'no account',
    mail: { client: 'mailru', fromName: 'Галина Петровна', from: 'galina.p.1955@bk.ru', date: day(23, 14, 16), subject: 'фото счетчика', text: 'Вот' },
    shots: [{ foreign: { face: CE102(2018), serial: '011751206674', digits: 6 }, value: 6250, frac: '33', name: 'IMG_20261123_141502.jpg', photo: P({ fill: 0.5, rot: 5, bg: 'tile', light: 'spot', noise: 4, quality: 80 }) }],
    decision: 'review', readings: [], note: 'Body "Вот" and a photo; unknown sender, serial on the photo not in the registry. Review.' },

  // ---------------- not a meter + text readings
  { name: 'text-readings-with-shop-receipt-photo', group: 'not a meter',
    mail: { client: 'gmail', fromName: 'Сергей Любимов', from: 's.lyubimov@yandex.ru', date: day(23, 19, 2), subject: 'показания', text: 'Показания счетчика 16210' },
    shots: [{ other: 'receipt', value: 0, frac: '', name: androidName(23, 18), photo: P({ fill: 0, rot: 0, bg: 'wall' }) }],
    decision: 'accept', readings: [R('a10', 16210)], note: 'Judgement: the typed reading is complete and valid for the sender-linked account; the attachment is a grocery receipt (САМБЕРИ, total 677,99) attached by mistake, with no meter values on it. Nothing for a clerk to reconcile -> accept with the typed value.' },
  { name: 'text-readings-with-cat-photo', group: 'not a meter',
    mail: { client: 'iphone', fromName: 'Дмитрий Осипов', from: 'dmitriy.osipov@gmail.com', date: day(24, 9, 41), subject: 'Показания', text: 'ЛС 2708203396\n8390' },
    shots: [{ other: 'cat', value: 0, frac: '', name: iphoneName(33), photo: P({ fill: 0, rot: 0, bg: 'wall' }) }],
    decision: 'accept', readings: [R('a23', 8390)], note: 'Judgement: account and value typed and valid (+270); the photo is a cat, not a meter, so there is nothing to compare. Accept with the typed value.' },
];

// ------------------------------------------------------------------ main
async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (/^\d{3}-.*\.(eml|expected\.json)$/.test(f)) unlinkSync(join(OUT, f));
  writeFileSync(join(OUT, 'registry.csv'), registryCsv());
  const only = process.argv[2] ? new Set(process.argv.slice(2).map(Number)) : null;
  let i = 0;
  for (const c of CASES) {
    i++;
    const id = pad(i, 3);
    if (only && !only.has(i)) continue;
    const atts: Att[] = [];
    let k = 0;
    for (const s of c.shots) {
      const data = await shoot(s, i * 100 + k);
      const att: Att = { name: s.name ?? `photo${k}.jpg`, type: s.png ? 'image/png' : 'image/jpeg', data };
      if (c.mail.html) att.cid = `ii_${id}${k}@mail.ru`;
      atts.push(att);
      k++;
    }
    const eml = buildMail({ ...c.mail, seed: i }, atts);
    writeFileSync(join(OUT, `${id}-${c.name}.eml`), eml);
    writeFileSync(join(OUT, `${id}-${c.name}.expected.json`), JSON.stringify({ decision: c.decision, readings: c.readings, note: c.note }, null, 2) + '\n');
    if (process.env.DUMP) for (const [j, a] of atts.entries()) writeFileSync(`${process.env.DUMP}/${id}-${j}.${a.type === 'image/png' ? 'png' : 'jpg'}`, a.data);
    console.log(id, c.decision, c.name, atts.map(a => Math.round(a.data.length / 1024) + 'KB').join(' '));
  }
  // label distribution for the README
  const dist: Record<string, number> = {};
  for (const c of CASES) dist[`${c.group} -> ${c.decision}`] = (dist[`${c.group} -> ${c.decision}`] ?? 0) + 1;
  console.log(JSON.stringify(dist, null, 1));
}
main();
