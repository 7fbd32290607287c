import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rotateLogs } from './rotate-logs.js';

describe('rotateLogs', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('renames files over the limit, shifts older ones and keeps at most `keep`', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'khab-logs-'));
    const big = path.join(dir, 'intake.err.log');
    writeFileSync(path.join(dir, 'web.out.log'), 'small\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'x'.repeat(100));
    for (let round = 1; round <= 4; round++) {
      writeFileSync(big, `round ${round}\n`.repeat(10));
      expect(rotateLogs({ dir, maxBytes: 50, keep: 3 })).toEqual(['intake.err.log']);
    }
    expect(readdirSync(dir).sort()).toEqual(['intake.err.log.1', 'intake.err.log.2', 'intake.err.log.3', 'notes.txt', 'web.out.log']);
    expect(readFileSync(`${big}.1`, 'utf8')).toMatch(/^round 4/);
    expect(readFileSync(`${big}.3`, 'utf8')).toMatch(/^round 2/);
    expect(rotateLogs({ dir, maxBytes: 50, keep: 3 })).toEqual([]);
  });

  it('does nothing when the folder does not exist yet', () => {
    dir = path.join(tmpdir(), `khab-logs-missing-${process.pid}`);
    expect(rotateLogs({ dir, maxBytes: 1, keep: 2 })).toEqual([]);
  });
});
