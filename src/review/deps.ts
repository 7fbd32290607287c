// What the clerk UI's services work with: the store, settings, the clock and the reply rules.
import type { Logger } from 'pino';
import type { Settings, WEB_SETTINGS } from '../config.js';
import type { ParsedMessage, ParseLimits } from '../parse/types.js';
import type { ReplyRules } from '../reply/queue-reply.js';
import type { Store } from '../store/index.js';
import type { PhotoReadingSource } from './services/photo-readings.js';

export type WebSettings = Pick<Settings, (typeof WEB_SETTINGS)[number] | 'MAIL_FROM' | 'FOLDER_REVIEW'>;

export interface WebDeps {
  store: Store;
  settings: WebSettings;
  replyRules: ReplyRules;
  limits: ParseLimits;
  log: Logger;
  clock: () => Date;
  /** Asks the outbox sender to deliver what a clerk just queued (no-op when replies are left to the daemon). */
  kickOutbox: () => void;
  photoReadings: PhotoReadingSource;
  /** MIME parsing of stored messages for display (a worker thread in `cli web`; in-thread when absent). */
  parse?: (raw: Buffer) => Promise<ParsedMessage>;
}

/** An action refused for a reason the clerk can act on; shown on the page, never an exception. */
export type ActionResult<T = object> = ({ ok: true } & T) | { ok: false; message: string };
