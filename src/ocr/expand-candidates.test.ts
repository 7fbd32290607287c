import { describe, expect, it } from 'vitest';
import { expandCandidates, withConfusions } from './expand-candidates.js';

describe('expandCandidates', () => {
  it('puts the most probable reading first and offers the uncertain digit’s alternatives', () => {
    const digits = [[{ digit: 0, p: 0.99 }], [{ digit: 4, p: 0.98 }], [{ digit: 3, p: 0.7 }, { digit: 8, p: 0.25 }], [{ digit: 1, p: 0.97 }]];
    const cands = expandCandidates(digits, 1);
    expect(cands.map((c) => c.digits)).toEqual(['0431', '0481']);
    expect(cands[0]).toMatchObject({ value: 431 });
    expect(cands[0]!.confidence).toBeCloseTo(0.99 * 0.98 * 0.7 * 0.97, 3);
  });

  it('scales every candidate by the layout quality', () => {
    const [best] = expandCandidates([[{ digit: 5, p: 1 }], [{ digit: 6, p: 1 }]], 0.4);
    expect(best!.confidence).toBeCloseTo(0.4, 3);
  });

  it('returns nothing for no digits and at most `limit` readings', () => {
    expect(expandCandidates([], 1)).toEqual([]);
    const wide = Array.from({ length: 6 }, () => withConfusions(8, 0.5));
    expect(expandCandidates(wide, 1, 4, 0)).toHaveLength(4);
    expect(expandCandidates(wide, 1, 4)).toHaveLength(1); // the rest fall under the 1% floor
  });
});

describe('withConfusions', () => {
  it('spreads the doubt over the usual look-alikes (3 ↔ 8, 1 ↔ 7, 5 ↔ 6)', () => {
    expect(withConfusions(3, 0.8).map((a) => a.digit)).toContain(8);
    expect(withConfusions(1, 0.8).map((a) => a.digit)).toContain(7);
    expect(withConfusions(5, 0.8).map((a) => a.digit)).toContain(6);
    const total = withConfusions(3, 0.8).reduce((s, a) => s + a.p, 0);
    expect(total).toBeLessThanOrEqual(1);
  });
});
