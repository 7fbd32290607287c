// A PostgreSQL session advisory lock on a connection of its own: the shared intake's fetch lease. Whoever holds it
// fetches new mail into the database; the lock lives exactly as long as the holder's connection, so a worker that
// is killed releases it at once (no expiry to wait for), and only one worker can ever hold it.
import pg from 'pg';

export interface AdvisoryLock {
  /** Takes the lock unless another session holds it; true while this one holds it (asking again is cheap). */
  tryHold(): Promise<boolean>;
  readonly held: boolean;
  /** Releases the lock and closes the connection. */
  close(): Promise<void>;
}

export async function openAdvisoryLock(databaseUrl: string, name: string): Promise<AdvisoryLock> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: `khab-lock:${name}` });
  let held = false;
  let broken = false;
  // A lost connection loses the lock: the holder must stop fetching.
  client.on('error', () => { held = false; broken = true; });
  client.on('end', () => { held = false; broken = true; });
  await client.connect();
  return {
    get held() { return held; },
    async tryHold() {
      if (broken) return false;
      if (held) return true;
      const res = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [name]);
      held = res.rows[0]?.ok === true;
      return held;
    },
    async close() {
      held = false;
      if (!broken) await client.end().catch(() => undefined);
    },
  };
}
