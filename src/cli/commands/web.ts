// cli web — the clerk review UI (Fastify) on WEB_HOST:WEB_PORT until SIGINT/SIGTERM.
import { loadSettings, RULE_SETTINGS, SMTP_SETTINGS, WEB_SETTINGS } from '../../config.js';
import { log } from '../../log.js';
import { startWeb } from '../../review/start-web.js';
import { openStore } from '../../store/index.js';
import { parseArgs } from '../args.js';
import type { Command } from './index.js';

export const web: Command = {
  summary: 'web: the clerk review UI on WEB_PORT (default 8080)',
  async run(argv) {
    parseArgs(argv, []);
    const settings = loadSettings([...WEB_SETTINGS, ...RULE_SETTINGS, ...SMTP_SETTINGS, 'DATABASE_URL', 'FOLDER_REVIEW', 'IMAP_USER'] as const);
    const store = await openStore(settings.DATABASE_URL);
    const webLog = log.child({ stage: 'web' });
    const running = await startWeb(settings, store, webLog);
    process.stderr.write(`clerk UI: ${running.url}\n`);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        webLog.info({ signal }, 'stopping');
        setTimeout(() => process.exit(1), 10_000).unref();
        resolve();
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    await running.close();
    await store.close();
    return 0;
  },
};
