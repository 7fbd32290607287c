import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError, migrateDatabase, openStore } from '../../src/store/index.js';
import { tempDatabases, type TempDatabases } from './temp-db.js';

let dbs: TempDatabases;
beforeAll(async () => { dbs = await tempDatabases('sqlite'); });
afterAll(() => dbs?.cleanup());

describe('migrate', () => {
  it('creates the directory and database from nothing, and a second run changes nothing', async () => {
    const file = path.join(dbs.dir, 'nested', 'dir', 'new.sqlite');
    await migrateDatabase(`file:${file}`);
    expect(existsSync(file)).toBe(true);
    await migrateDatabase(`file:${file}`);
    const store = await openStore(`file:${file}`);
    try {
      expect(await store.registry.loadAll()).toEqual([]);
      expect(await store.audit.list()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('refuses to open a database that does not exist, without creating it', async () => {
    const file = path.join(dbs.dir, 'missing.sqlite');
    await expect(openStore(`file:${file}`)).rejects.toMatchObject({ code: 'STORE_NOT_MIGRATED' });
    expect(existsSync(file)).toBe(false);
  });

  it('refuses to open an unmigrated database and says how to fix it', async () => {
    const file = path.join(dbs.dir, 'empty.sqlite');
    writeFileSync(file, '');
    const error = await openStore(`file:${file}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'STORE_NOT_MIGRATED' });
    expect((error as Error).message).toContain('npm run db -- migrate');
  });
});
