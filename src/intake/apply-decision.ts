// Carries out decisions' effects in ONE database transaction: readings stored (a later reading of the same
// meter and period supersedes the earlier, both kept) and the registry's last values advanced; review items
// opened; replies queued in the outbox; the messages marked decided with their outcome folders; an audit entry
// each. A crash before the commit leaves nothing; a replay after it finds the messages decided and does nothing
// again. The intake applies a whole fetched batch at once (a handful of statements instead of ten per message);
// a clerk's action or `cli reprocess` applies one (applyDecision).
import type { DecisionKind, Reading, ReadingSource, RegistryMeter, ZoneValues } from '../domain/types.js';
import type { Decision } from '../decide/decide-message.js';
import type { ReplyPlan, AcceptedMeter } from '../reply/queue-reply.js';
import { capWindowStart } from '../reply/queue-reply.js';
import type { NewOutboxEntry, NewReading, Store } from '../store/index.js';
import type { BatchRepos } from '../store/batch-repos.js';
import type { MeterLast } from '../store/registry.js';

export type OutcomeFolders = Record<DecisionKind | 'failed', string>;

export interface ApplyInput {
  messageRowId: number;
  decision: Decision;
  /** Local calendar date (YYYY-MM-DD) of the judgement instant: the meter's new last-reading date. */
  readingDate: string;
  source: ReadingSource;
  actor: string;
  folders: OutcomeFolders;
  /** The reply the decision asks for, planned (src/reply/queue-reply.ts); null: none is queued. */
  queueReply: ReplyPlan | null;
  /** The meter as the decision saw it (with its database id), to spare a lookup per reading. */
  knownMeter?: (account: string, meter: string) => RegistryMeter | null;
  /** Queue time of the reply and decision time; defaults to now. */
  now?: Date;
}

export interface ApplyResult {
  outcomeFolder: string;
  readingsStored: number;
  replyQueued: boolean;
}

export class ApplyError extends Error {
  constructor(readonly code: 'METER_VANISHED' | 'REGISTRY_CHANGED', message: string, readonly changed: readonly MeterLast[] = []) {
    super(message);
  }
}

type StoreMeter = Pick<RegistryMeter, 'kind' | 'zones' | 'last' | 'lastDate'> & { id: number };

const key = (account: string, meter: string): string => `${account}\u0000${meter}`;

export async function applyDecision(store: Store, input: ApplyInput): Promise<ApplyResult> {
  return (await applyDecisions(store, [input]))[0]!;
}

/** Applies the decisions in order, all in one transaction; results in the same order. */
export async function applyDecisions(store: Store, inputs: readonly ApplyInput[]): Promise<ApplyResult[]> {
  if (inputs.length === 0) return [];
  return store.batchTransaction(async (tx) => {
    const accepted = await storeReadings(tx, inputs);
    await tx.review.openMany(inputs.filter((i) => i.decision.decision === 'review')
      .map((i) => ({ messageId: i.messageRowId, reasons: i.decision.reasons })));
    const replied = await queueReplies(tx, inputs, accepted.meters);
    const results = inputs.map((input, i): ApplyResult => ({
      outcomeFolder: input.folders[input.decision.decision], readingsStored: accepted.stored[i]!, replyQueued: replied[i]!,
    }));
    await markDecided(tx, inputs, results);
    await tx.audit.appendMany(inputs.map((input, i) => ({
      actor: input.actor, action: 'decide', entity: 'message', entityId: input.messageRowId,
      after: {
        decision: input.decision.decision, reasons: input.decision.reasons, readings: input.decision.readings,
        period: input.decision.period, replyQueued: results[i]!.replyQueued,
        ...(input.decision.source === 'photo' ? { source: 'photo' } : {}),
        // What each photo was read as, with the display's box: the clerk's item page highlights it.
        ...(input.decision.photos ? { photoReadings: input.decision.photos.readings, photoProblems: input.decision.photos.problems } : {}),
      },
    })));
    return results;
  });
}

/** The accepted readings: inserted (replays skipped), earlier ones of the same meter and period superseded, the
 *  registry's last values advanced. Returns per input how many were stored, and each accepted meter as it was
 *  before its message (for the reply's consumption), per input. */
