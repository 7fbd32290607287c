// The decision core: a parsed message + the registry + rules + the judgement instant → a decision value
// with its reasons and the effects the orchestrator is to carry out. Pure: no IO, no clock, no env.
import type { DecisionKind, MeterKind, Reading } from '../domain/types.js';
import type { ParsedMessage } from '../parse/types.js';
import { extractReadings } from '../extract/extract-readings.js';
import type { RegistryIndex } from '../validate/registry-index.js';
import { resolveRecord, type ResolvedRecord } from '../validate/resolve-record.js';
import { placeInCalendar, type WindowRules } from './billing-window.js';
import type { MessagePhotos } from '../ocr/types.js';
import { decideFromPhotos, photoReasonsBesideText } from './photo-decision.js';
import { DEFAULT_PHOTO_RULES, type PhotoRules } from './weigh-photos.js';
import { detectMachineMail, replyAllowed } from './detect-machine-mail.js';
import { explain, type ReasonCode } from './reasons.js';

export interface DecisionRules {
  window: WindowRules;
  maxIncrease: Record<MeterKind, number>;
  /** Our own addresses: never answered. */
  ownAddresses: readonly string[];
  /** When a photo reading may be taken without a clerk (DEFAULT_PHOTO_RULES when absent). */
  photo?: PhotoRules;
}

export type ReplyTemplate = 'accepted' | 'rejected' | 'review';

export type Effect =
  | { type: 'store_readings'; readings: Reading[]; period: string }
  | { type: 'open_review'; reasons: ReasonCode[] }
  | { type: 'queue_reply'; template: ReplyTemplate };

export interface Decision {
  decision: DecisionKind;
  readings: Reading[];
  reasons: ReasonCode[];
  /** Short Russian explanation for the clerk. */
  explanation: string;
  /** Billing period of the judgement instant, "YYYY-MM". */
  period: string;
  /** Where the readings come from: typed in the message (also when absent), or read from its photos. */
  source?: 'text' | 'photo';
  /** What each photo was read as (for the clerk: value, confidence, the display's box); absent when not read. */
  photos?: MessagePhotos;
  effects: Effect[];
}

export interface DecideInput {
  message: ParsedMessage;
  registry: RegistryIndex;
  rules: DecisionRules;
  /** When the window is judged (see judgementInstant). */
  at: Date;
  /** False when the receiving server reported SPF/DKIM/DMARC failure for the sender. */
  senderTrusted?: boolean;
  /** What the photos say (src/ocr); absent when photos were not read (OCR off): a meter photo then goes to a clerk. */
  photos?: MessagePhotos | undefined;
}

const UNREADABLE = new Set(['empty', 'not_a_message', 'truncated']);
// Signature logos, icons and postcards are small; a phone photo of a meter is not.
const MIN_PHOTO_BYTES = 30 * 1024;

function isMeterPhoto(a: ParsedMessage['attachments'][number]): boolean {
  return IMAGE.test(a.contentType) && a.size >= MIN_PHOTO_BYTES;
}
const IMAGE = /^image\//;

export function decideMessage(input: DecideInput): Decision {
  const decision = decideAll(input);
  return input.photos ? { ...decision, photos: input.photos } : decision;
}

