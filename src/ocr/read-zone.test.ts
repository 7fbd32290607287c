import { describe, expect, it } from 'vitest';
import { zoneFromText } from './read-zone.js';
import { serialFromText } from './read-serial.js';

describe('zoneFromText', () => {
  it('takes a lone indicator only', () => {
    expect(zoneFromText('T1\n')).toBe('t1');
    expect(zoneFromText(' T 2 ')).toBe('t2');
    expect(zoneFromText('TT')).toBeNull();
    expect(zoneFromText('T1 T2')).toBeNull();
    expect(zoneFromText('1')).toBeNull();
  });
});

describe('serialFromText', () => {
  it('reads the digits after the number sign as Tesseract renders it', () => {
    expect(serialFromText('Ne 3213828955\n')).toBe('3213828955');
    expect(serialFromText('№ 01120457')).toBe('01120457');
    expect(serialFromText('No. 7345190')).toBe('7345190');
  });

  it('takes no bare number, no short number and no number broken by spaces', () => {
    expect(serialFromText('3213828955')).toBeNull();
    expect(serialFromText('Ne 2019')).toBeNull();
    expect(serialFromText('Ne 12345678 2019')).toBe('12345678');
  });
});