async function storeReadings(tx: BatchRepos, inputs: readonly ApplyInput[]): Promise<{ stored: number[]; meters: Map<string, AcceptedMeter>[] }> {
  const stored = inputs.map(() => 0);
  const meters = inputs.map(() => new Map<string, AcceptedMeter>());
  const accepts = inputs.map((input, i) => ({ input, i })).filter(({ input }) => input.decision.decision === 'accept' && input.decision.readings.length > 0);
  if (accepts.length === 0) return { stored, meters };

  const lookup = await meterLookup(tx, accepts.map(({ input }) => input));
  const done = new Set((await tx.readings.ofMessages(accepts.map(({ input }) => input.messageRowId))).map((r) => `${r.messageId}:${r.meterId}`));
  await assertRegistryAsSeen(tx, accepts.flatMap(({ input }) => input.decision.readings
    .filter((r) => !done.has(`${input.messageRowId}:${lookup(input, r).id}`)).map((r) => lookup(input, r))));
  // Values before each message: the first message of a meter sees the registry's; the next sees the one before it.
  const current = new Map<number, { last: ZoneValues; lastDate: string | null }>();
  const fresh: (NewReading & { readingDate: string })[] = [];
  for (const { input, i } of accepts) {
    for (const r of input.decision.readings) {
      const meter = lookup(input, r);
      const before = current.get(meter.id) ?? { last: meter.last, lastDate: meter.lastDate };
      meters[i]!.set(key(r.account, r.meter), { kind: meter.kind, zones: meter.zones, previous: { ...before.last } });
      if (done.has(`${input.messageRowId}:${meter.id}`)) continue; // stored by an earlier run of this message
      stored[i]!++;
      fresh.push({
        messageId: input.messageRowId, meterId: meter.id, accountNumber: r.account, meterSerial: r.meter,
        t1: r.t1, t2: r.t2, t3: r.t3, source: input.source, period: input.decision.period, createdBy: input.actor,
        readingDate: input.readingDate,
      });
      if (before.lastDate === null || before.lastDate <= input.readingDate) {
        current.set(meter.id, { last: { t1: r.t1, t2: r.t2, t3: r.t3 }, lastDate: input.readingDate });
      }
    }
  }
  if (fresh.length === 0) return { stored, meters };

  const older = await tx.readings.effectiveOf(fresh.map((r) => r.meterId), fresh.map((r) => r.period));
  await tx.readings.insertMany(fresh.map(({ readingDate: _, ...r }) => r));
  await supersede(tx, fresh, older);
  // The newest date of each meter wins, in one guarded statement (a later date already stored is kept).
  const newest = new Map<number, NewReading & { readingDate: string }>();
  for (const r of fresh) {
    const prev = newest.get(r.meterId);
    if (!prev || prev.readingDate <= r.readingDate) newest.set(r.meterId, r);
  }
  await tx.registry.setLastReadings([...newest.values()].map((r) => ({ meterId: r.meterId, values: { t1: r.t1, t2: r.t2, t3: r.t3 }, date: r.readingDate })));
  return { stored, meters };
}

/** The decisions were judged against the meters' last values as the decider saw them (the first message of a meter
 *  in the batch saw them before the batch). Another worker, or a clerk, may have advanced one since: the meters
 *  are locked and compared, and a change fails the batch with REGISTRY_CHANGED, for the caller to judge again. */
async function assertRegistryAsSeen(tx: BatchRepos, seen: readonly StoreMeter[]): Promise<void> {
  const first = new Map<number, StoreMeter>();
  for (const m of seen) if (!first.has(m.id)) first.set(m.id, m);
  if (first.size === 0) return;
  const stored = await tx.registry.lastValues([...first.keys()], { lock: true });
  const changed = [...first].flatMap(([id, m]) => {
    const s = stored.get(id);
    if (!s) return [];
    const same = s.lastDate === m.lastDate && s.last.t1 === m.last.t1 && s.last.t2 === m.last.t2 && s.last.t3 === m.last.t3;
    return same ? [] : [s];
  });
  if (changed.length > 0) {
    throw new ApplyError('REGISTRY_CHANGED', `the last values of ${changed.length} meter(s) changed since the decision (${changed.map((c) => c.meter).join(', ')})`, changed);
  }
}

/** Each meter's period ends with one effective reading, the batch's last: every earlier effective one of that
 *  meter and period (stored before, or earlier in the batch) is superseded by it, in one statement. */
