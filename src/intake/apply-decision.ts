// Carries out a decision's effects in ONE database transaction: readings stored (a later reading of the same
// meter and period supersedes the earlier, both kept) and the registry's last values advanced; a review item
// opened; the reply queued in the outbox; the message marked decided with its outcome folder. A crash before the
// commit leaves nothing; a replay after it finds the message decided and does nothing again.
import type { DecisionKind, Reading, ReadingSource, RegistryMeter } from '../domain/types.js';
import type { Decision } from '../decide/decide-message.js';
import type { Repos, Store } from '../store/index.js';

export type OutcomeFolders = Record<DecisionKind | 'failed', string>;

/** What the reply step needs; src/reply renders and queues it inside the same transaction. */
export type QueueReply = (tx: Repos, decision: Decision, previous: Map<string, Reading>) => Promise<boolean>;

export interface ApplyInput {
  messageRowId: number;
  decision: Decision;
  /** Local calendar date (YYYY-MM-DD) of the judgement instant: the meter's new last-reading date. */
  readingDate: string;
  source: ReadingSource;
  actor: string;
  folders: OutcomeFolders;
  queueReply: QueueReply | null;
  /** The meter as the decision saw it (with its database id), to spare a lookup per reading. */
  knownMeter?: (account: string, meter: string) => RegistryMeter | null;
}

export interface ApplyResult {
  outcomeFolder: string;
  readingsStored: number;
  replyQueued: boolean;
}

export class ApplyError extends Error {
  constructor(readonly code: 'METER_VANISHED', message: string) {
    super(message);
  }
}

export async function applyDecision(store: Store, input: ApplyInput): Promise<ApplyResult> {
  const { decision, messageRowId } = input;
  return store.transaction(async (tx) => {
    let readingsStored = 0;
    // Values before this message, for the reply's "consumption since the last reading".
    const previous = new Map<string, Reading>();
    if (decision.decision === 'accept') {
      for (const r of decision.readings) {
        // The registry the decision was made with carries the meter's id; the store is asked only otherwise.
        const known = input.knownMeter?.(r.account, r.meter);
        const meter = known?.id !== undefined ? { ...known, id: known.id }
          : (await tx.registry.metersOfAccount(r.account)).find((m) => m.meter === r.meter);
        if (!meter) throw new ApplyError('METER_VANISHED', `meter ${r.meter} of account ${r.account} is no longer in the registry`);
        previous.set(`${r.account}\u0000${r.meter}`, { account: r.account, meter: r.meter, ...meter.last });
        const inserted = await tx.readings.insert({
          messageId: messageRowId, meterId: meter.id, accountNumber: r.account, meterSerial: r.meter,
          t1: r.t1, t2: r.t2, t3: r.t3, source: input.source, period: decision.period, createdBy: input.actor,
        });
        if (!inserted.ok) continue; // stored by an earlier run of this same message
        readingsStored++;
        for (const old of await tx.readings.effective(meter.id, decision.period)) {
          if (old.id !== inserted.id) await tx.readings.supersede(old.id, inserted.id);
        }
        await tx.registry.setLastReading(meter.id, { t1: r.t1, t2: r.t2, t3: r.t3 }, input.readingDate);
      }
    }
    if (decision.decision === 'review') await tx.review.open(messageRowId, decision.reasons);
    const wantsReply = decision.effects.some((e) => e.type === 'queue_reply');
    const replyQueued = wantsReply && input.queueReply ? await input.queueReply(tx, decision, previous) : false;
    const outcomeFolder = input.folders[decision.decision];
    await tx.messages.update(messageRowId, {
      state: 'decided', decision: decision.decision, reasons: decision.reasons, explanation: decision.explanation,
      outcomeFolder, decidedAt: new Date(), error: null,
    });
    await tx.audit.append({
      actor: input.actor, action: 'decide', entity: 'message', entityId: messageRowId,
      after: { decision: decision.decision, reasons: decision.reasons, readings: decision.readings, period: decision.period, replyQueued },
    });
    return { outcomeFolder, readingsStored, replyQueued };
  });
}
