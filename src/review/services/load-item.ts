// Everything the item page shows: the message (parsed from its stored source), the decision's reasons and
// readings, the registry records concerned, photo readings, the lock (taken for the clerk when free) and history.
import { REASONS, type ReasonCode } from '../../decide/reasons.js';
import type { Reading } from '../../domain/types.js';
import type { PhotoReading } from '../../ocr/types.js';
import type { ParsedMessage } from '../../parse/types.js';
import type { AccountView, HistoryEntry, ItemMessage, ReviewItem, StoredMeter } from '../../store/index.js';
import type { WebDeps } from '../deps.js';
import { PHOTO_TYPES, parsedMessage } from './message-source.js';

export interface AttachmentView {
  index: number;
  filename: string;
  contentType: string;
  size: number;
  photo: boolean;
  /** The OCR reading of this photo, when one is recorded. */
  reading: PhotoReading | null;
}

export interface LockView {
  mine: boolean;
  holder: string | null;
  until: Date | null;
}

export interface ItemView {
  item: ReviewItem;
  message: ItemMessage;
  parsed: ParsedMessage | null;
  headers: { name: string; value: string }[];
  attachments: AttachmentView[];
  reasons: { code: string; text: string }[];
  /** The readings the decision found (the form's starting values). */
  extracted: Reading[];
  period: string | null;
  accounts: AccountView[];
  /** Accounts the sender's address is linked to. */
  senderAccounts: string[];
  meterOptions: StoredMeter[];
  lock: LockView;
  history: HistoryEntry[];
  resolution: unknown;
}

const SHOWN_HEADERS = ['from', 'reply-to', 'to', 'cc', 'date', 'subject', 'message-id', 'authentication-results', 'received-spf', 'auto-submitted', 'x-mailer'];
const MAX_HEADER_CHARS = 500;

export async function loadItem(deps: WebDeps, id: number, login: string, extraAccount: string | null): Promise<ItemView | null> {
  const { store } = deps;
  const found = await store.review.itemWithMessage(id);
  if (!found) return null;
  const { item, message } = found;
  const now = deps.clock();
  const ttl = deps.settings.WEB_LOCK_MINUTES * 60_000;
  // A lock of ours with more than half its time left needs no write (the page renews it anyway).
  const fresh = item.lockedBy === login && item.lockedUntil !== null && item.lockedUntil.getTime() - now.getTime() > ttl / 2;
  const [lock, parsed, history, resolution, senderAccounts] = await Promise.all([
    item.status !== 'open' ? null
      : fresh ? { ok: true as const, until: item.lockedUntil! } : store.review.lock(id, login, now, new Date(now.getTime() + ttl)),
    parsedMessage(deps, item.messageId),
    store.review.historyOf(id, item.messageId),
    item.status === 'resolved' ? store.review.resolutionOf(id) : Promise.resolve(null),
    message.fromAddress ? store.review.accountsOfAddress(message.fromAddress) : Promise.resolve([]),
  ]);
  const decided = history.filter((e) => e.entity === 'message');
  const decide = decided.find((e) => e.action === 'decide');
  const photoReadings = await deps.photoReadings(item.messageId, decide?.after ?? null);
  const after = (decide?.after ?? {}) as { readings?: Reading[]; period?: string };
  const extracted = Array.isArray(after.readings) ? after.readings : [];
  const wanted = [...new Set([...extracted.map((r) => r.account), ...senderAccounts, ...(extraAccount ? [extraAccount] : [])])].slice(0, 10);
  const accounts = await store.review.accountsView(wanted);
  // A meter named by the message but under no known account: offer it too.
  const looseMeters = (await Promise.all(extracted.filter((r) => !accounts.some((a) => a.number === r.account))
    .map((r) => store.registry.findMetersBySerial(r.meter)))).flat();
  const meterOptions = [...accounts.flatMap((a) => a.meters), ...looseMeters].filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i);
  return {
    item, message, parsed,
    headers: headerList(parsed),
    attachments: (parsed?.attachments ?? []).map((a, index) => ({
      index, filename: a.filename ?? `вложение-${index + 1}`, contentType: a.contentType, size: a.size,
      photo: PHOTO_TYPES.test(a.contentType), reading: photoReadings.find((p) => p.attachmentIndex === index) ?? null,
    })),
    reasons: item.reasons.map((code) => ({ code, text: (REASONS as Record<string, string>)[code] ?? code })),
    extracted, period: after.period ?? null, accounts, senderAccounts, meterOptions,
    lock: lock === null ? { mine: false, holder: null, until: null }
      : lock.ok ? { mine: true, holder: login, until: lock.until } : { mine: false, holder: lock.holder, until: lock.until },
    history,
    resolution,
  };
}

function headerList(parsed: ParsedMessage | null): { name: string; value: string }[] {
  if (!parsed) return [];
  const out: { name: string; value: string }[] = [];
  for (const name of SHOWN_HEADERS) {
    for (const value of parsed.headers[name] ?? []) out.push({ name, value: value.length > MAX_HEADER_CHARS ? `${value.slice(0, MAX_HEADER_CHARS)}…` : value });
  }
  return out;
}

export const reasonText = (code: string): string => (REASONS as Record<string, string>)[code as ReasonCode] ?? code;
