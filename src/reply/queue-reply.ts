// The reply a decision asks for (its queue_reply effect), checked against the reply rules, rendered and
// queued in the outbox — inside the caller's decision transaction, so the reply exists exactly when the
// decision does. Idempotent: a replay of the same message finds its reply already queued.
//
// Split in two so the intake can queue the replies of a whole batch with a handful of statements:
// `replyPlanner` (pure: which reply, its dedupe key, the rendered row once the sender's recent count is known)
// and the lookups/insert around it (`queueReply` for one message here, src/intake/apply-decision.ts for many).
import type { WindowRules } from '../decide/billing-window.js';
import type { Decision } from '../decide/decide-message.js';
import type { HeaderMap } from '../decide/detect-machine-mail.js';
import type { MeterKind, ZoneValues } from '../domain/types.js';
import type { NewOutboxEntry, Repos } from '../store/index.js';
import { renderReply, type AcceptedReading, type ReplyInput } from './render-reply.js';
import { mayReply, type ReplyRefusal } from './reply-policy.js';
import { threadHeaders } from './thread-headers.js';

export interface ReplyRules {
  window: WindowRules;
  ownAddresses: readonly string[];
  /** REPLY_ON_REVIEW */
  replyOnReview: boolean;
  /** REPLY_MAX_PER_SENDER_PER_DAY */
  maxPerSenderPerDay: number;
}

type MeterInfo = (account: string, meter: string) => { kind: MeterKind; zones: 1 | 2 | 3 } | null;

export interface ReplyRequest {
  /** InboundMessage.id of the message answered. */
  messageRowId: number;
  decision: Pick<Decision, 'readings' | 'period' | 'effects'>;
  /** Each accepted meter's registry values before this message, keyed `${account}\u0000${meter}`. */
  previous: ReadonlyMap<string, ZoneValues>;
  message: {
    /** As parsed, with or without angle brackets. */
    messageId: string | null;
    subject: string;
    fromAddress: string | null;
    headers: HeaderMap;
    contentType: string;
  };
  /** The instant the window was judged by (the rejected reply names the next window after it). */
  at: Date;
  /** Queue time; the per-sender cap counts the 24 h before it. */
  now: Date;
  rules: ReplyRules;
  /** Kind and zones of a meter as the decision saw them; without it the registry is asked. */
  meterInfo?: MeterInfo;
}

export type ReplyNotWanted = 'no_reply_wanted' | 'review_replies_off';

export type QueueReplyResult =
  | { queued: true; outboxId: number; created: boolean }
  | { queued: false; reason: ReplyRefusal | ReplyNotWanted };

/** One message's reply, planned before the database is asked anything. */
export type ReplyPlan =
  | { wanted: false; reason: ReplyNotWanted }
  | {
    wanted: true;
    dedupeKey: string;
    /** Lower-case sender address the per-sender cap counts, or null (the policy then refuses). */
    to: string | null;
    /** The outbox row, or why not, once the sender's replies in the 24 h before `now` are counted and the
     *  accepted meters are known (kind, zones, values before this message; keyed `${account}\u0000${meter}`). */
    build(recentRepliesToSender: number, meters: ReadonlyMap<string, AcceptedMeter>): NewOutboxEntry | { refused: ReplyRefusal };
  };

const DAY_MS = 24 * 3600 * 1000;

export const replyDedupeKey = (messageRowId: number, template: string): string => `reply:${messageRowId}:${template}`;

/** Start of the 24 h the per-sender cap counts. */
export const capWindowStart = (now: Date): Date => new Date(now.getTime() - DAY_MS);

export interface AcceptedMeter {
  kind: MeterKind;
  zones: 1 | 2 | 3;
  previous: ZoneValues | null;
}

