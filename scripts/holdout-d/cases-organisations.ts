// Hold-out D, part 2: organisations and people writing from work — a management company, an HOA, shops, a landlord.
import { expect, reading, type Case } from './case-kit.js';
import { escapeHtml, outlookBody, outlookDocument, outlookId, thunderbirdId, yandexHtmlBody, yandexId } from './clients.js';
import { address, attachment, headerText, mailDate, message, multipart, textPart, toBytes } from './mime.js';
import { R } from './registry.js';

const OUTLOOK = 'X-Mailer: Microsoft Outlook 16.0';

function outlookTableHtml(intro: string[], header: string[], rows: string[][], outro: string[], charset: 'windows-1251' | 'utf-8'): string {
  const paragraph = (line: string) => `<p class=MsoNormal>${line === '' ? '&nbsp;' : escapeHtml(line)}<o:p></o:p></p>`;
  const cell = (text: string, bold = false) =>
    `<td style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>${bold ? '<b>' : ''}${escapeHtml(text)}${bold ? '</b>' : ''}<o:p></o:p></p></td>`;
  const table =
    `<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>` +
    `<tr>${header.map((h) => cell(h, true)).join('')}</tr>` +
    rows.map((r) => `<tr>${r.map((c) => cell(c)).join('')}</tr>`).join('') +
    `</table>`;
  return outlookDocument([...intro.map(paragraph), table, ...outro.map(paragraph)].join('\n'), charset);
}

