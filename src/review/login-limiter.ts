// Failed-login counting per client address and per login name (fixed window). In memory: one web process;
// a restart forgets the counts, which only ever loosens the limit for one window.
export interface LoginLimiter {
  /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
  retryAfter(ip: string, login: string, now: number): number;
  fail(ip: string, login: string, now: number): void;
  succeed(ip: string, login: string): void;
}

export function loginLimiter(maxFailures: number, windowMs: number): LoginLimiter {
  const counts = new Map<string, { n: number; start: number }>();
  const keys = (ip: string, login: string) => [`ip:${ip}`, `login:${login.trim().toLowerCase()}`];
  const live = (key: string, now: number) => {
    const c = counts.get(key);
    if (c && now - c.start >= windowMs) {
      counts.delete(key);
      return undefined;
    }
    return c;
  };
  return {
    retryAfter(ip, login, now) {
      let wait = 0;
      for (const key of keys(ip, login)) {
        const c = live(key, now);
        if (c && c.n >= maxFailures) wait = Math.max(wait, Math.ceil((c.start + windowMs - now) / 1000));
      }
      return wait;
    },
    fail(ip, login, now) {
      if (counts.size > 100_000) counts.clear(); // a flood of made-up logins must not grow memory without end
      for (const key of keys(ip, login)) {
        const c = live(key, now);
        if (c) c.n++;
        else counts.set(key, { n: 1, start: now });
      }
    },
    succeed(_ip, login) {
      counts.delete(keys('', login)[1]!);
    },
  };
}