function decideAll(input: DecideInput): Decision {
  const { message, registry, rules, at } = input;
  const photoRules = rules.photo ?? DEFAULT_PHOTO_RULES;
  const { period, inWindow } = placeInCalendar(at, rules.window);
  const machine = detectMachineMail(message.headers, message.contentType, message.from.address);
  if (machine) return finish('ignore', [], [machine], period, false);

  const canReply = replyAllowed(message.headers, message.from.address, rules.ownAddresses);
  if (message.problems.some((p) => UNREADABLE.has(p))) return finish('review', [], ['unparsable'], period, false);

  let extraction = extractReadings({ subject: message.subject, text: message.text }, registry);
  // Readings sent only as an attached list (a CSV or text file) count as the message's own content.
  if (!extraction.records.some((r) => r.values.length > 0) && message.attachmentText.trim() !== '') {
    extraction = extractReadings({ subject: message.subject, text: `${message.text}\n${message.attachmentText}` }, registry);
  }
  const sender = { accounts: registry.accountsOfSender(message.from.address), trusted: input.senderTrusted ?? true };
  const withValues = extraction.records.filter((r) => r.values.length > 0);
  const resolved = extraction.records.map((r) => resolveRecord(r, registry, sender, { maxIncrease: rules.maxIncrease }));

  const reasons = new Set<ReasonCode>();
  for (const p of message.problems) if (p === 'too_large' || p === 'too_many_parts') reasons.add(p);

  if (withValues.length === 0) {
    if (input.photos && input.photos.readings.length > 0) {
      const fromPhotos = decideFromPhotos({ extraction, photos: input.photos, registry, sender, rules, photoRules });
      for (const r of fromPhotos.reasons) reasons.add(r);
      const readings = fromPhotos.reading ? [fromPhotos.reading] : [];
      if (readings.length > 0 && !inWindow) return finish('reject', readings, ['outside_window'], period, canReply, 'photo');
      return finish(reasons.size > 0 || readings.length === 0 ? 'review' : 'accept', readings, [...reasons], period, canReply, 'photo');
    }
    reasons.add(noReadingsReason(message, registry, input.photos));
    return finish('review', bestReadings(resolved), [...reasons], period, canReply);
  }
  const readings = mergeReadings(resolved, reasons);
  if (!inWindow) return finish('reject', readings, ['outside_window'], period, canReply);

  for (const r of resolved) for (const p of r.problems) reasons.add(p);
  // A meter photo beside the text may show other digits: it must agree, or a clerk compares them.
  if (input.photos) for (const r of photoReasonsBesideText(readings, input.photos, photoRules, registry)) reasons.add(r);
  else if (message.attachments.some(isMeterPhoto)) reasons.add('photo_unverified');
  if (extraction.strayIds.length > 0) reasons.add('unknown_number');
  if (extraction.strayValues > 0) reasons.add('ambiguous_numbers');
  if (message.text.length > 200_000) reasons.add('text_too_long');
  if (reasons.size > 0) return finish('review', readings, [...reasons], period, canReply);
  return finish('accept', readings, [], period, canReply);
}

function finish(decision: DecisionKind, readings: Reading[], reasons: ReasonCode[], period: string, canReply: boolean, source: 'text' | 'photo' = 'text'): Decision {
  const effects: Effect[] = [];
  if (decision === 'accept') effects.push({ type: 'store_readings', readings, period });
  if (decision === 'review') effects.push({ type: 'open_review', reasons });
  if (canReply && decision !== 'ignore') {
    effects.push({ type: 'queue_reply', template: decision === 'accept' ? 'accepted' : decision === 'reject' ? 'rejected' : 'review' });
  }
  return { decision, readings, reasons, explanation: explain(reasons), period, source, effects };
}

/** Readings per meter; two different readings of one meter are a conflict (the first is kept for the clerk). */
function mergeReadings(resolved: ResolvedRecord[], reasons: Set<ReasonCode>): Reading[] {
  const byMeter = new Map<string, Reading>();
  for (const r of resolved) {
    if (!r.reading) continue;
    const key = `${r.reading.account}\u0000${r.reading.meter}`;
    const prev = byMeter.get(key);
    if (!prev) byMeter.set(key, r.reading);
    else if (prev.t1 !== r.reading.t1 || prev.t2 !== r.reading.t2 || prev.t3 !== r.reading.t3) reasons.add('conflicting_values');
  }
  return [...byMeter.values()];
}

function bestReadings(resolved: ResolvedRecord[]): Reading[] {
  return mergeReadings(resolved, new Set());
}

function noReadingsReason(message: ParsedMessage, registry: RegistryIndex, photos: MessagePhotos | undefined): ReasonCode {
  if (photos) {
    const problem = photos.problems[0]?.problem;
    if (problem) return problem === 'image_too_large' || problem === 'too_many_images' || problem === 'ocr_timeout' ? problem : 'image_unreadable';
    if (photos.unsupported > 0) return 'attachment_unsupported';
  } else {
    if (message.attachments.some((a) => IMAGE.test(a.contentType))) return 'photo_not_read';
    if (message.attachments.some((a) => !a.inline)) return 'attachment_unsupported';
  }
  if (message.quoted.trim() !== '') {
    const quoted = extractReadings({ subject: '', text: message.quoted.replace(/^[ \t]*>+[ \t]?/gm, '') }, registry);
    if (quoted.records.some((r) => r.values.length > 0)) return 'quoted_readings_only';
  }
  return 'no_readings';
}
