// Photos in the decision: readings taken from a photo only when confident, plausible and unrivalled; photos
// beside typed readings must agree. Pure: PhotoReadings are given, no images involved.
import { describe, expect, it } from 'vitest';
import type { RegistryMeter } from '../domain/types.js';
import type { MessagePhotos, PhotoReading, ReadingCandidate } from '../ocr/types.js';
import type { ParsedMessage } from '../parse/types.js';
import { RegistryIndex } from '../validate/registry-index.js';
import { decideMessage, type DecisionRules } from './decide-message.js';

const meter = (account: string, serial: string, over: Partial<RegistryMeter> = {}): RegistryMeter => ({
  account, meter: serial, kind: 'electricity', zones: 1, digits: 6,
  last: { t1: 48213, t2: null, t3: null }, lastDate: '2026-10-22', emails: [], ...over,
});

const registry = new RegistryIndex([
  meter('2700123456', '011234567', { emails: ['ivanova@mail.ru'] }),
  meter('2700222222', '5512345', { zones: 2, last: { t1: 30000, t2: 9000, t3: null }, emails: ['ivan@mail.ru'] }),
  meter('2700777777', '09876543'),
]);

const rules: DecisionRules = {
  window: { startDay: 20, endDay: 25, timeZone: 'Asia/Vladivostok' },
  maxIncrease: { electricity: 5000, heat: 50 },
  ownAddresses: ['info@khab.dvec.ru'],
  photo: { acceptConfidence: 0.8, ambiguityRatio: 0.5, maxIncreaseShare: 0.4 },
};

const IN = new Date('2026-11-22T03:00:00Z');

function msg(text: string, from = 'someone@example.ru'): ParsedMessage {
  return {
    messageId: 'x@y', subject: 'Показания', from: { address: from, name: null }, replyTo: null, to: [],
    date: null, headers: {}, contentType: 'multipart/mixed', text, quoted: '', signature: '', fullText: text, html: null,
    attachments: [{ filename: 'IMG_0001.jpg', contentType: 'image/jpeg', size: 2_000_000, contentId: null, inline: false, content: Buffer.alloc(0) }],
    attachmentText: '', problems: [],
  };
}

const cand = (value: number, confidence: number): ReadingCandidate => ({ digits: String(value).padStart(6, '0'), value, confidence });

function photo(candidates: ReadingCandidate[], over: Partial<PhotoReading> = {}): PhotoReading {
  return {
    attachmentIndex: 0, problem: candidates.length > 0 ? null : 'digits_unreadable', display: 'drum', candidates,
    digitConfidence: [], serial: '011234567', zone: null, crop: { left: 10, top: 10, width: 100, height: 30 },
    imageWidth: 2000, imageHeight: 1500, ms: 300, ...over,
  };
}

const photos = (...readings: PhotoReading[]): MessagePhotos => ({ readings, problems: [], unsupported: 0 });

const decide = (text: string, p: MessagePhotos | undefined, from?: string) =>
  decideMessage({ message: msg(text, from), registry, rules, at: IN, photos: p });

