// The OCR pool must work with no network at all and write nothing where it runs: tesseract.js falls back to
// downloading its model from a CDN and caching it into the working directory. The child process runs in its own
// empty network namespace (unshare -n: only a loopback that is down), so a download cannot even start.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CHILD = path.join(import.meta.dirname, 'offline-ocr-child.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** `unshare -rn` as an ordinary user (user namespace), plain `unshare -n` as root; null when neither is allowed. */
function isolation(): string[] | null {
  for (const flags of [['-rn'], ['-n']]) {
    if (spawnSync('unshare', [...flags, 'true']).status === 0) return ['unshare', ...flags];
  }
  return null;
}

const sandbox = isolation();
const cwd = mkdtempSync(path.join(tmpdir(), 'ocr-offline-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe.skipIf(sandbox === null)('Tesseract pool without network', () => {
  it('reads a digit line in a network-less child and writes nothing to its working directory', () => {
    const [command, ...flags] = sandbox!;
    const child = spawnSync(command!, [...flags, process.execPath, '--import', TSX, CHILD], { cwd, encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    // stdout holds our one JSON line and nothing else: Tesseract's own statistics go to /dev/null
    const lines = child.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!) as { network: string; text: string; confidence: number; ms: number; cwd: string };
    console.info(`offline child: network ${report.network}, recognised "${report.text}" in ${report.ms} ms (incl. worker start)`);
    expect(report.network).toMatch(/^(ENETUNREACH|EHOSTUNREACH|ECONNREFUSED|EACCES|EPERM)$/);
    expect(report.cwd).toBe(cwd);
    expect(report.text).toBe('0451273');
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(ROOT).filter((f) => f.endsWith('.traineddata'))).toEqual([]);
  });

  it('decides the photo samples through `cli dry-run` with no network, as with it', () => {
    const [command, ...flags] = sandbox!;
    const samples = path.join(ROOT, 'samples');
    const files = readdirSync(samples).filter((f) => /photo/.test(f) && f.endsWith('.eml')).sort().slice(0, 5).map((f) => path.join(samples, f));
    const args = [process.execPath, '--import', TSX, path.join(ROOT, 'src/cli/main.ts'), 'dry-run', '--registry', path.join(samples, 'registry.csv'), ...files];
    const offline = spawnSync(command!, [...flags, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
    expect(offline.status, offline.stderr).toBe(0);
    const online = spawnSync(args[0]!, args.slice(1), { cwd, encoding: 'utf8', timeout: 120_000 });
    expect(offline.stdout.trim().split('\n')).toHaveLength(files.length);
    expect(offline.stdout).toBe(online.stdout);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
