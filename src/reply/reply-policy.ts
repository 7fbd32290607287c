// Whether a reply may go to this sender at all. The decision core already leaves machine mail unanswered;
// this is the last gate before the outbox, so it checks again and adds the per-sender daily cap that stops
// a loop with a robot the header checks did not catch. Pure: the caller counts the recent replies.
import { detectMachineMail, replyAllowed, type HeaderMap } from '../decide/detect-machine-mail.js';

export interface ReplyPolicyInput {
  fromAddress: string | null;
  headers: HeaderMap;
  /** Top-level content type, when known ("multipart/report" is a bounce). */
  contentType?: string;
  ownAddresses: readonly string[];
  /** Replies queued to this sender in the last 24 h (outbox.countRecentTo). */
  recentRepliesToSender: number;
  /** REPLY_MAX_PER_SENDER_PER_DAY; 0 turns replies off. */
  maxPerDay: number;
}

export type ReplyRefusal =
  | 'no_sender'        // no usable From address
  | 'own_address'      // we would answer ourselves
  | 'machine_mail'     // auto-reply, bulk mail, delivery report
  | 'robot_sender'     // noreply / mailer-daemon / postmaster / bounces address
  | 'reply_suppressed' // the sender asked not to be auto-answered (X-Auto-Response-Suppress)
  | 'rate_limited';    // the daily cap for this sender is reached

export type ReplyVerdict = { allowed: true } | { allowed: false; reason: ReplyRefusal };

const ROBOT_LOCAL_PART = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|mail[-_.]?daemon|postmaster|bounces?)(?:[+.-][^@]*)?@/i;

/** Compares addresses without case and without a "+tag" subaddress (info+x@ is still us). */
const mailboxKey = (address: string): string => address.trim().toLowerCase().replace(/\+[^@]*@/, '@');

export function mayReply(input: ReplyPolicyInput): ReplyVerdict {
  const from = input.fromAddress?.trim().toLowerCase() ?? '';
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(from)) return { allowed: false, reason: 'no_sender' };
  if (input.ownAddresses.some((a) => mailboxKey(a) === mailboxKey(from))) return { allowed: false, reason: 'own_address' };
  if (detectMachineMail(input.headers, input.contentType ?? '', from) !== null) return { allowed: false, reason: 'machine_mail' };
  if (ROBOT_LOCAL_PART.test(from)) return { allowed: false, reason: 'robot_sender' };
  // The remaining refusal of the decision core's gate is the sender's own request to suppress auto-replies.
  if (!replyAllowed(input.headers, from, input.ownAddresses)) return { allowed: false, reason: 'reply_suppressed' };
  if (input.recentRepliesToSender >= input.maxPerDay) return { allowed: false, reason: 'rate_limited' };
  return { allowed: true };
}
