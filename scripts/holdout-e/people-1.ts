// Residents and organisations of the December 2026 reading week, part 1.
import { meterPhoto, postcard } from './png.js';
import type { MessageSpec } from './spec.js';
import { address, alt, dec, headers, html, image, messageId, mixed, page, plain, r, related, subject } from './spec.js';

const THUNDERBIRD = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.5.2';
const OUTLOOK = 'Microsoft Outlook 16.0';

export const PEOPLE_1: MessageSpec[] = [
  {
    slug: 'gavrilov',
    headers: headers({
      date: dec(20, '09:14:37'),
      from: address('Гаврилов Станислав Петрович', 's.gavrilov.1948@mail.ru'),
      subject: subject('Показания прибора учёта электроэнергии, л/с 270418863'),
      id: messageId('gavrilov-1', 'thunderbird', 'mail.ru'),
      extra: [
        ['User-Agent', THUNDERBIRD],
        ['Content-Language', 'ru'],
        ['Disposition-Notification-To', address('Гаврилов Станислав Петрович', 's.gavrilov.1948@mail.ru')],
      ],
    }),
    root: plain(
      `В ПАО «ДЭК», Хабаровскэнергосбыт
от Гаврилова Станислава Петровича,
г. Хабаровск, ул. Ленинградская, д. 28, кв. 41

Уважаемые господа!

1. Настоящим сообщаю показания прибора учёта электрической энергии по 
состоянию на 20.12.2026 г.
2. Лицевой счёт: 270418863.
3. Прибор учёта: заводской № 07719354, двухтарифный.
4. Показания:
   4.1. Т1 (день) — 041498;
   4.2. Т2 (ночь) — 018861.
5. Расход за период составил 248 и 128 кВт·ч соответственно, что 
соответствует обычному для нашей семьи потреблению в зимний период.
6. Прошу подтвердить получение настоящего письма.

С уважением,
С. П. Гаврилов,
инженер-энергетик (на пенсии)
`,
      'utf-8',
      'quoted-printable',
      true,
    ),
    expected: {
      decision: 'accept',
      readings: [r('270418863', '07719354', 41498, 18861)],
      note: 'Formal numbered letter; consumption figures 248/128 are differences, not readings.',
    },
  },
  {
    slug: 'krechetov-danya',
    headers: headers({
      date: dec(21, '19:47:12'),
      from: address('Даня Кречетов', 'danya.krechetov2009@gmail.com'),
      subject: subject('показания бабушки'),
      id: messageId('danya', 'gmail'),
    }),
    root: alt(
      plain(
        `здрасте)) это даня, внук зинаиды федоровны кречетовой, пишу за бабулю тк она сама не умеет в почту 😅
лс 271530027
свет 9012 короче, я сам с фонариком смотрел, там в конце еще красная цифра 7 но бабуля сказала ее не надо
если че не так пишите сюда, бабуля волнуется что опять насчитают по среднему
спс!!
`,
        'utf-8',
        'base64',
      ),
      html(
        `<div dir="ltr">здрасте)) это даня, внук зинаиды федоровны кречетовой, пишу за бабулю тк она сама не умеет в почту 😅<div>лс 271530027</div><div>свет 9012 короче, я сам с фонариком смотрел, там в конце еще красная цифра 7 но бабуля сказала ее не надо</div><div>если че не так пишите сюда, бабуля волнуется что опять насчитают по среднему</div><div>спс!!</div></div>`,
        'utf-8',
        'base64',
      ),
    ),
    expected: {
      decision: 'accept',
      readings: [r('271530027', '45117803', 9012)],
      note: 'Grandson writes for grandmother; one electricity meter on the account implies the meter; red tenths digit 7 is not part of the reading.',
    },
  },
  {
    slug: 'shaykhutdinov',
    headers: headers({
      date: dec(21, '03:12:48'),
      from: address('Ринат Шайхутдинов', 'rinat.shaykhutdinov@icloud.com'),
      subject: subject('Показания'),
      id: messageId('rinat', 'apple', 'icloud.com'),
      extra: [['X-Mailer', 'iPhone Mail (22C152)']],
    }),
    root: plain(
      `лс 270902214 сч 0115873 пок 23587
со смены пишу, днём не успеваю

Отправлено с iPhone`,
      'utf-8',
      'quoted-printable',
      true,
    ),
    expected: {
      decision: 'accept',
      readings: [r('270902214', '0115873', 23587)],
      note: '3 a.m. phone message after a night shift, inside the window.',
    },
  },
  {
    slug: 'peskova',
    headers: headers({
      date: dec(22, '11:20:05'),
      from: address('Пескова О.Т.', 'peskova.ot@mail.ru', 'windows-1251'),
      subject: subject('показания счётчика', 'windows-1251'),
      id: messageId('peskova', 'outlook', 'PESKOVA-PC'),
      extra: [
        ['X-Priority', '3'],
        ['X-MSMail-Priority', 'Normal'],
        ['X-Mailer', 'Microsoft Outlook Express 6.00.2900.5931'],
        ['X-MimeOLE', 'Produced By Microsoft MimeOLE V6.00.2900.6157'],
      ],
    }),
    root: plain(
      `Здравствуйте.
Счётчик № 9813377, показания 30498.
Номер лицевого счёта не помню, квитанция у сына. Адрес: пер. Облачный, 7, кв. 3.
Пескова Ольга Тимофеевна
`,
      'windows-1251',
      '8bit',
    ),
    expected: {
      decision: 'accept',
      readings: [r('271877004', '9813377', 30498)],
      note: 'No account: the meter serial is unique in the registry, so it implies the account.',
    },
  },
  {
    slug: 'lavrentiev',
    headers: headers({
      date: dec(22, '20:03:19'),
      from: address('Пётр Лаврентьев', 'p.lavrentiev@yandex.ru'),
      subject: subject('Re: Ваши показания приняты'),
      id: messageId('lavrentiev', 'yandex'),
      extra: [['X-Mailer', 'Yamail [ http://yandex.ru ] 5.0']],
    }),
    root: plain(
      `Ваши показания приняты.

Лицевой счёт: 270655310
Прибор учёта: 39001452
Показания: Т1 — 15877, Т2 — 7382
Дата приёма: 23.11.2026

Спасибо, что передаёте показания вовремя!
`,
      'utf-8',
      '8bit',
    ),
    expected: {
      decision: 'accept',
      readings: [r('270655310', '39001452', 15877, 7382)],
      note: 'He copies last month\'s confirmation and edits the values (date line left unedited); not quoted text, his own new message.',
    },
  },
  {
    slug: 'ds57-golubeva',
    headers: headers({
      date: dec(22, '10:05:44'),
      from: address('Голубева Нина Сергеевна', 'buh.ds57@yandex.ru', 'windows-1251'),
      subject: subject('МБДОУ № 57 — показания приборов учёта за декабрь 2026', 'windows-1251'),
      id: messageId('ds57-1', 'outlook', 'yandex.ru'),
      extra: [
        ['X-Mailer', OUTLOOK],
        ['Thread-Index', 'AdtUZk3mY0Cq1nS1R9e7p0x2bQ9v4A=='],
        ['Content-Language', 'ru'],
      ],
    }),
    root: alt(
      plain(
        `Добрый день!

Направляем показания приборов учёта МБДОУ «Детский сад № 57 «Ручеёк»», лицевой счёт 272004571, по состоянию на 22.12.2026:

1) Электроэнергия, ПУ № E-2019-0531 (двухтарифный): Т1 — 121960, Т2 — 45820
2) Электроэнергия, ПУ № E-2019-0532 (пищеблок): 212105
3) Тепловая энергия, теплосчётчик TB7-04418: 648,217 Гкал

Главный бухгалтер
Голубева Нина Сергеевна
тел. 8 (4212) 45-17-90
`,
        'windows-1251',
        'quoted-printable',
      ),
      html(
        page(
          `<div class=WordSection1><p class=MsoNormal>Добрый день!<o:p></o:p></p>
<p class=MsoNormal>Направляем показания приборов учёта МБДОУ «Детский сад № 57 «Ручеёк»», лицевой счёт 272004571, по состоянию на 22.12.2026:<o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
<tr><td><p class=MsoNormal><b>Прибор учёта</b></p></td><td><p class=MsoNormal><b>Вид</b></p></td><td><p class=MsoNormal><b>Т1</b></p></td><td><p class=MsoNormal><b>Т2</b></p></td></tr>
<tr><td><p class=MsoNormal>E-2019-0531</p></td><td><p class=MsoNormal>электроэнергия</p></td><td><p class=MsoNormal>121960</p></td><td><p class=MsoNormal>45820</p></td></tr>
<tr><td><p class=MsoNormal>E-2019-0532</p></td><td><p class=MsoNormal>электроэнергия (пищеблок)</p></td><td><p class=MsoNormal>212105</p></td><td><p class=MsoNormal>&nbsp;</p></td></tr>
<tr><td><p class=MsoNormal>TB7-04418</p></td><td><p class=MsoNormal>тепловая энергия, Гкал</p></td><td><p class=MsoNormal>648,217</p></td><td><p class=MsoNormal>&nbsp;</p></td></tr>
</table>
<p class=MsoNormal>&nbsp;<o:p></o:p></p>
<p class=MsoNormal>Главный бухгалтер<br>Голубева Нина Сергеевна<br>тел. 8 (4212) 45-17-90<o:p></o:p></p></div>`,
          'windows-1251',
        ),
        'windows-1251',
        'quoted-printable',
      ),
    ),
    expected: {
      decision: 'accept',
      readings: [
        r('272004571', 'E-2019-0531', 121960, 45820),
        r('272004571', 'E-2019-0532', 212105),
        r('272004571', 'ТВ7-04418', 648),
      ],
      note: 'Kindergarten, three meters of one account; heat serial typed with Latin T and B (look-alikes of registry ТВ7-04418); 648,217 Gcal -> 648 (+36).',
    },
  },
  {
    slug: 'snt-rassvet',
    headers: headers({
      date: dec(23, '18:40:02'),
      from: address('Кузьмин В.И.', 'snt.rassvet.khv@mail.ru', 'windows-1251', 'Q'),
      subject: subject('СНТ Рассвет показания', 'windows-1251', 'Q'),
      id: messageId('snt', 'plain', 'mail.ru'),
      extra: [['X-Mailer', 'The Bat! (v11.2.1) Professional']],
    }),
    root: plain(
      `Здравствуйте, уважаемые энергетики!

Пишет председатель СНТ «Рассвет» (Матвеевское шоссе, 14 км) Кузьмин Виктор Ильич.
Передаю показания:

Общий счётчик СНТ, л/с 273300118, сч. 8800412 — 55890
Участок 37 (Белоусова Г.А.), л/с 273300245, сч. 5541207 — 3388
Участок 52 (Тян Р.С.), л/с 273300390, сч. 5541266 — 12170

Остальные члены товарищества передают сами, кто как умеет.
Зимой на участках живут только двое, поэтому расход небольшой.

--
С уважением, председатель правления СНТ «Рассвет»
В. И. Кузьмин, т. 8-914-771-20-45
`,
      'windows-1251',
      '8bit',
    ),
    expected: {
      decision: 'accept',
      readings: [r('273300118', '8800412', 55890), r('273300245', '5541207', 3388), r('273300390', '5541266', 12170)],
      note: 'Dacha co-operative chairman sends the common meter and two members; every account and meter explicit and valid.',
    },
  },
  {
    slug: 'akhmedova-shop',
    headers: headers({
      date: dec(24, '09:31:10'),
      from: address('ИП Ахмедова З.Р.', 'zarina.produkty@mail.ru'),
      subject: subject('Показания ИП Ахмедова магазин Продукты'),
      id: messageId('akhmedova', 'outlook', 'mail.ru'),
      extra: [['X-Mailer', OUTLOOK]],
    }),
    root: alt(
      plain(
        `Здравствуйте!
Магазин «Продукты у Зарины», ул. Суворова, 61.
Л/с 274100062, счётчик Меркурий 231 № 41002877 (трёхтарифный).

Пик (Т1): 035980
Полупик (Т3): 021550
Ночь (Т2): 012904

С уважением,
Зарина Ахмедова
`,
        'utf-8',
        'base64',
      ),
      html(
        page(
          `<p>Здравствуйте!<br>Магазин «Продукты у Зарины», ул. Суворова, 61.<br>Л/с 274100062, счётчик Меркурий 231 № 41002877 (трёхтарифный).</p><p>Пик (Т1): 035980<br>Полупик (Т3): 021550<br>Ночь (Т2): 012904</p><p>С уважением,<br>Зарина Ахмедова</p>`,
        ),
        'utf-8',
        'base64',
      ),
    ),
    expected: {
      decision: 'accept',
      readings: [r('274100062', '41002877', 35980, 12904, 21550)],
      note: 'Three-zone shop meter; zones listed peak, semi-peak, night, mapped by label (t3 is semi-peak). "Меркурий 231" is the model.',
    },
  },
  {
    slug: 'mun',
    headers: headers({
      date: dec(20, '14:22:51'),
      from: address('Екатерина Мун', 'katya.mun.khv@gmail.com'),
      subject: subject('Показания (приложение не отправляет)'),
      id: messageId('mun', 'gmail'),
    }),
    root: alt(
      plain(
        `Добрый день! Приложение третий день пишет «Ошибка сервера, попробуйте позже», поэтому копирую сюда то, что ввела:

Передача показаний
Лицевой счёт
270733190
Прибор учёта
№ 36022118 · Электроэнергия (день/ночь)
Предыдущие показания
День: 15 220
Ночь: 6 104
Дата: 21.11.2026
Текущие показания
День
15 611
Ночь
6 270
ОТПРАВИТЬ

Екатерина
`,
        'utf-8',
        'quoted-printable',
      ),
      html(
        `<div dir="ltr"><div>Добрый день! Приложение третий день пишет «Ошибка сервера, попробуйте позже», поэтому копирую сюда то, что ввела:</div><div><br></div><div>Передача показаний</div><div>Лицевой счёт</div><div>270733190</div><div>Прибор учёта</div><div>№ 36022118 · Электроэнергия (день/ночь)</div><div>Предыдущие показания</div><div>День: 15 220</div><div>Ночь: 6 104</div><div>Дата: 21.11.2026</div><div>Текущие показания</div><div>День</div><div>15 611</div><div>Ночь</div><div>6 270</div><div>ОТПРАВИТЬ</div><div><br></div><div>Екатерина</div></div>`,
        'utf-8',
        'quoted-printable',
      ),
    ),
    expected: {
      decision: 'accept',
      readings: [r('270733190', '36022118', 15611, 6270)],
      note: 'Text pasted from the app screen: previous readings (= registry last) and current readings; current ones are unambiguous.',
    },
  },
  {
    slug: 'fedoseeva-2',
    headers: headers({
      date: dec(21, '08:15:33'),
      from: address('Алла Федосеева', 'alla.fedoseeva@rambler.ru'),
      subject: subject('Re: Показания не приняты'),
      id: messageId('fedoseeva-2', 'plain', 'rambler.ru'),
      extra: [
        ['In-Reply-To', messageId('fedoseeva-reject', 'plain', 'khab.dvec.ru')],
        ['References', `${messageId('fedoseeva-1', 'plain', 'rambler.ru')} ${messageId('fedoseeva-reject', 'plain', 'khab.dvec.ru')}`],
        ['X-Mailer', 'Rambler Mail 2.0'],
      ],
    }),
    root: plain(
      `Добрый день. Хорошо, отправляю ещё раз, сегодня уже 21-е.
Л/с 271112093, счётчик 0804417, показания 66480.

Алла Викторовна

18.12.2026, 13:52, "Хабаровскэнергосбыт" <info@khab.dvec.ru>:
> Уважаемый клиент!
> Показания приборов учёта принимаются с 20 по 25 число каждого месяца.
> Ваше письмо от 18.12.2026 не может быть обработано. Пожалуйста, направьте
> показания повторно в установленный срок.
>
>> 18.12.2026, 13:40, "Алла Федосеева" <alla.fedoseeva@rambler.ru>:
>> Л/с 271112093, счётчик 0804417, показания 66480.
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: {
      decision: 'accept',
      readings: [r('271112093', '0804417', 66480)],
      note: 'Reply to the window-rule letter: new text repeats the reading inside the window; the quote is history.',
    },
  },
  {
    slug: 'oskina',
    headers: headers({
      date: dec(25, '17:30:00'),
      from: address('Лидия Оськина', 'lida.oskina@mail.ru'),
      subject: subject('С наступающим Новым годом! (+ показания)'),
      id: messageId('oskina', 'mailru'),
      extra: [['X-Mailer', 'Mail.Ru Mailer 1.0']],
    }),
    root: html(
      page(
        `<div>Дорогие сотрудники Энергосбыта!</div><div>&nbsp;</div><div>Поздравляю вас с наступающим Новым 2027 годом! Желаю здоровья, терпения с нами, пенсионерами, и чтобы свет в ваших домах никогда не гас!</div><div>&nbsp;</div><div>А теперь показания, чтобы два раза не писать:</div><div>лицевой счёт 270221548</div><div>счётчик 011209874</div><div>день <b>22390</b></div><div>ночь <b>9188</b></div><div>&nbsp;</div><div>С уважением, Лидия Петровна Оськина, 74 года, ул. Карла Маркса, 102</div>`,
      ),
      'utf-8',
      'base64',
    ),
    expected: {
      decision: 'accept',
      readings: [r('270221548', '011209874', 22390, 9188)],
      note: 'HTML-only holiday greeting with readings on the 25th; 2027, 74 and 102 are not readings.',
    },
  },
  {
    slug: 'orlov',
    headers: headers({
      date: dec(22, '21:44:09'),
      from: address('Геннадий Орлов', 'orlov.gena@yandex.ru'),
      subject: subject('лс 270560871 свет и тепло'),
      id: messageId('orlov', 'yandex'),
      extra: [['X-Mailer', 'Yamail [ http://yandex.ru ] 5.0']],
    }),
    root: plain(
      `Добрый вечер.
Л/с 270560871.
Электроэнергия: 19020
Отопление (теплосчётчик в квартире): 157,382 Гкал

Орлов Г.А.
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: {
      decision: 'accept',
      readings: [r('270560871', '3300917', 19020), r('270560871', 'СТУ-1-00341', 157)],
      note: 'Account has one electricity and one heat meter, so each meter is implied by its kind; heat 157 (+15 Gcal).',
    },
  },
  {
    slug: 'shtolts',
    headers: headers({
      date: dec(23, '12:10:00'),
      from: address('Марина Штольц', 'm.shtolts@inbox.ru', 'windows-1251'),
      subject: subject('Показания', 'windows-1251'),
      id: messageId('shtolts', 'outlook', 'inbox.ru'),
      extra: [['X-Mailer', 'Microsoft Outlook 14.0']],
    }),
    root: plain(
      `Добрый день!
Лицевой счёт 271904436
Счётчик ЕМ-1103-СХ
Показания 008200
Марина
`,
      'windows-1251',
      'quoted-printable',
    ),
    expected: {
      decision: 'accept',
      readings: [r('271904436', 'EM-1103-CX', 8200)],
      note: 'Serial typed in Cyrillic (Е, М, С, Х) while the registry has Latin EM-1103-CX: look-alikes are the same letter.',
    },
  },
  {
    slug: 'polyakova',
    headers: headers({
      date: dec(20, '10:02:11'),
      from: address('Надежда', 'nadezhda.p@bk.ru'),
      subject: subject('показания'),
      id: messageId('polyakova', 'mailru'),
      extra: [['X-Mailer', 'Mail.ru Mail for Android 15.2.0']],
    }),
    root: plain(
      `Добрый день, показания счетчика 26 415.
Надежда

Отправлено из Почты Mail для Android`,
      'utf-8',
      'base64',
    ),
    expected: {
      decision: 'accept',
      readings: [r('270344102', '6640218', 26415)],
      note: 'Neither account nor meter written: sender address linked to exactly one account, which has one meter.',
    },
  },
  {
    slug: 'vorontsov',
    headers: headers({
      date: dec(24, '18:05:40'),
      from: address('Максим Воронцов', 'm.vorontsov@yandex.ru'),
      subject: subject('показания гараж'),
      id: messageId('vorontsov', 'yandex'),
    }),
    root: alt(
      plain(
        `Здравствуйте. Гараж, ГСК «Мотор», бокс 118. Счётчик 5309918: 1207.
Воронцов М.
`,
        'utf-8',
        'quoted-printable',
      ),
      html(
        `<div>Здравствуйте. Гараж, ГСК «Мотор», бокс 118. Счётчик 5309918: 1207.</div><div>Воронцов М.</div>`,
        'utf-8',
        'quoted-printable',
      ),
    ),
    expected: {
      decision: 'accept',
      readings: [r('271220514', '5309918', 1207)],
      note: 'Sender linked to two accounts, but the serial is unique and implies the garage account.',
    },
  },
  {
    slug: 'amur-service',
    headers: headers({
      date: dec(21, '10:00:03'),
      from: address('Офис ООО Амур-Сервис', 'office@amur-service.ru'),
      subject: subject('Показания ПУ ООО «Амур-Сервис» л/с 274300817'),
      id: messageId('amur', 'outlook', 'amur-service.ru'),
      extra: [
        ['Cc', 'klimenko.d@amur-service.ru, ivanova.ea@amur-service.ru'],
        ['Auto-Submitted', 'no'],
        ['Thread-Topic', subject('Показания ПУ ООО «Амур-Сервис» л/с 274300817')],
        ['Thread-Index', 'AdtTL0l1kP2xZ0aWQc2pE9g3a1cBqA=='],
        ['X-MS-Has-Attach', ''],
        ['X-MS-TNEF-Correlator', ''],
        ['Content-Language', 'ru-RU'],
      ],
    }),
    root: alt(
      plain(
        `Добрый день!

ООО «Амур-Сервис», ИНН 2721154409, лицевой счёт 274300817.
Показания ПУ № 0012-5587 на 21.12.2026:
T1 = 89950
T2 = 40990

Офис-менеджер
Дарья Клименко
ООО «Амур-Сервис»
680000, г. Хабаровск, ул. Шеронова, 20, оф. 4
`,
        'utf-8',
        'quoted-printable',
      ),
      html(
        page(
          `<div class="WordSection1"><p class="MsoNormal">Добрый день!</p><p class="MsoNormal">ООО «Амур-Сервис», ИНН 2721154409, лицевой счёт 274300817.<br>Показания ПУ № 0012-5587 на 21.12.2026:<br>T1 = 89950<br>T2 = 40990</p><p class="MsoNormal">Офис-менеджер<br>Дарья Клименко<br>ООО «Амур-Сервис»<br>680000, г. Хабаровск, ул. Шеронова, 20, оф. 4</p></div>`,
        ),
        'utf-8',
        'quoted-printable',
      ),
    ),
    expected: {
      decision: 'accept',
      readings: [r('274300817', '0012-5587', 89950, 40990)],
      note: 'Company mail carrying Auto-Submitted: no, which marks a human message; INN and postcode are not readings.',
    },
  },
  {
    slug: 'kim-stasya',
    headers: headers({
      date: dec(22, '18:44:10'),
      from: address('Станислава Ким', 'stasya.kim@gmail.com'),
      subject: subject('Показания'),
      id: messageId('kim-stasya', 'gmail'),
    }),
    root: mixed(
      alt(
        plain('Л/с 271650339, показания на фото.\n', 'utf-8', '7bit'),
        html('<div dir="auto">Л/с 271650339, показания на фото.</div>', 'utf-8', 'quoted-printable'),
      ),
      image(meterPhoto('04517', '3', 17), 'IMG_20261222_184410.png'),
    ),
    expected: {
      decision: 'accept',
      readings: [r('271650339', '10442871', 4517)],
      note: '[photo] Only the account in text; the photo is sharp: black wheels 04517 and a red tenths wheel 3 -> 4517 (+116). One meter on the account.',
    },
  },
  {
    slug: 'belov',
    headers: headers({
      date: dec(24, '07:58:21'),
      from: address('Артём Белов', 'artem.belov@me.com'),
      subject: subject('Показания 270877265'),
      id: messageId('belov', 'apple', 'me.com'),
      extra: [['X-Mailer', 'Apple Mail (2.3774.200.91.1.1)']],
    }),
    root: alt(
      plain(
        `Доброе утро!
Л/с 270877265, счётчик 08811304.
Т1 15 003
Т2 7 441
Фото дневного табло прикладываю.

Артём
`,
        'utf-8',
        'quoted-printable',
      ),
      related(
        html(
          `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word;"><div>Доброе утро!</div><div>Л/с 270877265, счётчик 08811304.</div><div>Т1 15 003</div><div>Т2 7 441</div><div>Фото дневного табло прикладываю.</div><div><img src="cid:8D1F2A77-3C55-4E0B-9A1E-4B0B7C6E1D01" alt="IMG_4471.png"></div><div><br></div><div>Артём</div></body></html>`,
          'utf-8',
          'quoted-printable',
        ),
        image(meterPhoto('015003', '6', 18), 'IMG_4471.png', '8D1F2A77-3C55-4E0B-9A1E-4B0B7C6E1D01'),
      ),
    ),
    expected: {
      decision: 'accept',
      readings: [r('270877265', '08811304', 15003, 7441)],
      note: 'Apple Mail with an inline photo of the day register showing 015003 — consistent with the text.',
    },
  },
  {
    slug: 'dorofeev',
    headers: headers({
      date: dec(19, '22:40:00', '+0300'),
      from: address('Олег Дорофеев', 'dorofeev.oleg@rambler.ru'),
      subject: subject('Показания за декабрь'),
      id: messageId('dorofeev', 'plain', 'rambler.ru'),
    }),
    root: plain(
      `Добрый вечер! Я сейчас в командировке в Москве, жена продиктовала показания по телефону.
Лицевой счёт 272511306, счётчик 6600412, показания 9395.
Олег Дорофеев
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: {
      decision: 'accept',
      readings: [r('272511306', '6600412', 9395)],
      note: 'Date 19 Dec 22:40 +0300 is 20 Dec 05:40 in Vladivostok: inside the window.',
    },
  },
  {
    slug: 'sadykova',
    headers: headers({
      date: dec(25, '23:51:00'),
      from: address('Ирина Садыкова', 'sadykova.ira@mail.ru'),
      subject: subject('успеваю?'),
      id: messageId('sadykova', 'mailru'),
      extra: [['X-Mailer', 'Mail.ru iOS 14.88']],
    }),
    root: plain(
      `Добрый вечер, надеюсь успеваю, только со смены.
лс 271388021 счетчик 7701554
день 30402
ночь 13015
Ирина, медсестра приёмного отделения 😊
`,
      'utf-8',
      'base64',
    ),
    expected: {
      decision: 'accept',
      readings: [r('271388021', '7701554', 30402, 13015)],
      note: '25 Dec 23:51 Vladivostok time: last minutes of the window.',
    },
  },
  {
    slug: 'zueva',
    headers: headers({
      date: dec(25, '13:30:00', '+0000'),
      from: address('Полина Зуева', 'polina.zueva@outlook.com'),
      subject: subject('Meter readings / показания'),
      id: messageId('zueva', 'outlook', 'AS8PR04MB8341.eurprd04.prod.outlook.com'),
      extra: [
        ['Thread-Topic', subject('Meter readings / показания')],
        ['Thread-Index', 'AQHbVkT0x7Qm3d1aZkK2pW1b9f0t8w=='],
        ['Accept-Language', 'ru-RU, en-US'],
        ['Content-Language', 'ru-RU'],
        ['X-MS-Has-Attach', ''],
      ],
    }),
    root: alt(
      plain(
        `Здравствуйте! Пишу за родителей (сама учусь в Новосибирске).
Л/с 270199467, счётчик 2230419, показания 4522.
Спасибо!
Полина
`,
        'utf-8',
        'base64',
      ),
      html(
        page(
          `<div style="font-family: Aptos, sans-serif; font-size: 12pt;">Здравствуйте! Пишу за родителей (сама учусь в Новосибирске).<br>Л/с 270199467, счётчик 2230419, показания 4522.<br>Спасибо!<br>Полина</div>`,
        ),
        'utf-8',
        'base64',
      ),
    ),
    expected: {
      decision: 'accept',
      readings: [r('270199467', '2230419', 4522)],
      note: 'Date in UTC: 25 Dec 13:30 +0000 is 25 Dec 23:30 in Vladivostok, inside the window.',
    },
  },
  {
    slug: 'lyubimov',
    headers: headers({
      date: dec(20, '23:05:17'),
      from: address('Владимир Любимов', 'vl@lyubimov.dv.ru', 'koi8-r', 'Q'),
      subject: subject('показания', 'koi8-r', 'Q'),
      id: '<20261220130517.GA4471@lyubimov.dv.ru>',
      extra: [['User-Agent', 'Mutt/2.2.12 (2023-09-09)']],
    }),
    root: plain(
      `Добрый вечер.

Л/с 270987650
Счётчик 77410-20
Показания: 50600

-- 
Владимир Любимов
"Unix -- это просто. Но надо быть гением, чтобы понять простоту." (Д. Ритчи)
`,
      'koi8-r',
      '8bit',
    ),
    expected: {
      decision: 'accept',
      readings: [r('270987650', '77410-20', 50600)],
      note: 'Mutt, KOI8-R 8bit, serial with a dash, sig separator.',
    },
  },
  {
    slug: 'tarasenko',
    headers: headers({
      date: dec(21, '16:47:30'),
      from: address('Тарасенко Людмила', 'tarasenko.lm@mail.ru', 'windows-1251'),
      subject: subject('показания электросчётчика', 'windows-1251'),
      id: messageId('tarasenko', 'outlook', 'mail.ru'),
      extra: [['X-Mailer', 'Microsoft Outlook 14.0']],
    }),
    root: plain(
      `Здравствуйте!
Передаю показания электросчётчика.
Лицевой счет № 271002354
Счетчик № 0130088
День: 78 900,4
Ночь: 35 406,8
Тарасенко Л.М.
`,
      'windows-1251',
      'base64',
    ),
    expected: {
      decision: 'accept',
      readings: [r('271002354', '0130088', 78900, 35406)],
      note: 'windows-1251 base64; values with thousand spaces and decimal comma -> integer parts.',
    },
  },
  {
    slug: 'pak',
    headers: headers({
      date: dec(23, '19:19:19'),
      from: address('Сергей Пак', 'pak.sergey@bk.ru'),
      subject: subject('Показания эл.энергии'),
      id: messageId('pak', 'mailru'),
    }),
    root: plain(
      `Добрый вечер
ЛС 270300912
Прибор учета 48819002
Показания 12345,67 кВт*ч
`,
      'utf-8',
      '8bit',
    ),
    expected: {
      decision: 'accept',
      readings: [r('270300912', '48819002', 12345)],
      note: 'Electronic meter with two decimals: 12345,67 -> 12345.',
    },
  },
  {
    slug: 'ponomarenko',
    headers: headers({
      date: dec(24, '13:00:45'),
      from: address('Евгений Пономаренко', 'ponomarenko.ev@mail.ru'),
      subject: subject('теплосчётчик'),
      id: messageId('ponomarenko', 'mailru'),
    }),
    root: plain(
      `Добрый день! Передаю показания квартирного теплосчётчика.
Л/с 271760400, ВКТ-7-1902
Q = 23,417 Гкал
Пономаренко Е.
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: {
      decision: 'accept',
      readings: [r('271760400', 'ВКТ-7-1902', 23)],
      note: 'Heat meter only: 23,417 Gcal -> 23 (+4 over last 19).',
    },
  },
  {
    slug: 'chernyshev',
    headers: headers({
      date: dec(20, '17:35:00'),
      from: address('Андрей Чернышёв', 'chernyshev.a@yandex.ru'),
      subject: subject('Показания частный дом'),
      id: messageId('chernyshev', 'yandex'),
    }),
    root: plain(
      `Здравствуйте.
Частный дом, с. Ильинка, ул. Луговая, 5. Л/с 272700145.
Дом (двухтарифный, № 3100457): день 40890, ночь 20655.
Баня/мастерская (№ 3100812): 2270.
Чернышёв А.В.
`,
      'utf-8',
      'base64',
    ),
    expected: {
      decision: 'accept',
      readings: [r('272700145', '3100457', 40890, 20655), r('272700145', '3100812', 2270)],
      note: 'Two electricity meters on one account, each named by serial.',
    },
  },
  {
    slug: 'rakhimova',
    headers: headers({
      date: dec(23, '12:30:12'),
      from: address('Юлия Рахимова', 'yulia.rakhimova@gmail.com'),
      subject: subject('Показания за маму'),
      id: messageId('rakhimova', 'gmail'),
    }),
    root: alt(
      plain(
        `Здравствуйте! Передаю показания за маму, Семёнову Валентину Ивановну.
Лицевой счёт 270845512
Счётчик 5512009
Показания 11504
Спасибо!
Юлия
`,
        'utf-8',
        'quoted-printable',
      ),
      html(
        `<div dir="ltr">Здравствуйте! Передаю показания за маму, Семёнову Валентину Ивановну.<br>Лицевой счёт 270845512<br>Счётчик 5512009<br>Показания 11504<br>Спасибо!<br>Юлия</div>`,
        'utf-8',
        'quoted-printable',
      ),
    ),
    expected: {
      decision: 'accept',
      readings: [r('270845512', '5512009', 11504)],
      note: 'Daughter writes from her own unlinked address; account and meter explicit.',
    },
  },
  {
    slug: 'tehnostroy',
    headers: headers({
      date: dec(21, '11:41:09'),
      from: address('Бухгалтерия ТехноСтрой', 'tehnostroy.buh@mail.ru', 'windows-1251'),
      subject: subject('Показания ООО ТехноСтрой', 'windows-1251'),
      id: messageId('tehnostroy', 'outlook', 'mail.ru'),
      extra: [['X-Mailer', OUTLOOK]],
    }),
    root: html(
      page(
        `<div class=WordSection1><p class=MsoNormal>Добрый день!</p>
<p class=MsoNormal>ООО «ТехноСтрой», лицевой счёт 274500231.</p>
<p class=MsoNormal>Показания прибора учёта ЦЭ-009447 на 21.12.2026: <b>152900</b> кВт·ч.</p>
<p class=MsoNormal>&nbsp;</p>
<p class=MsoNormal>С уважением,<br>бухгалтер Ващенко Ольга<br>тел. (4212) 30-44-18</p></div>`,
        'windows-1251',
      ),
      'windows-1251',
      'quoted-printable',
    ),
    expected: {
      decision: 'accept',
      readings: [r('274500231', 'ЦЭ-009447', 152900)],
      note: 'HTML-only Outlook, windows-1251 QP; Cyrillic serial; +2700 for an office.',
    },
  },
  {
    slug: 'tyan-k',
    headers: headers({
      date: dec(22, '07:02:33'),
      from: 'k.tyan@ya.ru',
      subject: subject('пок'),
      id: messageId('tyan', 'yandex'),
    }),
    root: plain('270611873 2204117 15671 6022\n', 'us-ascii', '7bit'),
    expected: {
      decision: 'accept',
      readings: [r('270611873', '2204117', 15671, 6022)],
      note: 'SMS format from the announcement (account, meter, day, night); every token matches the registry.',
    },
  },
  {
    slug: 'goldberg',
    headers: headers({
      date: dec(21, '22:10:00'),
      from: address('Ксения Гольдберг', 'ksenia.goldberg@icloud.com'),
      subject: subject('Показания счётчика'),
      id: messageId('goldberg', 'apple', 'icloud.com'),
      extra: [['X-Mailer', 'Apple Mail (2.3774.200.91.1.1)']],
    }),
    root: alt(
      plain(
        `Добрый вечер!

Лицевой счёт: 271455089
Счётчик: AB-0042118
Т1 (день): 61022
Т2 (ночь): 30118

Хороших праздников!
Ксения

--
Ксения Гольдберг
дизайнер интерьеров
+7 924 118-40-22
`,
        'utf-8',
        'quoted-printable',
      ),
      html(
        `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word;">Добрый вечер!<div><br></div><div>Лицевой счёт: 271455089</div><div>Счётчик: AB-0042118</div><div>Т1 (день): 61022</div><div>Т2 (ночь): 30118</div><div><br></div><div>Хороших праздников!</div><div>Ксения</div><div><br><div>--<br>Ксения Гольдберг<br>дизайнер интерьеров<br>+7 924 118-40-22</div></div></body></html>`,
        'utf-8',
        'quoted-printable',
      ),
    ),
    expected: {
      decision: 'accept',
      readings: [r('271455089', 'AB-0042118', 61022, 30118)],
      note: 'Apple Mail; phone number in the signature is not a reading.',
    },
  },
  {
    slug: 'lemeshko',
    headers: headers({
      date: dec(24, '20:20:00'),
      from: address('Татьяна Лемешко', 'lemeshko.t@mail.ru'),
      subject: subject('С Новым годом и Рождеством!'),
      id: messageId('lemeshko', 'mailru'),
      extra: [['X-Mailer', 'Mail.Ru Mailer 1.0']],
    }),
    root: related(
      html(
        page(
          `<p>Здравствуйте, дорогие девочки из абонентского отдела!</p><p>С наступающим Новым годом и Рождеством! Открытку рисовал внук.</p><p><img src="cid:card2027@lemeshko" alt="открытка"></p><p>Показания: л/с 272100777, счётчик 1009832 — <b>18120</b>.</p><p>Татьяна Ивановна</p>`,
        ),
        'utf-8',
        'base64',
      ),
      image(postcard('2027', 31), 'otkrytka.png', 'card2027@lemeshko'),
    ),
    expected: {
      decision: 'accept',
      readings: [r('272100777', '1009832', 18120)],
      note: 'Inline postcard reads "2027" — a greeting, not a meter photo; the reading is in the text.',
    },
  },
  {
    slug: 'boyko',
    headers: headers({
      date: dec(23, '08:48:00'),
      from: address('Аркадий Бойко', 'boyko.arkady@inbox.ru', 'koi8-r'),
      subject: subject('Показания', 'koi8-r'),
      id: '<4471903.LqB2zT0kCw@arkady-desktop>',
      extra: [['User-Agent', 'KMail/5.24.3 (Linux/6.6.0-gentoo; KDE/6.8.0; x86_64)']],
    }),
    root: plain(
      `Здравствуйте.
ЛС 270477018, ПУ 6021880, показания 20700 кВт*ч.
Бойко А.
`,
      'koi8-r',
      'base64',
    ),
    expected: {
      decision: 'accept',
      readings: [r('270477018', '6021880', 20700)],
      note: 'KMail, KOI8-R base64.',
    },
  },
  {
    slug: 'sokolova',
    headers: headers({
      date: dec(24, '11:56:00'),
      from: address('Людмила Соколова', 'l.sokolova@list.ru'),
      subject: subject('Показания две квартиры'),
      id: messageId('sokolova', 'mailru'),
    }),
    root: alt(
      plain(
        `Добрый день!
Показания по двум квартирам:
1) моя, л/с 271330601 — 5742
2) сына, л/с 271330628 — день 10120, ночь 4190
Соколова Л.Н.
`,
        'utf-8',
        'base64',
      ),
      html(
        page(
          `<div>Добрый день!</div><div>Показания по двум квартирам:</div><div>1) моя, л/с 271330601 — 5742</div><div>2) сына, л/с 271330628 — день 10120, ночь 4190</div><div>Соколова Л.Н.</div>`,
        ),
        'utf-8',
        'base64',
      ),
    ),
    expected: {
      decision: 'accept',
      readings: [r('271330601', '8830110', 5742), r('271330628', '8830245', 10120, 4190)],
      note: 'Sender linked to two accounts and names both; each account has one meter, which is implied.',
    },
  },
  {
    slug: 'melnikov',
    headers: headers({
      date: dec(22, '09:40:00'),
      from: address('Мельников Игорь', 'melnikov.igor@yandex.ru'),
      subject: subject('RE: Показания 271006712'),
      id: messageId('melnikov', 'outlook', 'yandex.ru'),
      extra: [['X-Mailer', OUTLOOK]],
    }),
    root: plain(
      `Показания на 22.12: 33520

Мельников И.

-----Original Message-----
From: Мельников Игорь <melnikov.igor@yandex.ru>
Sent: Monday, November 23, 2026 9:12 AM
To: info@khab.dvec.ru
Subject: Показания 271006712

Л/с 271006712, счетчик 30044118, показания 33100.
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: {
      decision: 'accept',
      readings: [r('271006712', '30044118', 33520)],
      note: 'Top-posted reply: new value 33520; account from the subject line he wrote; 33100 is November history in the quote; one meter on the account.',
    },
  },
  {
    slug: 'yasinsky',
    headers: headers({
      date: dec(20, '12:00:00'),
      from: address('Григорий Ясинский', 'yasinsky.g@mail.ru'),
      subject: subject('Re: Ваши показания приняты'),
      id: messageId('yasinsky', 'thunderbird', 'mail.ru'),
      extra: [['User-Agent', THUNDERBIRD]],
    }),
    root: plain(
      `20.11.2026 10:12, Хабаровскэнергосбыт пишет:
> Ваши показания приняты.
> Лицевой счёт: 272910006
> Прибор учёта: 7733210
> Показания: 88104

Добрый день. Новые показания по тому же счётчику: 88560.

Г. Ясинский
`,
      'utf-8',
      '8bit',
      true,
    ),
    expected: {
      decision: 'accept',
      readings: [r('272910006', '7733210', 88560)],
      note: 'Bottom-posted reply; the quoted 88104 is history. Sender linked to one account with one meter.',
    },
  },
  {
    slug: 'school12',
    headers: headers({
      date: dec(21, '14:25:00'),
      from: address('Завхоз СОШ № 12', 'school12.zavhoz@mail.ru', 'windows-1251'),
      subject: subject('СОШ №12 показания ПУ декабрь', 'windows-1251'),
      id: messageId('school12', 'outlook', 'mail.ru'),
      extra: [['X-Mailer', OUTLOOK]],
    }),
    root: mixed(
      plain(
        `Добрый день!
Направляем показания приборов учёта МБОУ СОШ № 12 (л/с 274800505) за декабрь 2026 г., файл во вложении.

Заместитель директора по АХР
Фомин Н.Н.
`,
        'windows-1251',
        'quoted-printable',
      ),
      {
        kind: 'text',
        subtype: 'csv',
        text: 'Лицевой счёт;Прибор учёта;Т1;Т2\n274800505;ZM-118-001;203900;99850\n274800505;ZM-118-002;51800;\n',
        charset: 'windows-1251',
        cte: 'base64',
        filename: 'pokazaniya_dekabr_2026.csv',
        disposition: 'attachment',
      },
    ),
    expected: {
      decision: 'accept',
      readings: [r('274800505', 'ZM-118-001', 203900, 99850), r('274800505', 'ZM-118-002', 51800)],
      note: 'School; readings only in the attached CSV (windows-1251, semicolons).',
    },
  },
  {
    slug: 'khan',
    headers: headers({
      date: dec(22, '13:13:13'),
      from: address('Юрий Хан', 'khan.yuri@rambler.ru'),
      subject: subject('Опять по среднему!!!'),
      id: messageId('khan', 'plain', 'rambler.ru'),
    }),
    root: plain(
      `Сколько можно?! В ноябре я передавал показания, а в квитанции опять «начислено по среднему», 1 874 руб. 60 коп.! Разберитесь наконец.

Вот показания на сегодня, и чтобы в этот раз учли:
л/с 270150226, счётчик 1500311
Т1=12 804 кВт*ч
Т2=6 301 кВт*ч

Хан Ю.
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: {
      decision: 'accept',
      readings: [r('270150226', '1500311', 12804, 6301)],
      note: 'Complaint WITH readings: the readings themselves are unambiguous, so accept (the rules send only complaints without readings to review). The sum 1 874 is money.',
    },
  },
  {
    slug: 'lysenko',
    headers: headers({
      date: dec(23, '21:21:00'),
      from: address('Оксана Лысенко', 'oksana.lysenko@mail.ru'),
      subject: subject('показания'),
      id: messageId('lysenko', 'mailru'),
      extra: [['X-Mailer', 'Mail.Ru Mailer 1.0']],
    }),
    root: html(
      `<div>Здравствуйте</div><div>&nbsp;</div><div>Лицевой 271600944</div><div>Счетчик 08-770155</div><div>Показания <span style="color:#ff0000">70450</span></div><div>&nbsp;</div><div>--<br>Оксана</div>`,
      'utf-8',
      'base64',
    ),
    expected: {
      decision: 'accept',
      readings: [r('271600944', '08-770155', 70450)],
      note: 'HTML-only mail.ru, base64, no <html> wrapper.',
    },
  },
  {
    slug: 'gareev',
    headers: headers({
      date: dec(22, '03:05:10'),
      from: address('Руслан Гареев', 'gareev.ruslan@mail.ru'),
      subject: subject('Показания'),
      id: '<u5l0k8r3d2q1-a7f2c9e1b4d6@email.android.com>',
    }),
    root: alt(
      plain(
        `Лс 270522719 счетчик 4481063 показания 41395


Отправлено с устройства Samsung Galaxy`,
        'utf-8',
        'base64',
      ),
      html(
        `<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body><div dir="auto">Лс 270522719 счетчик 4481063 показания 41395</div><div dir="auto"><br></div><div dir="auto"><br></div><div dir="auto">Отправлено с устройства Samsung Galaxy</div></body></html>`,
        'utf-8',
        'base64',
      ),
    ),
    expected: {
      decision: 'accept',
      readings: [r('270522719', '4481063', 41395)],
      note: 'Samsung Email at 3 a.m.',
    },
  },
  {
    slug: 'kafe-uyut',
    headers: headers({
      date: dec(21, '15:40:00'),
      from: address('Кафе Уют', 'kafe.uyut@yandex.ru'),
      subject: subject('показания кафе Уют'),
      id: messageId('uyut', 'yandex'),
    }),
    root: plain(
      `Добрый день! Кафе «Уют», л/с 274600017, счётчик CE-301-558812.
Ночь — 5120
День — 14260
Администратор Алина
`,
      'utf-8',
      'base64',
    ),
    expected: {
      decision: 'accept',
      readings: [r('274600017', 'CE-301-558812', 14260, 5120)],
      note: 'Night written before day; zones follow the labels.',
    },
  },
  {
    slug: 'koval',
    headers: headers({
      date: dec(23, '17:17:00'),
      from: address('Фёдор Коваль', 'koval.fedor@list.ru'),
      subject: subject('показания'),
      id: messageId('koval', 'mailru'),
    }),
    root: plain(
      `Здравствуйте. Л/с 270-104-558, счётчик № 00 45 11, показания 10020.
Коваль
`,
      'utf-8',
      '8bit',
    ),
    expected: {
      decision: 'accept',
      readings: [r('270104558', '004511', 10020)],
      note: 'Account and serial written with dashes/spaces as printed on the bill.',
    },
  },
  {
    slug: 'kim-minjun',
    headers: headers({
      date: dec(20, '20:00:00'),
      from: address('Kim Min-jun', 'minjun.kim@naver.com'),
      subject: 'Electricity meter reading',
      id: messageId('minjun', 'plain', 'naver.com'),
    }),
    root: plain(
      `Hello,

I am a Korean language teacher renting an apartment at Dikopoltseva st. 29, apt. 15.
Account 271099002, meter 6600981, reading 3315.
Sorry, I do not write Russian well.

Best regards,
Kim Min-jun
`,
      'us-ascii',
      '7bit',
    ),
    expected: {
      decision: 'accept',
      readings: [r('271099002', '6600981', 3315)],
      note: 'English, 7bit ASCII.',
    },
  },
  {
    slug: 'zaitsev',
    headers: headers({
      date: dec(24, '10:10:10'),
      from: address('Зайцев', 'zaitsev1951@mail.ru', 'windows-1251'),
      subject: subject('л/с 270813334 показания 17702', 'windows-1251'),
      id: messageId('zaitsev', 'outlook', 'ZAITSEV'),
      extra: [
        ['X-Mailer', 'Microsoft Outlook Express 6.00.2900.5931'],
        ['X-MimeOLE', 'Produced By Microsoft MimeOLE V6.00.2900.6157'],
      ],
    }),
    root: plain('\n', 'windows-1251', '8bit'),
    expected: {
      decision: 'accept',
      readings: [r('270813334', '3309871', 17702)],
      note: 'Everything in the subject, empty body; one meter on the account.',
    },
  },
];
