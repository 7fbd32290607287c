import { describe, expect, it } from 'vitest';
import { headerDate } from './header-date.js';

const msg = (header: string): Buffer => Buffer.from(`${header}\r\n\r\nDate: Mon, 1 Jan 2001 00:00:00 +0000\r\n`, 'latin1');

describe('headerDate', () => {
  it.each([
    ['Date: Tue, 24 Nov 2026 12:00:03 +1000', '2026-11-24T02:00:03.000Z'],
    ['Date: 24 Nov 2026 16:05:00 +1000', '2026-11-24T06:05:00.000Z'],
    ['Date: Sat, 21 Nov 2026 01:15:00 GMT', '2026-11-21T01:15:00.000Z'],
    ['Date: Sat, 21 Nov 2026 10:15:00 +0300 (MSK)', '2026-11-21T07:15:00.000Z'],
    ['Subject: x\r\nDate: Sat,\r\n 21 Nov 2026 10:15:00 +0000', '2026-11-21T10:15:00.000Z'],
  ])('%s', (header, iso) => {
    expect(headerDate(msg(header))?.toISOString()).toBe(iso);
  });

  it('reads only the header', () => {
    expect(headerDate(msg('Subject: no date'))).toBeUndefined();
  });

  it('gives undefined for an unreadable date', () => {
    expect(headerDate(msg('Date: вчера'))).toBeUndefined();
  });

  it('accepts bare LF line ends', () => {
    expect(headerDate(Buffer.from('Date: 24 Nov 2026 16:05:00 +1000\n\nbody'))?.toISOString()).toBe('2026-11-24T06:05:00.000Z');
  });
});
