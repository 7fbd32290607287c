// The worker-thread parser gives exactly what parseMessage gives in this thread, attachments as Buffers.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMessage } from './parse-message.js';
import { createParserPool } from './parser-pool.js';
import { DEFAULT_PARSE_LIMITS } from './types.js';

const dir = path.resolve(import.meta.dirname, '../../samples');
const samples = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().slice(0, 60).map((f) => readFileSync(path.join(dir, f)));
const pool = createParserPool(2);
afterAll(() => pool.close());

const comparable = (p: Awaited<ReturnType<typeof parseMessage>>) =>
  JSON.stringify({ ...p, attachments: p.attachments.map((a) => ({ ...a, content: a.content.toString('base64') })) });

describe('createParserPool', () => {
  it('parses on worker threads exactly as in this thread', async () => {
    const pooled = await Promise.all(samples.map((raw) => pool.parse(raw, DEFAULT_PARSE_LIMITS)));
    for (let i = 0; i < samples.length; i++) expect(comparable(pooled[i]!)).toBe(comparable(await parseMessage(samples[i]!, DEFAULT_PARSE_LIMITS)));
    const withAttachment = pooled.find((p) => p.attachments.length > 0);
    expect(withAttachment && Buffer.isBuffer(withAttachment.attachments[0]!.content)).toBe(true);
    expect(pooled.every((p) => p.date === null || p.date instanceof Date)).toBe(true);
  });

  it('passes bad input through as parse problems, and refuses work once closed', async () => {
    const local = createParserPool(1);
    expect((await local.parse(Buffer.alloc(0), DEFAULT_PARSE_LIMITS)).problems).toContain('empty');
    await local.close();
    await expect(local.parse(Buffer.from('x'), DEFAULT_PARSE_LIMITS)).rejects.toMatchObject({ code: 'PARSER_POOL_CLOSED' });
  });
});
