// Small argument parser for the CLI: --flag, --key value, --key=value and positionals.
export class UsageError extends Error {
  readonly code = 'USAGE';
}

export interface ParsedArgs {
  options: Record<string, string | true>;
  positionals: string[];
}

/** `valued` lists the options that take a value; anything else starting with -- is a boolean flag. */
export function parseArgs(argv: string[], valued: readonly string[], flags: readonly string[] = []): ParsedArgs {
  const options: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (!arg.startsWith('--')) { positionals.push(arg); continue; }
    const eq = arg.indexOf('=');
    const key = arg.slice(2, eq >= 0 ? eq : undefined);
    if (valued.includes(key)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${key} needs a value`);
      options[key] = value;
    } else if (flags.includes(key) && eq < 0) {
      options[key] = true;
    } else {
      throw new UsageError(`unknown option --${key}`);
    }
  }
  return { options, positionals };
}
