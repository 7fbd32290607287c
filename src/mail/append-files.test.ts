import { describe, expect, it } from 'vitest';
import { toCrlf } from './append-files.js';

describe('toCrlf', () => {
  it('turns bare LF into CRLF and keeps every other byte', () => {
    const raw = Buffer.concat([Buffer.from('a\nb\r\nc\n\n'), Buffer.from([0xd0, 0x9f, 0xff, 0x0a])]);
    expect(toCrlf(raw)).toEqual(Buffer.concat([Buffer.from('a\r\nb\r\nc\r\n\r\n'), Buffer.from([0xd0, 0x9f, 0xff, 0x0d, 0x0a])]));
  });

  it('leaves CRLF text alone', () => {
    const raw = Buffer.from('x\r\ny\r\n');
    expect(toCrlf(raw).equals(raw)).toBe(true);
  });
});
