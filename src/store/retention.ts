// Data lifecycle: the raw source of a message goes once its outcome is final and old enough. The row stays
// (sha256 and Message-ID keep the duplicate check working; readings, review item and audit keep pointing at it).
import { inTransaction, type Db } from './client.js';

/** Why a message's raw source may go: the kind of its final outcome. */
export type PurgeKind = 'accept' | 'reject' | 'ignore' | 'duplicate' | 'review_resolved';

export interface PurgeCandidate {
  id: number;
  kind: PurgeKind;
  size: number;
  /** When the outcome became final: the decision, or the clerk's resolution of a review item. */
  finalAt: Date;
}

const CHUNK = 500;

export function retentionRepo(db: Db) {
  return {
    /**
     * Messages still holding their raw source whose outcome became final before `cutoff`: decided accept /
     * reject / ignore, or found duplicate, without a review item; or with a resolved review item. Failed
     * messages, open review items and messages not yet decided are never candidates. Oldest first.
     */
    async purgeCandidates(cutoff: Date): Promise<PurgeCandidate[]> {
      const rows = await db.inboundMessage.findMany({
        where: {
          rawPurgedAt: null,
          state: { in: ['decided', 'filed', 'duplicate'] },
          OR: [
            { reviewItem: { is: null }, decision: { in: ['accept', 'reject', 'ignore'] }, decidedAt: { lt: cutoff } },
            { reviewItem: { is: null }, state: 'duplicate', decidedAt: { lt: cutoff } },
            { reviewItem: { is: { status: 'resolved', resolvedAt: { lt: cutoff } } } },
          ],
        },
        select: { id: true, state: true, decision: true, size: true, decidedAt: true, reviewItem: { select: { resolvedAt: true } } },
        orderBy: { id: 'asc' },
      });
      return rows.map((r) => ({
        id: r.id,
        size: r.size,
        kind: r.reviewItem ? 'review_resolved' : r.state === 'duplicate' ? 'duplicate' : (r.decision as PurgeKind),
        finalAt: (r.reviewItem?.resolvedAt ?? r.decidedAt)!,
      }));
    },

    /** Drops the raw source of these messages and records when (a message already purged is left alone). */
    async purgeRaw(ids: readonly number[], at: Date): Promise<number> {
      let count = 0;
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = ids.slice(i, i + CHUNK);
        count += await inTransaction(db, async (tx) => {
          await tx.messageSource.deleteMany({ where: { messageId: { in: part }, message: { rawPurgedAt: null } } });
          return (await tx.inboundMessage.updateMany({ where: { id: { in: part }, rawPurgedAt: null }, data: { rawPurgedAt: at } })).count;
        });
      }
      return count;
    },
  };
}

export type RetentionRepo = ReturnType<typeof retentionRepo>;
