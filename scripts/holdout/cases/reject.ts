// Human messages with valid readings sent outside the 20..25 window (Asia/Vladivostok).
import { address, textPart } from "../mime.js";
import { reading, type Case } from "./case.js";
import { TSJ_TABLE_ROWS } from "./accept.js";

export const rejectCases: Case[] = [
  {
    slug: "eighteenth-evening",
    message: {
      from: address("Петренко Нина", "nina.petrenko@mail.ru"),
      date: "2026-11-18T19:00:00+10:00",
      subject: "Показания",
      body: textPart("Добрый вечер, л/с 27104512, показания 8 600\n"),
    },
    expected: {
      decision: "reject",
      readings: [reading("27104512", "3012987", 8600)],
      note: "18 Nov: before the window",
    },
  },
  {
    slug: "utc-date-next-day-vladivostok",
    message: {
      from: address("Иванова Т.М.", "ivanova.tm@mail.ru"),
      date: "2026-11-25T15:10:00+00:00",
      subject: "Показания",
      body: textPart("Лицевой 270112000101 показания 4 405\n"),
    },
    expected: {
      decision: "reject",
      readings: [reading("270112000101", "НЕВА-103-0123456", 4405)],
      note: "25 Nov 15:10 UTC is 26 Nov 01:10 in Vladivostok: after the window",
    },
  },
  {
    slug: "sakhalin-twentieth-just-after-midnight",
    message: {
      from: "nikolai.zh@mail.ru",
      date: "2026-11-20T00:30:00+11:00",
      subject: "показания",
      body: textPart("здравствуйте показания 7 850 лс 270112000130\n"),
    },
    expected: {
      decision: "reject",
      readings: [reading("270112000130", "НЕВА-103-0199001", 7850)],
      note: "20 Nov 00:30 at UTC+11 is 19 Nov 23:30 in Vladivostok: before the window",
    },
  },
  {
    slug: "early-december-za-noyabr",
    message: {
      from: address("Михаил Орлов", "mikhail.orlov@rambler.ru"),
      date: "2026-12-02T09:00:00+10:00",
      subject: "показания за ноябрь",
      body: textPart("Забыл передать за ноябрь. Счет 270112000123: день 26 950, ночь 12 001\n"),
    },
    expected: {
      decision: "reject",
      readings: [reading("270112000123", "М230-00872210", 26950, 12001)],
      note: "2 Dec: outside the window even though the readings are for November",
    },
  },
  {
    slug: "text-date-inside-header-date-outside",
    message: {
      from: address("Ксения Смирнова", "k.smirnova@gmail.com"),
      date: "2026-11-27T10:00:00+10:00",
      subject: "показания на 21.11",
      body: textPart("Показания на 21.11 — 14 690, забыла вовремя отправить. Л/с 270112000124\n"),
    },
    expected: {
      decision: "reject",
      readings: [reading("270112000124", "НЕВА-103-0151002", 14690)],
      note: "the text says 21.11 but the Date header (27 Nov) decides",
    },
  },
  {
    slug: "moscow-time-nineteenth-late",
    message: {
      from: "rustam.88@mail.ru",
      date: "2026-11-19T16:59:00+03:00",
      subject: "показания",
      body: textPart("Лицевой счет 270112000111, счетчик AB-1040-5566. T1 40 500, T2 20 300\n"),
    },
    expected: {
      decision: "reject",
      readings: [reading("270112000111", "AB-1040-5566", 40500, 20300)],
      note: "19 Nov 16:59 Moscow is 19 Nov 23:59 in Vladivostok: one minute before the window",
    },
  },
  {
    slug: "caps-fifteenth",
    message: {
      from: "grigoriy.s.1941@mail.ru",
      date: "2026-11-15T08:00:00+10:00",
      subject: "ПОКАЗАНИЯ",
      body: textPart("ЛИЦЕВОЙ 27104514 ПОКАЗАНИЯ 25990 СЕМЕНОВ Г\n"),
    },
    expected: {
      decision: "reject",
      readings: [reading("27104514", "НЕВА-103-0130077", 25990)],
      note: "15 Nov: before the window",
    },
  },
  {
    slug: "tsj-table-late-koi8r",
    message: {
      from: address("ТСЖ Солнечный", "tsj.solnechny@mail.ru"),
      date: "2026-11-28T09:00:00+10:00",
      subject: "Показания ИПУ ТСЖ Солнечный",
      body: textPart(
        `Показания ИПУ за ноябрь (с опозданием, извините):\n\n${TSJ_TABLE_ROWS.map(
          ([flat, acct, meter, t1text, , t2]) => `кв.${flat}  л/с ${acct}  сч. ${meter}  ${t2 === null ? t1text : `Т1 ${t1text} Т2 ${t2}`}`,
        ).join("\n")}\n\nПредседатель ТСЖ Мельникова Г.И.\n`,
        { charset: "koi8-r", cte: "8bit" },
      ),
    },
    expected: {
      decision: "reject",
      readings: TSJ_TABLE_ROWS.map(([, acct, meter, , t1, t2]) => reading(acct, meter, t1, t2)),
      note: "28 Nov: outside the window; KOI8-R 8bit; readings lists all six flats as sent",
    },
  },
];
