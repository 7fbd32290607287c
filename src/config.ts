// The one place that reads process.env. Each command asks for the settings it uses;
// all of them are parsed at once and every bad variable is listed in one error.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}

type Env = Record<string, string | undefined>;
type Parser<T> = (raw: string | undefined, env: Env) => T;

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

export function parseBool(raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new Error(`must be one of true/false/1/0/yes/no, got "${raw}"`);
}

function int(fallback: number, min: number, max: number): Parser<number> {
  return (raw) => {
    if (raw === undefined || raw.trim() === '') return fallback;
    if (!/^\d+$/.test(raw.trim())) throw new Error(`must be an integer, got "${raw}"`);
    const n = Number(raw.trim());
    if (n < min || n > max) throw new Error(`must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}

function str(fallback: string): Parser<string> {
  return (raw) => (raw === undefined || raw.trim() === '' ? fallback : raw.trim());
}

function timeZone(fallback: string): Parser<string> {
  return (raw) => {
    const tz = raw === undefined || raw.trim() === '' ? fallback : raw.trim();
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch {
      throw new Error(`unknown time zone "${tz}"`);
    }
    return tz;
  };
}

const dataDir: Parser<string> = (raw) => path.resolve(PROJECT_ROOT, raw && raw.trim() !== '' ? raw.trim() : '.data');

const SPECS = {
  LOG_LEVEL: (raw: string | undefined) => {
    const v = str('info')(raw, {});
    if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v)) {
      throw new Error(`must be fatal|error|warn|info|debug|trace|silent, got "${v}"`);
    }
    return v;
  },
  DATA_DIR: dataDir,
  DATABASE_URL: (raw: string | undefined, env: Env) => {
    if (raw !== undefined && raw.trim() !== '') {
      const v = raw.trim();
      if (!/^(file:|postgres(ql)?:\/\/)/.test(v)) throw new Error(`must start with file: or postgres://, got "${v}"`);
      return v;
    }
    return `file:${path.join(dataDir(env['DATA_DIR'], env), 'khab.sqlite')}`;
  },
  WINDOW_START_DAY: int(20, 1, 31),
  WINDOW_END_DAY: int(25, 1, 31),
  TIME_ZONE: timeZone('Asia/Vladivostok'),
  MAX_INCREASE_ELECTRICITY: int(5000, 1, 10_000_000),
  MAX_INCREASE_HEAT: int(50, 1, 10_000_000),
  MAX_MESSAGE_BYTES: int(40 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  MAX_MIME_PARTS: int(200, 1, 100_000),
} satisfies Record<string, Parser<unknown>>;

export type Settings = { [K in keyof typeof SPECS]: ReturnType<(typeof SPECS)[K]> };
export type SettingName = keyof Settings;

/** Parses the named settings from the environment; throws one ConfigError naming every bad variable. */
export function loadSettings<K extends SettingName>(names: readonly K[], env: Env = process.env): Pick<Settings, K> {
  const out: Partial<Settings> = {};
  const problems: string[] = [];
  for (const name of names) {
    try {
      (out as Record<string, unknown>)[name] = SPECS[name](env[name], env);
    } catch (e) {
      problems.push(`${name} ${(e as Error).message}`);
    }
  }
  if (names.includes('WINDOW_START_DAY' as K) && names.includes('WINDOW_END_DAY' as K)) {
    const s = out.WINDOW_START_DAY, e = out.WINDOW_END_DAY;
    if (s !== undefined && e !== undefined && s > e) problems.push(`WINDOW_START_DAY (${s}) is after WINDOW_END_DAY (${e})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as Pick<Settings, K>;
}

/** Log level is read before anything else can be validated; a bad value falls back to info. */
export function logLevel(env: Env = process.env): string {
  try {
    return SPECS.LOG_LEVEL(env['LOG_LEVEL']);
  } catch {
    return 'info';
  }
}

/** The decision rules' settings, shared by dry-run, intake and the web UI. */
export const RULE_SETTINGS = [
  'WINDOW_START_DAY', 'WINDOW_END_DAY', 'TIME_ZONE', 'MAX_INCREASE_ELECTRICITY', 'MAX_INCREASE_HEAT',
  'MAX_MESSAGE_BYTES', 'MAX_MIME_PARTS',
] as const;
