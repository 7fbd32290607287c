// Raw bytes → decision, with no side effects: the path dry-run takes, and the first half of what the
// daemon does for each stored message.
import type { Decision, DecisionRules } from '../decide/decide-message.js';
import { decideMessage } from '../decide/decide-message.js';
import { judgementInstant } from '../decide/billing-window.js';
import { senderAuthFailed } from '../decide/sender-auth.js';
import { parseMessage } from '../parse/parse-message.js';
import type { ParsedMessage, ParseLimits } from '../parse/types.js';
import type { MessagePhotos } from '../ocr/types.js';
import type { RegistryIndex } from '../validate/registry-index.js';

export interface EvaluateOptions {
  registry: RegistryIndex;
  rules: DecisionRules;
  limits: ParseLimits;
  /** Clock override (dry-run --now): judge every message at this instant. */
  nowOverride: Date | null;
  /** The time of the run: the fallback when the Date header is missing. */
  now: Date;
  /** IMAP INTERNALDATE, when the message came from the server. */
  receivedAt?: Date | null;
  senderTrusted?: boolean;
  /** Reads the message's photos (src/ocr); without it photos are not read and a meter photo goes to a clerk. */
  readPhotos?: PhotoReader | undefined;
}

export type PhotoReader = (attachments: ParsedMessage['attachments']) => Promise<MessagePhotos>;

export interface Evaluation {
  message: ParsedMessage;
  decision: Decision;
  at: Date;
}

export async function evaluateMessage(raw: Buffer, opts: EvaluateOptions): Promise<Evaluation> {
  const message = await parseMessage(raw, opts.limits);
  return evaluateParsed(message, opts, await readPhotosOf(message, opts.readPhotos));
}

/** The photos of a message, when it has attachments and a reader; undefined (not read) otherwise, also when the
 *  reader itself breaks: the decision then treats photos as unread, which sends them to a clerk. */
export async function readPhotosOf(message: ParsedMessage, reader: PhotoReader | undefined): Promise<MessagePhotos | undefined> {
  if (!reader || message.attachments.length === 0) return undefined;
  try {
    return await reader(message.attachments);
  } catch {
    return undefined;
  }
}

/** The decision for a message already parsed (the daemon parses once to store its headers, then decides). */
export function evaluateParsed(message: ParsedMessage, opts: EvaluateOptions, photos?: MessagePhotos): Evaluation {
  const at = opts.nowOverride ?? judgementInstant({ dateHeader: message.date, receivedAt: opts.receivedAt ?? null, now: opts.now });
  const decision = decideMessage({
    message, registry: opts.registry, rules: opts.rules, at,
    senderTrusted: opts.senderTrusted ?? !senderAuthFailed(message.headers), photos,
  });
  return { message, decision, at };
}
