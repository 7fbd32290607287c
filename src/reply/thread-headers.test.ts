import { describe, expect, it } from 'vitest';
import { threadHeaders } from './thread-headers.js';

describe('threadHeaders', () => {
  it('answers the message and extends its References', () => {
    expect(threadHeaders('abc@mail.ru', { references: ['<root@x.ru>\r\n <mid@x.ru>'] })).toEqual({
      inReplyTo: '<abc@mail.ru>', references: '<root@x.ru> <mid@x.ru> <abc@mail.ru>',
    });
    expect(threadHeaders('<abc@mail.ru>', {})).toEqual({ inReplyTo: '<abc@mail.ru>', references: '<abc@mail.ru>' });
  });

  it('keeps the thread root and the latest ids of a long thread', () => {
    const ids = Array.from({ length: 15 }, (_, i) => `<m${i}@x.ru>`);
    const refs = threadHeaders('last@x.ru', { references: [ids.join(' ')] }).references!.split(' ');
    expect(refs).toHaveLength(10);
    expect(refs[0]).toBe('<m0@x.ru>');
    expect(refs.at(-1)).toBe('<last@x.ru>');
  });

  it('has nothing to answer without a usable Message-ID', () => {
    expect(threadHeaders(null, {})).toEqual({ inReplyTo: null, references: null });
    expect(threadHeaders('not an id', {})).toEqual({ inReplyTo: null, references: null });
  });
});
