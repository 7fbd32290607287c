// `npm run pg -- start|stop|status`: a throw-away local PostgreSQL 15 cluster (.data/pg) for tests, CI and trials.
import { ConfigError } from '../src/config.js';
import { postgresStatus, startPostgres, stopPostgres, type PgStatus } from './pg/index.js';

const USAGE = `usage: npm run pg -- <command>

  start    install postgresql-15 if missing, create the cluster on first use, start it on 127.0.0.1:PG_PORT
           (default 54329); returns once it accepts connections and prints DATABASE_URL
  stop     stop it and wait until the server has exited
  status   one line; exit 0 if it runs, 3 otherwise
`;

const say = (line: string) => process.stdout.write(`${line}\n`);

function describe(s: PgStatus): string {
  return `postgres  ${s.running ? `running  pid ${s.pid}  127.0.0.1:${s.port}` : 'stopped'}  ${s.dataDir}`;
}

async function main(command: string | undefined): Promise<number> {
  switch (command) {
    case 'start': {
      const s = await startPostgres({ say });
      if (!s.started) say('already running');
      say(describe(s));
      say(`DATABASE_URL=${s.databaseUrl}`);
      return 0;
    }
    case 'stop':
      say(await stopPostgres({ say }) ? 'postgres stopped' : 'postgres was not running');
      return 0;
    case 'status': {
      const s = postgresStatus();
      say(describe(s));
      if (s.running) say(`DATABASE_URL=${s.databaseUrl}`);
      return s.running ? 0 : 3;
    }
    default:
      process.stderr.write(USAGE);
      return command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const err = e as Error & { code?: string };
    process.stderr.write(`pg: ${err.code ? `[${err.code}] ` : ''}${err.message}\n`);
    process.exitCode = e instanceof ConfigError ? 2 : 1;
  },
);
