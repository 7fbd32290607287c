// Retention of the IMAP copies: messages in the final outcome folders (Processed, Rejected, Ignored) that the
// server received more than RETENTION_RAW_DAYS ago are deleted (UID EXPUNGE). Review and Failed stay: their
// messages may still be needed by a clerk or for `cli reprocess`.
import type { Logger } from 'pino';
import { MailboxClient, MailError, type ImapSettings } from '../mail/index.js';

export interface FolderPurge {
  folder: string;
  /** Messages found older than the cutoff (deleted unless a dry run). */
  messages: number;
  /** False when the folder does not exist (nothing to do). */
  exists: boolean;
}

export const finalFolders = (s: Pick<ImapSettings, 'FOLDER_PROCESSED' | 'FOLDER_REJECTED' | 'FOLDER_IGNORED'>): string[] =>
  [s.FOLDER_PROCESSED, s.FOLDER_REJECTED, s.FOLDER_IGNORED];

export async function purgeFolders(
  settings: ImapSettings,
  options: { folders: readonly string[]; cutoff: Date; dryRun: boolean },
  log: Logger,
): Promise<FolderPurge[]> {
  const out: FolderPurge[] = [];
  for (const folder of options.folders) {
    const client = new MailboxClient({ ...settings, IMAP_MAILBOX: folder }, log.child({ stage: 'mail', folder }), { idle: false });
    try {
      try {
        await client.connect();
      } catch (e) {
        if (e instanceof MailError && e.code === 'IMAP_MAILBOX') {
          out.push({ folder, messages: 0, exists: false });
          continue;
        }
        throw e;
      }
      const uids = await client.listUidsBefore(options.cutoff);
      if (!options.dryRun) await client.deleteMany(uids);
      out.push({ folder, messages: uids.length, exists: true });
    } finally {
      await client.close();
    }
  }
  return out;
}
