import { describe, expect, it } from 'vitest';
import type { StoredMeter } from '../../store/index.js';
import { readingsFromRows } from './confirm-item.js';

const meter = (id: number, zones: 1 | 2 | 3, digits = 5): StoredMeter => ({
  id, accountId: 1, serialKey: `m${id}`, account: '2701013377', meter: `M${id}`, kind: 'electricity', zones, digits,
  last: { t1: 100, t2: zones > 1 ? 50 : null, t3: null }, lastDate: '2026-10-21', emails: [],
});
const meters = new Map([[1, meter(1, 1)], [2, meter(2, 2)]]);

describe('readingsFromRows', () => {
  it('turns rows into readings, skipping empty ones and spaces in numbers', () => {
    expect(readingsFromRows([
      { meterId: '2', values: ['12 403', '5312', ''] }, { meterId: '', values: ['', '', ''] },
    ], meters)).toEqual({ readings: [{ account: '2701013377', meter: 'M2', t1: 12403, t2: 5312, t3: null }], meterIds: [2] });
  });
  it.each([
    [[{ meterId: '', values: ['1', '', ''] }], /выберите прибор/],
    [[{ meterId: '9', values: ['1', '', ''] }], /выберите прибор/],
    [[{ meterId: '1', values: ['1', '2', ''] }], /лишнее значение/],
    [[{ meterId: '2', values: ['1', '', ''] }], /целым числом/],
    [[{ meterId: '1', values: ['123456', '', ''] }], /разрядности/],
    [[{ meterId: '1', values: ['-5', '', ''] }], /целым числом/],
    [[{ meterId: '1', values: ['1', '', ''] }, { meterId: '1', values: ['2', '', ''] }], /дважды/],
    [[], /Нет показаний/],
  ] as const)('refuses %j', (rows, problem) => {
    const r = readingsFromRows(rows.map((x) => ({ meterId: x.meterId, values: [...x.values] as [string, string, string] })), meters);
    expect('problem' in r && r.problem).toMatch(problem);
  });
});
