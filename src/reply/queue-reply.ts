// The reply a decision asks for (its queue_reply effect), checked against the reply rules, rendered and
// queued in the outbox — inside the caller's decision transaction, so the reply exists exactly when the
// decision does. Idempotent: a replay of the same message finds its reply already queued.
import type { WindowRules } from '../decide/billing-window.js';
import type { Decision } from '../decide/decide-message.js';
import type { HeaderMap } from '../decide/detect-machine-mail.js';
import type { MeterKind, ZoneValues } from '../domain/types.js';
import type { Repos } from '../store/index.js';
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
  meterInfo?: (account: string, meter: string) => { kind: MeterKind; zones: 1 | 2 | 3 } | null;
}

export type QueueReplyResult =
  | { queued: true; outboxId: number; created: boolean }
  | { queued: false; reason: ReplyRefusal | 'no_reply_wanted' | 'review_replies_off' };

const DAY_MS = 24 * 3600 * 1000;

export const replyDedupeKey = (messageRowId: number, template: string): string => `reply:${messageRowId}:${template}`;

export async function queueReply(tx: Pick<Repos, 'outbox' | 'registry'>, req: ReplyRequest): Promise<QueueReplyResult> {
  const effect = req.decision.effects.find((e) => e.type === 'queue_reply');
  if (!effect || effect.type !== 'queue_reply') return { queued: false, reason: 'no_reply_wanted' };
  if (effect.template === 'review' && !req.rules.replyOnReview) return { queued: false, reason: 'review_replies_off' };

  const dedupeKey = replyDedupeKey(req.messageRowId, effect.template);
  // A replay must see its own reply, not have it counted against the sender's daily cap.
  const already = await tx.outbox.findByDedupeKey(dedupeKey);
  if (already) return { queued: true, outboxId: already.id, created: false };

  const { message } = req;
  const verdict = mayReply({
    fromAddress: message.fromAddress, headers: message.headers, contentType: message.contentType,
    ownAddresses: req.rules.ownAddresses, maxPerDay: req.rules.maxPerSenderPerDay,
    recentRepliesToSender: message.fromAddress
      ? await tx.outbox.countRecentTo(message.fromAddress, new Date(req.now.getTime() - DAY_MS)) : 0,
  });
  if (!verdict.allowed) return { queued: false, reason: verdict.reason };

  const input: ReplyInput = effect.template === 'accepted'
    ? { template: 'accepted', originalSubject: message.subject, period: req.decision.period, readings: await accepted(tx, req) }
    : effect.template === 'rejected'
      ? { template: 'rejected', originalSubject: message.subject, at: req.at, window: req.rules.window }
      : { template: 'review', originalSubject: message.subject };
  const reply = renderReply(input);
  const thread = threadHeaders(message.messageId, message.headers);
  const { created, entry } = await tx.outbox.enqueue({
    messageId: req.messageRowId, kind: effect.template, to: message.fromAddress!, ...reply, ...thread, dedupeKey, at: req.now,
  });
  return { queued: true, outboxId: entry.id, created };
}

/** The accepted readings with their meter's kind and zones from the registry and the values before them. */
async function accepted(tx: Pick<Repos, 'registry'>, req: ReplyRequest): Promise<AcceptedReading[]> {
  const out: AcceptedReading[] = [];
  for (const r of req.decision.readings) {
    const meter = req.meterInfo?.(r.account, r.meter) ?? (await tx.registry.metersOfAccount(r.account)).find((m) => m.meter === r.meter);
    const previous = req.previous.get(`${r.account}\u0000${r.meter}`) ?? null;
    out.push({
      ...r, kind: meter?.kind ?? 'electricity',
      zones: meter?.zones ?? (r.t3 !== null ? 3 : r.t2 !== null ? 2 : 1),
      previous: previous ? { t1: previous.t1, t2: previous.t2, t3: previous.t3 } : null,
    });
  }
  return out;
}
