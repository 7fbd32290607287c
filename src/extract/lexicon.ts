// The words customers use around numbers. All patterns run on lower-cased text with ё→е.
// Each pattern is compiled once; `g` patterns are used with matchAll only.
import type { MeterKind, Zone } from '../domain/types.js';

export type LabelKind =
  | 'account'   // лицевой счёт, л/с … → next identifier is an account
  | 'meter'     // счётчик, ПУ, заводской № … → next identifier is a meter serial
  | 'zone'      // день/ночь/Т1… → next number is that zone's value
  | 'value'     // показания, текущие … → numbers that follow are readings
  | 'old'       // предыдущие, было, расход … → numbers in this clause are not new readings
  | 'id'        // №, номер … → next number is an identifier of some kind
  | 'other_id'; // договор, квитанция, ИНН … → next number is some other identifier

export interface LabelRule {
  kind: LabelKind;
  re: RegExp;
  zone?: Zone;
}

const W = '(?<![\\p{L}\\p{N}])'; // word start
const E = '(?![\\p{L}])';         // word end (digits may follow: "лс123")

function rule(kind: LabelKind, body: string, zone?: Zone): LabelRule {
  return { kind, re: new RegExp(`${W}(?:${body})${E}`, 'gu'), ...(zone ? { zone } : {}) };
}

export const LABEL_RULES: LabelRule[] = [
  rule('account', 'лицев\\p{L}*\\s*(?:сч\\p{L}*\\.?)?|лиц\\.?\\s*сч\\p{L}*\\.?|л\\s*/\\s*сч?\\.?|л\\.\\s*с\\.?|лс|лсч|л/счет\\p{L}*|абонент\\p{L}*(?:\\s+номер)?|сч[её]т(?:а|у|ом)?|account'),
  rule('meter', 'сч[её]тчик\\p{L}*|счетч\\p{L}*|сч-?к\\p{L}*|счечик\\p{L}*|сч[её]тч?\\.|прибор\\p{L}*\\s+уч[её]т\\p{L}*|приб\\.\\s*уч\\.?|ипу|пу|зав(?:одск\\p{L}*)?\\.?\\s*(?:номер|№|n)|серийн\\p{L}*\\s*(?:номер|№)|s/n|sn|meter'),
  rule('zone', 'полупик\\p{L}*|п/пик|т3|t3|тариф\\s*3|зона\\s*3', 't3'),
  rule('zone', 'ночь|ночн\\p{L}*|ноч\\.?|т2|t2|тариф\\s*2|зона\\s*2|night', 't2'),
  rule('zone', 'день|дневн\\p{L}*|дн\\.?|т1|t1|пик\\p{L}*|тариф\\s*1|зона\\s*1|day', 't1'),
  rule('id', '№|n°|#|номер\\p{L}*|no\\.'),
  rule('value', 'readings?|показани\\p{L}*|показ\\.?|пок\\.?|текущ\\p{L}*|сейчас|теперь|на\\s+сегодня|нынешн\\p{L}*|квт\\p{L}*|гкал\\p{L}*'),
  rule('old', 'предыдущ\\p{L}*|пред\\.|прошл\\p{L}*|прежн\\p{L}*|было|были|был|стары\\p{L}*|ранее|раньше|расход\\p{L}*|потреблен\\p{L}*|потребил\\p{L}*|израсходова\\p{L}*|разниц\\p{L}*|итог\\p{L}*|всего|сумм\\p{L}*|намотал\\p{L}*|передавал\\p{L}*|в\\s+прошлый|за\\s+месяц|в\\s+месяц|выходит|получается|нагорел\\p{L}*|накрутил\\p{L}*|last|previous'),
  rule('other_id', 'инн|огрн\\p{L}*|кпп|бик|окпо|октмо|р/с|р/сч|к/с|кор\\.?\\s*сч\\p{L}*|расч\\p{L}*\\s+сч\\p{L}*|договор\\p{L}*|дог\\.|квитанци\\p{L}*|обращени\\p{L}*|заявк\\p{L}*|заказ\\p{L}*|накладн\\p{L}*|паспорт\\p{L}*|снилс|полис\\p{L}*|пломб\\p{L}*|кадастр\\p{L}*|ticket|тикет\\p{L}*|индекс\\p{L}*|наработк\\p{L}*|время\\s+работы|выпуск\\p{L}*|изготовлен\\p{L}*|поверк\\p{L}*|цифр\\p{L}*|хвс|гвс|вод[аеуы]|водомер\\p{L}*|водосчетчик\\p{L}*|газ\\p{L}*'),
];

