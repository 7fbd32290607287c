// Fills ReviewItem.searchText of open items that lack it: sender, subject, and the accounts and meters of the
// decision, lower-case — what the queue's search matches. Items are opened by the intake; the clerk UI fills
// this before every search and in the background, a few hundred rows at a time.
import type { Reading } from '../../domain/types.js';
import type { Store } from '../../store/index.js';

const BATCH = 500;

export function searchText(input: { fromAddress: string | null; subject: string | null; decision: unknown }): string {
  const readings = (input.decision as { readings?: Partial<Reading>[] } | null)?.readings;
  const keys = Array.isArray(readings) ? readings.flatMap((r) => [r.account, r.meter]).filter((k): k is string => typeof k === 'string') : [];
  return [input.fromAddress ?? '', ...new Set(keys), (input.subject ?? '').slice(0, 300)].join(' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Fills every open item missing it; returns how many were filled. */
export async function fillSearchText(store: Store, maxRows = Number.POSITIVE_INFINITY): Promise<number> {
  let filled = 0;
  while (filled < maxRows) {
    const missing = await store.review.missingSearchText(BATCH);
    if (missing.length === 0) break;
    await store.transaction(async (tx) => {
      for (const m of missing) await tx.review.setSearchText(m.id, searchText(m));
    });
    filled += missing.length;
  }
  return filled;
}
