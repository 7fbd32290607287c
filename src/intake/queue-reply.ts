// Binds one message to the reply step (src/reply/queue-reply.ts), which runs inside the decision's transaction.
import type { MeterKind } from '../domain/types.js';
import type { ParsedMessage } from '../parse/types.js';
import { queueReply, type ReplyRules } from '../reply/queue-reply.js';
import type { QueueReply } from './apply-decision.js';

export type ReplyConfig = ReplyRules;

export function makeQueueReply(
  message: ParsedMessage, messageRowId: number, at: Date, rules: ReplyRules,
  meterInfo?: (account: string, meter: string) => { kind: MeterKind; zones: 1 | 2 | 3 } | null,
): QueueReply {
  return async (tx, decision, previous) => {
    const result = await queueReply(tx, {
      messageRowId, decision, previous, at, now: new Date(), rules, ...(meterInfo ? { meterInfo } : {}),
      message: {
        messageId: message.messageId, subject: message.subject, fromAddress: message.from.address,
        headers: message.headers, contentType: message.contentType,
      },
    });
    return result.queued;
  };
}
