// Appends .eml files to a folder over one connection: for the demo, the tests and `cli mail append`.
import { access, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { stageLogger } from '../log.js';
import { headerDate } from './header-date.js';
import { MailboxClient } from './mailbox-client.js';
import type { ImapSettings } from './types.js';

export interface AppendFilesOptions {
  /** Set INTERNALDATE from each message's Date header (when readable), as if it arrived when it was sent. */
  dateFromHeader?: boolean;
}

/** IMAP messages use CRLF line ends; .eml files on disk often have bare LF. Bytes are kept otherwise. */
export function toCrlf(raw: Buffer): Buffer {
  if (!raw.includes(0x0a)) return raw;
  return Buffer.from(raw.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}

/** Appends every file, in order, to `folder` (default IMAP_MAILBOX); returns how many were appended. */
export async function appendFiles(settings: ImapSettings, files: string[], folder?: string, opts: AppendFilesOptions = {}): Promise<number> {
  // Check every file first, so a typo does not leave half the files appended.
  await Promise.all(files.map((f) => access(f, constants.R_OK)));
  const target = folder ?? settings.IMAP_MAILBOX;
  const client = new MailboxClient(settings, stageLogger('mail'));
  try {
    await client.connect();
    let count = 0;
    for (const file of files) {
      const raw = toCrlf(await readFile(file));
      const date = opts.dateFromHeader ? headerDate(raw) : undefined;
      await client.append(target, raw, date ? { date } : {});
      count++;
    }
    return count;
  } finally {
    await client.close();
  }
}
