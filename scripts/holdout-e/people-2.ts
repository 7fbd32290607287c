// Residents and organisations of the December 2026 reading week, part 2.
import { meterPhoto, unreadablePhoto } from './png.js';
import type { MessageSpec } from './spec.js';
import { address, alt, dec, headers, html, image, messageId, mixed, page, plain, r, subject } from './spec.js';

const REJECT_LETTER = `> Уважаемый клиент!
> Показания приборов учёта принимаются с 20 по 25 число каждого месяца.
> Ваше письмо от DATE не может быть обработано. Пожалуйста, направьте
> показания повторно в установленный срок.`;

export const PEOPLE_2: MessageSpec[] = [
  {
    slug: 'efimov',
    headers: headers({
      date: dec(21, '12:12:00'),
      from: address('Борис Ефимов', 'efimov.boris@mail.ru'),
      subject: subject('показания'),
      id: messageId('efimov', 'mailru'),
    }),
    root: plain(
      `Добрый день.
Лицевой счёт 270764003, счётчик 1180224.
Показания на сегодня 12.345
За ноябрь оплатил 2.350 руб., квитанцию получил.
Ефимов Б.Г.
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: {
      decision: 'review',
      readings: [r('270764003', '1180224', 12345)],
      note: 'He writes thousands with a dot (2.350 руб.): "12.345" means 12345, but read by the rule it is 12, below last 12100 — a clerk must interpret; best reading 12345.',
    },
  },
  {
    slug: 'guskova',
    headers: headers({
      date: dec(20, '19:05:00'),
      from: address('Наталья Гуськова', 'guskova.nat@yandex.ru'),
      subject: subject('показания'),
      id: messageId('guskova', 'yandex'),
    }),
    root: plain('Здравствуйте, л/с 271540817, счетчик 90117, показания 451877.\n', 'utf-8', '8bit'),
    expected: {
      decision: 'review',
      readings: [],
      note: 'Six digits for a five-digit counter (last 45120): an extra digit typed somewhere; 45187 or 45177 cannot be told apart.',
    },
  },
  {
    slug: 'li-veronika',
    headers: headers({
      date: dec(23, '22:30:00'),
      from: address('Вероника Ли', 'veronika.li@mail.ru'),
      subject: subject('Показания во вложении'),
      id: messageId('li-veronika', 'mailru'),
      extra: [['X-Mailer', 'Mail.ru Mail for Android 15.2.0']],
    }),
    root: mixed(
      plain('см. вложение\n\nОтправлено из мобильной Почты Mail.ru', 'utf-8', 'base64'),
      image(unreadablePhoto('07916', 41), 'IMG_20261223_222611.png'),
    ),
    expected: {
      decision: 'review',
      readings: [],
      note: 'Photo only, dark and shaken with glare; no account, meter or digit can be read.',
    },
  },
  {
    slug: 'osipov',
    headers: headers({
      date: dec(21, '21:10:00'),
      from: address('Денис Осипов', 'osipov.denis@gmail.com'),
      subject: subject('Показания 271845220'),
      id: messageId('osipov', 'gmail'),
    }),
    root: mixed(
      alt(
        plain('Л/с 271845220, счётчик 60331877, показания 15230. Фото прилагаю.\n', 'utf-8', 'quoted-printable'),
        html('<div dir="ltr">Л/с 271845220, счётчик 60331877, показания 15230. Фото прилагаю.</div>', 'utf-8', 'quoted-printable'),
      ),
      image(meterPhoto('15280', '4', 55), 'IMG_20261221_210512.png'),
    ),
    expected: {
      decision: 'review',
      readings: [],
      note: 'Text says 15230, the sharp photo shows 15280: conflict between text and photo.',
    },
  },
  {
    slug: 'shevchuk',
    headers: headers({
      date: dec(22, '15:15:00'),
      from: address('Раиса Шевчук', 'raisa.shevchuk@mail.ru', 'windows-1251'),
      subject: subject('показания', 'windows-1251'),
      id: messageId('shevchuk', 'outlook', 'RAISA'),
      extra: [['X-Mailer', 'Microsoft Outlook Express 6.00.2900.5931']],
    }),
    root: plain(
      `Добрый день! Счётчик номер 000512, показания 7845. Лицевой не знаю, бумажка потерялась.
Шевчук Р.М.
`,
      'windows-1251',
      'quoted-printable',
    ),
    expected: {
      decision: 'review',
      readings: [],
      note: 'Serial 000512 exists under two accounts and the sender is not linked: account cannot be implied.',
    },
  },
  {
    slug: 'sidorenko',
    headers: headers({
      date: dec(24, '19:40:00'),
      from: address('Алексей Сидоренко', 'sidorenko.aleksei@bk.ru'),
      subject: subject('показания'),
      id: messageId('sidorenko', 'mailru'),
    }),
    root: plain('Лицевой счёт 271109330, показания 6871.\n', 'utf-8', 'base64'),
    expected: {
      decision: 'review',
      readings: [],
      note: 'Account 271109330 is not in the registry (probably 271190330 with digits swapped); no meter given.',
    },
  },
  {
    slug: 'gordeev',
    headers: headers({
      date: dec(20, '11:30:00'),
      from: address('Михаил Гордеев', 'gordeev.mv@yandex.ru'),
      subject: subject('показания'),
      id: messageId('gordeev', 'yandex'),
    }),
    root: plain(
      `Добрый день. Л/с 270633418, счетчик 2900377, показания 8344.
Счётчики у нас на площадке, два рядом.
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: {
      decision: 'review',
      readings: [],
      note: 'Meter 2900377 belongs to the neighbour\'s account 270633426, not to 270633418 (his meter is 2900341).',
    },
  },
  {
    slug: 'prokhorova',
    headers: headers({
      date: dec(22, '08:08:00'),
      from: address('Елена Прохорова', 'prokhorova.e@mail.ru'),
      subject: subject('показания'),
      id: messageId('prokhorova', 'mailru'),
    }),
    root: plain('Доброе утро. ЛС 271270455, счетчик 57002231, показания 25640.\n', 'utf-8', '8bit'),
    expected: {
      decision: 'review',
      readings: [],
      note: 'Two-zone meter, one value given: wrong number of zone values.',
    },
  },
  {
    slug: 'shmidt',
    headers: headers({
      date: dec(23, '10:45:00'),
      from: address('Виктор Шмидт', 'shmidt.v@inbox.ru'),
      subject: subject('замена счётчика'),
      id: messageId('shmidt', 'mailru'),
    }),
    root: plain(
      `Здравствуйте. Лицевой счёт 270941226. В начале декабря электрик из управляющей компании поменял счётчик, старый сломался. Номер нового не записал, показания нового 00087.
Акт замены у меня на руках, могу принести.
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: {
      decision: 'review',
      readings: [],
      note: 'Meter replaced: 87 is far below the registry\'s 38450 and the new serial is unknown.',
    },
  },
  {
    slug: 'revyakina',
    headers: headers({
      date: dec(24, '16:00:00'),
      from: address('Анастасия Ревякина', 'revyakina.a@gmail.com'),
      subject: subject('Показания'),
      id: messageId('revyakina', 'gmail'),
    }),
    root: alt(
      plain('Добрый день! Л/с 271422017, счётчик 4410092, показания 26500.\n', 'utf-8', 'base64'),
      html('<div dir="ltr">Добрый день! Л/с 271422017, счётчик 4410092, показания 26500.</div>', 'utf-8', 'base64'),
    ),
    expected: {
      decision: 'review',
      readings: [r('271422017', '4410092', 26500)],
      note: '+7400 kWh over last 19100 in a month: implausible (> 5000).',
    },
  },
  {
    slug: 'solovyov',
    headers: headers({
      date: dec(21, '09:09:09'),
      from: address('Павел Соловьёв', 'solovyov.pa@mail.ru'),
      subject: subject('показания свет и отопление'),
      id: messageId('solovyov', 'mailru'),
    }),
    root: plain(
      `Здравствуйте! Л/с 270289304.
Эл. счётчик 1120774 — 9212
Теплосчётчик ТЭМ-104-7783 — 145,8
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: {
      decision: 'review',
      readings: [r('270289304', '1120774', 9212), r('270289304', 'ТЭМ-104-7783', 145)],
      note: 'Heat 145 over last 80 is +65 Gcal (> 50); electricity part alone would be fine.',
    },
  },
  {
    slug: 'kudryavtseva',
    headers: headers({
      date: dec(22, '14:14:00'),
      from: address('Тамара Кудрявцева', 'kudryavtseva.t@mail.ru'),
      subject: subject('Жалоба на начисление'),
      id: messageId('kudryavtseva', 'mailru'),
    }),
    root: plain(
      `Здравствуйте!
Лицевой счёт 271777310. В квитанции за ноябрь мне начислили 4 312 руб. 50 коп., хотя обычно я плачу около 1 900. Показания я передавала 22 ноября, у меня есть подтверждение. Прошу сделать перерасчёт и ответить письменно.
Кудрявцева Т.А., ул. Тихоокеанская, 204, кв. 77
`,
      'utf-8',
      'base64',
    ),
    expected: {
      decision: 'review',
      readings: [],
      note: 'Complaint without readings; the numbers are money and address.',
    },
  },
  {
    slug: 'lapin',
    headers: headers({
      date: dec(20, '08:20:00'),
      from: address('Игорь Лапин', 'lapin.igor@yandex.ru'),
      subject: subject('вопрос'),
      id: messageId('lapin', 'yandex'),
    }),
    root: plain(
      'Здравствуйте. Подскажите, пожалуйста, можно ли передавать показания раз в два месяца, если я зимой живу у дочери? Счётчик 2-тарифный.\n',
      'utf-8',
      '8bit',
    ),
    expected: { decision: 'review', readings: [], note: 'Question, no readings.' },
  },
  {
    slug: 'mironova',
    headers: headers({
      date: dec(25, '12:00:00'),
      from: address('Зоя Андреевна Миронова', 'mironova.zoya@mail.ru'),
      subject: subject('С Новым годом!'),
      id: messageId('mironova', 'mailru'),
      extra: [['X-Mailer', 'Mail.Ru Mailer 1.0']],
    }),
    root: html(
      page(
        `<div><span style="font-size:18px;color:#c00000">Милые девушки!</span></div><div>Поздравляю с Новым 2027 годом! Спасибо, что в прошлом году разобрались с моим перерасчётом, дай вам Бог здоровья.</div><div>Показания передала через внучку в приложении.</div><div>З. А. Миронова</div>`,
      ),
      'utf-8',
      'base64',
    ),
    expected: { decision: 'review', readings: [], note: 'Holiday greeting from a person, no readings (sent through the app).' },
  },
  {
    slug: 'uzhegova-2',
    headers: headers({
      date: dec(22, '10:30:00'),
      from: address('Светлана Ужегова', 'uzhegova.sv@mail.ru'),
      subject: subject('Re: Показания не приняты'),
      id: messageId('uzhegova-2', 'mailru'),
      extra: [['In-Reply-To', messageId('uzhegova-reject', 'plain', 'khab.dvec.ru')]],
    }),
    root: plain(
      `Как это не приняты?! Я отправила 19-го в 23:59, это практически 20-е! Что мне теперь, по среднему начислять будете? Ответьте нормально, а не роботом.

20.12.2026, 00:01, "Хабаровскэнергосбыт" <info@khab.dvec.ru>:
${REJECT_LETTER.replace('DATE', '19.12.2026')}
>
>> 19.12.2026, 23:59, "Светлана Ужегова" <uzhegova.sv@mail.ru>:
>> Л/с 271633047, счётчик 3004176, показания 25311.
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: {
      decision: 'review',
      readings: [],
      note: 'Angry reply to the window-rule letter; she does not send the reading again — the only reading is quoted history.',
    },
  },
  {
    slug: 'ten',
    headers: headers({
      date: dec(23, '23:40:00'),
      from: address('Кирилл Тен', 'ten.kirill@mail.ru'),
      subject: subject('показания'),
      id: messageId('ten', 'mailru'),
    }),
    root: plain(
      `Л/с 270530671. Показания примерно 34 500, точно не разглядел — в подъезде лампочка перегорела, светил зажигалкой. Если надо, завтра пересниму.
`,
      'utf-8',
      '8bit',
    ),
    expected: {
      decision: 'review',
      readings: [r('270530671', '8220415', 34500)],
      note: 'Hedged value ("примерно", "не разглядел").',
    },
  },
  {
    slug: 'ds57-golubeva-2',
    headers: headers({
      date: dec(24, '09:15:00'),
      from: address('Голубева Нина Сергеевна', 'buh.ds57@yandex.ru', 'windows-1251'),
      subject: subject('Исправление показаний МБДОУ № 57', 'windows-1251'),
      id: messageId('ds57-2', 'outlook', 'yandex.ru'),
      extra: [['X-Mailer', 'Microsoft Outlook 16.0']],
    }),
    root: plain(
      `Добрый день!
В письме от 22.12.2026 допущена опечатка. По прибору учёта E-2019-0532 (л/с 272004571) верное показание 212015, а не 212105.
Прошу принять исправленное значение.

Главный бухгалтер
Голубева Н.С.
`,
      'windows-1251',
      'quoted-printable',
    ),
    expected: {
      decision: 'review',
      readings: [r('272004571', 'E-2019-0532', 212015)],
      note: 'Correction of a reading sent two days earlier: the clerk has to replace the earlier one, not just add a new reading.',
    },
  },
  {
    slug: 'baranov',
    headers: headers({
      date: dec(21, '13:00:00'),
      from: address('Олег Баранов', 'baranov.oleg@yandex.ru'),
      subject: subject('Fwd: показания'),
      id: messageId('baranov', 'yandex'),
    }),
    root: plain(
      `Пересылаю, по ошибке отправил на старый адрес.

-------- Пересылаемое сообщение --------
20.12.2026, 21:14, "Олег Баранов" <baranov.oleg@yandex.ru>:
Кому: info@khab-esb.ru;
Тема: показания

Л/с 271015522, счётчик 9910233, показания 27940.

-------- Конец пересылаемого сообщения --------
`,
      'utf-8',
      'base64',
    ),
    expected: {
      decision: 'review',
      readings: [r('271015522', '9910233', 27940)],
      note: 'Readings only inside a forwarded earlier message (forward history is not a new reading), although his intent is plain.',
    },
  },
  {
    slug: 'nikitin',
    headers: headers({
      date: dec(22, '19:00:00'),
      from: address('Павел Никитин', 'p.nikitin@inbox.ru'),
      subject: subject('показания'),
      id: messageId('nikitin', 'mailru'),
    }),
    root: plain('Добрый вечер! Показания счётчика: 5801.\nП. Никитин\n', 'utf-8', 'quoted-printable'),
    expected: {
      decision: 'review',
      readings: [],
      note: 'Sender linked to two accounts, no account or meter given: which flat is unknown.',
    },
  },
  {
    slug: 'tszh-severny',
    headers: headers({
      date: dec(23, '16:30:00'),
      from: address('ТСЖ Северный', 'tszh.severny@mail.ru'),
      subject: subject('Показания по квартирам ТСЖ Северный'),
      id: messageId('tszh', 'mailru'),
    }),
    root: alt(
      plain(
        `Добрый день. ТСЖ «Северный» передаёт показания по квартирам, чьи собственники в отъезде:
кв. 12 — л/с 272600215, сч. 4400551 — 20388
кв. 15 — л/с 272600223, сч. 4400552 — 14590
кв. 31 — л/с 272600231, сч. 4400609 — 8811
Председатель правления Малахова Е.В.
`,
        'utf-8',
        'quoted-printable',
      ),
      html(
        page(
          `<div>Добрый день. ТСЖ «Северный» передаёт показания по квартирам, чьи собственники в отъезде:</div><ul><li>кв. 12 — л/с 272600215, сч. 4400551 — 20388</li><li>кв. 15 — л/с 272600223, сч. 4400552 — 14590</li><li>кв. 31 — л/с 272600231, сч. 4400609 — 8811</li></ul><div>Председатель правления Малахова Е.В.</div>`,
        ),
        'utf-8',
        'quoted-printable',
      ),
    ),
    expected: {
      decision: 'review',
      readings: [r('272600215', '4400551', 20388), r('272600223', '4400552', 14590)],
      note: 'Three flats; the third account 272600231 and meter 4400609 are not in the registry, so the message is not fully unambiguous.',
    },
  },
  {
    slug: 'galstyan',
    headers: headers({
      date: dec(24, '12:45:00'),
      from: address('Артур Галстян', 'galstyan.artur@gmail.com'),
      subject: subject('новый собственник'),
      id: messageId('galstyan', 'gmail'),
    }),
    root: plain(
      `Здравствуйте! Я купил квартиру в ноябре (ул. Пушкина, 54, кв. 9), лицевой счёт на меня ещё не переоформили. Счётчик 77001234, показания 00312. Куда их учитывать?
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: { decision: 'review', readings: [], note: 'New owner: meter not in the registry, no account.' },
  },
  {
    slug: 'belkina',
    headers: headers({
      date: dec(27, '11:00:00'),
      from: address('Нина Белкина', 'belkina.nina@mail.ru'),
      subject: subject('пропустила срок'),
      id: messageId('belkina', 'mailru'),
    }),
    root: plain(
      'Здравствуйте, я пропустила срок, можно ли сейчас передать показания или ждать до 20 января?\n',
      'utf-8',
      'base64',
    ),
    expected: { decision: 'review', readings: [], note: 'Outside the window but carries no readings: a question, not a rejected submission.' },
  },
  // --- submissions outside the window
  {
    slug: 'fedoseeva-1',
    headers: headers({
      date: dec(18, '13:40:00'),
      from: address('Алла Федосеева', 'alla.fedoseeva@rambler.ru'),
      subject: subject('Показания'),
      id: messageId('fedoseeva-1', 'plain', 'rambler.ru'),
      extra: [['X-Mailer', 'Rambler Mail 2.0']],
    }),
    root: plain(
      `Добрый день!
Л/с 271112093, счётчик 0804417, показания 66480.

Алла Викторовна
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: { decision: 'reject', readings: [r('271112093', '0804417', 66480)], note: '18 December: before the window.' },
  },
  {
    slug: 'kirillov',
    headers: headers({
      date: dec(19, '21:00:00'),
      from: address('Эдуард Кириллов', 'kirillov.eb@yandex.ru'),
      subject: subject('Показания заранее'),
      id: messageId('kirillov', 'yandex'),
    }),
    root: alt(
      plain(
        `Добрый вечер. Отправляю заранее, с 20-го улетаю к сыну в Краснодар на праздники.
Л/с 272350118, счётчик 8012296, показания 14490.
Кириллов Э.Б.
`,
        'utf-8',
        'base64',
      ),
      html(
        `<div>Добрый вечер. Отправляю заранее, с 20-го улетаю к сыну в Краснодар на праздники.</div><div>Л/с 272350118, счётчик 8012296, показания 14490.</div><div>Кириллов Э.Б.</div>`,
        'utf-8',
        'base64',
      ),
    ),
    expected: { decision: 'reject', readings: [r('272350118', '8012296', 14490)], note: '19 December evening: before the window.' },
  },
  {
    slug: 'uzhegova-1',
    headers: headers({
      date: dec(19, '23:59:00'),
      from: address('Светлана Ужегова', 'uzhegova.sv@mail.ru'),
      subject: subject('показания'),
      id: messageId('uzhegova-1', 'mailru'),
    }),
    root: plain('Л/с 271633047, счётчик 3004176, показания 25311.\n', 'utf-8', 'quoted-printable'),
    expected: { decision: 'reject', readings: [r('271633047', '3004176', 25311)], note: '19 Dec 23:59 Vladivostok: one minute before the window.' },
  },
  {
    slug: 'golovko',
    headers: headers({
      date: dec(26, '00:10:00'),
      from: address('Артём Головко', 'golovko.artem@gmail.com'),
      subject: subject('показания'),
      id: messageId('golovko', 'gmail'),
    }),
    root: alt(
      plain('Не успел вчера, вот: л/с 270144908, счётчик 0552031, день 31380, ночь 14260.\n', 'utf-8', 'quoted-printable'),
      html('<div dir="ltr">Не успел вчера, вот: л/с 270144908, счётчик 0552031, день 31380, ночь 14260.</div>', 'utf-8', 'quoted-printable'),
    ),
    expected: { decision: 'reject', readings: [r('270144908', '0552031', 31380, 14260)], note: '26 Dec 00:10: ten minutes after the window closed.' },
  },
  {
    slug: 'morozov',
    headers: headers({
      date: dec(25, '08:30:00', '-0800'),
      from: address('Alex Morozov', 'alex.morozov.sea@gmail.com'),
      subject: subject('Показания за родителей'),
      id: messageId('morozov', 'gmail'),
    }),
    root: alt(
      plain(
        `Здравствуйте! Пишу из Сиэтла за родителей (Морозовы, ул. Запарина, 90).
Л/с 271808843, счётчик 2277015, показания 9611 — папа продиктовал по видеосвязи.
С Рождеством!
Alex
`,
        'utf-8',
        'base64',
      ),
      html(
        `<div dir="ltr">Здравствуйте! Пишу из Сиэтла за родителей (Морозовы, ул. Запарина, 90).<br>Л/с 271808843, счётчик 2277015, показания 9611 — папа продиктовал по видеосвязи.<br>С Рождеством!<br>Alex</div>`,
        'utf-8',
        'base64',
      ),
    ),
    expected: {
      decision: 'reject',
      readings: [r('271808843', '2277015', 9611)],
      note: '25 Dec 08:30 -0800 is 26 Dec 02:30 in Vladivostok: after the window, although it is still the 25th for the sender.',
    },
  },
  {
    slug: 'vainshtein',
    headers: headers({
      date: dec(19, '15:00:00', '+0300', 'MSK'),
      from: address('Ирина Вайнштейн', 'vainshtein.i@yandex.ru'),
      subject: subject('показания'),
      id: messageId('vainshtein', 'yandex'),
    }),
    root: plain(
      `Я в Москве, соседка прислала фото счётчика.
Л/с 270372260, сч. 7119034, показания 5288.
`,
      'utf-8',
      'quoted-printable',
    ),
    expected: { decision: 'reject', readings: [r('270372260', '7119034', 5288)], note: '19 Dec 15:00 MSK is 19 Dec 22:00 in Vladivostok: before the window.' },
  },
  {
    slug: 'kondratyev',
    headers: headers({
      date: dec(27, '14:00:00'),
      from: address('Семья Кондратьевых', 'kondratyev.family@mail.ru'),
      subject: subject('С Новым годом! Показания'),
      id: messageId('kondratyev', 'mailru'),
    }),
    root: html(
      page(
        `<div>С Новым годом, дорогие энергетики! Пусть 2027 год будет светлым!</div><div>&nbsp;</div><div>Показания: л/с 272830415, счётчик 4009127, день 71600, ночь 33240.</div><div>&nbsp;</div><div>Кондратьевы</div>`,
      ),
      'utf-8',
      'base64',
    ),
    expected: { decision: 'reject', readings: [r('272830415', '4009127', 71600, 33240)], note: 'Greeting with readings on 27 December: after the window.' },
  },
  {
    slug: 'kameliya',
    headers: headers({
      date: dec(28, '10:00:00'),
      from: address('Салон цветов Камелия', 'kameliya.flowers@mail.ru'),
      subject: subject('показания Камелия'),
      id: messageId('kameliya', 'mailru'),
    }),
    root: plain(
      `Добрый день! Закрываем год.
Л/с 274700320, счётчик ME-0071-2Z: Т1 29800, Т2 9500.
Администратор салона «Камелия»
`,
      'utf-8',
      'base64',
    ),
    expected: { decision: 'reject', readings: [r('274700320', 'ME-0071-2Z', 29800, 9500)], note: '28 December: after the window.' },
  },
  {
    slug: 'maltsev',
    headers: headers({
      date: dec(26, '03:20:00'),
      from: address('Сергей Мальцев', 'maltsev.s@bk.ru'),
      subject: subject('Показания'),
      id: messageId('maltsev', 'apple', 'bk.ru'),
      extra: [['X-Mailer', 'iPhone Mail (22C152)']],
    }),
    root: plain('лс 271915006 сч 3390211 16360 после ночной\n\nОтправлено с iPhone', 'utf-8', 'quoted-printable', true),
    expected: { decision: 'reject', readings: [r('271915006', '3390211', 16360)], note: '26 Dec 03:20 after a night shift: the window closed three hours earlier.' },
  },
  {
    slug: 'nasyrova',
    headers: headers({
      date: dec(18, '19:30:00'),
      from: address('Эльвира Насырова', 'nasyrova.elvira@mail.ru'),
      subject: subject('показания'),
      id: messageId('nasyrova', 'mailru'),
      extra: [['X-Mailer', 'Mail.Ru Mailer 1.0']],
    }),
    root: html(
      page(`<div>Лицевой счёт 270661390, счётчик 0077120, показания 044310</div><div>Эльвира</div>`),
      'utf-8',
      'base64',
    ),
    expected: { decision: 'reject', readings: [r('270661390', '0077120', 44310)], note: 'HTML-only, 18 December.' },
  },
  {
    slug: 'frolov',
    headers: headers({
      date: dec(18, '08:00:00'),
      from: address('Фролов Николай Ильич', 'frolov.ni@rambler.ru', 'windows-1251'),
      subject: subject('показания', 'windows-1251'),
      id: messageId('frolov', 'outlook', 'FROLOV'),
      extra: [['X-Mailer', 'Microsoft Outlook Express 6.00.2900.5931']],
    }),
    root: plain(
      `Передаю пораньше, пока не забыл, а то в праздники очереди.
ЛС 270258741, сч 1440298, показания 10230.
Фролов Н.И.
`,
      'windows-1251',
      'quoted-printable',
    ),
    expected: { decision: 'reject', readings: [r('270258741', '1440298', 10230)], note: 'An early bird, 18 December.' },
  },
];
