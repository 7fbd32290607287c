import { describe, expect, it } from 'vitest';
import { zoneFromText } from './read-zone.js';

describe('zoneFromText', () => {
  it('takes a lone indicator only', () => {
    expect(zoneFromText('T1\n')).toBe('t1');
    expect(zoneFromText(' T 2 ')).toBe('t2');
    expect(zoneFromText('TT')).toBeNull();
    expect(zoneFromText('T1 T2')).toBeNull();
    expect(zoneFromText('1')).toBeNull();
  });
});
