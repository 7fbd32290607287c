// Forward a message to another department (WEB_FORWARD_ADDRESSES): questions and complaints reach info@ too.
// The forward is plain text (the original's headers and text, attachment names), queued in the outbox, and the
// item is resolved in the same transaction.
import type { ActionResult, WebDeps } from '../deps.js';
import { heldItem, resolveIn, runAction } from './held-item.js';
import { parsedMessage } from './message-source.js';

const MAX_TEXT = 100_000;

export async function forwardItem(deps: WebDeps, input: { itemId: number; login: string; to: string; note: string }): Promise<ActionResult<{ to: string }>> {
  return runAction(async () => {
    const department = deps.settings.WEB_FORWARD_ADDRESSES.find((d) => d.address === input.to.trim().toLowerCase());
    if (!department) return { ok: false, message: 'Выберите отдел из списка.' };
    const held = await heldItem(deps, input.itemId, input.login);
    if (!held.ok) return held;
    const { item, message } = held;
    const parsed = await parsedMessage(deps, message.id);
    const note = input.note.trim().slice(0, 5000);
    const subject = (message.subject ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 180);
    const attachments = (parsed?.attachments ?? []).map((a, i) => `  ${i + 1}. ${a.filename ?? 'без имени'} (${a.contentType}, ${a.size} байт)`);
    const text = [
      ...(note ? [note, ''] : []),
      `Переслано специалистом ${input.login} из почты показаний (письмо № ${message.id}).`,
      '',
      '---------- Пересланное письмо ----------',
      `От: ${message.fromAddress ?? '—'}`,
      `Дата: ${(message.dateHeader ?? message.receivedAt ?? message.createdAt).toISOString()}`,
      `Тема: ${subject || '—'}`,
      '',
      (parsed?.fullText ?? '(текст письма недоступен)').slice(0, MAX_TEXT),
      ...(attachments.length > 0 ? ['', 'Вложения (не пересылаются, доступны в интерфейсе специалиста):', ...attachments] : []),
    ].join('\n');
    const now = deps.clock();
    await deps.store.transaction(async (tx) => {
      await resolveIn(tx, deps, item.id, input.login, { action: 'forward', to: department.address, department: department.name, note });
      const { entry } = await tx.outbox.enqueue({
        messageId: message.id, kind: 'forward', to: department.address, subject: `Fwd: ${subject || 'письмо абонента'}`, text, html: null,
        inReplyTo: null, references: null, dedupeKey: `forward:${message.id}:${department.address}`, at: now,
      });
      await tx.audit.append({
        actor: input.login, action: 'review.forward', entity: 'review', entityId: item.id, at: now,
        before: { status: 'open', reasons: item.reasons },
        after: { status: 'resolved', to: department.address, department: department.name, note, outboxId: entry.id },
      });
    });
    deps.kickOutbox();
    return { ok: true, to: department.address };
  });
}
