// `cli user add`: the password from stdin (first line; an optional second line must repeat it), hashed with scrypt.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { verifyPassword } from '../../src/review/password.js';
import { migrateDatabase, openStore } from '../../src/store/index.js';

let dir: string;
let databaseUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'khab-user-cli-'));
  databaseUrl = `file:${path.join(dir, 'db.sqlite')}`;
  await migrateDatabase(databaseUrl);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], input: string) => spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bin', 'cli.mjs'), ...args], {
  cwd: PROJECT_ROOT, input, encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
});

describe('cli user', () => {
  it('adds users with the password from stdin and refuses bad input', async () => {
    expect(cli(['user', 'add', '--login', 'olga', '--role', 'clerk'], 'olga-password-1\nolga-password-1\n')).toMatchObject({ status: 0, stdout: 'user olga (clerk) created\n' });
    expect(cli(['user', 'add', '--login', 'admin', '--role', 'admin'], 'admin-password-1\n')).toMatchObject({ status: 0 });
    expect(cli(['user', 'add', '--login', 'p', '--role', 'clerk'], 'first-password-1\nsecond-password\n').status).toBe(2); // second line differs
    expect(cli(['user', 'add', '--login', 'q', '--role', 'boss'], 'some-password-1\n').status).toBe(2);
    const short = cli(['user', 'add', '--login', 'rita', '--role', 'clerk'], 'short\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('короче');
    expect(cli(['user', 'add', '--login', 'olga', '--role', 'clerk'], 'olga-password-2\n').stderr).toContain('уже есть');
    expect(cli(['user', 'list'], '').stdout).toBe('admin\tadmin\tactive\nolga\tclerk\tactive\n');
    const store = await openStore(databaseUrl);
    try {
      const olga = (await store.users.byLogin('olga'))!;
      expect(olga.passwordHash).toMatch(/^scrypt\$/);
      expect(await verifyPassword('olga-password-1', olga.passwordHash)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
