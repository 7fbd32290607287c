// cli user add --login L --role clerk|admin — a clerk UI account. The password is the first line of stdin; an
// optional second line must repeat it; on a terminal it is asked for twice, without echo.
// cli user list — the accounts.
import { loadSettings } from '../../config.js';
import { createUser, isRole } from '../../review/services/manage-users.js';
import { openStore } from '../../store/index.js';
import { UsageError, parseArgs } from '../args.js';
import type { Command } from './index.js';

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          return resolve(value);
        }
        if (ch === '\u0003') {
          done();
          return reject(new UsageError('cancelled'));
        }
        if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else value += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

async function readStdinLines(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await readHidden('Пароль: ');
    const second = await readHidden('Повторите пароль: ');
    if (first !== second) throw new UsageError('the passwords differ');
    return first;
  }
  const [first = '', second] = await readStdinLines();
  if (second !== undefined && second !== '' && second !== first) throw new UsageError('the second line of stdin must repeat the password');
  return first;
}

export const user: Command = {
  summary: 'user add --login L --role clerk|admin (password from stdin) | user list',
  async run(argv) {
    const [sub, ...rest] = argv;
    const { options } = parseArgs(rest, ['login', 'role']);
    if (sub !== 'add' && sub !== 'list') throw new UsageError('usage: user add --login L --role clerk|admin | user list');
    const { DATABASE_URL } = loadSettings(['DATABASE_URL']);
    if (sub === 'add') {
      const login = options['login'];
      const role = options['role'];
      if (typeof login !== 'string' || typeof role !== 'string') throw new UsageError('user add needs --login and --role');
      if (!isRole(role)) throw new UsageError('--role must be clerk or admin');
      const password = await readPassword();
      const store = await openStore(DATABASE_URL);
      try {
        const result = await createUser(store, { login, role, password, actor: 'cli' });
        if (!result.ok) {
          process.stderr.write(`cli user: ${result.message}\n`);
          return 1;
        }
        process.stdout.write(`user ${login} (${role}) created\n`);
        return 0;
      } finally {
        await store.close();
      }
    }
    const store = await openStore(DATABASE_URL);
    try {
      for (const u of await store.users.list()) process.stdout.write(`${u.login}\t${u.role}\t${u.active ? 'active' : 'inactive'}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
