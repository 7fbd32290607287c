import { defineConfig } from 'vitest/config';

// The store, intake, reply and clerk UI tests run twice: on SQLite (project "sqlite", with everything else) and on
// PostgreSQL (project "postgres": test/store/temp-db.ts gives each test a database on the cluster of
// `npm run pg`, which it starts when needed).
const POSTGRES_TESTS = ['test/store/**/*.test.ts', 'test/lifecycle/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'test/intake/**/*.test.ts', 'test/reply/**/*.test.ts',
  'test/review/clerk-*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests share local servers and database files: run files one at a time (across projects too).
    fileParallelism: false,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: POSTGRES_TESTS,
          // Migrating an SQLite file from nothing is SQLite's own business.
          exclude: ['test/store/migrate.test.ts'],
          env: { TEST_DATABASE: 'postgres' },
        },
      },
    ],
  },
});
