// Registry of hold-out corpus C: organisations (УК, ТСЖ/ТСН, СНТ, ИП) with many accounts, and private
// customers with several meters (flat + garage + heat, two meters of one kind, 2- and 3-zone meters).

export type Kind = 'electricity' | 'heat';

export interface MeterRow {
  account: string;
  meter: string;
  kind: Kind;
  zones: 1 | 2 | 3;
  digits: number;
  last: [number, number | null, number | null];
  lastDate: string;
  emails: string[];
}

export interface Flat {
  flat: number;
  owner: string;
  electricity: MeterRow;
  heat?: MeterRow;
}

export interface Building {
  key: string;
  org: string;
  address: string;
  email: string;
  flats: Flat[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  'Авдеев', 'Баранова', 'Волков', 'Герасимова', 'Дьяченко', 'Ефимов', 'Жукова', 'Зайцев', 'Ильина', 'Карпов',
  'Логинова', 'Макаров', 'Назарова', 'Осипов', 'Полякова', 'Романов', 'Савельева', 'Тарасов', 'Устинова', 'Фролов',
  'Харитонова', 'Цветков', 'Чернова', 'Шестаков', 'Щербакова', 'Юдин', 'Яшина', 'Борисов', 'Власова', 'Григорьев',
  'Денисова', 'Ершов', 'Зуева', 'Исаев', 'Кудрявцева', 'Лаптев', 'Медведева', 'Никифоров', 'Орлова', 'Панов',
];
const INITIALS = ['А.В.', 'Е.Н.', 'С.П.', 'О.И.', 'Т.М.', 'В.А.', 'Н.Г.', 'Ю.С.', 'Л.К.', 'И.Д.'];

const usedAccounts = new Set<string>();
const usedMeters = new Set<string>();

function uniqueAccount(rnd: () => number): string {
  for (;;) {
    const acc = '27' + String(Math.floor(rnd() * 1e8)).padStart(8, '0');
    if (!usedAccounts.has(acc)) {
      usedAccounts.add(acc);
      return acc;
    }
  }
}

type SerialStyle = 'digits8' | 'digits7' | 'dashed';

function uniqueMeter(rnd: () => number, style: SerialStyle): string {
  for (;;) {
    let serial: string;
    if (style === 'digits8') serial = String(Math.floor(rnd() * 1e8)).padStart(8, '0');
    else if (style === 'digits7') serial = String(1000000 + Math.floor(rnd() * 9e6));
    else serial = `${String(10 + Math.floor(rnd() * 80))}-${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}`;
    if (!usedMeters.has(serial)) {
      usedMeters.add(serial);
      return serial;
    }
  }
}

interface BuildingSpec {
  key: string;
  org: string;
  address: string;
  email: string;
  seed: number;
  count: number;
  zones: 1 | 2;
  serials: SerialStyle;
  heatFlats?: number;
  lastDate: string;
  ownEmails?: Record<number, string>;
}

function building(spec: BuildingSpec): Building {
  const rnd = mulberry32(spec.seed);
  const flatNumbers = new Set<number>();
  while (flatNumbers.size < spec.count) flatNumbers.add(1 + Math.floor(rnd() * 96));
  const flats = [...flatNumbers].sort((a, b) => a - b).map((flat, i): Flat => {
    const account = uniqueAccount(rnd);
    const digits = rnd() < 0.5 ? 5 : 6;
    const own = spec.ownEmails?.[i];
    const emails = own ? [spec.email, own] : [spec.email];
    const last: MeterRow['last'] =
      spec.zones === 1
        ? [2000 + Math.floor(rnd() * 46000), null, null]
        : [5000 + Math.floor(rnd() * 25000), 2000 + Math.floor(rnd() * 13000), null];
    const electricity: MeterRow = {
      account, meter: uniqueMeter(rnd, spec.serials), kind: 'electricity', zones: spec.zones, digits, last,
      lastDate: spec.lastDate, emails,
    };
    const owner = `${SURNAMES[Math.floor(rnd() * SURNAMES.length)]} ${INITIALS[Math.floor(rnd() * INITIALS.length)]}`;
    const heat: MeterRow | undefined =
      i < (spec.heatFlats ?? 0)
        ? { account, meter: uniqueMeter(rnd, 'digits7'), kind: 'heat', zones: 1, digits: 4, last: [8 + Math.floor(rnd() * 40), null, null], lastDate: spec.lastDate, emails }
        : undefined;
    return heat ? { flat, owner, electricity, heat } : { flat, owner, electricity };
  });
  return { key: spec.key, org: spec.org, address: spec.address, email: spec.email, flats };
}

// Hand-written private customers first, so generated numbers can never take their accounts or serials.
function person(account: string, emails: string[], meters: [string, Kind, 1 | 2 | 3, number, number, (number | null)?, (number | null)?][], lastDate = '2026-10-22'): MeterRow[] {
  usedAccounts.add(account);
  return meters.map(([meter, kind, zones, digits, t1, t2, t3]) => {
    usedMeters.add(meter);
    return { account, meter, kind, zones, digits, last: [t1, t2 ?? null, t3 ?? null], lastDate, emails };
  });
}

export const PEOPLE = {
  petrov: person('2700418532', ['petrov.av@mail.ru'], [
    ['11872045', 'electricity', 2, 5, 12034, 5521],
    ['09451273', 'electricity', 1, 6, 4581],
    ['7704512', 'heat', 1, 5, 312],
  ]),
  sidorova: person('2701155408', ['sidorova.ep@yandex.ru'], [
    ['0123987', 'electricity', 1, 5, 7810],
    ['0124410', 'electricity', 1, 5, 1520],
  ]),
  kim: person('2703309817', ['kim.family@bk.ru'], [
    ['36120988', 'electricity', 1, 6, 23410],
    ['ТВ7-05817', 'heat', 1, 4, 105],
  ], '2026-10-21'),
  ipShop: person('2709900145', ['ip.goncharenko@mail.ru'], [['47120056', 'electricity', 3, 6, 20411, 8830, 11502]], '2026-10-23'),
  ipStore: person('2709900152', ['ip.goncharenko@mail.ru', 'sklad.goncharenko@mail.ru'], [['0832177', 'electricity', 1, 6, 61204]], '2026-10-23'),
  lebedevaOwn: person('2704471120', ['lebedeva.ns@mail.ru'], [['20117734', 'electricity', 1, 6, 31250]]),
  lebedevaSon: person('2704471388', ['lebedeva.ns@mail.ru', 'lebedev.ia@gmail.com'], [['20119012', 'electricity', 1, 5, 8840]]),
  orlov: person('2705520914', ['orlov.dm@gmail.com'], [['5120417', 'heat', 1, 6, 1204]], '2026-10-20'),
  fomina: person('2706011873', ['fomina.ia@mail.ru'], [['88114502', 'heat', 1, 4, 1198]], '2026-10-24'),
  zakharova: person('2706613270', ['zakharova.lv@inbox.ru'], [['01928374', 'electricity', 1, 5, 18340]]),
  morozov: person('2707120455', ['morozov.sv@yandex.ru'], [['45017762', 'electricity', 1, 6, 52110]]),
  // Serial printed with Cyrillic А and Е; customers type it in Latin.
  lukin: person('2707004415', [], [['АЕ0917354', 'electricity', 1, 6, 40210]]),
  nikitina: person('2707309921', ['nikitina.ov@mail.ru'], [['06290411', 'electricity', 2, 5, 21045, 9930]]),
  belov: person('2707551036', ['belov.ki@gmail.com'], [['39001284', 'electricity', 1, 5, 7760]]),
  guseva: person('2707820119', ['guseva.ma@mail.ru'], [['61200457', 'electricity', 1, 6, 10230]]),
  titov: person('2707900882', ['titov.pa@rambler.ru'], [['71045230', 'electricity', 1, 5, 33410]]),
  ershova: person('2708003317', ['ershova.nv@ya.ru'], [['80233190', 'electricity', 1, 6, 2290]]),
  sokolov: person('2708114502', ['sokolov.ri@mail.ru'], [['51127708', 'electricity', 1, 6, 15200]]),
  yakovlev: person('2708220046', ['yakovlev.gs@mail.ru'], [['33019845', 'electricity', 1, 5, 99870]]),
  alekseeva: person('2708337751', ['alekseeva.ts@mail.ru'], [['06291880', 'electricity', 2, 5, 14020, 6110]]),
  amurOdpu: person('2705500017', ['tsj.amurskiy5@gmail.com'], [['ВКТ-224518', 'heat', 1, 6, 4521]], '2026-10-23'),
} satisfies Record<string, MeterRow[]>;

// Never in the registry: used by the "unknown account / unknown meter" messages and as ИНН distractors.
export const NOT_IN_REGISTRY = { account: '2799104432', meter: '31-990712', meter2: '12004477', ukInn: '2722104567', tsjInn: '2724180033' };
usedAccounts.add(NOT_IN_REGISTRY.account).add(NOT_IN_REGISTRY.ukInn).add(NOT_IN_REGISTRY.tsjInn);
usedMeters.add(NOT_IN_REGISTRY.meter).add(NOT_IN_REGISTRY.meter2);

export const BUILDINGS = {
  A: building({ key: 'A', org: 'ООО «УК Восход»', address: 'ул. Ленина, 12', email: 'uk.voshod@mail.ru', seed: 1101, count: 17, zones: 1, serials: 'digits8', lastDate: '2026-10-21' }),
  B: building({ key: 'B', org: 'ООО «УК Восход»', address: 'ул. Пушкина, 40', email: 'uk.voshod@mail.ru', seed: 2202, count: 16, zones: 1, serials: 'digits8', lastDate: '2026-10-21' }),
  C: building({ key: 'C', org: 'ООО «УК Северный квартал»', address: 'ул. Карла Маркса, 91', email: 'sever-kvartal@yandex.ru', seed: 3303, count: 8, zones: 1, serials: 'dashed', lastDate: '2026-10-22' }),
  D: building({ key: 'D', org: 'ТСЖ «Амурский-5»', address: 'Амурский бульвар, 5', email: 'tsj.amurskiy5@gmail.com', seed: 4404, count: 6, zones: 2, serials: 'digits8', lastDate: '2026-10-23' }),
  E: building({ key: 'E', org: 'ТСН «Берёзка»', address: 'ул. Тихоокеанская, 73', email: 'tsn-berezka@yandex.ru', seed: 5505, count: 7, zones: 1, serials: 'digits7', heatFlats: 3, lastDate: '2026-10-22', ownEmails: { 4: 'kv41.berezka@mail.ru' } }),
  F: building({ key: 'F', org: 'ООО «УК Северный квартал»', address: 'ул. Серышева, 22', email: 'sever-kvartal@yandex.ru', seed: 6606, count: 6, zones: 1, serials: 'digits8', lastDate: '2026-10-22' }),
  G: building({ key: 'G', org: 'ООО «УК Восход»', address: 'ул. Волочаевская, 150', email: 'uk.voshod@mail.ru', seed: 7707, count: 6, zones: 1, serials: 'digits8', lastDate: '2026-10-21' }),
  H: building({ key: 'H', org: 'ООО «УК Домовой»', address: 'ул. Запарина, 8', email: 'uk-domovoy@list.ru', seed: 8808, count: 5, zones: 1, serials: 'digits7', lastDate: '2026-10-20' }),
  J: building({ key: 'J', org: 'ТСЖ «Уют»', address: 'ул. Шеронова, 14', email: 'tsj-uyut@mail.ru', seed: 9909, count: 4, zones: 1, serials: 'digits8', lastDate: '2026-10-22' }),
  K: building({ key: 'K', org: 'ООО «УК Домовой»', address: 'ул. Калинина, 61', email: 'uk-domovoy@list.ru', seed: 1212, count: 5, zones: 1, serials: 'digits8', lastDate: '2026-10-20' }),
  SNT: building({ key: 'SNT', org: 'СНТ «Рябинка»', address: 'СНТ «Рябинка», 17 км', email: 'snt.ryabinka@mail.ru', seed: 1313, count: 10, zones: 1, serials: 'digits7', lastDate: '2026-10-24', ownEmails: { 2: 'dacha.gromov@mail.ru' } }),
} satisfies Record<string, Building>;

export function allRows(): MeterRow[] {
  const rows: MeterRow[] = Object.values(PEOPLE).flat();
  for (const b of Object.values(BUILDINGS)) {
    for (const f of b.flats) {
      rows.push(f.electricity);
      if (f.heat) rows.push(f.heat);
    }
  }
  return rows;
}

export function registryCsv(): string {
  const header = 'account,meter,kind,zones,digits,last_t1,last_t2,last_t3,last_date,emails';
  const lines = allRows().map((r) =>
    [r.account, r.meter, r.kind, r.zones, r.digits, r.last[0], r.last[1] ?? '', r.last[2] ?? '', r.lastDate, r.emails.join(';')].join(','),
  );
  return [header, ...lines].join('\n') + '\n';
}
