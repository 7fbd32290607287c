// What applying a batch of decisions writes (src/intake/apply-decision.ts): a narrow slice of the repositories,
// so that on SQLite the intake can apply through its own connection (sqlite-batch.ts) and everywhere else
// through Prisma's (the full repositories satisfy it).
import type { AuditRepo } from './audit.js';
import type { MessagesRepo } from './messages.js';
import type { OutboxRepo } from './outbox.js';
import type { ReadingsRepo } from './readings.js';
import type { RegistryRepo } from './registry.js';
import type { ReviewRepo } from './review.js';

export interface BatchRepos {
  readings: Pick<ReadingsRepo, 'ofMessages' | 'effectiveOf' | 'insertMany' | 'supersedeEach'>;
  registry: Pick<RegistryRepo, 'metersOfAccount' | 'setLastReadings' | 'lastValues'>;
  review: Pick<ReviewRepo, 'openMany'>;
  outbox: Pick<OutboxRepo, 'existingDedupeKeys' | 'countRecentToMany' | 'enqueueMany'>;
  messages: Pick<MessagesRepo, 'markDecidedEach'>;
  audit: Pick<AuditRepo, 'appendMany'>;
}