/** Spans where a number is not a reading. `accept` can veto a regex match (e.g. a phone must have 11 digits). */
export interface ExcludeRule {
  reason: 'date' | 'time' | 'phone' | 'money' | 'address' | 'model' | 'rating' | 'list';
  re: RegExp;
  /** A cheap test the line must pass before `re` runs (most lines lack most contexts). */
  needs?: RegExp;
  accept?: (m: RegExpMatchArray) => boolean;
}

const MONTH = '(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)\\p{L}*';
const MONTH_SHORT = '(?:янв|фев|мар|апр|июн|июл|авг|сен|сент|окт|ноя|нояб|дек)\\.?';
const digitCount = (s: string): number => s.replace(/\D/g, '').length;
const dayMonth = (m: RegExpMatchArray): boolean => {
  const [d, mo] = (m[1] ?? '').split(/[./]/).map(Number);
  return d !== undefined && mo !== undefined && d >= 1 && d <= 31 && mo >= 1 && mo <= 12;
};

export const EXCLUDE_RULES: ExcludeRule[] = [
  // dates: 20.11.2026, 20/11/26, 2026-11-20, "на 20.11", "20 ноября", "ноябрь 2026", "2026 г.", "11.2026", "25 числа"
  { reason: 'date', re: /(?<![\p{N}.,])(\d{1,2}[./-]\d{1,2})[./-](?:\d{4}|\d{2})(?![\p{N}]|[.,]\d)(?:\s*(?:г\.?|года?)(?![\p{L}]))?/gu, accept: dayMonth },
  { reason: 'date', re: /(?<![\p{N}])(?:19|20)\d{2}-\d{2}-\d{2}(?![\p{N}])/gu },
  { reason: 'date', re: /(?<![\p{L}\p{N}])(?:на|от|за|до|по|с|к|число|дата|датой|сегодня)\s+(\d{1,2}[./]\d{1,2})(?![\p{N}]|[.,]\d)/gu, accept: dayMonth },
  { needs: /янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек/u, reason: 'date', re: new RegExp(`(?<![\\p{N}])\\d{1,2}\\s*(?:-?го\\s+)?(?:${MONTH}|${MONTH_SHORT})(?:\\s*(?:19|20)\\d{2}\\s*(?:г\\.?|года?)?)?`, 'gu') },
  { needs: /янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек/u, reason: 'date', re: new RegExp(`(?:${MONTH}|${MONTH_SHORT})\\s*(?:19|20)\\d{2}\\s*(?:г\\.?|года?)?(?![\\p{L}\\p{N}])`, 'gu') },
  { needs: /г/u, reason: 'date', re: /(?<![\p{N}])(?:19|20)\d{2}\s*(?:г\.|г(?![\p{L}])|года?|год)/gu },
  { reason: 'date', re: /(?<![\p{N}.,])(?:0?[1-9]|1[0-2])[./](?:19|20)\d{2}(?![\p{N}])/gu },
  { needs: /числ/u, reason: 'date', re: /(?<![\p{N}])\d{1,2}\s*(?:-?го\s+)?числ\p{L}*/gu },
  // "внесла 18.11." — day.month with a two-digit month; a heat reading would carry a unit or a comma
  { reason: 'date', re: /(?<![\p{N}.,])(\d{1,2}\.\d{2})(?![\p{N}]|[.,]\d|\s*(?:гкал|квт|kwh|gcal))/gu, accept: dayMonth },
  // clock times
  { needs: /:/u, reason: 'time', re: /(?<![\p{N}.,])\d{1,2}:\d{2}(?::\d{2})?(?![\p{N}])/gu },
  // phones: +7…, 8 (924) 411-44-55, 89244114455 (11 digits); (4212) 12-34-56; 411-44-55; "тел. …"
  { reason: 'phone', re: /(?<![\p{N}])(?:\+\s*7|8)[\s-]*\(?\d{3,5}\)?[\s-]*\d{1,3}[\s-]*\d{2}[\s-]*\d{2}(?![\p{N}])/gu, accept: (m) => digitCount(m[0]) === 11 },
  { needs: /\+/u, reason: 'phone', re: /(?<![\p{N}])\+\s*\d[\d\s()-]{9,16}\d(?![\p{N}])/gu },
  { needs: /\(/u, reason: 'phone', re: /(?<![\p{N}])\(\d{3,5}\)\s*\d{1,3}[\s-]?\d{2}[\s-]?\d{2}(?![\p{N}])/gu },
  { needs: /-/u, reason: 'phone', re: /(?<![\p{N}-])\d{2,3}-\d{2}-\d{2}(?![\p{N}-])/gu },
  { needs: /тел|т\.|моб|сот|whats|ватс|вотс|viber|вайб|телеграм|phone|факс|fax/u, reason: 'phone', re: /(?<![\p{L}])(?:тел\p{L}*|т\.|моб\p{L}*|сот\p{L}*|whatsapp|ватсап|вотсап|viber|вайбер|телеграм\p{L}*|phone|факс|fax)[.:\s№-]*\+?[\d\s()-]{5,20}\d/gu },
  // money
  { needs: /р|₽|rub|коп/u, reason: 'money', re: /(?<![\p{N}])\d+(?:\s\d{3})*(?:[.,]\d{1,2})?\s*(?:руб\p{L}*|р\.|р(?![\p{L}])|₽|rub|коп\p{L}*)/gu },
  { needs: /оплат|заплат|долг|задолж|переплат|начисл|оплате|пени|штраф|выстав|сумм/u, reason: 'money', re: /(?<![\p{L}])(?:оплат\p{L}*|оплачен\p{L}*|заплат\p{L}*|долг\p{L}*|задолженн?\p{L}*|переплат\p{L}*|начислен\p{L}*|к\s+оплате|пени|штраф\p{L}*|выставил\p{L}*|сумм\p{L}*\s+к)[^\n.;,\d]{0,30}\d+(?:\s\d{3})*(?:[.,]\d{1,2})?/gu },
  // address parts
  { reason: 'address', re: /(?<![\p{L}])(?:д|дом|кв|квартир\p{L}*|корп|корпус|к|стр|строение|под[ъь]?езд\p{L}*|эт|этаж\p{L}*|офис|оф|комн\p{L}*|ком|лит|литер\p{L}*|уч|участ\p{L}*|гараж\p{L}*|бокс|apt|flat|room|house|bld|st|ауд|аудитори\p{L}*|каб|кабинет\p{L}*|пом|помещени\p{L}*|оф)\.?\s*№?\s*\d+[\p{L}]?(?:\s*[/-]\s*\d+[\p{L}]?)?(?![\p{N}])/gu },
  { needs: /ул|пр|пер|шоссе|б-р|бульв|пл|мкр|микрорайон|пос|пгт|село|снт|днт/u, reason: 'address', re: /(?<![\p{L}])(?:ул|улиц\p{L}*|пр-т|просп\p{L}*|пр|пер|переул\p{L}*|шоссе|б-р|бульв\p{L}*|пл|площад\p{L}*|мкр|микрорайон\p{L}*|пос|пгт|пос[её]л\p{L}*|село|снт|днт)\.?\s+(?!уч)(?:[\p{L}-]+\.?,?\s+){1,3}\d+[\p{L}]?(?:\s*[/-]\s*\d+[\p{L}]?)*(?![\p{N}])/gu },
  { needs: /6[78]\d{4}/u, reason: 'address', re: /(?<![\p{N}])6[78]\d{4}(?=,?\s*(?:г\.|хабаров|росси|край|ул|евр|комсом|амур|бикин|вязем|советск|ванин|николаев))/gu },
  // device models, ratings and units that are not readings
  { reason: 'model', re: /(?<![\p{L}])(?:меркурий|mercury|нева|neva|энергомера|миртек|каскад|матрица|гранит|ласточка|нартис|пульсар|ce|се|цэ|соэ|сэо|сэб|сэт|тэм|вкт|карат|взл[её]т|ск|со)(?:[\s-]+\p{L}{1,4}){0,3}[\s-]*\d{1,4}(?:[.-]?\d{1,3})?[\p{L}]*(?![\p{N}])/gu },
  { reason: 'rating', re: /(?<![\p{N}])\d+(?:[.,]\d+)?(?:а|a|в|v|вт|w|гц|hz)(?![\p{L}\p{N}])/gu },
  { reason: 'rating', re: /(?<![\p{N}])\d+(?:[.,]\d+)?\s*(?:гц|hz|%|процент\p{L}*|мм|см|км|km|кг|шт\p{L}*|лет|год\p{L}*|г\.\s*р\.?|мес\p{L}*|час\p{L}*|ч\.?|мин\p{L}*|раз\p{L}*|чел\p{L}*|человек|м3|м²|м2|куб\p{L}*|°\s*[cс]?|градус\p{L}*|кв\.\s*м)(?![\p{L}\p{N}])/gu },
  // names in quotes (with letters): ТСЖ «Амурский-5», ООО "Дом 12"; a quoted bare number stays a number
  { needs: /[«"„]/u, reason: 'model', re: /«(?=[^»\n]*\p{L})[^»\n]{0,60}»|"(?=[^"\n]*\p{L})[^"\n]{1,60}"|„(?=[^“\n]*\p{L})[^“\n]{0,60}“/gu },
  // temperatures of a heat meter: tпод=68,4, t1=…°
  { needs: /t/u, reason: 'rating', re: /(?<![\p{L}])t\s*(?:под|обр|нв|хв)\p{L}*\s*[=:]\s*-?\d+(?:[.,]\d+)?/gu },
  { needs: /\(/u, reason: 'rating', re: /(?<![\p{N}])\d+\s*\(\s*\d+\s*\)\s*(?:а|a)?(?![\p{L}\p{N}])/gu },
  { needs: /класс/u, reason: 'rating', re: /класс\p{L}*\s*(?:точности)?\s*\d+(?:[.,]\d+)?/gu },
  // document structure: "часть 1 из 2", "строки 1–8", "стр. 2", "п. 3"
  { needs: /из/u, reason: 'list', re: /(?<![\p{N}])\d{1,3}\s+из\s+\d{1,3}(?![\p{N}])/gu },
  { needs: /част|стр|лист|пункт|п\.|п |раздел|прилож|поз/u, reason: 'list', re: /(?<![\p{L}])(?:часть|части|стр|страниц\p{L}*|лист\p{L}*|строк\p{L}*|пункт\p{L}*|п|раздел\p{L}*|приложени\p{L}*|позици\p{L}*|поз)\.?\s*№?\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?![\p{N}])/gu },
  // ordinals: "20-го", "2-й счётчик"
  { reason: 'list', re: /(?<![\p{N}])\d{1,2}-?(?:го|й|я|е|ое|ой|ого|ый|ий|ая)(?![\p{L}])/gu },
  // list markers "1)", "2." at line start
  { reason: 'list', re: /^\s*\d{1,2}(?:\.\d{1,2}){0,3}[).](?![\p{N}])/gmu },
];

export const KIND_HINTS: { kind: MeterKind; re: RegExp }[] = [
  { kind: 'heat', re: /гкал|тепл\p{L}*|отоплен\p{L}*|gcal/u },
  { kind: 'electricity', re: /квт\p{L}*|kwh|электр\p{L}*|эл\.?\s*\/?\s*эн\p{L}*|э\/э|ээ(?![\p{L}])|свет(?![\p{L}])/u },
];

/** Words that end a labelled clause early (a new statement starts). */
export const CLAUSE_BREAK = /[;!?]|[.,](?=\s|$)|\s[-–—]\s(?=\p{L})|\n/u;

/** Subject prefixes of replies and forwards: such a subject may carry old numbers. */
export const REPLY_SUBJECT = /^\s*(?:(?:re|fw|fwd|ответ|отв|пересл|на)\s*(?:\[\d+\])?\s*:\s*)+/iu;
