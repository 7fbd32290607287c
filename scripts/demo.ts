// npm run demo — the whole service on embedded defaults, end to end:
//   local Dovecot + SMTP sink (npm run mailserver), a fresh SQLite database (npm run db -- migrate), the sample
//   registry imported, the sample mails appended to INBOX (in the order they were written, INTERNALDATE from
//   their Date header), one pass of the intake daemon (cli intake --once); then what happened: decisions, the
//   folders, the readings stored (cli readings export) and the replies that reached the sink.
// Each run starts from empty mail data and an empty database, so it can be repeated.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadSettings, PROJECT_ROOT } from '../src/config.js';
import { decodeHeaderLine } from '../src/parse/decode-header.js';
import { resetMailData, sinkMessages, startMailServer } from './mailserver/index.js';

const say = (line: string) => process.stdout.write(`${line}\n`);
const cli = (args: string[], env: NodeJS.ProcessEnv = {}): string =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: PROJECT_ROOT, env: { ...process.env, LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn', ...env }, encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024,
  });

const samples = path.join(PROJECT_ROOT, 'samples');
const files = readdirSync(samples).filter((f) => f.endsWith('.eml')).map((f) => path.join(samples, f));
const dateOf = (f: string): number => {
  const m = /^date:\s*(.+)$/im.exec(readFileSync(f).toString('latin1'));
  const t = m ? Date.parse(m[1]!.replace(/\s*\([^)]*\)\s*$/, '')) : NaN;
  return Number.isNaN(t) ? Number.MAX_SAFE_INTEGER : t;
};
files.sort((a, b) => dateOf(a) - dateOf(b));

say('1. local mail servers (Dovecot IMAP 127.0.0.1:3143/3993, SMTP sink 127.0.0.1:2525), empty mailbox');
await resetMailData();
const status = await startMailServer({ say: (l) => say(`   ${l}`) });

const { DATABASE_URL } = loadSettings(['DATABASE_URL']);
say(`2. fresh database ${DATABASE_URL}`);
if (DATABASE_URL.startsWith('file:')) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${DATABASE_URL.slice(5)}${suffix}`, { force: true });
}
try {
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/db.ts', 'migrate'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
} catch (e) {
  process.stderr.write(String((e as { stderr?: Buffer }).stderr ?? e));
  process.exit(1);
}

say(`3. registry: ${cli(['registry', 'import', path.join(samples, 'registry.csv')]).trim()}`);

say(`4. appending ${files.length} sample mails to INBOX`);
cli(['mail', 'append', '--date-from-header', ...files]);

say('5. intake --once (fetch, decide, store, file, reply)');
const stats = JSON.parse(cli(['intake', '--once'])) as { seen: number; decided: Record<string, number>; duplicates: number; failed: number };
say(`   ${stats.seen} messages: ${Object.entries(stats.decided).map(([k, v]) => `${k} ${v}`).join(', ')}; failed ${stats.failed}`);

const readings = cli(['readings', 'export', '--format', 'csv']).trim().split('\n');
say(`6. readings stored (cli readings export --format csv): ${readings.length - 1}`);
for (const line of readings.slice(0, 8)) say(`   ${line}`);
if (readings.length > 8) say(`   … ${readings.length - 8} more`);

const replies = sinkMessages();
say(`7. replies delivered to the SMTP sink (${status.connection.sinkDir}): ${replies.length}`);
for (const file of replies.slice(0, 3)) {
  const subject = decodeHeaderLine(/^subject:\s*(.+)$/im.exec(readFileSync(file, 'utf8'))?.[1] ?? '');
  say(`   ${path.basename(file)}  ${subject}`);
}
say('\nThe daemon itself: `npx pm2 start ecosystem.config.cjs` (see README, Operations). Mail stays in the local');
say('Dovecot folders Processed / Review / Rejected / Ignored; the database is in .data/.');
