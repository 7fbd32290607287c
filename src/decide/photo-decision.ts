// The photo half of the decision (pure): readings from photos when the text has none, and what the photos add
// to readings typed in the text. The meter is found as for typed readings (account or meter named in the text,
// the sender's linked account, or a serial read off the faceplate), and the photo's value then passes the same
// registry checks as a typed one (resolve-record.ts).
import type { Reading } from '../domain/types.js';
import { normaliseSerial } from '../domain/serial.js';
import type { ExtractedRecord, Extraction, MeterRef } from '../extract/extract-readings.js';
import type { MessagePhotos, PhotoReading } from '../ocr/types.js';
import type { RegistryIndex } from '../validate/registry-index.js';
import { resolveRecord, type SenderContext } from '../validate/resolve-record.js';
import type { DecisionRules } from './decide-message.js';
import type { ReasonCode } from './reasons.js';
import { checkPhotosAgainstText, pickPhotoReading, type PhotoRules, type PhotoValue } from './weigh-photos.js';

/** Reasons the photos give beside readings typed in the text. */
export function photoReasonsBesideText(readings: readonly Reading[], photos: MessagePhotos, rules: PhotoRules, registry: RegistryIndex): ReasonCode[] {
  const reasons: ReasonCode[] = [];
  if (photos.problems.some((p) => p.problem === 'too_many_images')) reasons.push('too_many_images');
  const meterDigits = new Set(readings.flatMap((r) => registry.meter(r.account, r.meter)?.digits ?? []));
  const meters = readings.map((r) => r.meter);
  const check = checkPhotosAgainstText(readings, photos.readings.map((p) => counterOf(p, meters)), rules, meterDigits);
  if (check === 'conflict') reasons.push('photo_conflict');
  // A photo read unsurely cannot confirm the typed value, nor can one that could not be opened (a clerk looks at
  // what the customer sent); one that was looked at and shows no counter says nothing.
  else if (check === 'unverified' || (check === 'none' && photos.problems.length > 0)) reasons.push('photo_unverified');
  return reasons;
}

export interface PhotoDecisionInput {
  extraction: Extraction;
  photos: MessagePhotos;
  registry: RegistryIndex;
  sender: SenderContext;
  rules: DecisionRules;
  photoRules: PhotoRules;
}

/** A reading from the photos when the text has none: the reading (the best one for a clerk when not certain)
 *  and the reasons it cannot be taken automatically (none: accept). */
export function decideFromPhotos(input: PhotoDecisionInput): { reading: Reading | null; reasons: ReasonCode[] } {
  const { extraction, photos, registry, sender, rules } = input;
  if (extraction.records.length > 1) return { reading: null, reasons: ['meter_ambiguous'] };
  const base: ExtractedRecord = extraction.records[0] ?? {
    meterRefs: null, unknownMeter: null, account: null, unknownAccount: null, unknownId: null, values: [], kind: null,
  };
  const serialRefs = metersBySerial(photos, registry);
  if (base.meterRefs && serialRefs.length > 0 && !serialRefs.some((s) => base.meterRefs!.some((r) => r.account === s.account && r.meter === s.meter))) {
    return { reading: null, reasons: ['photo_other_meter'] };
  }
  const record: ExtractedRecord = base.meterRefs || serialRefs.length === 0 ? base : { ...base, meterRefs: serialRefs, unknownMeter: null, unknownId: null };
  const found = resolveRecord(record, registry, sender, { maxIncrease: rules.maxIncrease });
  const meter = found.meter;
  if (!meter) return { reading: null, reasons: found.problems };

  const readings = photos.readings.map((p) => counterOf(p, [meter.meter]));
  const pick = pickPhotoReading(meter, readings, input.photoRules, rules.maxIncrease[meter.kind]);
  // Which meter is on the photo matters as much as its digits: a neighbour's meter in the same cabinet reads
  // just as plausibly. The serial on the faceplate tells them apart — on the very photo each value is taken from (a
  // close-up of this meter's plate beside a photo of the neighbour's counter confirms nothing). A serial read and
  // equal to this meter's confirms it; one read and different does not (a neighbour's, or misread: a clerk looks).
  // A photo whose serial could not be read at all (washed out by glare, behind a cabinet door, out of frame) is of
  // the meter the text or the sender names, as a clerk would take it — unless another counter stands in it too.
  const showsMeter = (i: number) => readings.some((p) => p.attachmentIndex === i && (p.serial === null
    ? (p.otherCounters ?? []).length === 0
    : sameSerial(p.serial, meter.meter)));
  const confirmed = pick.ok && pick.values.every((v) => showsMeter(v.attachmentIndex));
  const values = pick.ok ? pick.values : pick.best ? [pick.best] : [];
  if (values.length === 0) return { reading: null, reasons: [pick.ok ? 'photo_not_read' : pick.reason] };
  const resolved = resolveRecord({ ...record, values: values.map(valueItem) }, registry, sender, { maxIncrease: rules.maxIncrease });
  const reasons = new Set<ReasonCode>(resolved.problems.filter((p) => p !== 'missing_value'));
  if (!pick.ok) reasons.add(pick.reason);
  else if (!confirmed) reasons.add('photo_meter_unconfirmed');
  if (extraction.strayIds.length > 0) reasons.add('unknown_number');
  if (photos.problems.some((p) => p.problem === 'too_many_images')) reasons.add('too_many_images');
  return { reading: resolved.reading, reasons: [...reasons] };
}

