// Test databases on either provider, chosen by TEST_DATABASE (sqlite, the default, or postgres; the vitest
// project "postgres" sets it). Each test gets a fresh, fully migrated database made by the same code path as
// `npm run db -- migrate`:
//   SQLite      migrated once per test file into a temp directory, then the file is copied per test;
//   PostgreSQL  migrated once into a template database named after the migrations, then CREATE DATABASE …
//               TEMPLATE per test on the project's throw-away cluster (`npm run pg -- start`, started here
//               when it is not running, or TEST_POSTGRES_URL); cleanup drops them.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { migrateDatabase, migrationNames, type Provider } from '../../src/store/index.js';
import { migrationsDir } from '../../src/store/providers.js';
import { loadSettings } from '../../src/config.js';
import { pgUrl, startPostgres } from '../../scripts/pg/index.js';
import { PG_BIN } from '../../scripts/pg/layout.js';

const run = promisify(execFile);

/** The provider the store, intake and reply tests run on. */
export const TEST_PROVIDER: Provider = process.env['TEST_DATABASE'] === 'postgres' ? 'postgres' : 'sqlite';

export interface TempDatabases {
  provider: Provider;
  /** A temp directory for the test's files (SQLite databases live here too). */
  dir: string;
  /** A new migrated database; returns its DATABASE_URL. */
  fresh(): Promise<string>;
  /** Removes the directory and drops every database `fresh` made. */
  cleanup(): Promise<void>;
}

export async function tempDatabases(provider: Provider = TEST_PROVIDER): Promise<TempDatabases> {
  const dir = mkdtempSync(path.join(tmpdir(), 'khab-store-'));
  return provider === 'postgres' ? postgresDatabases(dir) : sqliteDatabases(dir);
}

async function sqliteDatabases(dir: string): Promise<TempDatabases> {
  const template = path.join(dir, 'template.sqlite');
  await migrateDatabase(`file:${template}`);
  let n = 0;
  return {
    provider: 'sqlite',
    dir,
    async fresh() {
      const file = path.join(dir, `db-${++n}.sqlite`);
      copyFileSync(template, file);
      return `file:${file}`;
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The maintenance database of the test cluster: TEST_POSTGRES_URL, else the cluster of `npm run pg`. */
async function serverUrl(): Promise<URL> {
  const given = process.env['TEST_POSTGRES_URL'];
  if (given) return new URL(given);
  try {
    const status = await startPostgres();
    const url = new URL(status.databaseUrl);
    url.pathname = '/postgres';
    return url;
  } catch (e) {
    // PG_PORT served by a cluster of its own (another checkout's, one started by hand): used as it is when it
    // lets the postgres superuser in without a password, as ours does.
    if ((e as { code?: string }).code !== 'PORT_IN_USE') throw e;
    const url = new URL(pgUrl(loadSettings(['PG_PORT']).PG_PORT, 'postgres'));
    await psql(url, 'SELECT 1').catch(() => { throw e; });
    return url;
  }
}

export async function psql(server: URL, sql: string): Promise<string> {
  const { stdout } = await run(path.join(PG_BIN, 'psql'), [server.toString(), '-v', 'ON_ERROR_STOP=1', '-tAc', sql], { timeout: 60_000 });
  return stdout.trim();
}

const withDatabase = (server: URL, name: string): string => {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
};

/** One template per set of migrations: later test files (and runs) reuse it. */
async function templateDatabase(server: URL): Promise<string> {
  const hash = createHash('sha256');
  for (const name of await migrationNames('postgres')) hash.update(name).update(readFileSync(path.join(migrationsDir('postgres'), name, 'migration.sql')));
  const name = `khab_tmpl_${hash.digest('hex').slice(0, 16)}`;
  if (await psql(server, `SELECT 1 FROM pg_database WHERE datname = '${name}'`) === '1') return name;
  // Migrated under a name of its own, renamed when complete: a half-migrated template is never used.
  const building = `khab_build_${randomBytes(6).toString('hex')}`;
  await psql(server, `CREATE DATABASE ${building}`);
  await migrateDatabase(withDatabase(server, building));
  try {
    await psql(server, `ALTER DATABASE ${building} RENAME TO ${name}`);
  } catch {
    await psql(server, `DROP DATABASE IF EXISTS ${building} WITH (FORCE)`); // another run made it meanwhile
  }
  return name;
}

async function postgresDatabases(dir: string): Promise<TempDatabases> {
  const server = await serverUrl();
  const template = await templateDatabase(server);
  const prefix = `khab_t_${process.pid}_${randomBytes(3).toString('hex')}`;
  const made: string[] = [];
  return {
    provider: 'postgres',
    dir,
    async fresh() {
      const name = `${prefix}_${made.length + 1}`;
      made.push(name);
      // Copying a template fails while another session copies it (two test runs at once): retry briefly.
      for (let attempt = 1; ; attempt++) {
        try {
          await psql(server, `CREATE DATABASE ${name} TEMPLATE ${template}`);
          break;
        } catch (e) {
          if (attempt >= 20 || !/being accessed by other users/.test(String((e as { stderr?: string }).stderr))) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      return withDatabase(server, name);
    },
    async cleanup() {
      for (const name of made) await psql(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const REGISTRY_CSV = `account,meter,kind,zones,digits,last_t1,last_t2,last_t3,last_date,emails
2701004512,011234567,electricity,1,6,48213,,,2026-10-23,ivanova.tn@mail.ru
2701013377,0923457,electricity,2,5,12402,5311,,2026-10-21,petrov.av@gmail.com
2701013377,20931,heat,1,5,112,,,2026-10-21,petrov.av@gmail.com;p.petrov@yandex.ru
2701020458,ЕМ-123456,electricity,3,6,23480,1000,500,2026-10-24,
`;
