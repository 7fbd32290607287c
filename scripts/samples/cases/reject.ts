// Human mail with readings sent outside the 20..25 window (Asia/Vladivostok): answered with the rule.
import type { SampleCase } from '../compose.js';
import { r1, r2, r3 } from '../compose.js';

export const rejectCases: SampleCase[] = [
  {
    name: 'reject-early-month-3rd-sms-gmail',
    client: 'gmail',
    env: { fromName: 'Сергей Мельников', from: 'melnikov.sergey1979@gmail.com', date: '2026-11-03 19:10:00 +1000', subject: 'Показания' },
    text: '2701004512 011234567 48420',
    expected: { decision: 'reject', readings: [r1('2701004512', '011234567', 48420)], note: 'Sent on 3 Nov: before the 20..25 window.' },
  },
  {
    name: 'reject-19th-afternoon-yandex',
    client: 'yandex',
    env: { fromName: 'Алексей Петров', from: 'a.petrov.khv@yandex.ru', date: '2026-11-19 15:00:00 +1000', subject: 'Показания за ноябрь' },
    text: 'Л/с 2701013377, сч. 0923457, день 12630, ночь 5390',
    expected: { decision: 'reject', readings: [r2('2701013377', '0923457', 12630, 5390)], note: 'Sent on 19 Nov (Vladivostok time), one day early.' },
  },
  {
    name: 'reject-26th-morning-mailru',
    client: 'mailru',
    env: { fromName: 'Геннадий Горбунов', from: 'gorbunov58@mail.ru', date: '2026-11-26 09:12:00 +1000', subject: 'Показания дом' },
    text: 'Счётчик 00451278 — 20640. Извините, что поздно.',
    expected: { decision: 'reject', readings: [r1('2701068843', '00451278', 20640)], note: 'Sent on 26 Nov: the window closed on the 25th.' },
  },
  {
    name: 'reject-october-28th-thunderbird',
    client: 'thunderbird',
    env: { fromName: 'Виктор Соболев', from: 'v.p.sobolev@list.ru', date: '2026-10-28 20:00:00 +1000', subject: 'показания' },
    text: 'ЛС 2701052216 показания 8870',
    expected: { decision: 'reject', readings: [r1('2701052216', '7712045', 8870)], note: 'Sent on 28 Oct, after that month\'s window.' },
  },
  {
    name: 'reject-edge-plus0100-25th-evening-gmail',
    client: 'gmail',
    env: { fromName: 'Alexander Vasiliev', from: 'a.vasiliev.de@gmail.com', date: '2026-11-25 15:10:00 +0100', subject: 'Показания 2701120917' },
    text: 'Добрый день, передаю показания за тётю.\nЛ/с 2701120917, счётчик 9817364521\nТ1 203880, Т2 98870, Т3 150610\nА. Васильев',
    expected: { decision: 'reject', readings: [r3('2701120917', '9817364521', 203880, 98870, 150610)], note: 'Date 25 Nov 15:10 +0100 is 26 Nov 00:10 in Vladivostok: outside, although it is still the 25th for the sender.' },
  },
  {
    name: 'reject-edge-utc-19th-late-thunderbird',
    client: 'thunderbird',
    env: { fromName: 'Алексей Виноградов', from: 'a.vinogradov@proton.me', date: '2026-11-19 13:59:00 +0000', subject: 'Показания' },
    text: 'Лицевой счёт 2701153302, счётчик 12098765: день 120911, ночь 45760.',
    expected: { decision: 'reject', readings: [r2('2701153302', '12098765', 120911, 45760)], note: 'Date 19 Nov 13:59 +0000 is 19 Nov 23:59 in Vladivostok: one minute before the window opens.' },
  },
  {
    name: 'reject-edge-minus0800-25th-local-gmail',
    client: 'gmail',
    env: { fromName: 'Olga Pak', from: 'olga.pak.sf@gmail.com', date: '2026-11-25 07:30:00 -0800', subject: 'Показания' },
    text: 'л/с 2701190452 счётчик КВ-7745120 показания 13040',
    expected: { decision: 'reject', readings: [r1('2701190452', 'КВ-7745120', 13040)], note: 'Date 25 Nov 07:30 -0800 is 26 Nov 01:30 in Vladivostok: outside.' },
  },
  {
    name: 'reject-windows-1251-thebat-10th',
    client: 'thebat',
    env: { fromName: 'Олег Степанович Тарасов', from: 'tarasov_os@rambler.ru', date: '2026-11-10 11:00:00 +1000', subject: 'показания' },
    text: 'Здравствуйте.\nЛиц. счет 2701153302, сч. 12098765, день 120700, ночь 45690.\n\n--\nТарасов О.С.',
    expected: { decision: 'reject', readings: [r2('2701153302', '12098765', 120700, 45690)], note: 'windows-1251 mail sent on 10 Nov: outside the window.' },
  },
  {
    name: 'reject-first-of-month-outlook',
    client: 'outlook',
    env: { fromName: 'Рыбаков Денис', from: 'd.rybakov@khabkrai.ru', date: '2026-11-01 09:00:00 +1000', subject: 'Показания' },
    text: 'Добрый день!\nл/с 2701291187, сч. 0032154 — 40100.\n\nС уважением,\nРыбаков Денис',
    expected: { decision: 'reject', readings: [r1('2701291187', '0032154', 40100)], note: 'Sent on 1 Nov: outside the window.' },
  },
  {
    name: 'reject-27th-electricity-and-heat-yandex',
    client: 'yandex',
    env: { fromName: 'Светлана Кузнецова', from: 's.kuznetsova@yandex.ru', date: '2026-11-27 18:00:00 +1000', subject: 'Показания' },
    text: 'Л/с 2701031190.\nСвет: день 31540, ночь 14220.\nТепло 116 Гкал.',
    expected: { decision: 'reject', readings: [r2('2701031190', 'CE102-0045678', 31540, 14220), r1('2701031190', '20931', 116)], note: 'Sent on 27 Nov; both meters of the account are listed as sent.' },
  },
  {
    name: 'reject-30th-sent-in-advance-mailru',
    client: 'mailru',
    env: { fromName: 'Галина Петровна Шевчук', from: 'shevchuk.gp@mail.ru', date: '2026-11-30 10:00:00 +1000', subject: 'Показания заранее' },
    text: 'Передаю заранее, в декабре буду в больнице. Л/с 2701169975, счётчик 08-776512, показания 4610.',
    expected: { decision: 'reject', readings: [r1('2701169975', '08-776512', 4610)], note: 'Sent on 30 Nov "in advance": still outside the window.' },
  },
  {
    name: 'reject-december-2nd-koi8r-outlook-express',
    client: 'outlookExpress',
    env: { fromName: 'Зинаида Михайловна', from: 'zina.grigorieva@mail.ru', date: '2026-12-02 08:30:00 +1000', subject: 'Показания счетчика' },
    text: 'л/с 2701263380 сч 0077321 день 40420 ночь 21130',
    expected: { decision: 'reject', readings: [r2('2701263380', '0077321', 40420, 21130)], note: 'KOI8-R mail sent on 2 Dec: outside the window.' },
  },
  {
    name: 'reject-sms-in-subject-13th-mailru-android',
    client: 'mailruAndroid',
    env: { fromName: 'Юрий', from: 'yury.bondar@inbox.ru', date: '2026-11-13 07:48:20 +1000', subject: '2701291187 0032154 40150' },
    text: '\n\nОтправлено из приложения Почта Mail.ru',
    expected: { decision: 'reject', readings: [r1('2701291187', '0032154', 40150)], note: 'SMS format in the Subject, sent on 13 Nov: outside the window.' },
  },
];
