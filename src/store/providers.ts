// Where each database provider keeps its Prisma files. One models file serves both providers;
// the schema, migrations and generated client are per provider.
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

export type Provider = 'sqlite' | 'postgres';
export const PROVIDERS: readonly Provider[] = ['sqlite', 'postgres'];

export const PRISMA_DIR = path.join(PROJECT_ROOT, 'prisma');
export const MODELS_PATH = path.join(PRISMA_DIR, 'models.prisma');

export const providerDir = (p: Provider): string => path.join(PRISMA_DIR, p);
export const schemaPath = (p: Provider): string => path.join(providerDir(p), 'schema.prisma');
export const configPath = (p: Provider): string => path.join(providerDir(p), 'prisma.config.ts');
export const migrationsDir = (p: Provider): string => path.join(providerDir(p), 'migrations');
export const generatedDir = (p: Provider): string => path.join(PROJECT_ROOT, 'src', 'store', 'generated', p);

/** DATABASE_URL is validated by config.ts; this only tells the two kinds apart. */
export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgres';
  throw new Error(`DATABASE_URL must start with file: or postgres://, got "${databaseUrl}"`);
}

/** Path of the SQLite file named by a file: URL (relative to the working directory; `file::memory:` stays in memory). */
export function sqliteFilePath(databaseUrl: string): string {
  const p = databaseUrl.slice('file:'.length).replace(/\?.*$/, '');
  if (p === ':memory:') return p;
  return path.resolve(p.startsWith('//') ? p.slice(2) : p);
}