/** A photo's counter of one of these meters: the one the recogniser chose, unless its serial was read and is
 *  another meter's, and another counter in the photo (a neighbour's in the same cabinet) carries one of these
 *  serials. A chosen counter whose serial was not read stays: the other row may be no counter at all. */
export function counterOf(p: PhotoReading, meters: readonly string[]): PhotoReading {
  if (!p.otherCounters || p.serial === null || meters.some((m) => sameSerial(p.serial!, m))) return p;
  const other = p.otherCounters.find((o) => o.serial !== null && meters.some((m) => sameSerial(o.serial!, m)));
  if (!other) return p;
  const { doubtCodes: _chosenDoubts, otherCounters: _others, ...photo } = p;
  return { ...photo, ...other };
}

/** Registry meters whose serial is one read off a photo (look-alike letters folded, or its digit run): the chosen
 *  counter's, or another counter's in the same photo. */
function metersBySerial(photos: MessagePhotos, registry: RegistryIndex): MeterRef[] {
  const out = new Map<string, MeterRef>();
  const serials = photos.readings.flatMap((p) => [p.serial, ...(p.otherCounters ?? []).map((o) => o.serial)]);
  for (const serial of serials) {
    if (!serial) continue;
    const key = normaliseSerial(serial);
    const digits = key.replace(/\D/g, '');
    const refs = [...registry.meters(key), ...(digits.length >= 5 ? registry.metersByDigits(digits) : [])];
    for (const r of refs) out.set(`${r.account}\u0000${r.meter}`, r);
  }
  return [...out.values()];
}

/** The same serial, look-alike letters folded; a registry serial with a letter prefix ("CE102-0045678") may be
 *  printed, and read, as its digit run. The small raised o of a "№" set against the digits reads as one more digit
 *  in front ("№04417720" read 204417720): a long serial read with one digit more in front is the same. (Meters of
 *  one series, as neighbours in a cabinet often are, differ in their last digits, never by a digit in front.) */
export function sameSerial(read: string, registered: string): boolean {
  const a = normaliseSerial(read);
  const b = normaliseSerial(registered);
  if (a === b) return true;
  const digits = (s: string) => s.replace(/\D/g, '');
  const da = digits(a), db = digits(b);
  if (da.length >= 6 && da === db) return true;
  return /^[0-9]+$/.test(a) && /^[0-9]+$/.test(b) && b.length >= 7 && a.length === b.length + 1 && a.endsWith(b);
}

function valueItem(v: PhotoValue): ExtractedRecord['values'][number] {
  return {
    type: 'value', value: v.value, split: null, significantDigits: String(v.value).length, zone: v.zone,
    labelled: true, tight: true, uncertain: false, line: 0, start: 0, end: 0,
  };
}
