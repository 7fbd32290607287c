// Store errors never carry the arguments Prisma echoes in its messages (bodies, raw sources, addresses).
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { asStoreError, withoutArguments } from './errors.js';

const VALIDATION = '\nInvalid `prisma.outbox.create()` invocation:\n\n{\n  data: {\n    text: "SECRET-BODY",\n    to: 5,\n'
  + '    html: "<p>SECRET-HTML</p>",\n+   kind: String\n  }\n}\n\nArgument `kind` is missing.';
const UNIQUE = '\nInvalid `db.outbox.create()` invocation in\n/work/main/src/store/outbox.ts:70:40\n\n  69 try {\n'
  + '→ 70   const row = await db.outbox.create({ data: { to: "a@b.ru", text: "SECRET-BODY" } })\n\nUnique constraint failed on the fields: (`dedupeKey`)';

describe('store error messages', () => {
  it('keep the call and the explanation, not the arguments', () => {
    expect(withoutArguments(VALIDATION)).toBe('prisma.outbox.create(): Argument `kind` is missing.');
    expect(withoutArguments(UNIQUE)).toBe('db.outbox.create(): Unique constraint failed on the fields: (`dedupeKey`)');
    const err = asStoreError(Object.assign(new Error(VALIDATION), { name: 'PrismaClientValidationError' }));
    expect(err.code).toBe('STORE_QUERY_FAILED');
    expect(err.message).not.toMatch(/SECRET/);
    // Logged whole, with its cause (pino prints causes' messages and stacks).
    let out = '';
    const logger = createLogger(new Writable({ write(chunk, _e, done) { out += String(chunk); done(); } }), 'info');
    logger.error({ err }, 'request failed');
    expect(out).toContain('Argument `kind` is missing');
    expect(out).not.toMatch(/SECRET/);
  });

  it('leave other messages as they are', () => {
    expect(withoutArguments('SQLITE_BUSY: database is locked')).toBe('SQLITE_BUSY: database is locked');
  });
});
