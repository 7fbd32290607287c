// Meter serials as customers type them: Latin and Cyrillic look-alike letters are the same letter,
// and spaces, dashes, slashes and dots inside a serial carry no meaning.

const CYRILLIC_TO_LATIN: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', Ё: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
  З: '3', // people type З for 3 on a Russian layout
};

const SEPARATORS = /[\s\-\u2010-\u2015/.·_№#]+/gu;
const LOOK_ALIKES = /[АВЕЁКМНОРСТХУЗ]/gu;
const ASCII_DIGITS = /^[0-9]*$/;

/** Canonical lookup key of a serial: upper-case, look-alikes folded to Latin, separators removed. */
export function normaliseSerial(serial: string): string {
  if (ASCII_DIGITS.test(serial)) return serial; // most keys looked up: nothing to fold
  return serial.normalize('NFKC').toUpperCase().replace(SEPARATORS, '').replace(LOOK_ALIKES, (ch) => CYRILLIC_TO_LATIN[ch] ?? ch);
}

/** Same key with leading zeros dropped from an all-digit serial ("011234" ~ "11234"). */
export function looseSerialKey(serial: string): string {
  const key = normaliseSerial(serial);
  return /^\d+$/.test(key) ? key.replace(/^0+(?=\d)/, '') : key;
}
