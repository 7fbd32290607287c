// initdb, pg_ctl start/stop and state of the project's own PostgreSQL cluster (everything under .data/pg).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { portClosed, waitForPortClosed } from '../mailserver/probe.js';
import { isOurProcess, logTail, waitForExit } from '../mailserver/processes.js';
import { runDaemonizing } from '../mailserver/spawn-clean.js';
import { PgError } from './errors.js';
import { ensurePostgresInstalled } from './install.js';
import { DATABASE, HOST, PG_BIN, SUPERUSER, type PgLayout } from './layout.js';

export interface ClusterState {
  running: boolean;
  pid: number | null;
  /** The port the running postmaster listens on (it may differ from PG_PORT if that changed since). */
  port: number | null;
}

const OS_USER = 'postgres';
const asRoot = (): boolean => process.getuid?.() === 0;

/** initdb and the server refuse to run as root: as root they run as the `postgres` OS user. */
function command(bin: string, args: string[]): [string, string[]] {
  const file = path.join(PG_BIN, bin);
  return asRoot() ? ['runuser', ['-u', OS_USER, '--', file, ...args]] : [file, args];
}

function run(bin: string, args: string[]): { status: number; output: string } {
  const [cmd, argv] = command(bin, args);
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status ?? 1, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim() };
}

export function clusterState(layout: PgLayout): ClusterState {
  // postmaster.pid: pid, data folder, start time, port, socket folder, … one per line.
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(layout.dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return { running: false, pid: null, port: null };
  }
  const pid = Number(lines[0]);
  // The postmaster's command line names our data folder, so another cluster or a reused pid never matches.
  if (!Number.isInteger(pid) || !isOurProcess(pid, layout.dataDir)) return { running: false, pid: null, port: null };
  const port = Number(lines[3]);
  return { running: true, pid, port: Number.isInteger(port) ? port : null };
}

/** A new cluster on first use: trust authentication, reachable only on loopback and our own socket folder. */
function initCluster(layout: PgLayout, say: (line: string) => void): void {
  if (fs.existsSync(path.join(layout.dataDir, 'PG_VERSION'))) return;
  fs.mkdirSync(layout.runDir, { recursive: true });
  if (asRoot()) execFileSync('chown', ['-R', `${OS_USER}:`, layout.root]);
  say(`initdb ${layout.dataDir}`);
  const r = run('initdb', ['-D', layout.dataDir, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  if (r.status !== 0) throw new PgError('INIT_FAILED', `initdb failed: ${r.output}`);
  fs.appendFileSync(path.join(layout.dataDir, 'postgresql.conf'), [
    '',
    '# scripts/pg: a throw-away cluster for tests and trials (loopback only; durability traded for speed).',
    `listen_addresses = '${HOST}'`,
    `unix_socket_directories = '${layout.runDir}'`,
    'max_connections = 200',
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(layout.dataDir, 'pg_hba.conf'), [
    '# scripts/pg: trust, and only from this machine (the socket folder and 127.0.0.1).',
    'local all all trust',
    'host all all 127.0.0.1/32 trust',
    '',
  ].join('\n'));
}

function psql(port: number, sql: string): string {
  return execFileSync(path.join(PG_BIN, 'psql'), ['-h', HOST, '-p', String(port), '-U', SUPERUSER, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-tAc', sql], {
    encoding: 'utf8',
    timeout: 30_000,
  }).trim();
}

function ensureDatabase(port: number): void {
  if (psql(port, `SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`) !== '1') psql(port, `CREATE DATABASE ${DATABASE}`);
}

export async function startCluster(layout: PgLayout, say: (line: string) => void): Promise<ClusterState & { started: boolean }> {
  ensurePostgresInstalled(layout.root, say);
  const state = clusterState(layout);
  if (state.running) return { ...state, started: false };
  if (!(await portClosed(HOST, layout.port))) {
    throw new PgError('PORT_IN_USE', `port ${layout.port} is served by another process (another cluster? set PG_PORT)`);
  }
  initCluster(layout, say);
  // pg_ctl -w returns once the server accepts connections; the postmaster then runs on its own.
  const [cmd, argv] = command('pg_ctl', [
    '-D', layout.dataDir, '-l', layout.logFile, '-w', '-t', '60', '-o', `-p ${layout.port} -k ${layout.runDir}`, 'start',
  ]);
  const startupLog = path.join(layout.root, 'pg_ctl.log');
  const result = runDaemonizing(cmd, argv, startupLog);
  if (result.status !== 0) {
    const said = fs.existsSync(startupLog) ? fs.readFileSync(startupLog, 'utf8').trim() : '';
    throw new PgError('START_FAILED', `pg_ctl start failed: ${said}\n${logTail(layout.logFile)}`, { cause: result.error });
  }
  try {
    ensureDatabase(layout.port);
  } catch (e) {
    throw new PgError('START_FAILED', `the server started but creating database ${DATABASE} failed: ${(e as Error).message}`, { cause: e });
  }
  return { ...clusterState(layout), started: true };
}

/** Fast shutdown (open sessions are ended); resolves once the postmaster has exited. */
export async function stopCluster(layout: PgLayout): Promise<boolean> {
  const state = clusterState(layout);
  if (!state.running || state.pid === null) return false;
  const r = run('pg_ctl', ['-D', layout.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  if (!(await waitForExit(state.pid, layout.dataDir, 60_000))) {
    throw new PgError('STOP_FAILED', `postgres ${state.pid} did not exit: ${r.output}\n${logTail(layout.logFile)}`);
  }
  if (state.port !== null) await waitForPortClosed(HOST, state.port, 10_000);
  return true;
}
