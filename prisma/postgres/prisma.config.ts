// Prisma CLI settings for postgres: the WebAssembly schema engine through a driver adapter, so that
// generate and migrations never download an engine. Run through `npm run db -- …`, which passes --config.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';
import { loadSettings } from '../../src/config.js';
import { postgresAdapterFactory } from '../../src/store/driver-adapters.js';
import { providerOf } from '../../src/store/providers.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(here, 'schema.prisma'),
  migrations: { path: path.join(here, 'migrations') },
  async adapter() {
    const { DATABASE_URL } = loadSettings(['DATABASE_URL']);
    if (providerOf(DATABASE_URL) !== 'postgres') throw new Error(`this config is for postgres, DATABASE_URL is "${DATABASE_URL}"`);
    return postgresAdapterFactory(DATABASE_URL);
  },
});
