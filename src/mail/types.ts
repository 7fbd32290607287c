import type { IMAP_SETTINGS, Settings } from '../config.js';

export type ImapSettings = Pick<Settings, (typeof IMAP_SETTINGS)[number]>;

export interface FetchedMessage {
  uid: number;
  /** The server's receive time (IMAP INTERNALDATE); null when the server sent none or an unreadable one. */
  internalDate: Date | null;
  size: number;
  source: Buffer;
}

export interface MailboxState {
  mailbox: string;
  uidValidity: bigint;
  uidNext: number;
  exists: number;
}

export type WaitResult = 'changed' | 'timeout' | 'aborted' | 'closed';
