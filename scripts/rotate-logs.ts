// npm run logs:rotate [-- --every SECONDS]: rotates pm2's log files in DATA_DIR/logs above LOG_ROTATE_MAX_BYTES
// (src/ops/rotate-logs.ts) and tells pm2 to reopen them. Once, or every SECONDS (the pm2 app `logrotate`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { LOG_ROTATE_SETTINGS, loadSettings, PROJECT_ROOT } from '../src/config.js';
import { rotateLogs } from '../src/ops/rotate-logs.js';

const settings = loadSettings(LOG_ROTATE_SETTINGS);
const dir = path.join(settings.DATA_DIR, 'logs');
const everyIdx = process.argv.indexOf('--every');
const every = everyIdx > 0 ? Number(process.argv[everyIdx + 1]) : 0;
if (!Number.isFinite(every) || every < 0) throw new Error('--every takes a number of seconds');

function pass(): void {
  const rotated = rotateLogs({ dir, maxBytes: settings.LOG_ROTATE_MAX_BYTES, keep: settings.LOG_ROTATE_KEEP });
  if (rotated.length === 0) return;
  // pm2 writes to the renamed files until it reopens its logs (same PM2_HOME: inherited from pm2 or the caller).
  const pm2 = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/pm2/bin/pm2'), 'reloadLogs'], { encoding: 'utf8', timeout: 30_000 });
  const ok = pm2.status === 0;
  process.stdout.write(`${JSON.stringify({ time: Date.now(), rotated, dir, pm2ReloadLogs: ok ? 'ok' : (pm2.stderr || pm2.stdout || String(pm2.error)).trim().slice(0, 300) })}\n`);
}

pass();
if (every > 0) setInterval(pass, every * 1000);
