// Retention of raw messages in the database: after RETENTION_RAW_DAYS past a final outcome the source goes,
// the row stays (dedupe by sha256 and Message-ID, readings, review item and audit are untouched).
import type { PurgeCandidate, PurgeKind, Store } from '../store/index.js';

export interface PurgeCounts {
  /** Messages per outcome kind. */
  byKind: Record<PurgeKind, number>;
  messages: number;
  bytes: number;
}

export interface MessagesPurge extends PurgeCounts {
  cutoff: Date;
  candidates: PurgeCandidate[];
  /** Rows changed (0 on a dry run). */
  purged: number;
}

export const DAY_MS = 86_400_000;

export const retentionCutoff = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);

export function countCandidates(candidates: readonly PurgeCandidate[]): PurgeCounts {
  const byKind: Record<PurgeKind, number> = { accept: 0, reject: 0, ignore: 0, duplicate: 0, review_resolved: 0 };
  let bytes = 0;
  for (const c of candidates) {
    byKind[c.kind]++;
    bytes += c.size;
  }
  return { byKind, messages: candidates.length, bytes };
}

/** Finds the messages whose raw source is due and, unless `dryRun`, drops it. */
export async function purgeMessages(store: Store, options: { now: Date; days: number; dryRun: boolean }): Promise<MessagesPurge> {
  const cutoff = retentionCutoff(options.now, options.days);
  const candidates = await store.retention.purgeCandidates(cutoff);
  const purged = options.dryRun ? 0 : await store.retention.purgeRaw(candidates.map((c) => c.id), options.now);
  return { cutoff, candidates, purged, ...countCandidates(candidates) };
}
