// The queue page's data: open items oldest first with filters and search, counts per reason, the SLA line.
// The counts (per reason, and of a filter's matches) change slowly and cost a scan of every open item: they are
// kept for a few seconds, and dropped after each of this process's actions.
import { REASONS } from '../../decide/reasons.js';
import type { QueueFilter, QueueRow, Store } from '../../store/index.js';
import type { WebDeps } from '../deps.js';
import { ageBounds, isAge, isKind, KINDS, type AgeCode, type KindCode } from '../queue-kinds.js';
import { fillSearchText } from './fill-search-text.js';

export const PAGE_SIZE = 50;
const STATS_TTL_MS = 5000;

export interface QueueQuery {
  reason: string | null;
  kind: KindCode | null;
  age: AgeCode | null;
  q: string;
  page: number;
}

export interface QueueView {
  query: QueueQuery;
  rows: QueueRow[];
  total: number;
  openTotal: number;
  byReason: { code: string; text: string; count: number }[];
  oldest: Date | null;
  now: Date;
  slaHours: number;
}

export function queueQuery(raw: Record<string, unknown>): QueueQuery {
  const s = (k: string): string => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : '');
  const reason = s('reason');
  const kind = s('kind');
  const age = s('age');
  const page = Number.parseInt(s('page'), 10);
  return {
    reason: Object.hasOwn(REASONS, reason) ? reason : null,
    kind: isKind(kind) ? kind : null,
    age: isAge(age) ? age : null,
    q: s('q').slice(0, 100),
    page: Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1,
  };
}

type Stats = Awaited<ReturnType<Store['review']['openStats']>>;
const statsCache = new WeakMap<object, { at: number; stats: Promise<Stats> }>();

function openStats(store: Store, now: number): Promise<Stats> {
  const hit = statsCache.get(store);
  if (hit && now - hit.at < STATS_TTL_MS) return hit.stats;
  const stats = store.review.openStats();
  statsCache.set(store, { at: now, stats });
  stats.catch(() => statsCache.delete(store));
  return stats;
}

const totals = new WeakMap<object, Map<string, { at: number; total: number }>>();

/** After a clerk's action the counts are read again. */
export function invalidateQueueStats(store: Store): void {
  statsCache.delete(store);
  totals.delete(store);
}

export async function loadQueue(deps: WebDeps, query: QueueQuery): Promise<QueueView> {
  const now = deps.clock();
  const filter: QueueFilter = { ...(query.age ? ageBounds(query.age, now, deps.settings.WEB_SLA_HOURS) : {}), ...(query.q ? { search: query.q } : {}) };
  const kindReasons: readonly string[] | null = query.kind ? KINDS[query.kind].reasons : null;
  if (query.reason) filter.reasonsAny = kindReasons && !kindReasons.includes(query.reason) ? ['-none-'] : [query.reason];
  else if (kindReasons) filter.reasonsAny = kindReasons;
  if (query.q) await fillSearchText(deps.store);
  // Paging through one filter counts its matches once per few seconds, not per page.
  const key = JSON.stringify({ ...filter, createdBefore: undefined, createdAfter: undefined, age: query.age });
  const counted = totals.get(deps.store)?.get(key);
  const known = counted && now.getTime() - counted.at < STATS_TTL_MS ? counted.total : undefined;
  const [{ rows, total }, stats] = await Promise.all([
    deps.store.review.listOpen(filter, { offset: (query.page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, known),
    openStats(deps.store, now.getTime()),
  ]);
  if (known === undefined) {
    const map = totals.get(deps.store) ?? new Map<string, { at: number; total: number }>();
    if (map.size > 500) map.clear();
    map.set(key, { at: now.getTime(), total });
    totals.set(deps.store, map);
  }
  const byReason = Object.entries(stats.byReason).sort((a, b) => b[1] - a[1])
    .map(([code, count]) => ({ code, count, text: (REASONS as Record<string, string>)[code] ?? code }));
  return { query, rows, total, openTotal: stats.open, byReason, oldest: stats.oldest, now, slaHours: deps.settings.WEB_SLA_HOURS };
}
