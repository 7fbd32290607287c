// pm2 process file: `npx pm2 start ecosystem.config.cjs` (see README, "Operations").
// Variables already set in the environment win over the defaults below (production sets its own).
const env = (defaults) => Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, process.env[k] ?? v]));

module.exports = {
  apps: [
    {
      name: 'intake',
      cwd: __dirname,
      // node itself runs the TypeScript through tsx's loader: one process, so pm2's signals reach the daemon.
      script: 'bin/cli.mjs',
      args: 'intake',
      interpreter: 'node',
      node_args: '--import tsx',
      // One fetcher at a time (the intake lease enforces it too); more workers need PostgreSQL.
      instances: 1,
      exec_mode: 'fork',
      autorestart: true,
      // Graceful shutdown finishes the message in flight and closes IMAP within 10 s.
      kill_timeout: 12000,
      exp_backoff_restart_delay: 1000,
      max_memory_restart: '600M',
      merge_logs: true,
      time: false,
      env: env({ NODE_ENV: 'development', LOG_LEVEL: 'info' }),
      env_production: env({ NODE_ENV: 'production', LOG_LEVEL: 'info' }),
    },
    {
      // The clerk review UI (`cli web`, WEB_PORT): stateless besides the database, one instance (the login
      // rate limit is kept in memory).
      name: 'web',
      cwd: __dirname,
      script: 'bin/cli.mjs',
      args: 'web',
      interpreter: 'node',
      node_args: '--import tsx',
      instances: 1,
      exec_mode: 'fork',
      autorestart: true,
      kill_timeout: 12000,
      exp_backoff_restart_delay: 1000,
      max_memory_restart: '400M',
      merge_logs: true,
      time: false,
      env: env({ NODE_ENV: 'development', LOG_LEVEL: 'info', WEB_PORT: '8080' }),
      env_production: env({ NODE_ENV: 'production', LOG_LEVEL: 'info', WEB_PORT: '8080' }),
    },
  ],
};
