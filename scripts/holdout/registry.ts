// Billing registry of the hold-out corpus. Mixed account lengths (12 and 8 digits), serials with letters,
// dashes and internal spaces, 1/2/3-zone electricity and heat (Гкал) meters.
export interface RegistryRow {
  account: string;
  meter: string;
  kind: "electricity" | "heat";
  zones: 1 | 2 | 3;
  digits: number;
  last: [number | null, number | null, number | null];
  lastDate: string;
  emails: string[];
}

const row = (
  account: string,
  meter: string,
  kind: RegistryRow["kind"],
  zones: RegistryRow["zones"],
  digits: number,
  last: RegistryRow["last"],
  lastDate: string,
  emails: string[] = [],
): RegistryRow => ({ account, meter, kind, zones, digits, last, lastDate, emails });

export const REGISTRY: RegistryRow[] = [
  row("270112000101", "НЕВА-103-0123456", "electricity", 1, 5, [4321, null, null], "2026-10-22", ["ivanova.tm@mail.ru"]),
  row("270112000102", "М230-00871234", "electricity", 2, 6, [15230, 7105, null], "2026-10-21", ["petrov.sergey1961@yandex.ru"]),
  row("270112000103", "ЦЭ6803В 01123456", "electricity", 1, 6, [23410, null, null], "2026-10-23"),
  row("270112000104", "8765432109", "electricity", 3, 6, [30125, 12870, 18044], "2026-10-22", ["kuzmin.a@bk.ru"]),
  row("270112000105", "011234", "electricity", 1, 5, [99850, null, null], "2026-10-24", ["gorbunov.vp@mail.ru"]),
  row("270112000106", "45127783", "electricity", 1, 6, [51200, null, null], "2026-10-20", ["semenova.dacha@yandex.ru"]),
  row("270112000106", "Г-2201-77", "electricity", 1, 5, [870, null, null], "2026-10-20", ["semenova.dacha@yandex.ru"]),
  row("270112000107", "НЕВА-МТ 124 0031578", "electricity", 2, 6, [52110, 21790, null], "2026-10-22", ["lebedev.khv@gmail.com"]),
  row("270112000107", "ВКТ-7-045612", "heat", 1, 5, [87, null, null], "2026-10-22", ["lebedev.khv@gmail.com"]),
  row("270112000110", "ТЭМ-104-1567", "heat", 1, 4, [412, null, null], "2026-10-21", ["tem104@list.ru"]),
  row("270112000111", "AB-1040-5566", "electricity", 2, 6, [40210, 20115, null], "2026-10-22"),
  row("270112000112", "ВКТ7-009871", "heat", 1, 6, [1050, null, null], "2026-10-22"),
  row("270112000113", "20481537", "electricity", 2, 5, [12044, 6120, null], "2026-10-22", ["kovalenko.olga@mail.ru"]),
  row("270112000114", "СЭБ-1ТМ-0056781", "electricity", 1, 6, [7755, null, null], "2026-10-24", ["landlord.kim@gmail.com"]),
  row("270112000115", "НЕВА-101-7712093", "electricity", 1, 5, [33410, null, null], "2026-10-24", ["landlord.kim@gmail.com"]),
  row("270112000116", "CE102-009871234", "electricity", 1, 6, [140200, null, null], "2026-10-21", ["elkotel.dom@mail.ru"]),
  row("270112000117", "7730419", "electricity", 1, 5, [2205, null, null], "2026-10-20"),
  row("270112000118", "Меркурий-230-31190077", "electricity", 3, 6, [54020, 20311, 31877], "2026-10-22", ["a.volkova@khv.ru"]),
  row("270112000119", "0954127", "electricity", 1, 6, [9120, null, null], "2026-10-23"),
  row("270112000120", "КМ-5-6-3341", "heat", 1, 5, [231, null, null], "2026-10-21"),
  row("270112000121", "ТВ7-0099817", "heat", 1, 4, [56, null, null], "2026-10-22", ["oleg.tv7@yandex.ru"]),
  row("270112000122", "НЕВА-103-0144410", "electricity", 1, 5, [17230, null, null], "2026-10-22", ["shevchuk.ira@inbox.ru"]),
  row("270112000123", "М230-00872210", "electricity", 2, 6, [26400, 11730, null], "2026-10-21", ["mikhail.orlov@rambler.ru"]),
  row("270112000124", "НЕВА-103-0151002", "electricity", 1, 5, [14410, null, null], "2026-10-22"),
  row("270112000125", "ЦЭ6803В 01129870", "electricity", 1, 6, [8230, null, null], "2026-10-23", ["tatyana.belova@yandex.ru"]),
  row("270112000126", "ВКТ-7-045990", "heat", 1, 5, [143, null, null], "2026-10-23", ["tatyana.belova@yandex.ru"]),
  row("270112000127", "НЕВА-103-0162233", "electricity", 1, 5, [30990, null, null], "2026-10-22"),
  row("270112000128", "ЦЭ6803В 01131177", "electricity", 1, 6, [5030, null, null], "2026-10-21"),
  row("270112000129", "3309871", "electricity", 1, 5, [12110, null, null], "2026-10-23"),
  row("270112000130", "НЕВА-103-0199001", "electricity", 1, 5, [7710, null, null], "2026-10-22"),
  row("270112000131", "0874512", "electricity", 1, 5, [15040, null, null], "2026-10-24"),
  // ТСЖ «Солнечный»: one address for six flats, so the address alone never implies an account.
  row("270112000201", "НЕВА-101-7700121", "electricity", 1, 5, [10450, null, null], "2026-10-22", ["tsj.solnechny@mail.ru"]),
  row("270112000202", "НЕВА-101-7700122", "electricity", 1, 5, [8810, null, null], "2026-10-22", ["tsj.solnechny@mail.ru"]),
  row("270112000203", "М230-00870543", "electricity", 2, 6, [22310, 9120, null], "2026-10-22", ["tsj.solnechny@mail.ru"]),
  row("270112000204", "НЕВА-101-7700124", "electricity", 1, 5, [15900, null, null], "2026-10-22", ["tsj.solnechny@mail.ru"]),
  row("270112000205", "6104477", "electricity", 1, 5, [3320, null, null], "2026-10-22", ["tsj.solnechny@mail.ru"]),
  row("270112000206", "М230-00870546", "electricity", 2, 6, [30200, 14030, null], "2026-10-22", ["tsj.solnechny@mail.ru"]),
  // УК «Восток»: five flats of one stairwell.
  row("270112000301", "ЦЭ6807-00412345", "electricity", 1, 6, [41200, null, null], "2026-10-21", ["uk.vostok@khv.ru"]),
  row("270112000302", "ЦЭ6807-00412346", "electricity", 1, 6, [38870, null, null], "2026-10-21", ["uk.vostok@khv.ru"]),
  row("270112000303", "ЦЭ6807-00412347", "electricity", 1, 6, [12005, null, null], "2026-10-21", ["uk.vostok@khv.ru"]),
  row("270112000304", "ЦЭ6807-00412348", "electricity", 1, 6, [27740, null, null], "2026-10-21", ["uk.vostok@khv.ru"]),
  row("270112000305", "ЦЭ6807-00412349", "electricity", 1, 6, [19920, null, null], "2026-10-21", ["uk.vostok@khv.ru"]),
  // 8-digit accounts (older numbering still in use in the districts).
  row("27104512", "3012987", "electricity", 1, 5, [8412, null, null], "2026-10-21", ["nina.petrenko@mail.ru"]),
  row("27104513", "СО-505 1187345", "electricity", 1, 5, [61200, null, null], "2026-10-23"),
  row("27104514", "НЕВА-103-0130077", "electricity", 1, 5, [25780, null, null], "2026-10-20"),
  row("27104515", "М230-00870999", "electricity", 2, 6, [11870, 5230, null], "2026-10-22", ["d.sidorenko@mail.ru"]),
  row("27104516", "4410082", "electricity", 1, 5, [6540, null, null], "2026-10-22"),
  row("27104517", "НЕВА-МТ 314 0047711", "electricity", 3, 6, [18230, 7040, 9912], "2026-10-21", ["zoya.kh@mail.ru"]),
  row("27104518", "ТЭМ-106-2291", "heat", 1, 4, [9987, null, null], "2026-10-22"),
  row("27104519", "НЕВА-103-0188812", "electricity", 1, 5, [4390, null, null], "2026-10-21", ["vera.n@bk.ru"]),
];

export function registryCsv(rows: RegistryRow[]): string {
  const header = "account,meter,kind,zones,digits,last_t1,last_t2,last_t3,last_date,emails";
  const lines = rows.map((r) =>
    [r.account, r.meter, r.kind, r.zones, r.digits, ...r.last.map((v) => (v === null ? "" : String(v))), r.lastDate, r.emails.join(";")].join(","),
  );
  return [header, ...lines].join("\n") + "\n";
}
