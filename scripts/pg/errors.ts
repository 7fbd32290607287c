// Infrastructure failures of the local PostgreSQL cluster; `code` says which, `cause` keeps the original error.
export type PgErrorCode = 'LAYOUT_INVALID' | 'INSTALL_FAILED' | 'INIT_FAILED' | 'START_FAILED' | 'PORT_IN_USE' | 'STOP_FAILED';

export class PgError extends Error {
  constructor(readonly code: PgErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PgError';
  }
}
