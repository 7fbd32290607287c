// The command table. Each command lives in its own file, is loaded only when called (dry-run never loads
// Prisma; one broken command cannot break the others) and validates only the settings it uses.
export interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

export interface CommandEntry {
  summary: string;
  load(): Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  'dry-run': {
    summary: 'decide .eml files against a registry CSV, one JSON line each (no database, IMAP or SMTP)',
    load: async () => (await import('./dry-run.js')).dryRun,
  },
  registry: {
    summary: 'registry import FILE.csv | registry show ACCOUNT [--json]',
    load: async () => (await import('./registry.js')).registry,
  },
  mail: {
    summary: 'mail append [--folder F] [--date-from-header] FILE... (append .eml files over IMAP)',
    load: async () => (await import('./mail.js')).mail,
  },
  intake: {
    summary: 'intake [--once]: fetch mail over IMAP, decide, file to folders, send replies (the daemon)',
    load: async () => (await import('./intake.js')).intake,
  },
  reprocess: {
    summary: 'reprocess ID: re-run a message recorded as failed, from its stored source',
    load: async () => (await import('./reprocess.js')).reprocess,
  },
  ocr: {
    summary: 'ocr FILE...: read the meter reading in photo files, one JSON line each (no database, IMAP or SMTP)',
    load: async () => (await import('./ocr.js')).ocr,
  },
  readings: {
    summary: 'readings export [--period YYYY-MM] [--format csv|jsonl] [--since-last]',
    load: async () => (await import('./readings.js')).readings,
  },
  purge: {
    summary: 'purge [--dry-run] [--skip-imap]: delete raw messages RETENTION_RAW_DAYS after their final outcome (database and IMAP folders)',
    load: async () => (await import('./purge.js')).purge,
  },
  backup: {
    summary: 'backup FILE: online copy of the database (SQLite backup API, PostgreSQL pg_dump -Fc)',
    load: async () => (await import('./backup.js')).backup,
  },
  web: {
    summary: 'web: the clerk review UI on WEB_PORT (default 8080)',
    load: async () => (await import('./web.js')).web,
  },
  user: {
    summary: 'user add --login L --role clerk|admin (password: first line of stdin) | user list',
    load: async () => (await import('./user.js')).user,
  },
};
