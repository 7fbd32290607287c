// Append-only audit trail: who did what to which entity, with before/after as JSON text.
import type { Db } from './client.js';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  at?: Date;
}

export interface AuditRecord {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

const toRow = (entry: AuditEntry) => ({
  actor: entry.actor,
  action: entry.action,
  entity: entry.entity,
  entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
  before: json(entry.before),
  after: json(entry.after),
  ...(entry.at ? { at: entry.at } : {}),
});

export function auditRepo(db: Db) {
  return {
    async append(entry: AuditEntry): Promise<number> {
      const row = await db.auditLog.create({ data: toRow(entry), select: { id: true } });
      return row.id;
    },

    async appendMany(entries: readonly AuditEntry[]): Promise<void> {
      if (entries.length === 0) return;
      await db.auditLog.createMany({ data: entries.map(toRow) });
    },

    /** Newest first. */
    async list(filter: { entity?: string; entityId?: string | number; action?: string; actor?: string; limit?: number } = {}): Promise<AuditRecord[]> {
      const rows = await db.auditLog.findMany({
        where: {
          ...(filter.entity !== undefined ? { entity: filter.entity } : {}),
          ...(filter.entityId !== undefined ? { entityId: String(filter.entityId) } : {}),
          ...(filter.action !== undefined ? { action: filter.action } : {}),
          ...(filter.actor !== undefined ? { actor: filter.actor } : {}),
        },
        orderBy: { id: 'desc' },
        take: filter.limit ?? 100,
      });
      return rows.map((r) => ({ ...r, before: parse(r.before), after: parse(r.after) }));
    },
  };
}

export type AuditRepo = ReturnType<typeof auditRepo>;
