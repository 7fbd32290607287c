// Review items: one per message a clerk must look at.
import type { Db } from './client.js';

export interface ReviewItem {
  id: number;
  messageId: number;
  status: 'open' | 'resolved';
  reasons: string[];
  lockedBy: string | null;
  lockedUntil: Date | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

type Row = Omit<ReviewItem, 'status' | 'reasons'> & { status: string; reasons: string };
const toItem = (r: Row): ReviewItem => ({ ...r, status: r.status as ReviewItem['status'], reasons: JSON.parse(r.reasons) as string[] });
const columns = {
  id: true, messageId: true, status: true, reasons: true, lockedBy: true, lockedUntil: true, resolvedBy: true,
  resolvedAt: true, createdAt: true,
} as const;

export function reviewRepo(db: Db) {
  return {
    /** Opens the review item of a message; a replay returns the existing one (one item per message). */
    async open(messageId: number, reasons: string[]): Promise<{ id: number; created: boolean }> {
      const existing = await db.reviewItem.findUnique({ where: { messageId }, select: { id: true } });
      if (existing) return { id: existing.id, created: false };
      const row = await db.reviewItem.create({ data: { messageId, reasons: JSON.stringify(reasons) }, select: { id: true } });
      return { id: row.id, created: true };
    },

    async ofMessage(messageId: number): Promise<ReviewItem | null> {
      const row = await db.reviewItem.findUnique({ where: { messageId }, select: columns });
      return row ? toItem(row) : null;
    },

    async countOpen(): Promise<number> {
      return db.reviewItem.count({ where: { status: 'open' } });
    },
  };
}

export type ReviewRepo = ReturnType<typeof reviewRepo>;
