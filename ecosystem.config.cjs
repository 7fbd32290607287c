// pm2 process file: `npx pm2 start ecosystem.config.cjs [--only intake] [--env production]` (README, "Operations").
//
// Environment: pm2 starts an app with the environment of the `pm2` command, then lays the app's `env` block
// (and, with --env production, `env_production`) over it — so a value written here would beat one the operator
// exported. `env()` therefore builds each block from process.env: a variable already set in the environment keeps
// its value, and the file only fills in what is unset. (`pm2 reload NAME` alone reuses the environment the app was
// started with; `pm2 reload ecosystem.config.cjs --update-env` re-reads it.)
const path = require('node:path');
const mallocEnv = require('./bin/malloc-env.cjs');

const env = (defaults) => Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, process.env[k] ?? v]));

// pm2 writes each app's stdout/stderr (JSON log lines go to stderr) to files under DATA_DIR/logs — the same folder
// src/config.ts derives from DATA_DIR — rotated by size by the `logrotate` app below (no pm2 module, no network).
const dataDir = path.resolve(__dirname, process.env.DATA_DIR && process.env.DATA_DIR.trim() !== '' ? process.env.DATA_DIR.trim() : '.data');
require('node:fs').mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
const logs = (name) => ({
  out_file: path.join(dataDir, 'logs', `${name}.out.log`),
  error_file: path.join(dataDir, 'logs', `${name}.err.log`),
  merge_logs: true,
  time: false, // pino puts the time in every line
});

// Node runs the TypeScript through tsx's loader: one process, so pm2's signals reach the command itself.
const node = (args) => ({ cwd: __dirname, script: 'bin/cli.mjs', args, interpreter: 'node', node_args: '--import tsx' });

const intakeInstances = Math.max(1, Number.parseInt(process.env.INTAKE_INSTANCES ?? '1', 10) || 1);
const shared = intakeInstances > 1 ? { INTAKE_SHARED: 'true' } : {};

module.exports = {
  apps: [
    {
      name: 'intake',
      ...node('intake'),
      // One process, or INTAKE_INSTANCES workers sharing the mailbox (PostgreSQL only: INTAKE_SHARED is switched
      // on with them; one fetches, all claim and decide). Each serves /metrics on METRICS_PORT + its number.
      instances: intakeInstances,
      exec_mode: 'fork',
      instance_var: 'NODE_APP_INSTANCE',
      autorestart: true,
      // SIGINT: the daemon finishes the message in flight, closes IMAP and exits within 10 s (it forces its own
      // exit at 9.5 s); pm2 waits 12 s before SIGKILL. Even a SIGKILL loses nothing (README: exactly-once).
      kill_timeout: 12000,
      // A crash loop backs off (1 s doubling up to 15 s) instead of hammering IMAP and the database.
      exp_backoff_restart_delay: 1000,
      max_memory_restart: '600M',
      ...logs('intake'),
      // glibc malloc settings that keep the photo reader's RSS low and flat (bin/malloc-env.cjs says why).
      env: env({ NODE_ENV: 'development', LOG_LEVEL: 'info', METRICS_PORT: '9464', ...mallocEnv, ...shared }),
      env_production: env({ NODE_ENV: 'production', LOG_LEVEL: 'info', METRICS_PORT: '9464', ...mallocEnv, ...shared }),
    },
    {
      // The clerk review UI (`cli web`, WEB_PORT): stateless besides the database, one instance (the login
      // rate limit is kept in memory).
      name: 'web',
      ...node('web'),
      instances: 1,
      exec_mode: 'fork',
      autorestart: true,
      kill_timeout: 12000,
      exp_backoff_restart_delay: 1000,
      max_memory_restart: '400M',
      ...logs('web'),
      env: env({ NODE_ENV: 'development', LOG_LEVEL: 'info', WEB_PORT: '8080' }),
      env_production: env({ NODE_ENV: 'production', LOG_LEVEL: 'info', WEB_PORT: '8080' }),
    },
    {
      // Rotates the files above by size every minute and makes pm2 reopen them (scripts/rotate-logs.ts).
      name: 'logrotate',
      cwd: __dirname,
      script: 'bin/rotate-logs.mjs',
      args: '--every 60',
      interpreter: 'node',
      node_args: '--import tsx',
      instances: 1,
      exec_mode: 'fork',
      autorestart: true,
      kill_timeout: 3000,
      exp_backoff_restart_delay: 1000,
      max_memory_restart: '150M',
      ...logs('logrotate'),
      env: env({ LOG_ROTATE_MAX_BYTES: String(20 * 1024 * 1024), LOG_ROTATE_KEEP: '5' }),
      env_production: env({ LOG_ROTATE_MAX_BYTES: String(20 * 1024 * 1024), LOG_ROTATE_KEEP: '5' }),
    },
  ],
};
