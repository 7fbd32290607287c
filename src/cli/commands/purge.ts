// cli purge [--dry-run] [--skip-imap] [--now ISO]
// Retention: the raw source of messages whose outcome has been final for RETENTION_RAW_DAYS, and the messages the
// server received that long ago in the final outcome folders (Processed, Rejected, Ignored). Open review items,
// failed and undecided messages are untouched; sha256, Message-ID, readings and audit stay. One audit entry per
// run with the counts; --dry-run changes nothing and lists what would go.
import { IMAP_SETTINGS, loadSettings } from '../../config.js';
import { log } from '../../log.js';
import { finalFolders, purgeFolders, type FolderPurge } from '../../lifecycle/purge-folders.js';
import { purgeMessages, retentionCutoff } from '../../lifecycle/purge-messages.js';
import { openStore } from '../../store/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from './index.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

export const purge: Command = {
  summary: 'purge [--dry-run] [--skip-imap]: delete raw messages older than RETENTION_RAW_DAYS after their final outcome',
  async run(argv) {
    const { options, positionals } = parseArgs(argv, ['now'], ['dry-run', 'skip-imap']);
    if (positionals.length > 0) throw new UsageError('usage: purge [--dry-run] [--skip-imap] [--now ISO]');
    const now = typeof options['now'] === 'string' ? new Date(options['now']) : new Date();
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO date, got "${String(options['now'])}"`);
    const dryRun = options['dry-run'] === true;
    const skipImap = options['skip-imap'] === true;
    const s = loadSettings(['DATABASE_URL', 'RETENTION_RAW_DAYS', ...(skipImap ? [] : IMAP_SETTINGS)]);
    const days = s.RETENTION_RAW_DAYS;
    const cutoff = retentionCutoff(now, days);
    const verb = dryRun ? 'would purge' : 'purged';
    say(`${dryRun ? 'dry run: ' : ''}retention ${days} days: final before ${cutoff.toISOString()}`);

    const store = await openStore(s.DATABASE_URL);
    try {
      const db = await purgeMessages(store, { now, days, dryRun });
      if (dryRun) for (const c of db.candidates) say(`message ${c.id}  ${c.kind}  final ${c.finalAt.toISOString()}  ${c.size} bytes`);
      const kinds = Object.entries(db.byKind).map(([k, n]) => `${k} ${n}`).join(', ');
      say(`database: ${verb} the raw source of ${db.messages} message(s) (${kinds}), ${db.bytes} bytes`);

      let folders: FolderPurge[] = [];
      // The database part is done: an unreachable IMAP server must not leave it unaudited.
      let imapError: unknown = null;
      if (!skipImap) {
        try {
          const imap = loadSettings(IMAP_SETTINGS);
          folders = await purgeFolders(imap, { folders: finalFolders(imap), cutoff, dryRun }, log);
          for (const f of folders) say(`imap ${f.folder}: ${f.exists ? `${verb} ${f.messages} message(s) received before ${cutoff.toISOString().slice(0, 10)}` : 'no such folder'}`);
        } catch (e) {
          imapError = e;
        }
      }
      if (!dryRun) {
        await store.audit.append({
          actor: 'cli', action: 'purge', entity: 'retention', at: now,
          after: {
            days, cutoff: cutoff.toISOString(), messages: db.purged, bytes: db.bytes, byKind: db.byKind,
            folders: skipImap ? null : Object.fromEntries(folders.map((f) => [f.folder, f.messages])),
            ...(imapError ? { imapError: (imapError as Error).message } : {}),
          },
        });
      }
      if (imapError) throw imapError;
      return 0;
    } finally {
      await store.close();
    }
  },
};
