// Text from hostile mail may hold lone UTF-16 surrogates (a header decoded from a broken UTF-16 part, an
// encoded-word cut in half). Prisma serialises every query as JSON and fails on them ("unexpected end of hex
// escape"), on either database, so one such Subject would fail its whole batch on every retry. Every string a
// model query carries is made well-formed first: each lone surrogate becomes U+FFFD (what String#toWellFormed does).
import type { Client } from './client.js';

const LONE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const HAS_LONE = new RegExp(LONE);
const ALL_LONE = new RegExp(LONE, 'g');

export function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return HAS_LONE.test(value) ? value.replace(ALL_LONE, '\uFFFD') : value;
  if (Array.isArray(value)) return value.map(wellFormed);
  // Plain objects only: Dates, BigInts and the raw bytes (Uint8Array) pass as they are.
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = wellFormed(v);
    return out;
  }
  return value;
}

export function withWellFormedStrings(client: Client): Client {
  return client.$extends({
    query: { $allModels: { $allOperations: ({ args, query }) => query(wellFormed(args) as typeof args) } },
  }) as unknown as Client;
}
