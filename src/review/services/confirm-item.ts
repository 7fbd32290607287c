// Confirm (as found, or corrected) the readings of a review item: stored and the registry advanced by the same
// code as an automatic accept (src/intake/apply-decision.ts), for the billing period of the message's receipt,
// the "accepted" reply planned as the intake plans it and queued in the same transaction, the item resolved.
import { judgementInstant, localDate, placeInCalendar } from '../../decide/billing-window.js';
import type { Decision } from '../../decide/decide-message.js';
import type { Reading, Zone } from '../../domain/types.js';
import { ApplyError, applyDecision } from '../../intake/apply-decision.js';
import { makeQueueReply } from '../../intake/queue-reply.js';
import type { StoredMeter } from '../../store/index.js';
import type { ActionResult, WebDeps } from '../deps.js';
import { heldItem, resolveIn, runAction, within } from './held-item.js';
import { parsedMessage } from './message-source.js';

export interface ConfirmRow {
  meterId: string;
  values: [string, string, string];
}

const ZONES: Zone[] = ['t1', 't2', 't3'];

/** Form rows → readings, or the first problem in Russian. Empty rows are skipped. */
export function readingsFromRows(rows: readonly ConfirmRow[], meters: ReadonlyMap<number, StoredMeter>): { readings: Reading[]; meterIds: number[] } | { problem: string } {
  const readings: Reading[] = [];
  const meterIds: number[] = [];
  for (const [n, row] of rows.entries()) {
    const values = row.values.map((v) => v.replace(/[\s\u00a0]/g, ''));
    if (row.meterId.trim() === '' && values.every((v) => v === '')) continue;
    const meter = meters.get(Number(row.meterId));
    if (!meter) return { problem: `Строка ${n + 1}: выберите прибор учёта из реестра.` };
    if (meterIds.includes(meter.id)) return { problem: `Прибор ${meter.meter} указан дважды.` };
    const reading: Reading = { account: meter.account, meter: meter.meter, t1: null, t2: null, t3: null };
    for (const [z, zone] of ZONES.entries()) {
      const v = values[z]!;
      if (z >= meter.zones) {
        if (v !== '') return { problem: `Прибор ${meter.meter}: у него ${meter.zones} тарифн. зон(ы), лишнее значение в зоне ${z + 1}.` };
        continue;
      }
      if (!/^\d+$/.test(v)) return { problem: `Прибор ${meter.meter}: значение зоны ${z + 1} должно быть целым числом.` };
      if (v.replace(/^0+(?=\d)/, '').length > meter.digits) return { problem: `Прибор ${meter.meter}: значение ${v} длиннее разрядности (${meter.digits}).` };
      reading[zone] = Number(v);
    }
    readings.push(reading);
    meterIds.push(meter.id);
  }
  if (readings.length === 0) return { problem: 'Нет показаний для подтверждения.' };
  return { readings, meterIds };
}

const sameReadings = (a: readonly Reading[], b: readonly Reading[]): boolean =>
  a.length === b.length && a.every((r) => b.some((x) => x.account === r.account && x.meter === r.meter && x.t1 === r.t1 && x.t2 === r.t2 && x.t3 === r.t3));

export async function confirmItem(deps: WebDeps, input: { itemId: number; login: string; rows: ConfirmRow[] }): Promise<ActionResult<{ corrected: boolean; readingsStored: number; replyQueued: boolean }>> {
  return runAction(async () => {
    const held = await heldItem(deps, input.itemId, input.login);
    if (!held.ok) return held;
    const { item, message } = held;
    const ids = [...new Set(input.rows.map((r) => Number(r.meterId)).filter((n) => Number.isInteger(n) && n > 0))];
    const meters = new Map((await Promise.all(ids.map((id) => deps.store.registry.findMeter(id)))).filter((m): m is StoredMeter => m !== null).map((m) => [m.id, m]));
    const parsedRows = readingsFromRows(input.rows, meters);
    if ('problem' in parsedRows) return { ok: false, message: parsedRows.problem };
    const { readings } = parsedRows;

    const [decided] = await deps.store.audit.list({ entity: 'message', entityId: message.id, action: 'decide', limit: 1 });
    const extracted = ((decided?.after as { readings?: Reading[] } | null)?.readings ?? []);
    const corrected = !sameReadings(readings, extracted);
    // The period and reading date of the message's receipt, judged as the intake judged it — not of this click.
    const at = judgementInstant({ dateHeader: message.dateHeader, receivedAt: message.receivedAt, now: message.createdAt });
    const { window } = deps.replyRules;
    const period = placeInCalendar(at, window).period;
    const readingDate = localDate(at, window.timeZone);
    const decision: Decision = {
      decision: 'accept', readings, reasons: [], period,
      explanation: `Показания ${corrected ? 'исправлены и подтверждены' : 'подтверждены'} специалистом (${input.login}).`,
      effects: [{ type: 'store_readings', readings, period }, { type: 'queue_reply', template: 'accepted' }],
    };
    const parsed = await parsedMessage(deps, message.id);
    const now = deps.clock();
    const folder = message.outcomeFolder ?? deps.settings.FOLDER_REVIEW;
    const before = [...meters.values()].map((m) => ({ account: m.account, meter: m.meter, last: m.last, lastDate: m.lastDate }));
    try {
      const result = await deps.store.transaction(async (tx) => {
        await resolveIn(tx, deps, item.id, input.login, { action: corrected ? 'correct' : 'confirm', readings, period });
        const applied = await applyDecision(within(tx, deps.store), {
          messageRowId: message.id, decision, readingDate, source: corrected ? 'clerk' : 'text', actor: input.login,
          // The message stays where the intake filed it (the Review folder).
          folders: { accept: folder, review: folder, reject: folder, ignore: folder, failed: folder },
          queueReply: parsed ? makeQueueReply(parsed, message.id, decision, at, deps.replyRules, now) : null,
          now,
        });
        // apply-decision marks the message decided; it was already filed, and stays so.
        if (message.state === 'filed') await tx.messages.update(message.id, { state: 'filed' });
        await tx.audit.append({
          actor: input.login, action: corrected ? 'review.correct' : 'review.confirm', entity: 'review', entityId: item.id, at: now,
          before: { status: 'open', reasons: item.reasons, readings: extracted, registry: before },
          after: { status: 'resolved', readings, period, readingDate, readingsStored: applied.readingsStored, replyQueued: applied.replyQueued },
        });
        return applied;
      });
      deps.kickOutbox();
      return { ok: true, corrected, readingsStored: result.readingsStored, replyQueued: result.replyQueued };
    } catch (e) {
      if (e instanceof ApplyError) return { ok: false, message: `Прибор учёта исчез из реестра: ${e.message}` };
      throw e;
    }
  });
}
