// Runs the Prisma CLI of node_modules with the per-provider config, which selects the WebAssembly
// schema engine and our driver adapters: no engine download, no network.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { StoreError } from './errors.js';
import { configPath, type Provider } from './providers.js';

const PRISMA_BIN = path.join(PROJECT_ROOT, 'node_modules', 'prisma', 'build', 'index.js');

export interface PrismaRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface PrismaRunOptions {
  databaseUrl: string;
  /** Copy Prisma's output to our stderr as it comes (interactive `npm run db`). */
  echo?: boolean;
}

/** Runs `prisma ARGS --config prisma/PROVIDER/prisma.config.ts`; never throws for a non-zero exit. */
export function runPrisma(provider: Provider, args: readonly string[], options: PrismaRunOptions): Promise<PrismaRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_BIN, ...args, '--config', configPath(provider)], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        // No telemetry ping, no update check: the program must never reach the network.
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
      if (options.echo) process.stderr.write(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (options.echo) process.stderr.write(b);
    });
    child.on('error', (e) => reject(new StoreError('STORE_MIGRATE_FAILED', `cannot run the Prisma CLI: ${e.message}`, { cause: e })));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Like runPrisma, but a non-zero exit becomes a StoreError carrying Prisma's output. */
export async function runPrismaOrThrow(provider: Provider, args: readonly string[], options: PrismaRunOptions): Promise<PrismaRun> {
  const run = await runPrisma(provider, args, options);
  if (run.code !== 0) {
    const output = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new StoreError('STORE_MIGRATE_FAILED', `prisma ${args[0] ?? ''} ${args[1] ?? ''} (${provider}) failed:\n${output}`);
  }
  return run;
}