async function supersede(tx: BatchRepos, fresh: readonly NewReading[], older: readonly { id: number; meterId: number; period: string }[]): Promise<void> {
  const groups = new Map<string, NewReading[]>();
  for (const r of fresh) groups.set(`${r.meterId}:${r.period}`, [...(groups.get(`${r.meterId}:${r.period}`) ?? []), r]);
  const olderOf = (g: string) => older.filter((o) => `${o.meterId}:${o.period}` === g).map((o) => o.id);
  const needsIds = [...groups.entries()].filter(([g, rs]) => rs.length > 1 || olderOf(g).length > 0);
  if (needsIds.length === 0) return;
  const ids = new Map((await tx.readings.ofMessages(fresh.map((r) => r.messageId!))).map((r) => [`${r.messageId}:${r.meterId}`, r.id]));
  const pairs = needsIds.flatMap(([g, rs]) => {
    const chain = [...olderOf(g), ...rs.map((r) => ids.get(`${r.messageId}:${r.meterId}`)!)];
    const last = chain[chain.length - 1]!;
    return chain.slice(0, -1).map((id) => ({ id, by: last }));
  });
  await tx.readings.supersedeEach(pairs);
}

/** Finds each accepted reading's meter: from the decision's registry when it carries ids, else from the store. */
async function meterLookup(tx: BatchRepos, inputs: readonly ApplyInput[]): Promise<(input: ApplyInput, r: Reading) => StoreMeter> {
  const fromStore = new Map<string, StoreMeter>();
  const missing = new Set<string>();
  for (const input of inputs) {
    for (const r of input.decision.readings) if (input.knownMeter?.(r.account, r.meter)?.id === undefined) missing.add(r.account);
  }
  for (const account of missing) {
    for (const m of await tx.registry.metersOfAccount(account)) fromStore.set(key(account, m.meter), m);
  }
  return (input, r) => {
    const known = input.knownMeter?.(r.account, r.meter);
    const meter = known?.id !== undefined ? { ...known, id: known.id } : fromStore.get(key(r.account, r.meter));
    if (!meter) throw new ApplyError('METER_VANISHED', `meter ${r.meter} of account ${r.account} is no longer in the registry`);
    return meter;
  };
}

/** Replies in the outbox: replays find theirs queued; the per-sender cap counts the batch's own replies too. */
async function queueReplies(tx: BatchRepos, inputs: readonly ApplyInput[], meters: readonly Map<string, AcceptedMeter>[]): Promise<boolean[]> {
  const plans = inputs.map((input) => (input.queueReply?.wanted ? input.queueReply : null));
  const wanted = plans.filter((p) => p !== null);
  if (wanted.length === 0) return inputs.map(() => false);
  const queued = await tx.outbox.existingDedupeKeys(wanted.map((p) => p.dedupeKey));
  const since = capWindowStart(inputs.reduce((t, i) => (i.now && i.now < t ? i.now : t), new Date()));
  const recent = await tx.outbox.countRecentToMany(wanted.flatMap((p) => (p.to ? [p.to] : [])), since);
  const rows: NewOutboxEntry[] = [];
  const result = plans.map((plan, i) => {
    if (!plan) return false;
    if (queued.has(plan.dedupeKey)) return true;
    const row = plan.build(plan.to ? (recent.get(plan.to) ?? 0) : 0, meters[i]!);
    if ('refused' in row) return false;
    rows.push(row);
    queued.add(plan.dedupeKey);
    if (plan.to) recent.set(plan.to, (recent.get(plan.to) ?? 0) + 1);
    return true;
  });
  await tx.outbox.enqueueMany(rows);
  return result;
}

/** One statement for the batch, each message with its own outcome. */
async function markDecided(tx: BatchRepos, inputs: readonly ApplyInput[], results: readonly ApplyResult[]): Promise<void> {
  const at = inputs.reduce<Date | undefined>((t, i) => t ?? i.now, undefined) ?? new Date();
  await tx.messages.markDecidedEach(inputs.map((input, i) => ({
    id: input.messageRowId, decision: input.decision.decision, reasons: input.decision.reasons,
    explanation: input.decision.explanation, outcomeFolder: results[i]!.outcomeFolder,
  })), at);
}
