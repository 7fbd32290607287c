import { describe, expect, it } from 'vitest';
import { loginLimiter } from './login-limiter.js';

describe('loginLimiter', () => {
  it('refuses after N failures per login and per address, until the window ends', () => {
    const l = loginLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) l.fail('1.1.1.1', 'anna', 1000 + i);
    expect(l.retryAfter('1.1.1.1', 'anna', 2000)).toBe(59);
    expect(l.retryAfter('2.2.2.2', 'ANNA ', 2000)).toBe(59); // the login, from anywhere
    expect(l.retryAfter('1.1.1.1', 'boris', 2000)).toBe(59); // the address, for any login
    expect(l.retryAfter('2.2.2.2', 'boris', 2000)).toBe(0);
    expect(l.retryAfter('1.1.1.1', 'anna', 61_000)).toBe(0);
  });
  it('a success clears the login\'s count', () => {
    const l = loginLimiter(2, 60_000);
    l.fail('ip', 'anna', 0);
    l.succeed('ip', 'anna');
    l.fail('ip2', 'anna', 1);
    expect(l.retryAfter('ip3', 'anna', 2)).toBe(0);
  });
});