export function replyPlanner(req: Omit<ReplyRequest, 'previous' | 'meterInfo'>): ReplyPlan {
  const effect = req.decision.effects.find((e) => e.type === 'queue_reply');
  if (!effect || effect.type !== 'queue_reply') return { wanted: false, reason: 'no_reply_wanted' };
  if (effect.template === 'review' && !req.rules.replyOnReview) return { wanted: false, reason: 'review_replies_off' };
  const { message } = req;
  return {
    wanted: true,
    dedupeKey: replyDedupeKey(req.messageRowId, effect.template),
    to: message.fromAddress ? message.fromAddress.trim().toLowerCase() : null,
    build(recentRepliesToSender, meters) {
      const verdict = mayReply({
        fromAddress: message.fromAddress, headers: message.headers, contentType: message.contentType,
        ownAddresses: req.rules.ownAddresses, maxPerDay: req.rules.maxPerSenderPerDay, recentRepliesToSender,
      });
      if (!verdict.allowed) return { refused: verdict.reason };
      const input: ReplyInput = effect.template === 'accepted'
        ? { template: 'accepted', originalSubject: message.subject, period: req.decision.period, readings: accepted(req, meters) }
        : effect.template === 'rejected'
          ? { template: 'rejected', originalSubject: message.subject, at: req.at, window: req.rules.window }
          : { template: 'review', originalSubject: message.subject };
      return {
        messageId: req.messageRowId, kind: effect.template, to: message.fromAddress!, ...renderReply(input),
        ...threadHeaders(message.messageId, message.headers), dedupeKey: replyDedupeKey(req.messageRowId, effect.template), at: req.now,
      };
    },
  };
}

/** Queues one message's reply (tests, clerk actions); the intake queues a batch's in apply-decision.ts. */
export async function queueReply(tx: Pick<Repos, 'outbox' | 'registry'>, req: ReplyRequest): Promise<QueueReplyResult> {
  const plan = replyPlanner(req);
  if (!plan.wanted) return { queued: false, reason: plan.reason };
  // A replay must see its own reply, not have it counted against the sender's daily cap.
  const already = await tx.outbox.findByDedupeKey(plan.dedupeKey);
  if (already) return { queued: true, outboxId: already.id, created: false };
  const recent = plan.to ? await tx.outbox.countRecentTo(plan.to, capWindowStart(req.now)) : 0;
  const meterInfo = req.meterInfo ?? (await registryMeterInfo(tx, req.decision.readings.map((r) => r.account)));
  const meters = new Map<string, AcceptedMeter>();
  for (const r of req.decision.readings) {
    const key = `${r.account}\u0000${r.meter}`;
    const info = meterInfo(r.account, r.meter);
    if (info) meters.set(key, { kind: info.kind, zones: info.zones, previous: req.previous.get(key) ?? null });
  }
  const row = plan.build(recent, meters);
  if ('refused' in row) return { queued: false, reason: row.refused };
  const { created, entry } = await tx.outbox.enqueue(row);
  return { queued: true, outboxId: entry.id, created };
}

async function registryMeterInfo(tx: Pick<Repos, 'registry'>, accounts: string[]): Promise<MeterInfo> {
  const meters = new Map<string, { kind: MeterKind; zones: 1 | 2 | 3 }>();
  for (const account of new Set(accounts)) {
    for (const m of await tx.registry.metersOfAccount(account)) meters.set(`${account}\u0000${m.meter}`, m);
  }
  return (account, meter) => meters.get(`${account}\u0000${meter}`) ?? null;
}

/** The accepted readings with their meter's kind and zones and the values before them. */
function accepted(req: Pick<ReplyRequest, 'decision'>, meters: ReadonlyMap<string, AcceptedMeter>): AcceptedReading[] {
  return req.decision.readings.map((r) => {
    const meter = meters.get(`${r.account}\u0000${r.meter}`);
    const before = meter?.previous ?? null;
    return {
      ...r, kind: meter?.kind ?? 'electricity',
      zones: meter?.zones ?? (r.t3 !== null ? 3 : r.t2 !== null ? 2 : 1),
      previous: before ? { t1: before.t1, t2: before.t2, t3: before.t3 } : null,
    };
  });
}
