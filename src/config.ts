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

function optional(): Parser<string | null> {
  return (raw) => (raw === undefined || raw === '' ? null : raw);
}

function bool(fallback: boolean): Parser<boolean> {
  return (raw) => parseBool(raw, fallback);
}

function host(fallback: string): Parser<string> {
  return (raw) => {
    const v = str(fallback)(raw, {});
    if (!/^[A-Za-z0-9.\-:[\]]+$/.test(v)) throw new Error(`is not a host name or address: "${v}"`);
    return v;
  };
}

function address(fallback: string): Parser<string> {
  return (raw) => {
    const v = str(fallback)(raw, {});
    if (!/^[^@\s]+@[^@\s]+$/.test(v)) throw new Error(`is not an e-mail address: "${v}"`);
    return v.toLowerCase();
  };
}

function folder(fallback: string): Parser<string> {
  return (raw) => {
    const v = str(fallback)(raw, {});
    if (/[*%\r\n]/.test(v)) throw new Error(`is not a usable folder name: "${v}"`);
    return v;
  };
}

const isLoopback = (h: string | undefined): boolean => !h || /^(127\.|localhost$|::1$|\[::1\]$)/.test(h.trim());

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
  // Days after a final decision before a message's raw source (and its IMAP copy in an outcome folder) is deleted.
  RETENTION_RAW_DAYS: int(180, 1, 36_500),
  // The throw-away local PostgreSQL of `npm run pg` (tests, CI, trying PostgreSQL out).
  PG_PORT: int(54329, 1, 65535),

  // IMAP: the mailbox customers write to. Defaults point at the local Dovecot of `npm run mailserver`.
  IMAP_HOST: host('127.0.0.1'),
  IMAP_PORT: int(3143, 1, 65535),
  IMAP_TLS: bool(false),
  IMAP_STARTTLS: bool(false),
  IMAP_TLS_VERIFY: (raw: string | undefined, env: Env) => parseBool(raw, !isLoopback(env['IMAP_HOST'])),
  IMAP_USER: str('info@khab.dvec.ru'),
  IMAP_PASSWORD: (raw: string | undefined, env: Env) => {
    if (raw !== undefined && raw !== '') return raw;
    // The dev password only ever goes to a server on this machine.
    if (isLoopback(env['IMAP_HOST'])) return 'password';
    throw new Error('is required for a non-local IMAP_HOST');
  },
  IMAP_MAILBOX: folder('INBOX'),
  FOLDER_PROCESSED: folder('Processed'),
  FOLDER_REVIEW: folder('Review'),
  FOLDER_REJECTED: folder('Rejected'),
  FOLDER_IGNORED: folder('Ignored'),
  FOLDER_FAILED: folder('Failed'),
  POLL_INTERVAL_SECONDS: int(60, 1, 86_400),
  IMAP_BATCH_SIZE: int(50, 1, 5000),
  INTAKE_PARSE_THREADS: int(1, 0, 16),
  // Several intake workers (pm2 instances) sharing one mailbox: PostgreSQL only (see src/intake/run-shared.ts).
  INTAKE_SHARED: bool(false),

  // OCR: meter readings from photos (src/ocr). Limits are checked from image headers, before any decoding.
  OCR_ENABLED: bool(true),
  OCR_WORKERS: int(2, 1, 32),
  OCR_RECYCLE_AFTER: int(200, 1, 1_000_000),
  OCR_TIMEOUT_MS: int(8000, 100, 600_000),
  OCR_MAX_IMAGE_BYTES: int(15 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  // sharp refuses more than 0x3FFF² pixels anyway
  OCR_MAX_PIXELS: int(50_000_000, 10_000, 268_402_689),
  OCR_MAX_IMAGES: int(10, 1, 1000),
  OCR_MAX_SIDE: int(2000, 200, 16_383),

  // The local servers of `npm run mailserver` (Dovecot, SMTP sink) listen on these; a second instance beside the
  // shared one (a long soak) needs ports and a DATA_DIR of its own.
  MAILSERVER_IMAP_PORT: int(3143, 1, 65535),
  MAILSERVER_IMAPS_PORT: int(3993, 1, 65535),
  MAILSERVER_SMTP_PORT: int(2525, 1, 65535),

  // SMTP: where replies go out. Defaults point at the local sink of `npm run mailserver`.
  SMTP_HOST: host('127.0.0.1'),
  SMTP_PORT: int(2525, 1, 65535),
  SMTP_TLS: bool(false),
  SMTP_STARTTLS: bool(false),
  SMTP_TLS_VERIFY: (raw: string | undefined, env: Env) => parseBool(raw, !isLoopback(env['SMTP_HOST'])),
  SMTP_USER: optional(),
  SMTP_PASSWORD: optional(),
  MAIL_FROM: address('info@khab.dvec.ru'),
  MAIL_SINK_DIR: (raw: string | undefined, env: Env) => path.resolve(PROJECT_ROOT, raw && raw.trim() !== '' ? raw.trim() : path.join(dataDir(env['DATA_DIR'], env), 'sink')),
  REPLY_ON_REVIEW: bool(true),
  REPLY_MAX_PER_SENDER_PER_DAY: int(3, 0, 1000),
  OUTBOX_MAX_ATTEMPTS: int(20, 1, 1000),
  OUTBOX_RETRY_BASE_SECONDS: int(30, 1, 3600),
  OUTBOX_CLAIM_SECONDS: int(300, 1, 86_400),

  // Clerk UI (`cli web`).
  WEB_HOST: host('127.0.0.1'),
  WEB_PORT: int(8080, 1, 65535),
  /** Behind a TLS-terminating proxy: trust X-Forwarded-For/-Proto from it. */
  WEB_TRUST_PROXY: bool(false),
  /** Secure cookies: auto = when the request arrived over TLS (directly or per the trusted proxy). */
  WEB_COOKIE_SECURE: (raw: string | undefined) => {
    const v = str('auto')(raw, {}).toLowerCase();
    if (v === 'auto') return 'auto' as const;
    return parseBool(v, false) ? 'always' as const : 'never' as const;
  },
  WEB_SESSION_HOURS: int(12, 1, 24 * 30),
  WEB_LOCK_MINUTES: int(10, 1, 24 * 60),
  WEB_SLA_HOURS: int(24, 1, 24 * 60),
  WEB_LOGIN_MAX_ATTEMPTS: int(5, 1, 1000),
  WEB_LOGIN_WINDOW_MINUTES: int(15, 1, 24 * 60),
  /** "Name=address;Name=address": the departments a clerk can forward a message to. */
  WEB_FORWARD_ADDRESSES: (raw: string | undefined) => {
    const out: { name: string; address: string }[] = [];
    for (const part of (raw ?? '').split(';').map((p) => p.trim()).filter(Boolean)) {
      const eq = part.lastIndexOf('=');
      const name = eq > 0 ? part.slice(0, eq).trim() : '';
      const addr = eq > 0 ? part.slice(eq + 1).trim().toLowerCase() : '';
      if (name === '' || !/^[^@\s;=]+@[^@\s;=]+$/.test(addr)) throw new Error(`must be "Name=address;…", got "${part}"`);
      out.push({ name, address: addr });
    }
    return out;
  },
  /** Send the replies clerks queue right away (the intake daemon also sends them after each cycle). */
  WEB_SEND_REPLIES: bool(true),

  // Operations (src/ops): the daemon's own /healthz, /readyz and /metrics.
  /** 0: no ops HTTP server. */
  METRICS_PORT: int(9464, 0, 65535),
  METRICS_HOST: host('127.0.0.1'),
  /** /readyz fails when no IMAP cycle completed for this long (the daemon checks the mailbox at least every 30 s). */
  READY_IMAP_MAX_AGE_SECONDS: int(180, 10, 86_400),
  /** /readyz fails when a reply older than this is still pending after a failed SMTP attempt. */
  READY_OUTBOX_MAX_AGE_MINUTES: int(30, 1, 7 * 24 * 60),
  /** pm2's log files (DATA_DIR/logs) are rotated above this size (`npm run logs:rotate`, pm2 app logrotate). */
  LOG_ROTATE_MAX_BYTES: int(20 * 1024 * 1024, 1, 1024 * 1024 * 1024 * 1024),
  /** Rotated files kept per log (name.log.1 … name.log.N). */
  LOG_ROTATE_KEEP: int(5, 1, 1000),
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
  if (out.INTAKE_SHARED === true && out.DATABASE_URL !== undefined && !/^postgres(ql)?:\/\//.test(out.DATABASE_URL)) {
    problems.push('INTAKE_SHARED needs a PostgreSQL DATABASE_URL (workers claim messages with FOR UPDATE SKIP LOCKED)');
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

export const OCR_SETTINGS = [
  'OCR_ENABLED', 'OCR_WORKERS', 'OCR_RECYCLE_AFTER', 'OCR_TIMEOUT_MS', 'OCR_MAX_IMAGE_BYTES', 'OCR_MAX_PIXELS', 'OCR_MAX_IMAGES',
  'OCR_MAX_SIDE',
] as const;

export const IMAP_SETTINGS = [
  'IMAP_HOST', 'IMAP_PORT', 'IMAP_TLS', 'IMAP_STARTTLS', 'IMAP_TLS_VERIFY', 'IMAP_USER', 'IMAP_PASSWORD',
  'IMAP_MAILBOX', 'FOLDER_PROCESSED', 'FOLDER_REVIEW', 'FOLDER_REJECTED', 'FOLDER_IGNORED', 'FOLDER_FAILED',
  'POLL_INTERVAL_SECONDS', 'IMAP_BATCH_SIZE', 'INTAKE_PARSE_THREADS', 'INTAKE_SHARED',
] as const;

export const SMTP_SETTINGS = [
  'SMTP_HOST', 'SMTP_PORT', 'SMTP_TLS', 'SMTP_STARTTLS', 'SMTP_TLS_VERIFY', 'SMTP_USER', 'SMTP_PASSWORD', 'MAIL_FROM',
  'REPLY_ON_REVIEW', 'REPLY_MAX_PER_SENDER_PER_DAY', 'OUTBOX_MAX_ATTEMPTS', 'OUTBOX_RETRY_BASE_SECONDS', 'OUTBOX_CLAIM_SECONDS',
] as const;

export const WEB_SETTINGS = [
  'WEB_HOST', 'WEB_PORT', 'WEB_TRUST_PROXY', 'WEB_COOKIE_SECURE', 'WEB_SESSION_HOURS', 'WEB_LOCK_MINUTES', 'WEB_SLA_HOURS',
  'WEB_LOGIN_MAX_ATTEMPTS', 'WEB_LOGIN_WINDOW_MINUTES', 'WEB_FORWARD_ADDRESSES', 'WEB_SEND_REPLIES',
  'READY_OUTBOX_MAX_AGE_MINUTES', // its /readyz (src/ops)
] as const;

export const OPS_SETTINGS = ['METRICS_PORT', 'METRICS_HOST', 'READY_IMAP_MAX_AGE_SECONDS', 'READY_OUTBOX_MAX_AGE_MINUTES'] as const;
export const LOG_ROTATE_SETTINGS = ['DATA_DIR', 'LOG_ROTATE_MAX_BYTES', 'LOG_ROTATE_KEEP'] as const;
