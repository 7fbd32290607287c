import { pino, type Logger } from 'pino';
import { logLevel } from './config.js';

// Logs go to stderr (fd 2) so that every command's stdout carries only its output.
// Never log message bodies, photos or passwords: callers pass ids and counts.
export const log: Logger = pino(
  {
    name: 'khab-meter-mail',
    level: logLevel(),
    base: { pid: process.pid },
    redact: { paths: ['password', '*.password', 'raw', '*.raw', 'text', '*.text'], remove: true },
  },
  pino.destination({ fd: 2, sync: true }),
);

export function stageLogger(stage: string, bindings: Record<string, unknown> = {}): Logger {
  return log.child({ stage, ...bindings });
}
