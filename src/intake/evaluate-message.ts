// Raw bytes → decision, with no side effects: the path dry-run takes, and the first half of what the
// daemon does for each stored message.
import type { Decision, DecisionRules } from '../decide/decide-message.js';
import { decideMessage } from '../decide/decide-message.js';
import { judgementInstant } from '../decide/billing-window.js';
import { senderAuthFailed } from '../decide/sender-auth.js';
import { parseMessage } from '../parse/parse-message.js';
import type { ParsedMessage, ParseLimits } from '../parse/types.js';
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
}

export interface Evaluation {
  message: ParsedMessage;
  decision: Decision;
  at: Date;
}

export async function evaluateMessage(raw: Buffer, opts: EvaluateOptions): Promise<Evaluation> {
  return evaluateParsed(await parseMessage(raw, opts.limits), opts);
}

/** The decision for a message already parsed (the daemon parses once to store its headers, then decides). */
export function evaluateParsed(message: ParsedMessage, opts: EvaluateOptions): Evaluation {
  const at = opts.nowOverride ?? judgementInstant({ dateHeader: message.date, receivedAt: opts.receivedAt ?? null, now: opts.now });
  const decision = decideMessage({
    message, registry: opts.registry, rules: opts.rules, at,
    senderTrusted: opts.senderTrusted ?? !senderAuthFailed(message.headers),
  });
  return { message, decision, at };
}
