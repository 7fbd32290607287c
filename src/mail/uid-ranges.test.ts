import { describe, expect, it } from 'vitest';
import { toUidRanges } from './uid-ranges.js';

describe('toUidRanges', () => {
  it.each([
    [[5, 6, 7, 8, 9, 12], '5:9,12'],
    [[1], '1'],
    [[3, 1, 2], '1:3'],
    [[7, 7, 8], '7:8'],
    [[1, 3, 5], '1,3,5'],
    [[10, 11, 20, 21, 22, 4294967295], '10:11,20:22,4294967295'],
  ])('%j → %s', (uids, expected) => {
    expect(toUidRanges(uids)).toBe(expected);
  });

  it('refuses what is not a UID', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 32]) expect(() => toUidRanges([bad])).toThrow(RangeError);
  });
});
