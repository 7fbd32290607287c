// What the daemon tells whoever watches it (src/ops turns it into metrics and readiness): stage times, each
// filed message's outcome, and the IMAP connection's life. Every call is cheap and synchronous, and none may throw.
import type { ProcessOutcome } from './process-message.js';
import type { StageSink } from './stage-timings.js';

export interface IntakeObserver {
  /** Wall time per call of each intake stage (stage-timings.ts). */
  stages: StageSink;
  /** A message is filed to its outcome folder (decided, duplicate, failed, or resumed after a restart). */
  filed(outcome: ProcessOutcome): void;
  /** A connection to the mailbox was opened (the first, or a reconnect). */
  imapConnected(): void;
  /** A connection attempt failed (the daemon retries with backoff). */
  imapConnectFailed(): void;
  /** A cycle over the mailbox completed: the connection worked just now. */
  imapAlive(): void;
}
