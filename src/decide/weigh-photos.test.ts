// Confidence the registry settles: a doubt about where the integer part ends is no doubt when every other extent
// of the reading falls outside the registry's window.
import { describe, expect, it } from 'vitest';
import type { PhotoReading, ReadingCandidate } from '../ocr/types.js';
import { cutByRegistry, extentVariants, settledConfidence } from './weigh-photos.js';

const lcd = (digits: string, confidence: number, digitConfidence: number[], doubtCodes: PhotoReading['doubtCodes']): [PhotoReading, ReadingCandidate] => {
  const top = { digits, value: Number(digits), confidence };
  return [{
    attachmentIndex: 0, problem: null, display: 'lcd', candidates: [top], digitConfidence, serial: null, zone: null,
    crop: null, imageWidth: 100, imageHeight: 100, ms: 1, doubtCodes,
  }, top];
};

describe('extentVariants', () => {
  it('lists decimals taken for integers, digits lost at either end and a leading digit gained', () => {
    const v = extentVariants(361);
    expect(v).toEqual(expect.arrayContaining([36, 3, 3610, 3619, 36100, 36199, 1361, 9361, 61]));
    expect(v).not.toContain(361);
    expect(v).not.toContain(362);
  });
});

describe('settledConfidence (LCD)', () => {
  const heat = { digits: 5 };
  it('a small heat reading with only extent doubts takes its digits\' certainty when no variant fits the window', () => {
    const [p, top] = lcd('281', 0.48, [0.99, 0.99, 0.98], ['engines_disagree', 'few_digits']);
    expect(settledConfidence(p, top, heat, { last: 277, band: 20 })).toBeCloseTo(0.96, 2);
  });

  it('stays unsettled when a variant fits too: near zero, ten times less is just as plausible', () => {
    const [p, top] = lcd('281', 0.48, [0.99, 0.99, 0.98], ['few_digits']);
    expect(settledConfidence(p, top, { digits: 6 }, { last: 0, band: 2000 })).toBe(0.48);
    // a lost leading 1 (1760) fits an electricity window as well as 760 does
    const [p2, top2] = lcd('760', 0.7, [0.99, 0.99, 0.99], ['few_digits']);
    expect(settledConfidence(p2, top2, { digits: 6 }, { last: 730, band: 2000 })).toBe(0.7);
  });

  it('does not settle a reading outside the window, other doubts, or a meter without a last reading', () => {
    const [p, top] = lcd('281', 0.48, [0.99, 0.99, 0.98], ['few_digits']);
    expect(settledConfidence(p, top, heat, { last: 290, band: 20 })).toBe(0.48);
    expect(settledConfidence(p, top, heat, { last: null, band: 20 })).toBe(0.48);
    const [q, topQ] = lcd('281', 0.48, [0.99, 0.99, 0.98], ['few_digits', 'strays']);
    expect(settledConfidence(q, topQ, heat, { last: 277, band: 20 })).toBe(0.48);
  });

  it('unsure digits stay unsure: the digits\' own product is the most it gets', () => {
    const [p, top] = lcd('281', 0.3, [0.99, 0.7, 0.98], ['few_digits']);
    expect(settledConfidence(p, top, heat, { last: 277, band: 20 })).toBeLessThan(0.8);
  });
});

