// Removes signatures, "sent from my phone" lines, closing blocks and legal disclaimers from new text.
// Conservative: a line that may carry readings or an account number is never removed.
import { trimBlankLines } from './strip-quotes.js';

export interface SignatureSplit {
  text: string;
  signature: string;
}

const DELIMITER = /^--[ \t]*$/;
const MOBILE_SIGNATURE = [
  /^[ \t]*(Отправлено|Послано|Sent)\s+(с|со|из|from|via|with)\s+.{0,80}(iPhone|iPad|Android|Samsung|Galaxy|Xiaomi|Huawei|Honor|мобильн|Mail\.ru|Яндекс|Yandex|Outlook|BlackBerry|смартфон|телефон|устройств|приложени|phone|mobile)/i,
  /^[ \t]*(Get|Получить|Скачайте|Загрузите)\s+Outlook\s+(for|для)\s+(Android|iOS)/i,
];
const CLOSING = /^[ \t]*(с уважением|с наилучшими пожеланиями|всего доброго|всего хорошего|заранее спасибо|заранее благодарю|спасибо|благодарю|best regards|kind regards|regards|thanks|thank you)(?![\p{L}\p{N}])[^\d]{0,60}$/iu;
const DISCLAIMER_START = [
  /(это|данное|настоящее)\s+(электронное\s+)?(сообщение|письмо)/i,
  /CONFIDENTIALITY NOTICE|DISCLAIMER|This\s+(e-?mail|message|communication)/i,
];
const DISCLAIMER_BODY = /конфиденциальн|предназначен|confidential|intended (solely )?for/i;
const ANTIVIRUS = /(провер\S*|checked|scanned)\s.{0,60}(антивирус|anti-?virus|virus)|Dr\.?\s?Web|Kaspersky|Касперск|ESET NOD32|avast\.com/i;
// Readings, meters, accounts: such a line stays in the text whatever surrounds it.
const PROTECTED_WORDS = /показани|сч[её]тчик|л\/с|лицев/i;
const LABELED_READING = /(^|[\s(])([тt]\s?[123]|день|ночь|пик|полупик|дневн\S*|ночн\S*)\s*[:=–—-]?\s*\d/i;
// What a signature tail may hold besides names and titles: contacts, requisites, addresses, links.
const CONTACT_OR_REQUISITE = /тел|моб|факс|phone|tel|mob|fax|\+7|ИНН|ОГРН|КПП|БИК|ОКПО|ОКВЭД|р\/с|к\/с|@|https?:|www\.|(^|\s)(г|ул|д|кв|пр|пер|стр|корп|оф)\.|офис|индекс|\(\d{3,5}\)|\d{2,3}-\d{2}-\d{2}|^\s*\d{6},/i;
const LONG_NUMBER = /\d{3,}/;
const MAX_TAIL_LINES = 8;
const MAX_TAIL_LINE_LENGTH = 120;
const MAX_DISCLAIMER_LINES = 15;

export function isProtectedLine(line: string): boolean {
  return PROTECTED_WORDS.test(line) || LABELED_READING.test(line);
}

/** A closing block applies only when what follows it is a short signature-like tail. */
function isSignatureTail(lines: string[], removed: boolean[], from: number): boolean {
  let count = 0;
  for (let i = from; i < lines.length; i++) {
    if (removed[i]) continue;
    const line = lines[i]!.trim();
    if (line === '' || isProtectedLine(line)) continue;
    if (++count > MAX_TAIL_LINES || line.length > MAX_TAIL_LINE_LENGTH) return false;
    if (LONG_NUMBER.test(line) && !CONTACT_OR_REQUISITE.test(line)) return false;
  }
  return true;
}

function paragraphEnd(lines: string[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i]!.trim() !== '') i++;
  return i;
}

function markDisclaimers(lines: string[], removed: boolean[]): void {
  for (let i = 0; i < lines.length; i++) {
    const startsParagraph = i === 0 || lines[i - 1]!.trim() === '';
    if (!startsParagraph || lines[i]!.trim() === '') continue;
    const end = paragraphEnd(lines, i);
    const head = lines.slice(i, Math.min(end, i + 2)).join(' ');
    const paragraph = lines.slice(i, end);
    const isDisclaimer = DISCLAIMER_START.some((re) => re.test(head)) && DISCLAIMER_BODY.test(paragraph.join(' '));
    const isBanner = paragraph.length <= 4 && ANTIVIRUS.test(head);
    if ((isDisclaimer || isBanner) && paragraph.length <= MAX_DISCLAIMER_LINES && !paragraph.some(isProtectedLine)) {
      for (let j = i; j < end; j++) removed[j] = true;
    }
    i = end;
  }
}

export function stripSignature(body: string): SignatureSplit {
  const lines = body.split('\n');
  const removed = lines.map(() => false);

  const delimiter = lines.findIndex((l) => DELIMITER.test(l));
  if (delimiter !== -1) for (let i = delimiter; i < lines.length; i++) removed[i] = true;
  lines.forEach((line, i) => {
    if (MOBILE_SIGNATURE.some((re) => re.test(line))) removed[i] = true;
  });
  markDisclaimers(lines, removed);

  // a closing block needs something above it: a message that is only "Спасибо!" is its own content
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    if (removed[i]) continue;
    const isClosing = seenContent && CLOSING.test(lines[i]!) && !isProtectedLine(lines[i]!);
    if (lines[i]!.trim() !== '') seenContent = true;
    if (!isClosing) continue;
    if (isSignatureTail(lines, removed, i + 1)) {
      for (let j = i; j < lines.length; j++) removed[j] = true;
      break;
    }
  }

  const text: string[] = [];
  const signature: string[] = [];
  lines.forEach((line, i) => {
    // never drop a line that may hold readings or an account, even inside a signature
    if (removed[i] && !isProtectedLine(line)) signature.push(line);
    else text.push(line);
  });
  return { text: trimBlankLines(text), signature: trimBlankLines(signature) };
}
