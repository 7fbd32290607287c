// cli intake [--once] — the intake daemon (IMAP → decisions → outcome folders, replies from the outbox).
// --once processes everything waiting, sends due replies and exits 0 (failed messages are recorded, not fatal);
// non-zero only for bad configuration, an unreachable server or another intake holding the lock.
// SIGINT/SIGTERM: stop taking new work, finish the message in flight, close IMAP and the database, exit (≤ 10 s).
import { IMAP_SETTINGS, loadSettings, OCR_SETTINGS, RULE_SETTINGS, SMTP_SETTINGS } from '../../config.js';
import { lazyOcr } from '../lazy-ocr.js';
import { log } from '../../log.js';
import { createReplySender } from '../../intake/reply-sender.js';
import { LeaseHeldError, runIntakeDaemon, runIntakeOnce } from '../../intake/run-intake.js';
import { openStore } from '../../store/index.js';
import { parseArgs } from '../args.js';
import type { Command } from './index.js';

const SHUTDOWN_LIMIT_MS = 10_000;

export const intake: Command = {
  summary: 'intake [--once]: fetch, decide and file mail; send replies',
  async run(argv) {
    const { options } = parseArgs(argv, [], ['once']);
    const settings = loadSettings([...RULE_SETTINGS, ...IMAP_SETTINGS, ...SMTP_SETTINGS, ...OCR_SETTINGS, 'DATABASE_URL']);
    const store = await openStore(settings.DATABASE_URL);
    const replies = createReplySender(store, settings, log.child({ stage: 'reply' }));
    const controller = new AbortController();
    const stop = (sig: string) => {
      if (controller.signal.aborted) return;
      log.info({ signal: sig }, 'stopping: finishing the message in flight');
      controller.abort();
      // A hung server must not keep the process past the limit pm2 waits for.
      setTimeout(() => {
        log.error('shutdown took too long; exiting');
        process.exit(1);
      }, SHUTDOWN_LIMIT_MS - 500).unref();
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    const ocr = lazyOcr(settings);
    const deps = { store, settings, log, replies, signal: controller.signal, readPhotos: ocr.readPhotos };
    try {
      if (options['once'] === true) {
        const stats = await runIntakeOnce(deps);
        process.stdout.write(`${JSON.stringify(stats)}\n`);
        return 0;
      }
      await runIntakeDaemon(deps);
      return 0;
    } catch (e) {
      if (e instanceof LeaseHeldError) {
        process.stderr.write(`cli intake: ${e.message}\n`);
        return 3;
      }
      throw e;
    } finally {
      await replies.close();
      await ocr.close();
      await store.close();
    }
  },
};