describe('settledConfidence (drum)', () => {
  const drum = (digits: string, confidence: number, digitConfidence: number[], doubtCodes: PhotoReading['doubtCodes']): [PhotoReading, ReadingCandidate] => {
    const [p, top] = lcd(digits, confidence, digitConfidence, doubtCodes);
    return [{ ...p, display: 'drum' }, top];
  };

  it('one drum between two digits matched surely from its pieces is read as surely as the match says', () => {
    const [p, top] = drum('068071', 0.723, [0.99, 0.99, 0.99, 0.99, 0.985, 0.806], ['half_turned']);
    expect(settledConfidence(p, top, { digits: 6 })).toBe(0.806);
  });

  it('but not with a digit gained or lost, another unsure digit, a match below sure, or another doubt', () => {
    const [p, top] = drum('068071', 0.723, [0.99, 0.99, 0.99, 0.99, 0.985, 0.806], ['half_turned']);
    expect(settledConfidence(p, top, { digits: 7 })).toBe(0.723);
    const [q, topQ] = drum('068071', 0.6, [0.99, 0.99, 0.9, 0.99, 0.985, 0.806], ['half_turned']);
    expect(settledConfidence(q, topQ, { digits: 6 })).toBe(0.6);
    const [r, topR] = drum('068071', 0.5, [0.99, 0.99, 0.99, 0.99, 0.985, 0.806], ['half_turned', 'strays']);
    expect(settledConfidence(r, topR, { digits: 6 })).toBe(0.5);
    const [u, topU] = drum('068071', 0.65, [0.99, 0.99, 0.99, 0.99, 0.985, 0.75], ['half_turned']);
    expect(settledConfidence(u, topU, { digits: 6 })).toBe(0.65);
    // a gap no template matched is a missing digit, not a half-turned one
    const [m, topM] = drum('068071', 0.4, [0.99, 0.99, 0.99, 0.99, 0.985, 0.806], ['missing_digit']);
    expect(settledConfidence(m, topM, { digits: 6 })).toBe(0.4);
  });
});

describe('cutByRegistry (LCD point unseen)', () => {
  it('cuts the decimals off when exactly one cut fits the window', () => {
    const [p, top] = lcd('00978388', 0.3, [1, 1, 0.99, 0.99, 0.98, 0.99, 0.6, 0.5], ['no_decimal_point']);
    expect(cutByRegistry(p, top, { digits: 6 }, { last: 9383, band: 2000 })).toEqual({ digits: '009783', value: 9783, confidence: 0.951 });
  });

  it('a display showing leading zeros keeps exactly the meter\'s digits: no leading digit can have been lost', () => {
    const [p, top] = lcd('0005192', 0.5, [1, 1, 1, 1, 1, 1, 1], ['no_decimal_point']);
    expect(cutByRegistry(p, top, { digits: 6 }, { last: 489, band: 2000 })?.value).toBe(519);
    // blanked zeros: 1519 (a lost leading 1) would fit as well
    const [q, topQ] = lcd('5192', 0.5, [1, 1, 1, 1], ['no_decimal_point']);
    expect(cutByRegistry(q, topQ, { digits: 6 }, { last: 489, band: 2000 })).toBeNull();
  });

  it('cuts four decimals off a heat meter\'s Гкал, down to one integer digit when nothing else fits', () => {
    const [p, top] = lcd('180647', 0.44, [1, 1, 1, 0.97, 1, 1], ['no_decimal_point', 'engines_disagree']);
    expect(cutByRegistry(p, top, { digits: 2 }, { last: 17, band: 20 })).toEqual({ digits: '18', value: 18, confidence: 1 });
    const [q, topQ] = lcd('7904', 0.5, [1, 1, 1, 1], ['no_decimal_point']);
    expect(cutByRegistry(q, topQ, { digits: 5 }, { last: 6, band: 3 })?.value).toBe(7);
    // a leading digit lost (17) would fit a wider window as well
    expect(cutByRegistry(q, topQ, { digits: 5 }, { last: 6, band: 20 })).toBeNull();
  });

  it('no cut when two fit, when the point was seen, or when another doubt stands', () => {
    const [p, top] = lcd('51923', 0.5, [1, 1, 1, 1, 1], ['no_decimal_point']);
    expect(cutByRegistry(p, top, { digits: 6 }, { last: 500, band: 5000 })).toBeNull();
    const [q, topQ] = lcd('00978388', 0.3, [1, 1, 1, 1, 1, 1, 1, 1], ['few_digits']);
    expect(cutByRegistry(q, topQ, { digits: 6 }, { last: 9383, band: 2000 })).toBeNull();
    const [r, topR] = lcd('00978388', 0.3, [1, 1, 1, 1, 1, 1, 1, 1], ['no_decimal_point', 'strays']);
    expect(cutByRegistry(r, topR, { digits: 6 }, { last: 9383, band: 2000 })).toBeNull();
  });
});
