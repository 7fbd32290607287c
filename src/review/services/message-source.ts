// A stored message parsed for display, with a small cache: the item page, its frame, its photos and downloads
// ask for the same message within seconds.
import { parseMessage } from '../../parse/parse-message.js';
import type { ParsedMessage } from '../../parse/types.js';
import type { WebDeps } from '../deps.js';

const CACHE_SIZE = 16;
// Parsed messages hold their attachments: the cache is bounded by the raw bytes behind it too.
const CACHE_BYTES = 64 * 1024 * 1024;
const cache = new Map<string, Promise<ParsedMessage | null>>();
const sizes = new Map<string, number>();

function evict(key: string): void {
  cache.delete(key);
  sizes.delete(key);
}

function trim(): void {
  let bytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  while (cache.size > 1 && (cache.size > CACHE_SIZE || bytes > CACHE_BYTES)) {
    const oldest = cache.keys().next().value!;
    bytes -= sizes.get(oldest) ?? 0;
    evict(oldest);
  }
}

/** The parsed message, or null when its raw bytes were purged by retention (or it is unknown). */
export function parsedMessage(deps: Pick<WebDeps, 'store' | 'limits' | 'parse'>, messageId: number): Promise<ParsedMessage | null> {
  // Keyed per store too: tests and the benchmark run several databases in one process.
  const key = `${messageId}:${storeId(deps.store)}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const parse = deps.parse ?? ((raw: Buffer) => parseMessage(raw, deps.limits));
  const loading = deps.store.review.rawOf(messageId).then((raw) => {
    if (cache.get(key) === loading) {
      sizes.set(key, raw?.length ?? 0);
      trim();
    }
    return raw ? parse(raw) : null;
  });
  loading.catch(() => evict(key));
  cache.set(key, loading);
  trim();
  return loading;
}

const ids = new WeakMap<object, number>();
let nextId = 0;
function storeId(store: object): number {
  let id = ids.get(store);
  if (id === undefined) ids.set(store, (id = ++nextId));
  return id;
}

export const PHOTO_TYPES = /^image\/(jpeg|png|gif|webp)$/;
