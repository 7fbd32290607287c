import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
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

  it('moves stored raw sources into MessageSource when upgrading a database that kept them in InboundMessage', async () => {
    const dir = path.join(process.cwd(), 'prisma', 'sqlite', 'migrations');
    const names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const upgrade = names.findIndex((n) => n.endsWith('_message_source_table'));
    expect(upgrade).toBeGreaterThan(0);
    const db = new Database(path.join(dbs.dir, 'upgrade.sqlite'));
    try {
      for (const name of names.slice(0, upgrade)) db.exec(readFileSync(path.join(dir, name, 'migration.sql'), 'utf8'));
      const insert = db.prepare(`INSERT INTO "InboundMessage" ("sha256", "raw", "size", "updatedAt") VALUES (?, ?, ?, '2026-11-20T00:00:00.000+00:00')`);
      insert.run('a', Buffer.from('From: a@b\r\n\r\nphoto'), 22);
      insert.run('b', null, 0); // purged by retention before the upgrade
      db.exec(readFileSync(path.join(dir, names[upgrade]!, 'migration.sql'), 'utf8'));
      expect(db.prepare('SELECT "messageId", CAST("raw" AS TEXT) AS "raw" FROM "MessageSource"').all()).toEqual([{ messageId: 1, raw: 'From: a@b\r\n\r\nphoto' }]);
      expect(db.prepare('SELECT "id", "sha256" FROM "InboundMessage" ORDER BY "id"').all()).toEqual([{ id: 1, sha256: 'a' }, { id: 2, sha256: 'b' }]);
      expect(db.prepare(`SELECT COUNT(*) AS n FROM pragma_table_info('InboundMessage') WHERE name = 'raw'`).get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
