import { pino, type DestinationStream, type Logger } from 'pino';
import { logLevel } from './config.js';

/** The pipeline stages that log, one child logger each (plus the orchestrator, the ops server and the web app). */
export type LogStage = 'mail' | 'parse' | 'ocr' | 'decide' | 'apply' | 'reply' | 'intake' | 'ops' | 'web';

// Never log message bodies, photos or passwords: callers pass ids and counts. These keys are dropped anyway,
// at the top level and one level down (`{ settings: { IMAP_PASSWORD } }`): secrets, raw sources (`raw`,
// `source`), bodies (`text`, `html`) and attachment bytes (`content`).
const SECRET_KEYS = ['password', 'pass', 'IMAP_PASSWORD', 'SMTP_PASSWORD', 'raw', 'source', 'text', 'html', 'content'];
export const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`]);

export function createLogger(destination: DestinationStream, level: string): Logger {
  return pino(
    {
      name: 'khab-meter-mail',
      level,
      base: { pid: process.pid },
      redact: { paths: REDACT_PATHS, remove: true },
    },
    destination,
  );
}

// Logs go to stderr (fd 2) so that every command's stdout carries only its output.
export const log: Logger = createLogger(pino.destination({ fd: 2, sync: true }), logLevel());

// (Other strings are allowed for tools such as the mail sink.)
export function stageLogger(stage: LogStage | (string & {}), bindings: Record<string, unknown> = {}): Logger {
  return log.child({ stage, ...bindings });
}
