// Every clerk action works on an open item the clerk holds the lock of; anything else is refused with a reason.
import type { Repos, ReviewItem, Store, StoredMessage } from '../../store/index.js';
import type { ActionResult, WebDeps } from '../deps.js';

export type Held = { item: ReviewItem; message: StoredMessage };

export async function heldItem(deps: WebDeps, itemId: number, login: string): Promise<ActionResult<Held>> {
  const item = await deps.store.review.get(itemId);
  if (!item) return { ok: false, message: 'Обращение не найдено.' };
  if (item.status !== 'open') return { ok: false, message: `Обращение уже обработано (${item.resolvedBy ?? '—'}).` };
  const now = deps.clock();
  if (item.lockedBy !== login || !item.lockedUntil || item.lockedUntil < now) {
    // Free (or expired) locks are taken; another clerk's valid lock is not.
    const lock = await deps.store.review.lock(itemId, login, now, new Date(now.getTime() + deps.settings.WEB_LOCK_MINUTES * 60_000));
    if (!lock.ok) return { ok: false, message: `Обращение открыто другим специалистом: ${lock.holder ?? '—'}.` };
  }
  const message = await deps.store.messages.get(item.messageId);
  if (!message) return { ok: false, message: 'Письмо не найдено.' };
  return { ok: true, item, message };
}

/** Thrown inside a transaction when the item was resolved or its lock lost meanwhile: rolls everything back. */
export class LockLostError extends Error {
  constructor() {
    super('Обращение уже обработано или блокировка истекла — откройте его снова.');
  }
}

/** Resolves the held item inside `tx`, or rolls the transaction back. */
export async function resolveIn(tx: Repos, deps: WebDeps, itemId: number, login: string, resolution: unknown): Promise<void> {
  if (!(await tx.review.resolve(itemId, login, deps.clock(), resolution))) throw new LockLostError();
}

/** A Store whose transaction() runs inside an already open one: lets one-message helpers join the clerk's transaction. */
export function within(tx: Repos, store: Store): Store {
  return { ...tx, provider: store.provider, transaction: (fn) => fn(tx), batchTransaction: (fn) => fn(tx), close: async () => undefined };
}

export async function runAction<T extends object>(fn: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof LockLostError) return { ok: false, message: e.message };
    throw e;
  }
}
