// Backup and restore as the README tells it, on the provider of the vitest project: back up with `cli backup`,
// change the database, restore (SQLite: copy the file back; PostgreSQL: pg_restore --clean), compare.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backup } from '../../src/cli/commands/backup.js';
import { importRegistry } from '../../src/registry/import-registry.js';
import { openStore, type Store } from '../../src/store/index.js';
import { sqliteFilePath } from '../../src/store/providers.js';
import { REGISTRY_CSV, tempDatabases, type TempDatabases } from '../store/temp-db.js';

let dbs: TempDatabases;
beforeAll(async () => { dbs = await tempDatabases(); });
afterEach(() => { vi.unstubAllEnvs(); vi.restoreAllMocks(); });
afterAll(async () => { await dbs?.cleanup(); });

async function snapshot(store: Store) {
  return {
    registry: await store.registry.loadAll(),
    received: await store.messages.listByState('received', 1000),
    audit: await store.audit.list({ limit: 1000 }),
  };
}

const message = (n: number) => ({ sha256: String(n).padStart(64, '0'), raw: Buffer.from(`m${n}`), size: 2, messageIdHeader: `<m${n}@x>` });

describe(`backup and restore`, () => {
  it('restores exactly what cli backup saved, while the store stays open during the backup', async () => {
    const url = await dbs.fresh();
    let store = await openStore(url);
    await importRegistry(store, REGISTRY_CSV, 'test');
    for (let n = 1; n <= 3; n++) await store.messages.insert(message(n));
    const before = await snapshot(store);

    const file = path.join(dbs.dir, dbs.provider === 'sqlite' ? 'backup.sqlite' : 'backup.dump');
    vi.stubEnv('DATABASE_URL', url);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await backup.run([file])).toBe(0); // online: the store above is still open
    vi.restoreAllMocks();
    expect(existsSync(file)).toBe(true);
    await expect(backup.run([file])).rejects.toMatchObject({ code: 'STORE_BACKUP_FAILED' }); // never overwrites

    // Changes after the backup.
    await store.messages.insert(message(4));
    await store.audit.append({ actor: 'test', action: 'change', entity: 'x' });
    expect(await snapshot(store)).not.toEqual(before);
    await store.close();

    if (dbs.provider === 'sqlite') {
      const target = sqliteFilePath(url);
      for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
      copyFileSync(file, target);
    } else {
      await promisify(execFile)('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${url}`, file]);
    }
    store = await openStore(url);
    try {
      expect(await snapshot(store)).toEqual(before);
      // Sequences came back too: the next row gets a fresh id.
      const next = await store.messages.insert(message(5));
      expect(next.ok && next.id).toBe(4);
    } finally {
      await store.close();
    }
  });
});
