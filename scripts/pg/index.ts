// Programmatic control of the throw-away PostgreSQL cluster, for `npm run pg`, the tests and CI.
import { withControlLock } from '../mailserver/lock.js';
import { clusterState, startCluster, stopCluster, type ClusterState } from './cluster.js';
import { pgLayout, pgUrl, type Env } from './layout.js';

export { pgUrl } from './layout.js';

export interface ControlOptions {
  env?: Env; // defaults to process.env (DATA_DIR, PG_PORT)
  say?: (line: string) => void; // progress lines; silent by default
}

export interface PgStatus extends ClusterState {
  dataDir: string;
  /** DATABASE_URL of the project's database on this cluster (the running port, else PG_PORT). */
  databaseUrl: string;
}

const silent = () => {};

function status(options: ControlOptions): PgStatus {
  const layout = pgLayout(options.env);
  const state = clusterState(layout);
  return { ...state, dataDir: layout.dataDir, databaseUrl: pgUrl(state.port ?? layout.port) };
}

export function postgresStatus(options: ControlOptions = {}): PgStatus {
  return status(options);
}

/** Installs, initialises and starts the cluster when needed; resolves once it accepts connections. */
export function startPostgres(options: ControlOptions = {}): Promise<PgStatus & { started: boolean }> {
  const layout = pgLayout(options.env);
  return withControlLock(layout.lockFile, async () => {
    const r = await startCluster(layout, options.say ?? silent);
    return { ...status(options), started: r.started };
  });
}

/** Stops the cluster and waits for its exit; fine when it does not run. */
export function stopPostgres(options: ControlOptions = {}): Promise<boolean> {
  const layout = pgLayout(options.env);
  return withControlLock(layout.lockFile, () => stopCluster(layout));
}
