// Starts the clerk UI: settings → dependencies → Fastify listening. Used by `cli web`, the tests and the benchmark.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Settings, SMTP_SETTINGS } from '../config.js';
import { createReplySender, type ReplySender } from '../intake/reply-sender.js';
import { parseLimits, type RuleSettings } from '../intake/rules-from-settings.js';
import { createParserPool } from '../parse/parser-pool.js';
import type { Store } from '../store/index.js';
import type { WebDeps, WebSettings } from './deps.js';
import { buildServer } from './server.js';
import { fillSearchText } from './services/fill-search-text.js';
import { auditPhotoReadings } from './services/photo-readings.js';

export type StartWebSettings = WebSettings & RuleSettings & Pick<Settings, (typeof SMTP_SETTINGS)[number] | 'IMAP_USER'>;

export interface RunningWeb {
  app: FastifyInstance;
  url: string;
  deps: WebDeps;
  close(): Promise<void>;
}

/** One delivery pass at a time; a kick during a pass runs one more pass after it. */
function outboxKicker(sender: ReplySender | null, log: Logger): { kick(): void; idle(): Promise<void> } {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): void => {
    if (!sender) return;
    if (running) {
      again = true;
      return;
    }
    running = sender.sendDue().then(() => undefined, (e: unknown) => log.error({ err: e }, 'outbox pass failed')).finally(() => {
      running = null;
      if (again) {
        again = false;
        run();
      }
    });
  };
  return { kick: run, idle: async () => { while (running) await running; } };
}

export async function startWeb(settings: StartWebSettings, store: Store, log: Logger, options: { port?: number; clock?: () => Date } = {}): Promise<RunningWeb> {
  const sender = settings.WEB_SEND_REPLIES ? createReplySender(store, settings, log.child({ stage: 'reply' })) : null;
  const kicker = outboxKicker(sender, log);
  // Parsing a stored message is the item page's heaviest step: off the thread that answers requests.
  const parser = createParserPool(1);
  const limits = parseLimits(settings);
  const deps: WebDeps = {
    parse: (raw) => parser.parse(raw, limits),
    store, settings, log, clock: options.clock ?? (() => new Date()), kickOutbox: kicker.kick,
    limits,
    replyRules: {
      window: { startDay: settings.WINDOW_START_DAY, endDay: settings.WINDOW_END_DAY, timeZone: settings.TIME_ZONE },
      ownAddresses: [settings.MAIL_FROM, settings.IMAP_USER], replyOnReview: settings.REPLY_ON_REVIEW, maxPerSenderPerDay: settings.REPLY_MAX_PER_SENDER_PER_DAY,
    },
    photoReadings: auditPhotoReadings(store),
  };
  const app = await buildServer(deps);
  const address = await app.listen({ host: settings.WEB_HOST, port: options.port ?? settings.WEB_PORT });
  // Search keys of items the intake opened meanwhile; expired sessions.
  await fillSearchText(store);
  const fill = setInterval(() => {
    fillSearchText(store, 2000).catch((e: unknown) => log.warn({ err: e }, 'search text fill failed'));
  }, 30_000);
  fill.unref();
  const sweep = setInterval(() => {
    store.users.deleteExpiredSessions(new Date()).catch((e: unknown) => log.warn({ err: e }, 'session sweep failed'));
  }, 3600_000);
  sweep.unref();
  log.info({ url: address }, 'clerk UI listening');
  return {
    app, url: address.replace('[::1]', 'localhost'), deps,
    async close() {
      clearInterval(sweep);
      clearInterval(fill);
      await app.close();
      await kicker.idle();
      await sender?.close();
      await parser.close();
    },
  };
}
