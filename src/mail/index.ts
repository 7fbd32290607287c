// The mail stage: everything the rest of the program may use of IMAP. imapflow stays behind this line.
export { MailboxClient, type MailboxClientOptions } from './mailbox-client.js';
export { connectWithBackoff, backoffDelay, type BackoffOptions } from './connect-with-backoff.js';
export { appendFiles, type AppendFilesOptions } from './append-files.js';
export { MailError, MAIL_ERROR_CODES, type MailErrorCode } from './errors.js';
export type { FetchedMessage, ImapSettings, MailboxState, WaitResult } from './types.js';