describe('readings from photos', () => {
  it('accepts a confident photo reading that fits the account named in the text', () => {
    const d = decide('Лицевой счёт 2700123456, показания на фото', photos(photo([cand(48391, 0.95), cand(48361, 0.2)])));
    expect(d).toMatchObject({ decision: 'accept', source: 'photo', readings: [{ account: '2700123456', meter: '011234567', t1: 48391 }] });
  });

  it('takes a photo reading for the meter named unless the photo shows another serial, or another counter beside it', () => {
    // The serial not read at all (glare, behind a cabinet door): the photo is of the meter the text names.
    expect(decide('ЛС 2700123456', photos(photo([cand(48391, 0.95)], { serial: null })))).toMatchObject({ decision: 'accept', readings: [{ t1: 48391 }] });
    // A serial read and different: a neighbour's meter reads just as plausibly (neighbours' serials run on).
    expect(decide('ЛС 2700123456', photos(photo([cand(48391, 0.95)], { serial: '011234568' })))).toMatchObject({ decision: 'review', reasons: ['photo_meter_unconfirmed'], readings: [{ t1: 48391 }] });
    // The serial not read, and another counter in the photo: which one is the customer's only the serial tells.
    const beside = { display: 'drum' as const, candidates: [cand(1200, 0.9)], digitConfidence: [], serial: null, zone: null, crop: { left: 900, top: 10, width: 100, height: 30 } };
    expect(decide('ЛС 2700123456', photos(photo([cand(48391, 0.95)], { serial: null, otherCounters: [beside] }))).reasons).toEqual(['photo_meter_unconfirmed']);
  });

  it('takes the serial only from the photo the reading comes from: a plate close-up beside another meter\'s counter confirms nothing', () => {
    const counter = photo([cand(48391, 0.95)], { serial: '011234568' });
    const plate = photo([], { attachmentIndex: 1, serial: '011234567' });
    expect(decide('ЛС 2700123456', photos(counter, plate))).toMatchObject({ decision: 'review', reasons: ['photo_meter_unconfirmed'] });
    expect(decide('ЛС 2700123456', photos({ ...counter, serial: '011234567' }, plate)).decision).toBe('accept');
  });

  it('takes a long serial read with one digit more in front as the same: the raised o of a "№" against the digits', () => {
    expect(decide('ЛС 2700123456', photos(photo([cand(48391, 0.95)], { serial: '2011234567' }))).decision).toBe('accept');
    expect(decide('ЛС 2700123456', photos(photo([cand(48391, 0.95)], { serial: '0112345672' }))).decision).toBe('review');
    expect(decide('ЛС 2700123456', photos(photo([cand(48391, 0.95)], { serial: '21011234567' }))).decision).toBe('review');
  });

  it('takes the counter whose serial is the meter\'s when the photo shows a neighbour\'s meter too', () => {
    const own = { display: 'drum' as const, candidates: [cand(48391, 0.93)], digitConfidence: [], serial: '011234567', serialConfidence: 0.95, zone: null, crop: { left: 900, top: 10, width: 100, height: 30 } };
    // The recogniser chose the neighbour's counter (read more surely, its own serial beside it).
    const cabinet = photo([cand(1200, 0.97)], { serial: '09876543', otherCounters: [own] });
    expect(decide('ЛС 2700123456', photos(cabinet))).toMatchObject({ decision: 'accept', source: 'photo', readings: [{ meter: '011234567', t1: 48391 }] });
    expect(decide('', photos(cabinet), 'ivanova@mail.ru')).toMatchObject({ decision: 'accept', readings: [{ t1: 48391 }] });
    // Beside a typed reading the customer's counter agrees; the neighbour's does not contradict it.
    expect(decide('Лицевой счёт 2700123456, показания 48391', photos(cabinet)).decision).toBe('accept');
    expect(decide('Лицевой счёт 2700123456, показания 48392', photos(cabinet)).reasons).toContain('photo_conflict');
    // No other counter carries the meter's serial: nothing changes (the neighbour's serial is another meter's).
    expect(decide('Счётчик 011234567', photos({ ...cabinet, otherCounters: [{ ...own, serial: '11111111' }] })).reasons).toContain('photo_other_meter');
    // A chosen counter whose serial was not read stays chosen: the other row may be no counter at all.
    expect(decide('ЛС 2700123456', photos({ ...cabinet, serial: null }))).toMatchObject({ decision: 'review', reasons: expect.arrayContaining(['decreased_value']), readings: [{ t1: 1200 }] });
    // Neither sender nor text says which of the two registered meters is meant.
    expect(decide('Добрый день', photos(cabinet)).reasons).toContain('meter_ambiguous');
    // The other counter's own doubts come with it, not the chosen one's.
    const settled = { ...own, candidates: [{ digits: '048391', value: 48391, confidence: 0.28 }], digitConfidence: [0.99, 0.98, 0.99, 0.99, 0.98, 0.99] };
    const withDoubts = (chosen: PhotoReading['doubtCodes'], other: PhotoReading['doubtCodes']) =>
      photo([cand(1200, 0.97)], { serial: '09876543', doubtCodes: chosen, otherCounters: [{ ...settled, doubtCodes: other }] });
    expect(decide('ЛС 2700123456', photos(withDoubts(['strays'], ['row_extent']))).decision).toBe('accept');
    expect(decide('ЛС 2700123456', photos(withDoubts([], ['row_extent', 'strays']))).decision).toBe('review');
  });

  it('finds the account from the sender address, or the meter from the serial read on the faceplate', () => {
    expect(decide('', photos(photo([cand(48391, 0.95)])), 'ivanova@mail.ru').decision).toBe('accept');
    const bySerial = decide('Добрый день', photos(photo([cand(48391, 0.95)], { serial: '011234567' })));
    expect(bySerial).toMatchObject({ decision: 'accept', readings: [{ account: '2700123456', t1: 48391 }] });
  });

  it.each([
    ['low confidence', [cand(48391, 0.6)], 'ocr_low_confidence'],
    ['a rival reading that fits as well', [cand(48391, 0.9), cand(48891, 0.6)], 'ocr_low_confidence'],
    ['below the last reading', [cand(41391, 0.95)], 'photo_implausible'],
    ['too big a rise', [cand(98391, 0.95)], 'photo_implausible'],
    ['a rise a machine alone may not take (a digit gained)', [cand(51391, 0.95)], 'photo_implausible'],
    ['a drum count other than the meter\'s', [{ digits: '48391', value: 48391, confidence: 0.95 }], 'photo_implausible'],
    ['nothing readable', [], 'photo_not_read'],
  ])('sends %s to a clerk', (_, candidates, reason) => {
    const d = decide('ЛС 2700123456, фото счётчика', photos(photo(candidates)));
    expect(d.decision).toBe('review');
    expect(d.reasons).toContain(reason);
  });

  it('takes a drum row the registry settles: exactly the meter\'s digits, each read surely, the row\'s extent the only doubt', () => {
    const drum = (digits: string, digitConfidence: number[], doubtCodes: PhotoReading['doubtCodes']) =>
      photo([{ digits, value: Number(digits), confidence: 0.28 }], { digitConfidence, doubtCodes });
    const sure = [0.99, 0.98, 0.99, 0.99, 0.98, 0.99];
    expect(decide('ЛС 2700123456', photos(drum('048391', sure, ['row_extent']))).decision).toBe('accept');
    // One digit fewer or more than the counter has, a digit not sure, or any other doubt: a clerk looks.
    expect(decide('ЛС 2700123456', photos(drum('48391', sure.slice(1), ['row_extent']))).decision).toBe('review');
    expect(decide('ЛС 2700123456', photos(drum('048391', [0.99, 0.98, 0.99, 0.8, 0.98, 0.99], ['row_extent']))).decision).toBe('review');
    expect(decide('ЛС 2700123456', photos(drum('048391', sure, ['row_extent', 'smaller_row']))).decision).toBe('review');
    // An LCD's extent is settled by the registry window (weigh-photos.test.ts), but not past a doubt about its digits.
    expect(decide('ЛС 2700123456', photos({ ...drum('048391', sure, ['row_extent']), display: 'lcd' })).decision).toBe('accept');
    expect(decide('ЛС 2700123456', photos({ ...drum('048391', sure, ['row_extent', 'strays']), display: 'lcd' })).decision).toBe('review');
  });

  it('sends to a clerk: two photos that disagree, a two-zone meter with one value, a serial of another meter, no account', () => {
    expect(decide('ЛС 2700123456', photos(photo([cand(48391, 0.95)]), photo([cand(48399, 0.95)], { attachmentIndex: 1 }))).reasons).toContain('photo_conflict');
    expect(decide('ЛС 2700222222', photos(photo([cand(30500, 0.95)], { serial: '5512345' }))).reasons).toContain('zone_count_mismatch');
    expect(decide('Счётчик 011234567', photos(photo([cand(48391, 0.95)], { serial: '09876543' }))).reasons).toContain('photo_other_meter');
    expect(decide('Здравствуйте', photos(photo([cand(48391, 0.95)], { serial: null }))).reasons).toContain('no_account');
  });

  it('says why an image could not be read at all', () => {
    const p: MessagePhotos = { readings: [], problems: [{ attachmentIndex: 0, problem: 'image_too_large' }], unsupported: 0 };
    expect(decide('ЛС 2700123456', p).reasons).toEqual(['image_too_large']);
    expect(decide('ЛС 2700123456', { readings: [], problems: [{ attachmentIndex: 0, problem: 'image_corrupt' }], unsupported: 0 }).reasons).toEqual(['image_unreadable']);
  });
});

