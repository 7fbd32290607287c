// Charset guessing for 8-bit text that declares no charset (or a wrong one).
// Russian mail without a charset label is almost always windows-1251, sometimes KOI8-R or CP866.

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/** Candidates in order of preference: a tie goes to the earlier one. */
export const CYRILLIC_CHARSETS = ['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5'] as const;
export type CyrillicCharset = (typeof CYRILLIC_CHARSETS)[number];

const decoders = new Map<string, TextDecoder>(
  CYRILLIC_CHARSETS.map((cs) => [cs, new TextDecoder(cs)]),
);

export function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when the bytes are mostly not UTF-8: at least half of the non-ASCII bytes end up as
 * replacement characters. A stray bad byte in real UTF-8 text does not qualify.
 */
export function isMostlyNotUtf8(bytes: Uint8Array): boolean {
  let high = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) high++;
  if (high === 0) return false;
  const text = utf8Lenient.decode(bytes);
  let replaced = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) replaced++;
  return replaced * 2 >= high;
}

// Russian prose decoded with the right table is mostly lower-case Cyrillic letters; the wrong
// tables turn it into upper case (KOI8-R vs 1251), box drawing (CP866) or Latin-1 symbols.
const LOWER_CYRILLIC = /[а-яё]/g;

/** Picks the Cyrillic single-byte charset under which the bytes read most like Russian text. */
export function detectCyrillicCharset(bytes: Uint8Array): CyrillicCharset {
  // The first 16 KB is plenty for a vote and keeps big bodies cheap.
  const sample = bytes.length > 16384 ? bytes.subarray(0, 16384) : bytes;
  let best: CyrillicCharset = 'windows-1251';
  let bestScore = -1;
  for (const cs of CYRILLIC_CHARSETS) {
    const score = decoders.get(cs)!.decode(sample).match(LOWER_CYRILLIC)?.length ?? 0;
    if (score > bestScore) {
      best = cs;
      bestScore = score;
    }
  }
  return best;
}

/** Decodes with a charset label TextDecoder knows; unknown labels fall back to UTF-8. */
export function decodeBytes(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset.trim().toLowerCase()).decode(bytes);
  } catch {
    return utf8Lenient.decode(bytes);
  }
}
