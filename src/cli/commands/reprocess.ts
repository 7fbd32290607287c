// cli reprocess ID — re-runs a message recorded as failed, from its stored source. The IMAP copy stays in the
// Failed folder; the database holds the new decision (readings, review item, reply).
import { IMAP_SETTINGS, loadSettings, OCR_SETTINGS, RULE_SETTINGS, SMTP_SETTINGS } from '../../config.js';
import { lazyOcr } from '../lazy-ocr.js';
import { log } from '../../log.js';
import { decisionRules, parseLimits } from '../../intake/rules-from-settings.js';
import { ReprocessError, reprocessMessage } from '../../intake/reprocess-message.js';
import { folders, replyConfig } from '../../intake/run-intake.js';
import { openStore } from '../../store/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from './index.js';

export const reprocess: Command = {
  summary: 'reprocess ID: re-run a failed message from its stored source',
  async run(argv) {
    const { positionals } = parseArgs(argv, []);
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isInteger(id) || id <= 0) throw new UsageError('usage: reprocess ID');
    const s = loadSettings([...RULE_SETTINGS, ...IMAP_SETTINGS, ...SMTP_SETTINGS, ...OCR_SETTINGS, 'DATABASE_URL']);
    const ocr = lazyOcr(s);
    const store = await openStore(s.DATABASE_URL);
    try {
      const outcome = await reprocessMessage(store, id, {
        rules: decisionRules(s, [s.MAIL_FROM, s.IMAP_USER]), limits: parseLimits(s), folders: folders(s),
        replies: replyConfig(s), readPhotos: ocr.readPhotos,
        log,
      }, log);
      process.stdout.write(`${JSON.stringify(outcome)}\n`);
      return outcome.kind === 'failed' ? 1 : 0;
    } catch (e) {
      if (e instanceof ReprocessError) {
        process.stderr.write(`cli reprocess: ${e.message}\n`);
        return 1;
      }
      throw e;
    } finally {
      await ocr.close();
      await store.close();
    }
  },
};
