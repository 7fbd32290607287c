// The dry-run interface of CORPUS.md, through the real CLI: one JSON line per file in order, bad input gets its
// `review`/`unparsable` line and the run goes on, exit status and stderr as specified.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';

const run = promisify(execFile);
const cli = (args: string[]) => run(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'dry-run', ...args], {
  cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024, env: { PATH: process.env['PATH'] ?? '' },
});

let dir: string;
const registry = path.join(PROJECT_ROOT, 'samples/registry.csv');
const sample = path.join(PROJECT_ROOT, 'samples/accept-sms-format-body-gmail.eml');

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dry-run-'));
  writeFileSync(path.join(dir, 'empty.eml'), '');
  writeFileSync(path.join(dir, 'binary.eml'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  const head = 'From: a@b.ru\r\nTo: info@khab.dvec.ru\r\nSubject: x\r\nDate: Sun, 22 Nov 2026 10:00:00 +1000\r\n';
  writeFileSync(path.join(dir, 'truncated.eml'), `${head}MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nПоказания 2701004512 011234567 485`);
  const big = Buffer.alloc(30 * 1024 * 1024, 'A');
  writeFileSync(path.join(dir, 'huge.eml'), Buffer.concat([Buffer.from(`${head}Content-Type: text/plain\r\n\r\n`), big]));
  const parts = Array.from({ length: 500 }, (_, i) => `--b2\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join('');
  writeFileSync(path.join(dir, 'parts.eml'), `${head}MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b2"\r\n\r\n${parts}--b2--\r\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli dry-run', () => {
  it('prints one line per file, in order, and goes on after bad input', async () => {
    const files = ['empty.eml', 'binary.eml', 'truncated.eml', 'huge.eml', 'parts.eml'].map((f) => path.join(dir, f));
    const { stdout } = await cli(['--registry', registry, sample, ...files, sample]);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; decision: string; reasons: string[] });
    expect(lines.map((l) => l.file)).toEqual([sample, ...files, sample]);
    expect(lines[0]!.decision).toBe('accept');
    expect(lines[6]!.decision).toBe('accept');
    for (const l of lines.slice(1, 4)) expect(l).toMatchObject({ decision: 'review', reasons: ['unparsable'] });
    for (const l of lines.slice(4, 6)) {
      expect(l.decision).toBe('review');
      expect(l.reasons.length).toBeGreaterThan(0);
    }
  });

  it('honours --now over the Date header', async () => {
    const { stdout } = await cli(['--registry', registry, '--now', '2026-11-27T10:00:00+10:00', sample]);
    expect(JSON.parse(stdout)).toMatchObject({ decision: 'reject', reasons: ['outside_window'] });
  });

  it('fails with a one-line error for a bad registry or bad arguments', async () => {
    await expect(cli(['--registry', path.join(dir, 'nope.csv'), sample])).rejects.toMatchObject({ code: 2 });
    await expect(cli(['--registry', registry, '--now', 'yesterday', sample])).rejects.toMatchObject({ code: 2 });
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'account,meter,kind,zones,digits,last_t1,last_t2,last_t3,last_date,emails\n123,456,gas,1,5,,,,,\n');
    const err = await cli(['--registry', bad, sample]).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 2 });
    expect((err as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
  });

  it('gives an unreadable file its line and a non-zero status', async () => {
    const missing = path.join(dir, 'missing.eml');
    const err = await cli(['--registry', registry, missing, sample]).catch((e: { code: number; stdout: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    const lines = (err as { stdout: string }).stdout.trim().split('\n').map((l) => JSON.parse(l) as { decision: string });
    expect(lines.map((l) => l.decision)).toEqual(['review', 'accept']);
  });
});
