// Infrastructure failures of the local mail servers; `code` says which, `cause` keeps the original error.
export type MailServerErrorCode =
  | 'LAYOUT_INVALID'
  | 'INSTALL_FAILED'
  | 'DOVECOT_UNSUPPORTED'
  | 'START_FAILED'
  | 'PORT_IN_USE'
  | 'STOP_FAILED'
  | 'LOCK_TIMEOUT';

export class MailServerError extends Error {
  constructor(readonly code: MailServerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailServerError';
  }
}
