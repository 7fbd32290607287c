// The pm2 process file as pm2 reads it (a fresh node, as the `pm2` command would load it): variables set in the
// environment win over its defaults, logs go to DATA_DIR/logs, stop limits cover the commands' graceful shutdown.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';

interface App { name: string; kill_timeout: number; error_file: string; out_file: string; env: Record<string, string>; env_production: Record<string, string> }

function load(env: Record<string, string>): App[] {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(require("./ecosystem.config.cjs").apps))'], {
    cwd: PROJECT_ROOT, env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as App[];
}

describe('ecosystem.config.cjs', () => {
  it('keeps variables already set in the environment, fills in the rest', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'khab-eco-'));
    try {
      const apps = load({ DATA_DIR: dir, LOG_LEVEL: 'debug', METRICS_PORT: '0' });
      expect(apps.map((a) => a.name)).toEqual(['intake', 'web', 'logrotate']);
      const intake = apps[0]!;
      expect(intake.env_production).toMatchObject({ NODE_ENV: 'production', LOG_LEVEL: 'debug', METRICS_PORT: '0' });
      expect(intake.env).toMatchObject({ NODE_ENV: 'development', LOG_LEVEL: 'debug' });
      for (const app of apps) {
        expect(path.dirname(app.error_file)).toBe(path.join(dir, 'logs'));
        expect(path.dirname(app.out_file)).toBe(path.join(dir, 'logs'));
      }
      // intake and web stop within 10 s (their own forced exit); pm2 must not SIGKILL them earlier
      for (const app of apps.slice(0, 2)) expect(app.kill_timeout).toBeGreaterThan(10_000);
      expect(load({ DATA_DIR: dir })[0]!.env_production).toMatchObject({ LOG_LEVEL: 'info', METRICS_PORT: '9464' });
      // the photo reader's malloc settings reach the intake, and an operator's own value still wins
      const malloc = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' };
      expect(load({ DATA_DIR: dir })[0]!.env).toMatchObject(malloc);
      expect(load({ DATA_DIR: dir, MALLOC_ARENA_MAX: '4' })[0]!.env_production).toMatchObject({ ...malloc, MALLOC_ARENA_MAX: '4' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
