// Close a review item without any reply: not a reading, spam, a duplicate, handled elsewhere.
import type { ActionResult, WebDeps } from '../deps.js';
import { heldItem, resolveIn, runAction } from './held-item.js';

export const CLOSE_REASONS = {
  not_reading: 'Не показания (вопрос, жалоба и т. п.)',
  spam: 'Спам',
  duplicate: 'Повтор уже обработанного письма',
  other: 'Другое',
} as const;

export type CloseReason = keyof typeof CLOSE_REASONS;
export const isCloseReason = (r: string): r is CloseReason => Object.hasOwn(CLOSE_REASONS, r);

export async function closeItem(deps: WebDeps, input: { itemId: number; login: string; reason: string; note: string }): Promise<ActionResult> {
  return runAction(async () => {
    if (!isCloseReason(input.reason)) return { ok: false, message: 'Выберите причину закрытия.' };
    const held = await heldItem(deps, input.itemId, input.login);
    if (!held.ok) return held;
    const note = input.note.trim().slice(0, 2000);
    const now = deps.clock();
    await deps.store.transaction(async (tx) => {
      await resolveIn(tx, deps, held.item.id, input.login, { action: 'close', reason: input.reason, note });
      await tx.audit.append({
        actor: input.login, action: 'review.close', entity: 'review', entityId: held.item.id, at: now,
        before: { status: 'open', reasons: held.item.reasons }, after: { status: 'resolved', reason: input.reason, note },
      });
    });
    return { ok: true };
  });
}
