// The billing registry of the holdout-b corpus. Serials keep their printed form: some carry
// Cyrillic letters (customers type them in Latin) and some carry dashes.
export type Kind = 'electricity' | 'heat';

export interface RegistryRow {
  account: string;
  meter: string;
  kind: Kind;
  zones: 1 | 2 | 3;
  digits: number;
  last: [number, number | null, number | null];
  lastDate: string;
  emails: string[];
}

function row(
  account: string,
  meter: string,
  kind: Kind,
  zones: 1 | 2 | 3,
  digits: number,
  last: [number, number | null, number | null],
  lastDate: string,
  emails: string[] = [],
): RegistryRow {
  return { account, meter, kind, zones, digits, last, lastDate, emails };
}

const E: Kind = 'electricity';
const H: Kind = 'heat';

export const REGISTRY: RegistryRow[] = [
  row('034817265', '0123597', E, 1, 5, [12840, null, null], '2026-10-21', ['tanya.sokolova77@mail.ru']),
  row('27100458312', '40917385', E, 2, 6, [24510, 9876, null], '2026-10-23', ['petrov.a.v@yandex.ru']),
  row('051203947', '11923004567', E, 3, 6, [8120, 3450, 5210], '2026-10-22', ['gal.nikolaevna@inbox.ru']),
  // Cyrillic Е and М in the printed serial.
  row('27100933105', 'ЕМ0458127', E, 1, 6, [45210, null, null], '2026-10-20', ['kuznetsov.dv@gmail.com']),
  row('27100933105', '4471203', H, 1, 5, [1234, null, null], '2026-10-20', ['kuznetsov.dv@gmail.com']),
  row('008456123', '011-245-7789', E, 2, 5, [31245, 15022, null], '2026-10-24'),
  row('27101200456', '1207845', E, 1, 5, [9870, null, null], '2026-10-21', ['oksana.melnik@mail.ru', 'melnik.sergey1980@mail.ru']),
  // lena-k@bk.ru pays for two flats.
  row('27101200457', '1207846', E, 1, 5, [3410, null, null], '2026-10-22', ['lena-k@bk.ru']),
  row('062941830', '35500821', E, 1, 5, [3280, null, null], '2026-10-22', ['lena-k@bk.ru']),
  // One account, two electricity meters (house and summer cottage); Cyrillic А and В.
  row('27102004518', 'АВ7712045', E, 1, 6, [67120, null, null], '2026-10-23', ['ivan.belov@yandex.ru']),
  row('27102004518', '2207-118453', E, 1, 5, [2210, null, null], '2026-10-23', ['ivan.belov@yandex.ru']),
  row('040011287', '123004567891', E, 2, 6, [51200, 22100, null], '2026-10-21', ['nadya.orlova@yandex.ru']),
  row('27100777190', '5530918', H, 1, 6, [412, null, null], '2026-10-24', ['teplo.dom25@mail.ru']),
  row('015550032', '3107751', E, 1, 5, [790, null, null], '2026-10-25', ['vasilyeva.nn@mail.ru']),
  row('27100341001', '47120098', E, 1, 6, [18950, null, null], '2026-10-20', ['ip.gromov@yandex.ru']),
  row('027733415', '0804512345671', E, 2, 6, [7702, 3101, null], '2026-10-24', ['a.zaitseva@gmail.com']),
  row('27103300882', '19750044', E, 1, 5, [45890, null, null], '2026-10-21', ['nina.fedorovna1952@mail.ru']),
  row('091234500', '600123987654321', E, 3, 6, [15420, 6210, 9870], '2026-10-22', ['dmitriy.kh@outlook.com']),
  row('27104411093', '7700512', E, 1, 5, [22340, null, null], '2026-10-20'),
  row('033300174', '88120455', E, 2, 5, [40120, 18400, null], '2026-10-23', ['svetlana.pak@mail.ru']),
  row('27105500217', '3312098', E, 1, 5, [5600, null, null], '2026-10-22', ['marina.ten@yandex.ru']),
  row('27105500217', '9001245', H, 1, 5, [2210, null, null], '2026-10-22', ['marina.ten@yandex.ru']),
  row('044120556', '1456093', E, 1, 5, [33010, null, null], '2026-10-21', ['alexey.m@rambler.ru']),
  row('27106600338', '20451877', E, 2, 6, [14500, 7320, null], '2026-10-23', ['o.kim@yandex.ru']),
  row('055600412', '5012346', E, 1, 5, [8045, null, null], '2026-10-24', ['yuriy.s1975@yandex.ru']),
  row('27107700443', '6612408', E, 1, 5, [12300, null, null], '2026-10-20', ['irina.volkova@bk.ru']),
  row('066700521', '43210987', E, 2, 6, [30200, 12020, null], '2026-10-21', ['anton.sidorov@gmail.com']),
  row('27108800552', '1899023', E, 1, 5, [40500, null, null], '2026-10-22', ['pavel.n@list.ru']),
  row('077800634', '2123456', E, 1, 5, [15780, null, null], '2026-10-22', ['tatiana.r@yandex.ru']),
  row('27109900661', '70044512', E, 3, 6, [20100, 9050, 11030], '2026-10-24', ['kovalenko.v@gmail.com']),
  row('088900745', '3345120', E, 1, 5, [7450, null, null], '2026-10-20', ['elena.g@inbox.ru']),
  row('27110001772', '4456231', E, 1, 5, [26600, null, null], '2026-10-21'),
  row('27111002883', '5623017', E, 1, 5, [2103, null, null], '2026-10-23', ['olga.sh@mail.ru']),
  row('011200345', '9087123', E, 1, 5, [19230, null, null], '2026-10-22', ['roman.lee@gmail.com']),
  row('27112003994', '3390271', E, 2, 5, [12010, 5040, null], '2026-10-21', ['zhanna.b@yandex.ru']),
  row('022300456', '56011234', E, 1, 6, [80210, null, null], '2026-10-23', ['m.popova@mail.ru']),
  row('27113004005', '8812390', E, 1, 5, [31000, null, null], '2026-10-20', ['nikolay.ch@bk.ru']),
  row('099900567', '1122334455', E, 1, 6, [5420, null, null], '2026-10-24', ['vera.ost@mail.ru']),
  row('27114005116', '6677001', E, 2, 5, [21010, 9930, null], '2026-10-22', ['grigoriy.vas@mail.ru']),
  row('033400612', '4012998', E, 1, 5, [17420, null, null], '2026-10-21', ['starikov@khv.ru']),
  row('27115006227', '7123456', E, 1, 5, [36200, null, null], '2026-10-23', ['lyudmila.k@rambler.ru']),
  row('055500789', '2345987', E, 2, 5, [15300, 6120, null], '2026-10-22', ['kirill.sh@mail.ru']),
  row('27116007338', '9988776', E, 1, 5, [44120, null, null], '2026-10-20', ['polina.r@gmail.com']),
  row('066600890', '34567012', E, 1, 6, [120450, null, null], '2026-10-24', ['boris.n@icloud.com']),
  row('27117008449', '5566778', E, 1, 5, [9300, null, null], '2026-10-21', ['dasha.kot@mail.ru']),
  row('077700901', '1239870', E, 1, 5, [28040, null, null], '2026-10-22'),
  row('27118009550', '4455123', E, 1, 5, [11000, null, null], '2026-10-23', ['svetik.83@mail.ru']),
  row('27119001661', '7788990', E, 3, 6, [60200, 25100, 30400], '2026-10-20', ['buh@stroy-dv.ru']),
  row('088800123', '6655443', E, 1, 5, [14230, null, null], '2026-10-24', ['anya.sun@mail.ru']),
  row('27120002772', '3322110', E, 1, 5, [6610, null, null], '2026-10-22', ['ded.mazay@mail.ru']),
  row('012300456', '8765432', E, 1, 5, [3900, null, null], '2026-10-21', ['tamara.ig@mail.ru']),
  row('27121003883', '2468013', E, 2, 6, [35020, 14090, null], '2026-10-23', ['max.orlov@gmail.com']),
  row('033500234', '1357911', E, 1, 5, [12610, null, null], '2026-10-21', ['lyuba.m@icloud.com']),
  row('27122004994', '9517530', E, 2, 6, [43100, 19870, null], '2026-10-22', ['e.morozova@dvgups.ru']),
  row('27123005005', '4567321', E, 1, 5, [17770, null, null], '2026-10-21', ['nat.belaya@mail.ru']),
];

export function registryCsv(rows: RegistryRow[]): string {
  const header = 'account,meter,kind,zones,digits,last_t1,last_t2,last_t3,last_date,emails';
  const lines = rows.map((r) =>
    [r.account, r.meter, r.kind, r.zones, r.digits, r.last[0], r.last[1] ?? '', r.last[2] ?? '', r.lastDate, r.emails.join(';')].join(','),
  );
  return `${[header, ...lines].join('\n')}\n`;
}
