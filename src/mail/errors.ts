// The one table of mail-layer error codes. Callers branch on `code`: IMAP_CLOSED and IMAP_CONNECT mean
// "reconnect and retry", IMAP_AUTH and IMAP_MAILBOX are configuration trouble, IMAP_COMMAND is one
// command refused on a healthy connection.
export const MAIL_ERROR_CODES = {
  IMAP_CONNECT: 'cannot reach the IMAP server (network, TLS or greeting)',
  IMAP_AUTH: 'the IMAP server refused the login',
  IMAP_MAILBOX: 'the mailbox cannot be selected',
  IMAP_CLOSED: 'the IMAP connection is closed or was lost',
  IMAP_COMMAND: 'the IMAP server refused or failed a command',
  IMAP_ABORTED: 'the operation was aborted',
} as const;

export type MailErrorCode = keyof typeof MAIL_ERROR_CODES;

export class MailError extends Error {
  override readonly name = 'MailError';
  constructor(readonly code: MailErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** The server's own words for a failure, for messages and logs (never message content). */
export function describeCause(err: unknown): string {
  const e = err as { message?: string; responseText?: string; code?: string } | undefined;
  if (!e) return 'unknown error';
  const text = e.responseText || e.message || String(err);
  return e.code && !text.includes(e.code) ? `${text} (${e.code})` : text;
}
