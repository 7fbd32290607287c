#!/usr/bin/env -S npx tsx
// Database commands: `npm run db -- migrate | generate | check | new-migration NAME`.
// All of them run offline: the Prisma CLI uses the WebAssembly schema engine (see prisma/*/prisma.config.ts).
import { ConfigError, loadSettings } from '../config.js';
import {
  PROVIDERS, checkMigrations, generateClients, migrateDatabase, migrationNames, newMigration, providerOf,
} from '../store/index.js';
import { UsageError, parseArgs } from './args.js';

const USAGE = `usage: npm run db -- <command>

  migrate                       create or upgrade the database at DATABASE_URL (default: SQLite file in .data/)
  generate                      write prisma/{sqlite,postgres}/schema.prisma from prisma/models.prisma, generate both clients
  check [--postgres-url URL]    fail if migrations differ from the models (PostgreSQL only with a server)
  new-migration NAME [--postgres-url URL]
                                write migrations for both providers from the models' changes (needs a PostgreSQL server)
`;

/** Hides the password of a postgres:// URL in messages. */
function shown(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*:)[^@/]*@/, '$1***@');
}

/** A PostgreSQL server for commands that need one: the option, else DATABASE_URL when it is postgres://. */
function postgresUrl(option: string | true | undefined): string | null {
  if (typeof option === 'string') {
    if (providerOf(option) !== 'postgres') throw new UsageError(`--postgres-url must be postgres://…, got "${option}"`);
    return option;
  }
  const { DATABASE_URL } = loadSettings(['DATABASE_URL']);
  return providerOf(DATABASE_URL) === 'postgres' ? DATABASE_URL : null;
}

async function check(pgUrl: string | null): Promise<number> {
  let failed = false;
  const [sqliteNames, postgresNames] = [await migrationNames('sqlite'), await migrationNames('postgres')];
  if (sqliteNames.join() !== postgresNames.join()) {
    failed = true;
    process.stdout.write(`FAIL migrations: sqlite and postgres histories differ (${sqliteNames.length} vs ${postgresNames.length})\n`);
  }
  for (const provider of PROVIDERS) {
    if (provider === 'postgres' && pgUrl === null) {
      process.stdout.write('SKIP postgres: no server (pass --postgres-url postgres://… to check it)\n');
      continue;
    }
    const result = await checkMigrations(provider, provider === 'postgres' ? pgUrl ?? undefined : undefined);
    failed ||= !result.ok;
    process.stdout.write(`${result.ok ? 'OK  ' : 'FAIL'} ${provider}: ${result.message}\n`);
  }
  return failed ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { options, positionals } = parseArgs(rest, ['postgres-url']);
  switch (command) {
    case 'migrate': {
      const { DATABASE_URL } = loadSettings(['DATABASE_URL']);
      await migrateDatabase(DATABASE_URL, { echo: true });
      process.stdout.write(`database ${shown(DATABASE_URL)} is at the latest migration\n`);
      return 0;
    }
    case 'generate':
      await generateClients();
      process.stdout.write(`generated Prisma clients: ${PROVIDERS.join(', ')} (src/store/generated/)\n`);
      return 0;
    case 'check':
      return check(postgresUrl(options['postgres-url']));
    case 'new-migration': {
      const name = positionals[0];
      if (!name || positionals.length > 1) throw new UsageError('new-migration takes one NAME');
      const pg = postgresUrl(options['postgres-url']);
      if (pg === null) {
        throw new UsageError('new-migration needs a PostgreSQL server for the postgres migration: pass --postgres-url postgres://…');
      }
      for (const m of await newMigration(name, pg)) {
        process.stdout.write(`${m.provider}: ${m.name ? `prisma/${m.provider}/migrations/${m.name}/migration.sql` : 'no changes'}\n`);
      }
      await generateClients();
      return 0;
    }
    default:
      process.stderr.write(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    const err = e as Error & { code?: string };
    const usage = e instanceof UsageError || e instanceof ConfigError;
    process.stderr.write(`db: ${!usage && err.code ? `[${err.code}] ` : ''}${err.message ?? String(e)}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
