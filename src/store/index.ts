// The store's public surface. Prisma stays inside src/store; callers see repositories and plain data.
export { openStore, type Repos, type Store } from './open-store.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { backupDatabase, type BackupResult } from './backup.js';
export { checkMigrations, generateClients, migrateDatabase, migrationNames, newMigration } from './migrate.js';
export { PROVIDERS, providerOf, type Provider } from './providers.js';
export { type AccountView, type RegistryChanges, type SenderLink, type StoredMeter } from './registry.js';
export type { InsertMessageResult, MessagePatch, MessageState, NewInboundMessage, StoredMessage } from './messages.js';
export type { InsertReadingResult, NewReading, ReadingStatus, StoredReading } from './readings.js';
export type { AuditEntry, AuditRecord } from './audit.js';
export type { PurgeCandidate, PurgeKind } from './retention.js';
export type { EnqueueResult, NewOutboxEntry, OutboxEntry, OutboxHealth, OutboxKind, OutboxStats, OutboxStatus } from './outbox.js';
export type { LockResult, QueueFilter, QueueRow, ReviewItem } from './review.js';
export type { HistoryEntry, ItemMessage } from './review-queue.js';
export type { SessionRecord, UserRecord, UserRole } from './users.js';
