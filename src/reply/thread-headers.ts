// In-Reply-To and References of a reply (RFC 5322 §3.6.4), so the customer's mail program threads it. Pure.
import type { HeaderMap } from '../decide/detect-machine-mail.js';

export interface ThreadHeaders {
  inReplyTo: string | null;
  references: string | null;
}

const MSG_ID = /<[^<>\s]+@[^<>\s]+>/g;
// Long threads keep the first id (the thread root) and the latest ones, as mail programs do.
const MAX_REFERENCES = 10;

/** `messageId` as parsed (with or without angle brackets); `headers` supplies the original References. */
export function threadHeaders(messageId: string | null, headers: HeaderMap): ThreadHeaders {
  const own = messageId ? bracketed(messageId) : null;
  const earlier = (headers['references'] ?? []).join(' ').match(MSG_ID) ?? [];
  const chain = own ? [...earlier.filter((id) => id !== own), own] : earlier;
  return { inReplyTo: own, references: chain.length > 0 ? trim(chain).join(' ') : null };
}

function bracketed(id: string): string | null {
  const bare = id.trim().replace(/^<|>$/g, '');
  return /^[^<>\s]+@[^<>\s]+$/.test(bare) ? `<${bare}>` : null;
}

function trim(ids: string[]): string[] {
  return ids.length <= MAX_REFERENCES ? ids : [ids[0]!, ...ids.slice(ids.length - MAX_REFERENCES + 1)];
}
