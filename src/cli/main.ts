#!/usr/bin/env -S npx tsx
// Command-line entry: `npm run --silent cli -- <command> ...`.
// stdout carries only each command's output; logs and errors go to stderr.
import { ConfigError } from '../config.js';
import { commands } from './commands/index.js';
import { UsageError } from './args.js';

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(18)} ${c.summary}`);
  return `usage: cli <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const entry = commands[name];
  if (!entry) {
    process.stderr.write(`cli: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError) {
      process.stderr.write(`cli ${name}: ${e.message}\n`);
      return 2;
    }
    const err = e as Error & { code?: string };
    process.stderr.write(`cli ${name}: ${err.code ? `[${err.code}] ` : ''}${err.message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => { process.stderr.write(`cli: ${String(e)}\n`); process.exitCode = 1; },
);
