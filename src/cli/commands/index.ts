import { dryRun } from './dry-run.js';
import { registry } from './registry.js';
// The command table. Each command lives in its own file and validates only the settings it uses.
export interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

export const commands: Record<string, Command> = {
  'dry-run': dryRun,
  registry,
};
