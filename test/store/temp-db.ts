// Test databases: migrated once per test file by the same code path as `npm run db -- migrate`,
// then copied, so every test starts from a fresh, fully migrated SQLite file in a temp directory.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateDatabase } from '../../src/store/index.js';

export interface TempDatabases {
  dir: string;
  /** A new migrated database file; returns its file: URL. */
  fresh(): string;
  cleanup(): void;
}

export async function tempDatabases(): Promise<TempDatabases> {
  const dir = mkdtempSync(path.join(tmpdir(), 'khab-store-'));
  const template = path.join(dir, 'template.sqlite');
  await migrateDatabase(`file:${template}`);
  let n = 0;
  return {
    dir,
    fresh() {
      const file = path.join(dir, `db-${++n}.sqlite`);
      copyFileSync(template, file);
      return `file:${file}`;
    },
    cleanup() {
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
