// Messages from organisations: management companies, HOAs, a garden partnership, a sole trader.
import { buildPdf, buildXlsx } from './attachments.js';
import {
  aligned, alternative, attachment, electricityReading, html, htmlTable, mixed, monthly, plain, reading, tabbed,
  type CaseSpec, type FlatValues,
} from './case-kit.js';
import { BUILDINGS, NOT_IN_REGISTRY, PEOPLE } from './registry.js';

const A = BUILDINGS.A, B = BUILDINGS.B, C = BUILDINGS.C, D = BUILDINGS.D, E = BUILDINGS.E;
const F = BUILDINGS.F, G = BUILDINGS.G, H = BUILDINGS.H, J = BUILDINGS.J, K = BUILDINGS.K, SNT = BUILDINGS.SNT;

const vA = monthly(A, 11), vB = monthly(B, 22), vC = monthly(C, 33), vD = monthly(D, 44), vE = monthly(E, 55);
const vF = monthly(F, 66), vG = monthly(G, 77), vH = monthly(H, 88), vJ = monthly(J, 99), vK = monthly(K, 121);
const vSNT = monthly(SNT, 131);

const at = <T>(list: T[], i: number): T => {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
};

const voshodSignature = [
  '--',
  'С уважением,',
  'диспетчер ООО «УК Восход»',
  'Карпенко Юлия Викторовна',
  'тел. 8 (4212) 45-67-89, доб. 2',
  `ИНН ${NOT_IN_REGISTRY.ukInn} КПП 272201001`,
];

function htmlMail(intro: string[], table: string, signature: string[]): string {
  const div = (s: string) => `<div>${s || '&nbsp;'}</div>`;
  return (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>\n' +
    intro.map(div).join('\n') +
    '\n' + table + '\n' +
    div('') + '\n' + div(signature.join('<br>')) +
    '\n</body></html>\n'
  );
}

function splitRows(values: FlatValues[], offset: number): string[][] {
  return values.map((v, i) => [String(offset + i + 1), String(v.flat.flat), v.flat.electricity.account, v.flat.electricity.meter, '21.11.2026', String(v.t1)]);
}

const splitHeader = ['№', 'Кв.', 'Лицевой счёт', 'Зав. номер ПУ', 'Дата снятия', 'Текущие показания'];

