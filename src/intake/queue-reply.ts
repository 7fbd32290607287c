// Plans one message's reply (src/reply/queue-reply.ts); apply-decision.ts queues it inside the decision's
// transaction, with the rest of its batch.
import type { Decision } from '../decide/decide-message.js';
import type { ParsedMessage } from '../parse/types.js';
import { replyPlanner, type ReplyPlan, type ReplyRules } from '../reply/queue-reply.js';

export type ReplyConfig = ReplyRules;

export function makeQueueReply(message: ParsedMessage, messageRowId: number, decision: Decision, at: Date, rules: ReplyRules, now = new Date()): ReplyPlan {
  return replyPlanner({
    messageRowId, decision, at, now, rules,
    message: {
      messageId: message.messageId, subject: message.subject, fromAddress: message.from.address,
      headers: message.headers, contentType: message.contentType,
    },
  });
}
