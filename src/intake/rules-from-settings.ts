// Decision rules from validated settings: shared by dry-run, the daemon and the clerk UI.
import type { Settings } from '../config.js';
import type { DecisionRules } from '../decide/decide-message.js';
import type { ParseLimits } from '../parse/types.js';

export type RuleSettings = Pick<Settings,
  'WINDOW_START_DAY' | 'WINDOW_END_DAY' | 'TIME_ZONE' | 'MAX_INCREASE_ELECTRICITY' | 'MAX_INCREASE_HEAT' |
  'MAX_MESSAGE_BYTES' | 'MAX_MIME_PARTS'>;

export function decisionRules(s: RuleSettings, ownAddresses: readonly string[] = ['info@khab.dvec.ru']): DecisionRules {
  return {
    window: { startDay: s.WINDOW_START_DAY, endDay: s.WINDOW_END_DAY, timeZone: s.TIME_ZONE },
    maxIncrease: { electricity: s.MAX_INCREASE_ELECTRICITY, heat: s.MAX_INCREASE_HEAT },
    ownAddresses,
  };
}

export function parseLimits(s: RuleSettings): ParseLimits {
  return { maxBytes: s.MAX_MESSAGE_BYTES, maxParts: s.MAX_MIME_PARTS };
}