describe('photos beside typed readings', () => {
  const text = 'Лицевой счёт 2700123456, показания 48391';
  it('accepts when a photo agrees (also as a less likely reading of it)', () => {
    expect(decide(text, photos(photo([cand(48391, 0.93)]))).decision).toBe('accept');
    expect(decide(text, photos(photo([cand(48891, 0.7), cand(48391, 0.5)]))).decision).toBe('accept');
    expect(decide(text, photos(photo([cand(48391, 0.2)]))).decision).toBe('accept');
  });

  it('reviews a confident photo that shows another value, and a photo that cannot confirm the typed one', () => {
    expect(decide(text, photos(photo([cand(48891, 0.95)]))).reasons).toContain('photo_conflict');
    expect(decide(text, photos(photo([cand(48891, 0.5)])))).toMatchObject({ decision: 'review', reasons: ['photo_unverified'] });
    expect(decide(text, { readings: [], problems: [{ attachmentIndex: 0, problem: 'image_corrupt' }], unsupported: 0 }).reasons).toEqual(['photo_unverified']);
  });

  it('lets the typed reading stand beside a photo in which no counter or digit was found: a cat, a receipt, a wall', () => {
    expect(decide(text, photos(photo([])))).toMatchObject({ decision: 'accept', readings: [{ t1: 48391 }] });
    expect(decide(text, photos(photo([], { problem: 'no_display_found' }))).decision).toBe('accept');
    // …but not beside one read unsurely alongside it.
    expect(decide(text, photos(photo([]), photo([cand(48891, 0.5)], { attachmentIndex: 1 }))).reasons).toEqual(['photo_unverified']);
  });

  it('takes an LCD with leading zeros whose point went unseen as agreeing when its first digits, as many as the meter has, are the typed value', () => {
    const lcd = (digits: string, digitConfidence: number[]) => photo([{ digits, value: Number(digits), confidence: 0.2 }], { display: 'lcd', digitConfidence, doubtCodes: ['no_decimal_point'] });
    const sure = [1, 1, 1, 1, 1, 1, 0.99, 0.98];
    expect(decide(text, photos(lcd('04839166', sure))).decision).toBe('accept');
    // Another value typed does not agree, nor does the typed one where the photo's digits are unsure.
    expect(decide('Лицевой счёт 2700123456, показания 48392', photos(lcd('04839166', sure))).reasons).toEqual(['photo_unverified']);
    expect(decide(text, photos(lcd('04839166', [1, 1, 0.3, 1, 1, 1, 1, 1]))).reasons).toEqual(['photo_unverified']);
  });

  it('takes a reading as agreement only when it has as many digits as the meter, where the row shows them all', () => {
    // Registry meter 011234567 has 6 digits; cand() pads to 6 drums.
    const unsure = photo([cand(48391, 0.3)]);
    expect(decide(text, photos(unsure)).decision).toBe('accept');
    // Five drums read off a six-drum counter (showing 483915, say): the customer who typed 48391 left out a digit.
    const short = photo([{ digits: '48391', value: 48391, confidence: 0.3 }]);
    expect(decide(text, photos(short))).toMatchObject({ decision: 'review', reasons: ['photo_unverified'] });
    // ... however sure the recogniser is of its digits (it is not of the row's extent); but an LCD may blank leading zeros.
    expect(decide(text, photos({ ...short, candidates: [{ digits: '48391', value: 48391, confidence: 0.9 }] }))).toMatchObject({ decision: 'review', reasons: ['photo_unverified'] });
    expect(decide(text, photos({ ...short, display: 'lcd' })).decision).toBe('accept');
    // An LCD that shows leading zeros shows every digit: "048391" is whole, "04839" (of 048391) is not.
    expect(decide('Лицевой счёт 2700123456, показания 48391', photos(photo([cand(48391, 0.3)], { display: 'lcd' }))).decision).toBe('accept');
    expect(decide('Лицевой счёт 2700123456, показания 4839', photos(photo([{ digits: '04839', value: 4839, confidence: 0.3 }], { display: 'lcd' }))).reasons).toContain('photo_unverified');
    // ... also when it is likely enough to count as a lesser reading.
    expect(decide('Лицевой счёт 2700123456, показания 4839', photos(photo([{ digits: '04839', value: 4839, confidence: 0.5 }], { display: 'lcd' }))).reasons).toContain('photo_unverified');
  });

  it('does not take a best reading that is only first among equals as agreement: its unseen digit may be any', () => {
    const unseen = photo([48390, 48391, 48392, 48393].map((v) => cand(v, 0.047)));
    expect(decide('Лицевой счёт 2700123456, показания 48390', photos(unseen))).toMatchObject({ decision: 'review', reasons: ['photo_unverified'] });
    expect(decide('Лицевой счёт 2700123456, показания 48390', photos({ ...unseen, candidates: [cand(48390, 0.05), ...unseen.candidates.slice(1)] })).decision).toBe('accept');
  });

  it('does not take an unsure reading the recogniser found too short as agreement', () => {
    // "12" read off a heat meter's "00112": a customer who typed 12 is not borne out.
    const short = photo([{ digits: '48391', value: 48391, confidence: 0.1 }], { display: 'lcd', doubtCodes: ['few_digits'] });
    expect(decide(text, photos(short)).reasons).toEqual(['photo_unverified']);
    expect(decide(text, photos({ ...short, doubtCodes: ['row_extent'] })).decision).toBe('accept');
  });

  it('does not take an unsure row read beside a glyph it took for faceplate print as agreement', () => {
    // "1192" read off an LCD showing 091192, the 9 taken for a letter before the digits: a customer who typed
    // 1192 is not borne out, whether the reading is the best one or a lesser one.
    const beside = photo([{ digits: '48391', value: 48391, confidence: 0.4 }], { display: 'lcd', doubtCodes: ['faceplate_font'] });
    expect(decide(text, photos(beside)).reasons).toEqual(['photo_unverified']);
    expect(decide(text, photos({ ...beside, candidates: [cand(58391, 0.45), cand(48391, 0.44)] })).reasons).toEqual(['photo_unverified']);
    // ... sure of it, or without that doubt, it agrees.
    expect(decide(text, photos({ ...beside, candidates: [cand(48391, 0.9)] })).decision).toBe('accept');
    expect(decide(text, photos({ ...beside, doubtCodes: ['row_extent'] })).decision).toBe('accept');
  });

  it('without OCR, a photo beside typed readings still goes to a clerk', () => {
    expect(decide(text, undefined).reasons).toEqual(['photo_unverified']);
  });
});
