// npm run eval -- DIR [--now ISO]: runs `cli dry-run` over DIR/*.eml exactly as an evaluator does, compares
// each line with NAME.expected.json and ends with the summary line
// `wrong_accepts=N automation=P% ignore_mismatch=K missing=M`. Mismatches are listed before it.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { scoreCorpus, type ExpectedFile, type DryRunLine } from './score-corpus.js';

async function main(argv: string[]): Promise<number> {
  const dir = argv.find((a) => !a.startsWith('--'));
  const nowIdx = argv.indexOf('--now');
  const now = nowIdx >= 0 ? argv[nowIdx + 1] : undefined;
  if (!dir) {
    process.stderr.write('usage: npm run eval -- DIR [--now ISO]\n');
    return 2;
  }
  const names = (await readdir(dir)).filter((f) => f.endsWith('.eml')).sort();
  const expected = new Map<string, ExpectedFile>();
  for (const name of names) {
    const file = path.join(dir, name.replace(/\.eml$/, '.expected.json'));
    try {
      expected.set(name, JSON.parse(await readFile(file, 'utf8')) as ExpectedFile);
    } catch {
      // a message without its expected file is reported as missing by the scorer
    }
  }
  const files = names.map((n) => path.join(dir, n));
  const lines = await runDryRun(path.join(dir, 'registry.csv'), files, now);
  const result = scoreCorpus(names, expected, lines);
  for (const m of result.mismatches) process.stdout.write(`${m}\n`);
  process.stdout.write(`${result.summary}\n`);
  return 0;
}

function runDryRun(registry: string, files: string[], now: string | undefined): Promise<Map<string, DryRunLine>> {
  return new Promise((resolve, reject) => {
    const args = ['tsx', path.join(PROJECT_ROOT, 'src/cli/main.ts'), 'dry-run', '--registry', registry,
      ...(now ? ['--now', now] : []), ...files];
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'inherit'], cwd: PROJECT_ROOT });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => { out += d; });
    child.on('error', reject);
    child.on('close', () => {
      const lines = new Map<string, DryRunLine>();
      for (const l of out.split('\n')) {
        if (l.trim() === '') continue;
        try {
          const obj = JSON.parse(l) as DryRunLine;
          lines.set(path.basename(obj.file), obj);
        } catch {
          process.stderr.write(`eval: not a JSON line from dry-run: ${l.slice(0, 200)}\n`);
        }
      }
      resolve(lines);
    });
  });
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: unknown) => {
  process.stderr.write(`eval: ${String(e)}\n`);
  process.exitCode = 1;
});
