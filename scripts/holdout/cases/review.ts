// Human messages inside the window (except one question) that a clerk must look at.
import { deflateSync } from "node:zlib";
import { address, attachmentPart, htmlPart, multipart, textPart } from "../mime.js";
import { reading, type Case } from "./case.js";

const ukRows: Array<[string, string, string, number]> = [
  ["31", "270112000301", "ЦЭ6807-00412345", 41702],
  ["32", "270112000302", "ЦЭ6807-00412346", 39150],
  ["33", "270112000303", "ЦЭ6807-00412347", 12410],
  ["34", "270112000304", "ЦЭ6807-00412348", 27470],
  ["35", "270112000305", "ЦЭ6807-00412349", 20215],
];

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A dark, blurred-looking grey frame with no legible digits: what a phone photo of a dim meter box gives. */
function blurryMeterPhoto(width = 96, height = 64): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1);
    for (let x = 0; x < width; x++) row[x + 1] = 40 + ((x * 7 + y * 13) % 23) + (Math.abs(y - height / 2) < 6 ? 30 : 0);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.concat(rows))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

export const reviewCases: Case[] = [
  {
    slug: "counter-rolled-over-five-digits",
    message: {
      from: address("Горбунов В.П.", "gorbunov.vp@mail.ru"),
      date: "2026-11-21T10:00:00+10:00",
      subject: "Показания",
      body: textPart("Показания 00120. Счетчик, наверно, перекрутился через ноль, в прошлый раз было 99850.\nГорбунов\n"),
    },
    expected: {
      decision: "review",
      readings: [reading("270112000105", "011234", 120)],
      note: "5-digit counter last 99850, now 00120: a roll-over is not accepted automatically, the value decreased",
    },
  },
  {
    slug: "heat-four-digit-rollover",
    message: {
      from: "kotelnaya.dom17@mail.ru",
      date: "2026-11-23T09:40:00+10:00",
      subject: "Теплосчетчик ТЭМ-106-2291",
      body: textPart("Л/с 27104518, ТЭМ-106-2291, Q = 0021,4 Гкал\n"),
    },
    expected: {
      decision: "review",
      readings: [reading("27104518", "ТЭМ-106-2291", 21)],
      note: "4-digit heat counter last 9987 Гкал, now 0021: decreased (roll-over is not accepted)",
    },
  },
  {
    slug: "swapped-digits-decrease",
    message: {
      from: "vasiliev.pp@mail.ru",
      date: "2026-11-24T08:15:00+10:00",
      subject: "показания",
      body: textPart("Лицевой счёт 27104516, показания 6450\n"),
    },
    expected: {
      decision: "review",
      readings: [reading("27104516", "4410082", 6450)],
      note: "6450 < last 6540 (probably swapped digits): decreased",
    },
  },
  {
    slug: "jump-over-five-thousand",
    message: {
      from: "grishin.ev@mail.ru",
      date: "2026-11-22T12:00:00+10:00",
      subject: "лс 270112000129",
      body: textPart("лс 270112000129 17300\n"),
    },
    expected: {
      decision: "review",
      readings: [reading("270112000129", "3309871", 17300)],
      note: "increase 5190 > 5000: implausible",
    },
  },
  {
    slug: "heat-jump-sixty-three",
    message: {
      from: "km5.sadovaya@mail.ru",
      date: "2026-11-21T17:25:00+10:00",
      subject: "Показания тепло",
      body: textPart("Лицевой счет 270112000120, теплосчетчик КМ-5-6-3341, 294,5 Гкал\n"),
    },
    expected: {
      decision: "review",
      readings: [reading("270112000120", "КМ-5-6-3341", 294)],
      note: "heat increase 63 > 50 Гкал: implausible",
    },
  },
  {
    slug: "decimal-read-as-digit",
    message: {
      from: "olga.frolova@yandex.ru",
      date: "2026-11-22T19:19:00+10:00",
      subject: "показания",
      body: textPart("Л/сч 270112000127, счетчик НЕВА-103-0162233, показания 310256\n"),
    },
    expected: {
      decision: "review",
      readings: [],
      note: "6 digits on a 5-digit counter (likely 31025,6 without the comma); the clerk must confirm",
    },
  },
  {
    slug: "two-zone-meter-single-value",
    message: {
      from: address("Коваленко Ольга", "kovalenko.olga@mail.ru"),
      date: "2026-11-22T16:40:00+10:00",
      subject: "показания",
      body: textPart("Показания 12 390, л/с 270112000113\n"),
    },
    expected: {
      decision: "review",
      readings: [reading("270112000113", "20481537", 12390)],
      note: "2-zone meter, one value given: wrong number of zone values",
    },
  },
  {
    slug: "three-zone-meter-day-night-only",
    message: {
      from: address("Кузьмин Андрей", "kuzmin.a@bk.ru"),
      date: "2026-11-21T21:00:00+10:00",
      subject: "Показания",
      body: textPart("Л/с 270112000104, счетчик 8765432109: день 30 400, ночь 13 000\n"),
    },
    expected: {
      decision: "review",
      readings: [reading("270112000104", "8765432109", 30400, 13000)],
      note: "3-zone meter, only two values: wrong number of zone values (and 'день' may be пик or пик+полупик)",
    },
  },
  {
    slug: "account-typo-unknown",
    message: {
      from: "marina.k.1979@yandex.ru",
      date: "2026-11-23T13:00:00+10:00",
      subject: "Показания",
      body: textPart("Добрый день. Лицевой счет 270112000132, показания 9 870.\nМарина\n"),
    },
    expected: {
      decision: "review",
      readings: [],
      note: "account 270112000132 is not in the registry, no serial, sender unknown",
    },
  },
  {
    slug: "meter-of-another-account",
    message: {
      from: address("Иванова Т.М.", "ivanova.tm@mail.ru"),
      date: "2026-11-22T10:20:00+10:00",
      subject: "Показания",
      body: textPart("Лицевой счёт 270112000101, счётчик НЕВА-103-0144410, показания 4 415\n"),
    },
    expected: {
      decision: "review",
      readings: [],
      note: "meter НЕВА-103-0144410 belongs to 270112000122, not to the stated account",
    },
  },
  {
    slug: "two-meters-no-serial",
    message: {
      from: "semenova.dacha@yandex.ru",
      date: "2026-11-24T14:50:00+10:00",
      subject: "Показания",
      body: textPart("Л/с 270112000106, показания 51 700\n"),
    },
    expected: {
      decision: "review",
      readings: [],
      note: "the account has two electricity meters (дом, гараж) and no serial is given: ambiguous",
    },
  },
  {
    slug: "subject-and-body-disagree",
    message: {
      from: address("Белова Татьяна", "tatyana.belova@yandex.ru"),
      date: "2026-11-23T08:10:00+10:00",
      subject: "Показания 8391",
      body: textPart("Здравствуйте, л/с 270112000125, счетчик ЦЭ6803В 01129870, показания 8413.\n"),
    },
    expected: {
      decision: "review",
      readings: [],
      note: "two different values in one message (8391 in the subject, 8413 in the body)",
    },
  },
  {
    slug: "management-company-html-one-bad-row",
    message: {
      from: address("УК Восток", "uk.vostok@khv.ru"),
      date: "2026-11-24T10:15:00+10:00",
      subject: "Показания ИПУ ул. Пушкина 54 п.2 (уточнённые)",
      body: multipart("alternative", [
        textPart(
          `Показания ИПУ на 24.11.2026\n\nкв\tл/с\t№ ПУ\tпоказания\n${ukRows.map(([f, a, m, v]) => `${f}\t${a}\t${m}\t${v}`).join("\n")}\n\nДиспетчер УК «Восток»\n`,
        ),
        htmlPart(
          `<html><body><p>Показания ИПУ на 24.11.2026</p><table border="1" cellpadding="3"><thead><tr><th>кв</th><th>л/с</th><th>№ ПУ</th><th>показания</th></tr></thead><tbody>${ukRows
            .map(([f, a, m, v]) => `<tr><td>${f}</td><td>${a}</td><td>${m}</td><td>${v}</td></tr>`)
            .join("")}</tbody></table><p>Диспетчер УК «Восток»</p></body></html>`,
          { cte: "quoted-printable" },
        ),
      ]),
    },
    expected: {
      decision: "review",
      readings: ukRows.map(([, a, m, v]) => reading(a, m, v)),
      note: "5-flat table, flat 34 gives 27470 < last 27740 (decreased); the other rows are valid",
    },
  },
  {
    slug: "forwarded-neighbour-mail",
    message: {
      from: address("Мария Козлова", "m.kozlova@mail.ru"),
      date: "2026-11-22T11:30:00+10:00",
      subject: "Fwd: ПОКАЗАНИЯ",
      body: textPart(
        "Пересылаю письмо соседки, у неё не отправляется.\n\n-------- Пересылаемое сообщение --------\n21.11.2026, 10:42, Гусева В.П. <valentina.g.1944@mail.ru>:\nТема: ПОКАЗАНИЯ\n\nЗДРАВСТВУЙТЕ ПЕРЕДАЮ ПОКАЗАНИЯ СЧЕТЧИКА ЛИЦЕВОЙ СЧЕТ 270112000103 СЧЕТЧИК ЦЭ6803В 01123456 ПОКАЗАНИЕ 23600\n-------- Конец пересылаемого сообщения --------\n",
      ),
    },
    expected: {
      decision: "review",
      readings: [reading("270112000103", "ЦЭ6803В 01123456", 23600)],
      note: "the only reading is inside forwarded history, which is not a new reading; the clerk decides whether to take it",
    },
  },
  {
    slug: "bill-question-no-readings",
    message: {
      from: address("Сергей Петров", "petrov.sergey1961@yandex.ru"),
      date: "2026-11-21T14:00:00+10:00",
      subject: "Почему такая сумма?",
      body: textPart(
        "Здравствуйте! Почему мне начислили 5 400 рублей за октябрь? Обычно плачу около 2 000. Л/с 270112000102. Прошу разобраться и перезвонить 8-914-777-12-34.\n",
      ),
    },
    expected: {
      decision: "review",
      readings: [],
      note: "complaint about a bill, no readings; amounts and phone are not readings",
    },
  },
  {
    slug: "thank-you-reply-quoting-values",
    message: {
      from: address("Михаил Орлов", "mikhail.orlov@rambler.ru"),
      date: "2026-11-24T09:45:00+10:00",
      subject: "Re: Показания приняты",
      extraHeaders: ["In-Reply-To: <confirm-20261123-0123@khab.dvec.ru>"],
      body: textPart(
        "Спасибо!\n\n23.11.2026 21:20, info@khab.dvec.ru пишет:\n> Показания по лицевому счету 270112000123 (счетчик М230-00872210) приняты:\n> день 26912, ночь 11954.\n",
      ),
    },
    expected: {
      decision: "review",
      readings: [],
      note: "a thank-you reply; the only numbers are in the quoted confirmation, so there is no new reading",
    },
  },
  {
    slug: "landlord-two-flats-no-account",
    message: {
      from: address("Виктор Ким", "landlord.kim@gmail.com"),
      date: "2026-11-23T18:00:00+10:00",
      subject: "показания",
      body: textPart("Показания 8 050\nВиктор\n"),
    },
    expected: {
      decision: "review",
      readings: [],
      note: "the address is linked to two accounts (270112000114, 270112000115) and no account or serial is given",
    },
  },
  {
    slug: "stranger-number-only",
    message: {
      from: "anon.user77@gmail.com",
      date: "2026-11-21T07:30:00+10:00",
      subject: "показания",
      body: textPart("Показания 3456\n"),
    },
    expected: {
      decision: "review",
      readings: [],
      note: "unknown sender, no account, no serial",
    },
  },
  {
    slug: "question-early-december",
    message: {
      from: "vera.n@bk.ru",
      date: "2026-12-03T12:00:00+10:00",
      subject: "вопрос",
      body: textPart("Здравствуйте, подскажите, до какого числа можно передать показания в декабре? ЛС 27104519\n"),
    },
    expected: {
      decision: "review",
      readings: [],
      note: "outside the window but without readings: a question, not a reject",
    },
  },
  {
    slug: "photo-only-unreadable",
    message: {
      from: "pavel.zuev.1950@mail.ru",
      date: "2026-11-22T15:05:00+10:00",
      subject: "ФОТО СЧЕТЧИКА",
      body: multipart("mixed", [
        textPart("ПОКАЗАНИЯ НА ФОТО ЛИЦЕВОЙ 270112000131\n"),
        attachmentPart("IMG_20261122_150233.png", "image/png", blurryMeterPhoto()),
      ]),
    },
    expected: {
      decision: "review",
      readings: [],
      note: "readings only in a photo that shows no legible digits",
    },
  },
  {
    slug: "unsure-last-digit",
    message: {
      from: address("Ксения Смирнова", "k.smirnova@gmail.com"),
      date: "2026-11-25T12:00:00+10:00",
      subject: "показания",
      body: textPart("Л/с 270112000124. Не разберу последнюю цифру, то ли 14 701, то ли 14 707.\n"),
    },
    expected: {
      decision: "review",
      readings: [],
      note: "customer offers two candidate values: ambiguous",
    },
  },
  {
    slug: "single-zone-meter-day-night",
    message: {
      from: "vera.n@bk.ru",
      date: "2026-11-21T11:45:00+10:00",
      subject: "показания",
      body: textPart("лс 27104519 день 4500 ночь 1200\n"),
    },
    expected: {
      decision: "review",
      readings: [],
      note: "1-zone meter, two zone values given: wrong number of zone values",
    },
  },
];
