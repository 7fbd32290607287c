// cli intake [--once] — the intake daemon (IMAP → decisions → outcome folders, replies from the outbox).
// --once processes everything waiting, sends due replies and exits 0 (failed messages are recorded, not fatal);
// non-zero only for bad configuration, an unreachable server or another intake holding the lock.
// SIGINT/SIGTERM: stop taking new work, finish the message in flight, close IMAP and the database, exit (≤ 10 s).
import { IMAP_SETTINGS, loadSettings, OCR_SETTINGS, OPS_SETTINGS, RULE_SETTINGS, SMTP_SETTINGS } from '../../config.js';
import { lazyOcr } from '../lazy-ocr.js';
import { log } from '../../log.js';
import { createReplySender } from '../../intake/reply-sender.js';
import { LeaseHeldError, runIntakeDaemon, runIntakeOnce } from '../../intake/run-intake.js';
import { runSharedDaemon, runSharedOnce } from '../../intake/run-shared.js';
import { openStore } from '../../store/index.js';
import { createOps, startOpsServer, type OpsServer } from '../../ops/index.js';
import { parseArgs } from '../args.js';
import type { Command } from './index.js';

const SHUTDOWN_LIMIT_MS = 10_000;

export const intake: Command = {
  summary: 'intake [--once]: fetch, decide and file mail; send replies',
  async run(argv) {
    const { options } = parseArgs(argv, [], ['once']);
    const settings = loadSettings([...RULE_SETTINGS, ...IMAP_SETTINGS, ...SMTP_SETTINGS, ...OCR_SETTINGS, ...OPS_SETTINGS, 'DATABASE_URL']);
    const store = await openStore(settings.DATABASE_URL);
    const controller = new AbortController();
    const replies = createReplySender(store, settings, log.child({ stage: 'reply' }), controller.signal);
    const stop = (sig: string) => {
      if (controller.signal.aborted) return;
      log.info({ stage: 'intake', signal: sig }, 'stopping: finishing the message in flight');
      controller.abort();
      // A hung server must not keep the process past the limit pm2 waits for.
      setTimeout(() => {
        log.error({ stage: 'intake' }, 'shutdown took too long; exiting');
        process.exit(1);
      }, SHUTDOWN_LIMIT_MS - 500).unref();
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    const ocr = lazyOcr(settings, log.child({ stage: 'ocr' }));
    const daemon = options['once'] !== true;
    // The daemon's /healthz, /readyz and /metrics (src/ops); --once has nobody to scrape it.
    const ops = daemon ? createOps({
      app: 'intake', store, outboxMaxAgeMinutes: settings.READY_OUTBOX_MAX_AGE_MINUTES,
      intake: { imapMaxAgeSeconds: settings.READY_IMAP_MAX_AGE_SECONDS, ocrStats: () => ocr.engine()?.stats() ?? null },
    }) : null;
    const deps = {
      store, settings, log, replies, signal: controller.signal,
      readPhotos: ops?.intake ? ops.intake.timePhotos(ocr.readPhotos) : ocr.readPhotos,
      ...(ops?.intake ? { observer: ops.intake.observer } : {}),
    };
    let opsServer: OpsServer | null = null;
    try {
      if (ops && settings.METRICS_PORT !== 0) {
        // pm2 numbers each instance of a shared intake (NODE_APP_INSTANCE): each serves on its own port.
        const port = settings.METRICS_PORT + Number(process.env['NODE_APP_INSTANCE'] ?? 0);
        opsServer = await startOpsServer(ops, settings.METRICS_HOST, port);
        log.info({ stage: 'ops', host: settings.METRICS_HOST, port: opsServer.port }, 'health and metrics on /healthz /readyz /metrics');
      }
      // INTAKE_SHARED: one of several workers on PostgreSQL (src/intake/run-shared.ts).
      if (options['once'] === true) {
        const stats = settings.INTAKE_SHARED ? await runSharedOnce(deps) : await runIntakeOnce(deps);
        process.stdout.write(`${JSON.stringify(stats)}\n`);
        return 0;
      }
      await (settings.INTAKE_SHARED ? runSharedDaemon(deps) : runIntakeDaemon(deps));
      return 0;
    } catch (e) {
      if (e instanceof LeaseHeldError) {
        process.stderr.write(`cli intake: ${e.message}\n`);
        return 3;
      }
      throw e;
    } finally {
      await opsServer?.close();
      await replies.close();
      await ocr.close();
      await store.close();
    }
  },
};