export function organisationCases(): Case[] {
  const cases: Case[] = [];
  const add = (key: string, eml: Buffer, expected: Case['expected']) => cases.push({ key, eml, expected });

  {
    const date = mailDate('2026-11-20 11:30:02', '+1000');
    const text =
      'Добрый день!\n\nНаправляем показания прибора учета электроэнергии за ноябрь 2026 г.\nИП Сафронова О.В., магазин «Аврора», г. Хабаровск, ул. Карла Маркса, 96\nЛицевой счет: 103377420\nСчетчик: Меркурий 230 ART-01, зав. № МЕ11042387\nПоказания на 20.11.2026:\nТ1 (пик) – 011020\nТ2 (ночь) – 004702\nТ3 (полупик) – 006655\n\nС уважением,\nОльга Владимировна Сафронова\nИП Сафронова О.В.\nИНН 272300445120\nтел. +7 (4212) 21-08-77\n';
    add(
      'shop-three-zones',
      message({
        from: address('Сафронова Ольга', 'shop.avrora@yandex.ru', 'windows-1251'),
        subject: headerText('Показания ИП Сафронова О.В. за ноябрь', 'windows-1251'),
        date,
        messageId: outlookId('shop-three-zones', 'yandex.ru'),
        extra: [OUTLOOK, 'Thread-Index: AdtbFk2S0xJ7t0xNQxW1m1W7l2bYwQ==', 'Content-Language: ru'],
        body: outlookBody('shop-three-zones', text, 'windows-1251'),
      }),
      expect('accept', [reading(R.shop, 11020, 4702, 6655)], 'serial typed with Cyrillic М and Е; peak/night/semi-peak map to t1/t2/t3; INN and phone are not readings'),
    );
  }

  {
    const date = mailDate('2026-11-23 14:10:22', '+1000');
    const intro = ['Добрый день!', '', 'Направляем показания приборов учета по нежилым помещениям ООО «УК Северный квартал» на 23.11.2026:', ''];
    const header = ['Помещение', 'Лицевой счет', 'Прибор учета', 'Показания'];
    const rows = [
      ['Офис, ул. Шеронова, 8', '272001101', '10244501', '5488'],
      ['Подвал (мастерская), ул. Шеронова, 8', '272001102', '10244502', '7702'],
      ['Котельная, ул. Шеронова, 10', '272001103', '10244503', 'Т1 3260 / Т2 1511'],
    ];
    const outro = [
      '',
      'С уважением,',
      'Дьяченко Лариса Игоревна',
      'главный бухгалтер ООО «УК Северный квартал»',
      'ИНН 2721123456 КПП 272101001',
      'тел. 8 (4212) 30-40-50 доб. 112',
      '',
      'Внимание! Данное сообщение и любые вложения к нему конфиденциальны и предназначены исключительно для адресата. Если вы получили это сообщение по ошибке, сообщите отправителю и удалите его.',
    ];
    const text = [...intro, [header, ...rows].map((r) => r.join('\t')).join('\n'), ...outro].join('\n') + '\n';
    add(
      'management-company-table',
      message({
        from: address('Дьяченко Лариса Игоревна', 'buh@uk-sever.ru', 'windows-1251'),
        subject: headerText('Показания ПУ нежилых помещений УК «Северный квартал», ноябрь 2026', 'windows-1251'),
        date,
        messageId: outlookId('management-company-table', 'uk-sever.ru'),
        extra: [OUTLOOK, 'Thread-Index: AdtdnbQ0yq8lSg2xR2mJ0m9X1k4H7w==', 'Content-Language: ru', 'X-MS-Has-Attach: '],
        body: outlookBody('management-company-table', text, 'windows-1251', outlookTableHtml(intro, header, rows, outro, 'windows-1251')),
      }),
      expect(
        'accept',
        [reading(R.ukOffice, 5488), reading(R.ukBasement, 7702), reading(R.ukBoiler, 3260, 1511)],
        'three accounts of the company in an HTML table; INN/KPP/phone are not readings',
      ),
    );
  }

  {
    const date = mailDate('2026-11-24 09:45:30', '+1000');
    const csv =
      'Лицевой счет;Номер ПУ;Помещение;Показания;Дата\n105000201;2201-0034;Помещение правления;12450;24.11.2026\n105000202;2201-0035;Колясочная;10102;24.11.2026\n';
    const body = multipart('mixed', '------------9hQ2ZtN0bX4sJ1e7VfR3kPq8', [
      textPart(
        'Добрый день.\n\nПоказания по нежилым помещениям ТСН «Заря» (помещение правления и колясочная) во вложении.\n\n-- \nГончаров А.С., энергетик ТСН «Заря»\n+7 909 845-11-20\n',
        { charset: 'utf-8', cte: '8bit', flowed: true, charsetLabel: 'UTF-8' },
      ),
      attachment(toBytes(csv, 'windows-1251'), 'text/csv; charset=windows-1251', 'pokazaniya_2026-11.csv'),
    ]);
    add(
      'hoa-csv-attachment',
      message({
        from: address('Гончаров Алексей', 'energetik@tsn-zarya.ru'),
        subject: headerText('Показания ТСН Заря, ноябрь'),
        date,
        messageId: thunderbirdId('hoa-csv-attachment', 'tsn-zarya.ru'),
        extra: ['User-Agent: Mozilla Thunderbird', 'Content-Language: ru'],
        mimeVersionFirst: true,
        body,
      }),
      expect('accept', [reading(R.tsnA, 12450), reading(R.tsnB, 10102)], 'readings only in a windows-1251 CSV attachment'),
    );
  }

  const landlordFirst =
    '<div>Добрый день!</div><div>Квартира на Ленина 45, кв. 12: л/с 273800412, сч. 11930087 — 18 705.</div><div>Квартира на Запарина 80, кв. 3: л/с 273800519, сч. 11930311 — день 7 390, ночь 3 512.</div><div>Спасибо.</div><div>В. Власов</div>';
  {
    const date = mailDate('2026-11-21 13:00:27', '+1000');
    add(
      'landlord-two-flats',
      message({
        from: address('Владислав Власов', 'landlord.vlasov@yandex.ru'),
        subject: headerText('Показания по двум квартирам'),
        date,
        messageId: '<4471732158027@mail.yandex.ru>',
        extra: ['X-Mailer: Yamail [ http://yandex.ru ] 5.0'],
        body: yandexHtmlBody(landlordFirst + '\n'),
      }),
      expect('accept', [reading(R.landlordA, 18705), reading(R.landlordB, 7390, 3512)], 'two accounts, each with account and meter; house and flat numbers are not readings'),
    );
  }

  {
    const date = mailDate('2026-11-21 20:40:02', '+1000');
    const html =
      '<div>Добрый вечер, уточнение: по второй квартире (Запарина) ночь 3 521, а не 3 512 — перепутал цифры.</div><div> </div><div>21.11.2026, 13:00, "Владислав Власов" &lt;landlord.vlasov@yandex.ru&gt;:</div><blockquote>' +
      landlordFirst +
      '</blockquote>\n';
    add(
      'landlord-night-fix',
      message({
        from: address('Владислав Власов', 'landlord.vlasov@yandex.ru'),
        subject: headerText('Re: Показания по двум квартирам'),
        date,
        messageId: yandexId('landlord-night-fix'),
        extra: ['X-Mailer: Yamail [ http://yandex.ru ] 5.0', 'In-Reply-To: <4471732158027@mail.yandex.ru>', 'References: <4471732158027@mail.yandex.ru>'],
        body: yandexHtmlBody(html),
      }),
      expect('review', [reading(R.landlordB, 7390, 3521)], 'correction of one zone of an earlier submission; the day value is only in the quote; sender linked to two accounts'),
    );
  }

  {
    const date = mailDate('2026-11-23 16:05:48', '+1000');
    const text =
      'Добрый день.\n\nИП Ким А.С., л/с 101010557.\nТорговый зал, сч. 1700223: день 21 640, ночь 10 150.\nСклад, сч. 1700224: 5 312.\n\nС уважением, Ким А.С.\nтел. 8-924-300-12-12\n';
    add(
      'shop-hall-and-store',
      message({
        from: address('ИП Ким Александр Сергеевич', 'ip.kim.as@mail.ru', 'windows-1251'),
        subject: headerText('Показания ИП Ким', 'windows-1251'),
        date,
        messageId: outlookId('shop-hall-and-store', 'mail.ru'),
        extra: [OUTLOOK, 'Content-Language: ru'],
        body: outlookBody('shop-hall-and-store', text, 'windows-1251'),
      }),
      expect('accept', [reading(R.kimHall, 21640, 10150), reading(R.kimStore, 5312)], 'one account, a two-zone and a one-zone meter with serials that differ in the last digit'),
    );
  }

  {
    const date = mailDate('2026-11-23 15:40:12', '+1000');
    const text =
      'Добрый день,\n\nЛицевой счёт 102984470, счётчик 1129003 (трёхтарифный).\nпик 30 912 / полупик 19 044 / ночь 12 377\n\nПавел Рыбаков\nВедущий инженер | ООО «Техносервис»\n+7 (4212) 77-01-23 доб. 205\n';
    add(
      'engineer-peak-semipeak-night',
      message({
        from: address('Рыбаков Павел', 'p.rybakov@technoservice-dv.ru'),
        subject: headerText('показания 102984470'),
        date,
        messageId: outlookId('engineer-peak-semipeak-night', 'technoservice-dv.ru'),
        extra: [OUTLOOK, 'Content-Language: ru'],
        body: outlookBody('engineer-peak-semipeak-night', text, 'utf-8'),
      }),
      expect('accept', [reading(R.peak3, 30912, 12377, 19044)], 'order peak, semi-peak, night: night is t2 and semi-peak t3'),
    );
  }

  {
    const date = mailDate('2026-11-24 14:44:03', '+1000');
    const text =
      'Добрый день.\n\nЛ/с 104003311, теплосчётчик ТВ7 № ТВ7-051144.\nПоказания с табло вычислителя на 24.11:\nQ = 742,318 Гкал\nV1 = 11 234,5 м3\nV2 = 11 198,2 м3\nt1 = 68,4 °C\nt2 = 41,2 °C\nTнар = 8 760 ч\n\nЛунёв В.И.\n';
    add(
      'heat-calculator-screen',
      message({
        from: address('Лунёв Виктор Иванович', 'lunev.v@amurstal.ru'),
        subject: headerText('Показания теплосчётчика'),
        date,
        messageId: outlookId('heat-calculator-screen', 'amurstal.ru'),
        extra: [OUTLOOK, 'Content-Language: ru'],
        body: outlookBody('heat-calculator-screen', text, 'utf-8'),
      }),
      expect('accept', [reading(R.heatCalc, 742)], 'the heat reading is the Gcal total Q; volumes, temperatures and hours are other registers; serial typed with Cyrillic Т and В'),
    );
  }

  {
    const date = mailDate('2026-11-23 08:45:30', '+1000');
    const text =
      'Добрый день.\nТ1 5 812  Т2 2 230  Т3 3 455\n\nС уважением,\nФедоров Г.П.\nдоцент кафедры «Электроснабжение транспорта» ДВГУПС\nтел. 407-512\n\nОт: Хабаровскэнергосбыт <info@khab.dvec.ru>\nОтправлено: 20 октября 2026 г. 11:40\nКому: g.fedorov@dvgups.ru\nТема: Показания по л/с 270660345 приняты\n\nУважаемый клиент!\nПоказания по лицевому счёту 270660345, прибор учёта 7120450 приняты: Т1 5500, Т2 2100, Т3 3300.\nХабаровскэнергосбыт\n';
    add(
      'outlook-reply-three-zones',
      message({
        from: address('Федоров Геннадий Петрович', 'g.fedorov@dvgups.ru'),
        subject: headerText('RE: Показания по л/с 270660345 приняты'),
        date,
        messageId: outlookId('outlook-reply-three-zones', 'dvgups.ru'),
        extra: [OUTLOOK, 'In-Reply-To: <reply-20261020-0140.270660345@khab.dvec.ru>', 'Thread-Topic: =?utf-8?B?0J/QvtC60LDQt9Cw0L3QuNGP?=', 'Content-Language: ru'],
        body: outlookBody('outlook-reply-three-zones', text, 'utf-8'),
      }),
      expect('accept', [reading(R.outlookReply, 5812, 2230, 3455)], 'Outlook reply without > quoting: the October values below the header block are history; sender linked, one meter'),
    );
  }

  return cases;
}
