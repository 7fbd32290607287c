// Reject a review item with the clerk's (template-based, edited) reply to the customer, queued in the outbox in
// the same transaction that resolves the item. No reply ever goes to machine mail, robots or ourselves.
import { mayReply } from '../../reply/reply-policy.js';
import { threadHeaders } from '../../reply/thread-headers.js';
import type { ActionResult, WebDeps } from '../deps.js';
import { heldItem, resolveIn, runAction } from './held-item.js';
import { parsedMessage } from './message-source.js';

const MAX_TEXT = 20_000;

export async function rejectItem(deps: WebDeps, input: { itemId: number; login: string; subject: string; text: string; template: string }): Promise<ActionResult<{ outboxId: number }>> {
  return runAction(async () => {
    const held = await heldItem(deps, input.itemId, input.login);
    if (!held.ok) return held;
    const { item, message } = held;
    const text = input.text.replace(/\r\n?/g, '\n').trim();
    const subject = input.subject.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200);
    if (text === '') return { ok: false, message: 'Текст ответа пуст.' };
    if (text.length > MAX_TEXT) return { ok: false, message: 'Текст ответа слишком длинный.' };
    const parsed = await parsedMessage(deps, message.id);
    const verdict = mayReply({
      fromAddress: message.fromAddress, headers: parsed?.headers ?? {}, contentType: parsed?.contentType ?? '',
      ownAddresses: deps.replyRules.ownAddresses, recentRepliesToSender: 0, maxPerDay: Number.MAX_SAFE_INTEGER,
    });
    if (!verdict.allowed) return { ok: false, message: `Этому отправителю ответить нельзя (${verdict.reason}). Закройте обращение без ответа.` };
    const now = deps.clock();
    const outboxId = await deps.store.transaction(async (tx) => {
      await resolveIn(tx, deps, item.id, input.login, { action: 'reject', template: input.template });
      const { entry } = await tx.outbox.enqueue({
        messageId: message.id, kind: 'clerk', to: message.fromAddress!, subject: subject || 'Ответ на ваше письмо', text, html: null,
        ...threadHeaders(parsed?.messageId ?? message.messageIdHeader, parsed?.headers ?? {}),
        dedupeKey: `clerk:${message.id}:reject`, at: now,
      });
      await tx.audit.append({
        actor: input.login, action: 'review.reject', entity: 'review', entityId: item.id, at: now,
        before: { status: 'open', reasons: item.reasons },
        after: { status: 'resolved', template: input.template, to: message.fromAddress, subject, outboxId: entry.id },
      });
      return entry.id;
    });
    deps.kickOutbox();
    return { ok: true, outboxId };
  });
}