export const orgCases: CaseSpec[] = [
  {
    slug: 'voshod-lenina-html-17-rows',
    decision: 'accept',
    readings: vA.map(electricityReading),
    note: 'УК, HTML-таблица 17 строк с колонками № п/п, Кв., ФИО, Л/С, № счётчика, Показания; все счётчики однотарифные, приросты 60–480 кВт·ч. ИНН УК в подписи — не лицевой счёт.',
    from: { name: 'УК Восход', address: A.email },
    date: ['2026-11-21 10:12:44', '+1000'],
    subject: 'Показания ИПУ э/э ул. Ленина, 12 — ноябрь 2026',
    mailer: 'Mail.Ru Mailer 1.0',
    body: alternative(
      plain(
        ['Добрый день!', 'Направляем показания ИПУ электроэнергии по МКД ул. Ленина, 12 за ноябрь 2026 г.', '',
          tabbed(['№ п/п', 'Кв.', 'ФИО', 'Л/С', '№ счётчика', 'Показания (кВт·ч)'],
            vA.map((v, i) => [String(i + 1), String(v.flat.flat), v.flat.owner, v.flat.electricity.account, v.flat.electricity.meter, String(v.t1)])),
          '', ...voshodSignature].join('\n'),
        'utf-8', 'quoted-printable'),
      html(htmlMail(
        ['Добрый день!', 'Направляем показания ИПУ электроэнергии по МКД ул. Ленина, 12 за ноябрь 2026 г.', ''],
        htmlTable(['№ п/п', 'Кв.', 'ФИО', 'Л/С', '№ счётчика', 'Показания (кВт·ч)'],
          vA.map((v, i) => [String(i + 1), String(v.flat.flat), v.flat.owner, v.flat.electricity.account, v.flat.electricity.meter, String(v.t1)])),
        voshodSignature)),
    ),
  },
  {
    slug: 'voshod-pushkina-part-1-of-2',
    decision: 'accept',
    readings: vB.slice(0, 8).map(electricityReading),
    note: 'Первая половина таблицы на 16 квартир (строки 1–8), HTML в windows-1251 QP. Каждое письмо самодостаточно: в строках есть л/с и номер ПУ.',
    from: { name: 'УК Восход', address: B.email },
    date: ['2026-11-22 09:41:03', '+1000'],
    subject: 'Показания Пушкина 40 (часть 1 из 2)',
    subjectCharset: 'windows-1251',
    mailer: 'Microsoft Outlook 16.0',
    body: html(
      htmlMail(['Добрый день.', 'Показания по дому ул. Пушкина, 40, часть 1 из 2 (строки 1–8). Вторая часть следующим письмом.', ''],
        htmlTable(splitHeader, splitRows(vB.slice(0, 8), 0), 'bold'), voshodSignature),
      'windows-1251', 'quoted-printable'),
  },
  {
    slug: 'voshod-pushkina-part-2-of-2',
    decision: 'accept',
    readings: vB.slice(8).map(electricityReading),
    note: 'Вторая половина той же таблицы (строки 9–16) с повторённой шапкой.',
    from: { name: 'УК Восход', address: B.email },
    date: ['2026-11-22 09:43:27', '+1000'],
    subject: 'Показания Пушкина 40 (часть 2 из 2)',
    subjectCharset: 'windows-1251',
    mailer: 'Microsoft Outlook 16.0',
    body: html(
      htmlMail(['Продолжение, часть 2 из 2 (строки 9–16).', ''],
        htmlTable(splitHeader, splitRows(vB.slice(8), 8), 'bold'), voshodSignature),
      'windows-1251', 'quoted-printable'),
  },
  {
    slug: 'sever-html-previous-current-consumption',
    decision: 'accept',
    readings: vC.map(electricityReading),
    note: 'Колонки «Предыдущие показания» (= последние в реестре, с десятыми) и «Расход» брать нельзя; берутся «Текущие показания», целая часть.',
    from: { name: 'ООО «УК Северный квартал»', address: C.email, mode: 'Q' },
    date: ['2026-11-23 14:05:10', '+1000'],
    subject: 'Передача показаний ПУ, К. Маркса 91',
    subjectMode: 'Q',
    mailer: 'Yandex.Mail',
    body: alternative(
      plain(
        ['Здравствуйте!', 'Показания индивидуальных приборов учёта, ул. Карла Маркса, 91, ноябрь 2026.', '',
          tabbed(['Номер ЛС', 'Зав. номер ПУ', 'Предыдущие показания', 'Текущие показания', 'Расход'],
            vC.map((v) => [v.flat.electricity.account, v.flat.electricity.meter, `${v.flat.electricity.last[0]},0`, `${v.t1},4`, String(v.t1 - v.flat.electricity.last[0])])),
          '', 'Инженер ООО «УК Северный квартал» Лаптева О.С.'].join('\n')),
      html(htmlMail(['Здравствуйте!', 'Показания индивидуальных приборов учёта, ул. Карла Маркса, 91, ноябрь 2026.', ''],
        htmlTable(['Номер ЛС', 'Зав. номер ПУ', 'Предыдущие показания', 'Текущие показания', 'Расход'],
          vC.map((v) => [v.flat.electricity.account, v.flat.electricity.meter, `${v.flat.electricity.last[0]},0`, `${v.t1},4`, String(v.t1 - v.flat.electricity.last[0])])),
        ['Инженер ООО «УК Северный квартал» Лаптева О.С.']), 'utf-8', 'quoted-printable'),
    ),
  },
  {
    slug: 'tsj-amurskiy-day-night-table',
    decision: 'accept',
    readings: vD.map(electricityReading),
    note: 'ТСЖ, все 6 счётчиков двухтарифные: колонки «День (Т1)» и «Ночь (Т2)».',
    from: { name: 'ТСЖ Амурский-5', address: D.email },
    date: ['2026-11-20 18:30:00', '+1000'],
    subject: 'Показания двухтарифных счётчиков, Амурский б-р 5',
    mailer: 'Gmail',
    body: html(htmlMail(['Добрый вечер!', 'Показания за ноябрь:', ''],
      htmlTable(['Кв.', 'ФИО', 'Л/С', '№ ПУ', 'День (Т1)', 'Ночь (Т2)'],
        vD.map((v) => [String(v.flat.flat), v.flat.owner, v.flat.electricity.account, v.flat.electricity.meter, String(v.t1), String(v.t2)])),
      ['Председатель правления ТСЖ «Амурский-5» Шевчук И.Н.', `ИНН ${NOT_IN_REGISTRY.tsjInn}`])),
  },
  {
    slug: 'berezka-excel-tabs-cp1251',
    decision: 'accept',
    readings: vE.map(electricityReading),
    note: 'Вставка из Excel в text/plain windows-1251 8bit: табуляции, колонка «Дата снятия» (21.11.2026) — не показание.',
    from: { name: 'ТСН Берёзка', address: E.email, charset: 'windows-1251' },
    date: ['2026-11-21 16:22:09', '+1000'],
    subject: 'показания э/э Тихоокеанская 73',
    subjectCharset: 'windows-1251',
    mailer: 'The Bat! (v10.4.2) Professional',
    body: plain(
      ['Добрый день, передаём показания электросчётчиков (ноябрь).', '',
        tabbed(['Кв.', 'Лицевой счёт', '№ счётчика', 'Дата снятия', 'Показания, кВт·ч'],
          vE.map((v) => [String(v.flat.flat), v.flat.electricity.account, v.flat.electricity.meter, '21.11.2026', String(v.t1)])),
        '', 'Бухгалтер ТСН «Берёзка» Медведева Т.А.'].join('\n'),
      'windows-1251', '8bit'),
  },
  {
    slug: 'sever-serysheva-csv-semicolons',
    decision: 'accept',
    readings: vF.map(electricityReading),
    note: 'CSV вставлен в тело: «;»-разделители, есть колонка предыдущих показаний — брать «Показания тек.».',
    from: { name: 'ООО «УК Северный квартал»', address: F.email },
    date: ['2026-11-24 11:47:31', '+1000'],
    subject: 'Серышева 22 показания',
    mailer: 'Yandex.Mail',
    body: plain(
      ['Выгрузка из программы:', '',
        tabbed(['Номер ЛС', 'Счётчик', 'Показания пред.', 'Показания тек.', 'Дата снятия'],
          vF.map((v) => [v.flat.electricity.account, v.flat.electricity.meter, String(v.flat.electricity.last[0]), String(v.t1), '23.11.2026']), ';'),
        '', 'ООО «УК Северный квартал»'].join('\n'),
      'utf-8', 'base64'),
  },
  {
    slug: 'voshod-volochaevskaya-space-aligned',
    decision: 'accept',
    readings: vG.map(electricityReading),
    note: 'Колонки выровнены пробелами (моноширинная вставка), QP.',
    from: { name: 'УК Восход', address: G.email },
    date: ['2026-11-23 08:55:12', '+1000'],
    subject: 'Волочаевская 150 - показания ИПУ',
    mailer: 'Mail.Ru Mailer 1.0',
    body: plain(
      ['Добрый день!', '',
        aligned(['Кв.', 'ФИО', 'Л/С', 'Счётчик', 'Показания'],
          vG.map((v) => [String(v.flat.flat), v.flat.owner, v.flat.electricity.account, v.flat.electricity.meter, String(v.t1)])),
        '', ...voshodSignature].join('\n'),
      'utf-8', 'quoted-printable'),
  },
  {
    slug: 'domovoy-numbered-list',
    decision: 'accept',
    readings: vH.map(electricityReading),
    note: 'Нумерованный список «1) л/с …, сч. …, 12345».',
    from: { name: 'УК Домовой', address: H.email },
    date: ['2026-11-20 12:10:00', '+1000'],
    subject: 'Показания Запарина 8',
    subjectCharset: 'windows-1251',
    mailer: 'Microsoft Outlook 16.0',
    body: plain(
      ['Показания счётчиков э/э по ул. Запарина, 8:', '',
        ...vH.map((v, i) => `${i + 1}) л/с ${v.flat.electricity.account}, сч. ${v.flat.electricity.meter}, ${v.t1}`),
        '', 'Управляющий ООО «УК Домовой» Никифоров П.Р.', 'тел. 8-914-205-33-17'].join('\n'),
      'windows-1251', 'base64'),
  },
  {
    slug: 'uyut-flat-dash-with-serials',
    decision: 'accept',
    readings: vJ.map(electricityReading),
    note: '«кв.5 (сч. …) — 12345»: номер квартиры не сопоставляется с реестром, но номер счётчика однозначно даёт л/с.',
    from: { name: 'ТСЖ Уют', address: J.email },
    date: ['2026-11-22 20:02:45', '+1000'],
    subject: 'Показания ТСЖ Уют',
    mailer: 'Mail.Ru Mailer 1.0',
    body: plain(
      ['Шеронова 14, показания на 22.11:', ...vJ.map((v) => `кв.${v.flat.flat} (сч. ${v.flat.electricity.meter}) — ${v.t1}`), '', 'ТСЖ «Уют»'].join('\n'),
      'utf-8', 'quoted-printable'),
  },
  {
    slug: 'snt-ryabinka-eight-plots',
    decision: 'accept',
    readings: vSNT.slice(0, 8).map(electricityReading),
    note: 'Председатель СНТ, 8 участков: «Участок N — л/с …, счётчик …, показания …». Номер участка — не показание.',
    from: { name: 'СНТ Рябинка', address: SNT.email },
    date: ['2026-11-24 19:14:02', '+1000'],
    subject: 'СНТ Рябинка показания за ноябрь',
    mailer: 'Mail.Ru Mailer 1.0',
    body: plain(
      ['Добрый вечер. Показания по участкам СНТ «Рябинка» (снимали 23.11):', '',
        ...vSNT.slice(0, 8).map((v) => `Участок ${v.flat.flat} — л/с ${v.flat.electricity.account}, счётчик ${v.flat.electricity.meter}, показания ${v.t1}`),
        '', 'Председатель СНТ «Рябинка» Громов В.П.', 'тел. +7 924 310-45-18'].join('\n'),
      'utf-8', 'base64'),
  },
  {
    slug: 'berezka-power-and-heat-columns',
    decision: 'accept',
    readings: vE.slice(0, 3).flatMap((v) => [electricityReading(v), reading(v.flat.heat!, v.heat!.int)]),
    note: 'Таблица без номеров ПУ: у каждого л/с ровно один электросчётчик и один теплосчётчик, поэтому счётчик определяется по виду. Гкал с дробной частью → целая часть.',
    from: { name: 'ТСН Берёзка', address: E.email },
    date: ['2026-11-21 16:40:51', '+1000'],
    subject: 'Тихоокеанская 73: электроэнергия и тепло (кв. с теплосчётчиками)',
    mailer: 'Yandex.Mail',
    body: html(htmlMail(['Показания по квартирам с поквартирными теплосчётчиками:', ''],
      htmlTable(['Кв.', 'Лицевой счёт', 'Эл/эн, кВт·ч', 'Отопление, Гкал'],
        vE.slice(0, 3).map((v) => [String(v.flat.flat), v.flat.electricity.account, String(v.t1), v.heat!.text])),
      ['Бухгалтер ТСН «Берёзка» Медведева Т.А.'])),
  },
  {
    slug: 'domovoy-table-body-and-xlsx',
    decision: 'accept',
    readings: vK.map(electricityReading),
    note: 'Таблица и в теле, и во вложении XLSX с теми же числами; считается тело.',
    from: { name: 'УК Домовой', address: K.email },
    date: ['2026-11-22 10:31:18', '+1000'],
    subject: 'Калинина 61 показания ИПУ',
    mailer: 'Microsoft Outlook 16.0',
    body: mixed(
      html(htmlMail(['Добрый день! Показания во вложении и ниже:', ''],
        htmlTable(['Лицевой счёт', '№ счётчика', 'Показания на 21.11.2026'],
          vK.map((v) => [v.flat.electricity.account, v.flat.electricity.meter, String(v.t1)]), 'bold'),
        ['ООО «УК Домовой»'])),
      attachment(buildXlsx('Калинина 61', [['Лицевой счёт', '№ счётчика', 'Показания на 21.11.2026'],
        ...vK.map((v) => [v.flat.electricity.account, v.flat.electricity.meter, v.t1])]),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Калинина 61 ноябрь.xlsx', 'word'),
    ),
  },
  {
    slug: 'tsj-odpu-heat-spaced-thousands',
    decision: 'accept',
    readings: [reading(at(PEOPLE.amurOdpu, 0), 4562)],
    note: 'ОДПУ тепла ТСЖ: «4 562,318 Гкал» (пробел — разделитель тысяч) → 4562, прирост 41 ≤ 50. ИНН ТСЖ 27… в подписи — не л/с.',
    from: { name: 'ТСЖ Амурский-5', address: D.email },
    date: ['2026-11-23 09:02:37', '+1000'],
    subject: 'ОДПУ тепло Амурский 5',
    mailer: 'Gmail',
    body: plain(
      ['Добрый день.', `Общедомовой прибор учёта тепловой энергии ${at(PEOPLE.amurOdpu, 0).meter}, л/с ${at(PEOPLE.amurOdpu, 0).account}.`,
        'Показания на 23.11.2026: 4 562,318 Гкал.', '',
        'Председатель правления ТСЖ «Амурский-5» Шевчук И.Н.', `ИНН ${NOT_IN_REGISTRY.tsjInn}, тел. 8 (4212) 30-11-42`].join('\n'),
      'utf-8', 'quoted-printable'),
  },
  {
    slug: 'ip-shop-peak-semipeak-night',
    decision: 'accept',
    readings: [reading(at(PEOPLE.ipShop, 0), 20652, 8951, 11690)],
    note: 'Трёхтарифный ПУ ИП: «пик / полупик / ночь» → t1 = пик, t3 = полупик, t2 = ночь.',
    from: { name: 'ИП Гончаренко О.В.', address: 'ip.goncharenko@mail.ru' },
    date: ['2026-11-21 11:20:00', '+1000'],
    subject: 'Показания магазин Суворова 25',
    mailer: 'Mail.Ru Mailer 1.0',
    body: plain(
      ['Добрый день!', 'Магазин «Продукты», ул. Суворова, 25.',
        'Л/с 2709900145, счётчик 47120056 (трёхтарифный).', 'Показания на 21.11.2026: пик 20652 / полупик 11690 / ночь 8951.', '',
        'ИП Гончаренко О.В.'].join('\n')),
  },
  {
    slug: 'ip-shop-t1-t2-t3-equals',
    decision: 'accept',
    readings: [reading(at(PEOPLE.ipShop, 0), 20660, 8960, 11700)],
    note: '«Т1=… Т2=… Т3=…» в одной строке; Т1 пик, Т2 ночь, Т3 полупик.',
    from: { name: 'ИП Гончаренко О.В.', address: 'ip.goncharenko@mail.ru' },
    date: ['2026-11-22 10:05:00', '+1000'],
    subject: 'л/с 2709900145',
    mailer: 'Mail.Ru Mailer 1.0',
    body: plain('Л/с 2709900145, ПУ 47120056: Т1=20660 Т2=8960 Т3=11700\n\nГончаренко', 'utf-8', 'base64'),
  },
  {
    slug: 'ip-shop-tariffs-with-sum',
    decision: 'accept',
    readings: [reading(at(PEOPLE.ipShop, 0), 20671, 8977, 11712)],
    note: '«Т1 … Т2 … Т3 … Сумма …»: сумма (41360) — не значение зоны.',
    from: { name: 'ИП Гончаренко О.В.', address: 'ip.goncharenko@mail.ru' },
    date: ['2026-11-23 18:48:09', '+1000'],
    subject: 'Показания ИП Гончаренко',
    subjectMode: 'Q',
    mailer: 'Mail.Ru Mailer 1.0',
    body: plain(['Счётчик 47120056 (л/с 2709900145), сняла сегодня:', 'Т1 20671', 'Т2 8977', 'Т3 11712', 'Сумма 41360', '', 'О. Гончаренко'].join('\n'),
      'windows-1251', 'quoted-printable'),
  },
  {
    slug: 'ip-warehouse-requisites-signature',
    decision: 'accept',
    readings: [reading(at(PEOPLE.ipStore, 0), 61890)],
    note: 'Подпись с ИНН (12 цифр, начинается с 27), ОГРНИП, р/с, БИК, к/с, КПП банка — всё не показания и не л/с.',
    from: { name: 'Гончаренко Ольга', address: 'ip.goncharenko@mail.ru' },
    date: ['2026-11-21 11:26:40', '+1000'],
    subject: 'Склад — показания электроэнергии',
    mailer: 'Mail.Ru Mailer 1.0',
    body: plain(
      ['Здравствуйте.', 'Склад, л/с 2709900152, счётчик 0832177 — 61890 кВт·ч.', '', '--',
        'ИП Гончаренко Ольга Викторовна', 'ИНН 272405118823', 'ОГРНИП 316272400051234',
        'р/с 40802810370000012345 в Дальневосточном банке ПАО Сбербанк', 'БИК 040813608', 'к/с 30101810600000000608',
        'ИНН банка 7707083893, КПП банка 272102001', 'тел. +7 (4212) 41-22-07'].join('\n'),
      'utf-8', 'quoted-printable'),
  },

  // ---- review ----
  {
    slug: 'sever-table-replaced-meter-row',
    decision: 'review',
    readings: vC.slice(0, 6).filter((_, i) => i !== 2).map(electricityReading),
    note: `Строка 3: счётчик ${NOT_IN_REGISTRY.meter} (замена ПУ) в реестре неизвестен → всё письмо на проверку; остальные строки верны.`,
    from: { name: 'ООО «УК Северный квартал»', address: C.email },
    date: ['2026-11-24 15:30:12', '+1000'],
    subject: 'Показания К. Маркса 91 (уточнённые)',
    mailer: 'Yandex.Mail',
    body: html(htmlMail(['Добрый день! Показания ИПУ:', ''],
      htmlTable(['Номер ЛС', 'Зав. номер ПУ', 'Текущие показания', 'Примечание'],
        vC.slice(0, 6).map((v, i) =>
          i === 2
            ? [v.flat.electricity.account, NOT_IN_REGISTRY.meter, '153', 'замена ПУ 02.11.2026']
            : [v.flat.electricity.account, v.flat.electricity.meter, String(v.t1), ''])),
      ['Инженер ООО «УК Северный квартал» Лаптева О.С.'])),
  },
  {
    slug: 'sever-xlsx-only',
    decision: 'review',
    readings: vC.map(electricityReading),
    note: 'Тело без таблицы, показания только во вложении XLSX → на проверку (по заданию корпуса); readings — из вложения.',
    from: { name: 'ООО «УК Северный квартал»', address: C.email },
    date: ['2026-11-23 14:01:55', '+1000'],
    subject: 'Показания К. Маркса 91',
    mailer: 'Yandex.Mail',
    body: mixed(
      plain('Добрый день! Показания ИПУ во вложении.\n\nИнженер ООО «УК Северный квартал» Лаптева О.С.'),
      attachment(buildXlsx('Лист1', [['Номер ЛС', 'Зав. номер ПУ', 'Текущие показания'],
        ...vC.map((v) => [v.flat.electricity.account, v.flat.electricity.meter, v.t1])]),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'показания_КМаркса91_11.2026.xlsx'),
    ),
  },
  {
    slug: 'domovoy-pdf-only',
    decision: 'review',
    readings: vH.map(electricityReading),
    note: 'Таблица только во вложении PDF, в теле её нет → на проверку; readings — из PDF.',
    from: { name: 'УК Домовой', address: H.email },
    date: ['2026-11-21 09:15:00', '+1000'],
    subject: 'Показания ИПУ (PDF)',
    mailer: 'Microsoft Outlook 16.0',
    body: mixed(
      plain('Добрый день. Направляем показания по ул. Запарина, 8 (файл во вложении).\n\nООО «УК Домовой»', 'windows-1251', 'quoted-printable'),
      attachment(buildPdf(['UK Domovoy, ul. Zaparina 8, 11.2026', '', 'L/S          Schetchik   Pokazaniya',
        ...vH.map((v) => `${v.flat.electricity.account}   ${v.flat.electricity.meter}     ${v.t1}`)]), 'application/pdf', 'Zaparina8_11-2026.pdf'),
    ),
  },
  {
    slug: 'berezka-flat-dash-no-serials',
    decision: 'review',
    readings: [],
    note: '«кв.5 — 12345» без л/с и номеров ПУ: реестр не знает номеров квартир, а отправитель связан с 7 л/с → сопоставить нельзя.',
    from: { name: 'ТСН Берёзка', address: E.email },
    date: ['2026-11-22 17:03:00', '+1000'],
    subject: 'Показания',
    mailer: 'Yandex.Mail',
    body: plain(['Тихоокеанская 73:', ...vE.slice(3).map((v) => `кв.${v.flat.flat} — ${v.t1}`), '', 'ТСН «Берёзка»'].join('\n')),
  },
  {
    slug: 'voshod-lenina-row-below-previous',
    decision: 'review',
    readings: vA.slice(0, 6).map((v, i) => reading(v.flat.electricity, i === 3 ? v.flat.electricity.last[0] - 112 : v.t1)),
    note: 'Строка 4: показание на 112 меньше последнего принятого → всё письмо на проверку.',
    from: { name: 'УК Восход', address: A.email },
    date: ['2026-11-22 13:20:00', '+1000'],
    subject: 'Ленина 12 доп. показания',
    mailer: 'Mail.Ru Mailer 1.0',
    body: html(htmlMail(['Дополнительно по ул. Ленина, 12:', ''],
      htmlTable(['Кв.', 'ФИО', 'Л/С', '№ счётчика', 'Показания (кВт·ч)'],
        vA.slice(0, 6).map((v, i) => [String(v.flat.flat), v.flat.owner, v.flat.electricity.account, v.flat.electricity.meter,
          String(i === 3 ? v.flat.electricity.last[0] - 112 : v.t1)])),
      voshodSignature)),
  },
  {
    slug: 'tsj-amurskiy-night-cell-empty',
    decision: 'review',
    readings: vD.map((v, i) => reading(v.flat.electricity, v.t1, i === 4 ? null : v.t2)),
    note: 'Двухтарифный ПУ в строке 5 без ночного значения (прочерк) → число значений не равно zones.',
    from: { name: 'ТСЖ Амурский-5', address: D.email },
    date: ['2026-11-24 21:10:00', '+1000'],
    subject: 'Показания (исправленные) Амурский 5',
    mailer: 'Gmail',
    body: html(htmlMail(['Исправленная таблица:', ''],
      htmlTable(['Кв.', 'Л/С', '№ ПУ', 'День', 'Ночь'],
        vD.map((v, i) => [String(v.flat.flat), v.flat.electricity.account, v.flat.electricity.meter, String(v.t1), i === 4 ? '—' : String(v.t2)])),
      ['ТСЖ «Амурский-5»'])),
  },
  {
    slug: 'snt-plot-digits-unclear',
    decision: 'review',
    readings: vSNT.slice(3, 8).filter((_, i) => i !== 2).map(electricityReading),
    note: `Участок ${at(vSNT, 5).flat.flat}: «${at(vSNT, 5).t1} или ${at(vSNT, 5).t1 + 60}, плохо видно» — неоднозначно, строка не записана; остальные верны.`,
    from: { name: 'СНТ Рябинка', address: SNT.email },
    date: ['2026-11-25 08:40:00', '+1000'],
    subject: 'Рябинка, остальные участки',
    mailer: 'Mail.Ru Mailer 1.0',
    body: plain(
      ['Дополняю по участкам:',
        ...vSNT.slice(3, 8).map((v, i) =>
          `Участок ${v.flat.flat}, л/с ${v.flat.electricity.account}, сч. ${v.flat.electricity.meter}: ${i === 2 ? `${v.t1} или ${v.t1 + 60}, плохо видно` : v.t1}`),
        '', 'Громов В.П.'].join('\n'),
      'utf-8', 'quoted-printable'),
  },
  {
    slug: 'ip-shop-semipeak-missing',
    decision: 'review',
    readings: [reading(at(PEOPLE.ipShop, 0), 20660, 8960, null)],
    note: 'Трёхтарифный ПУ, даны только пик и ночь → значений меньше, чем zones.',
    from: { name: 'ИП Гончаренко О.В.', address: 'ip.goncharenko@mail.ru' },
    date: ['2026-11-22 09:58:00', '+1000'],
    subject: 'показания магазин',
    mailer: 'Mail.Ru Mailer 1.0',
    body: plain('Л/с 2709900145: пик 20660, ночь 8960. Полупик не разглядели, пришлём позже.\n\nГончаренко'),
  },

  // ---- outside the window ----
  {
    slug: 'voshod-lenina-early-november',
    decision: 'reject',
    readings: vA.slice(6, 11).map(electricityReading),
    note: '12.11.2026 — вне окна 20–25.',
    from: { name: 'УК Восход', address: A.email },
    date: ['2026-11-12 11:03:00', '+1000'],
    subject: 'Показания Ленина 12 (часть квартир)',
    mailer: 'Mail.Ru Mailer 1.0',
    body: html(htmlMail(['Добрый день, показания по части квартир:', ''],
      htmlTable(['Кв.', 'Л/С', '№ счётчика', 'Показания'],
        vA.slice(6, 11).map((v) => [String(v.flat.flat), v.flat.electricity.account, v.flat.electricity.meter, String(v.t1)])),
      voshodSignature)),
  },
  {
    slug: 'snt-december-three-plots',
    decision: 'reject',
    readings: vSNT.slice(7, 10).map(electricityReading),
    note: '2 декабря — вне окна.',
    from: { name: 'СНТ Рябинка', address: SNT.email },
    date: ['2026-12-02 10:00:00', '+1000'],
    subject: 'Показания СНТ (опоздали)',
    mailer: 'Mail.Ru Mailer 1.0',
    body: plain(
      ['Извините, что поздно.', ...vSNT.slice(7, 10).map((v) => `уч. ${v.flat.flat}: л/с ${v.flat.electricity.account}, счётчик ${v.flat.electricity.meter} — ${v.t1}`),
        '', 'Громов'].join('\n'),
      'windows-1251', 'base64'),
  },
  {
    slug: 'ip-shop-on-26th',
    decision: 'reject',
    readings: [reading(at(PEOPLE.ipShop, 0), 20690, 8990, 11730)],
    note: '26.11 09:15 по Владивостоку — вне окна.',
    from: { name: 'ИП Гончаренко О.В.', address: 'ip.goncharenko@mail.ru' },
    date: ['2026-11-26 09:15:00', '+1000'],
    subject: 'показания',
    mailer: 'Mail.Ru Mailer 1.0',
    body: plain('Л/с 2709900145, ПУ 47120056: Т1=20690 Т2=8990 Т3=11730'),
  },
];
