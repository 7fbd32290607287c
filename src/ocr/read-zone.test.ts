import { describe, expect, it } from 'vitest';
import { litThreshold, zoneFromText } from './read-zone.js';

describe('zoneFromText', () => {
  it('takes a lone indicator only', () => {
    expect(zoneFromText('T1\n')).toBe('t1');
    expect(zoneFromText(' T 2 ')).toBe('t2');
    expect(zoneFromText('TT')).toBeNull();
    expect(zoneFromText('T1 T2')).toBeNull();
    expect(zoneFromText('1')).toBeNull();
  });
});

describe('litThreshold', () => {
  it('lies halfway between the lit digits and their ground, so faint unlit marks fall on the ground side', () => {
    // A 10×10 crop: one digit box whose left half is ink (grey 30) and right half ground (grey 190).
    const data = new Uint8Array(100).map((_, i) => (i % 10 < 5 ? 30 : 190));
    const bin = { data: new Uint8Array(100).map((_, i) => (i % 10 < 5 ? 1 : 0)), width: 10, height: 10 };
    const t = litThreshold({ grey: { data, width: 10, height: 10 }, bin, digits: [{ x0: 0, y0: 0, x1: 10, y1: 10, area: 50 }] });
    expect(t).toBe(110);
    // An unlit segment a tenth darker than the ground stays above it.
    expect(190 - 0.1 * 190 > t).toBe(true);
  });
});
