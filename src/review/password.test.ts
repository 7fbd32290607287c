import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';

describe('password', () => {
  it('hashes with scrypt and a salt; verifies only the right password', async () => {
    const a = await hashPassword('правильный пароль');
    const b = await hashPassword('правильный пароль');
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('правильный пароль', a)).toBe(true);
    expect(await verifyPassword('правильный пароль ', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99999999$8$1$AA$AA')).toBe(false); // absurd cost refused
  });
  it('refuses short passwords', () => {
    expect(passwordProblem('short')).toMatch(/короче/);
    expect(passwordProblem('long enough!')).toBeNull();
  });
});
