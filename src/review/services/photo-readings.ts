// Photo readings (src/ocr/types.ts) of a message, for the clerk's highlight of the display on each photo.
// The OCR stage records them with the decision; until it does, a message has none and photos are shown plainly.
import type { PhotoReading } from '../../ocr/types.js';
import type { Store } from '../../store/index.js';

/** `decision` is the `after` of the message's latest decision audit entry, when the caller has it already. */
export type PhotoReadingSource = (messageId: number, decision?: unknown) => Promise<PhotoReading[]>;

const isCrop = (c: unknown): boolean => {
  const o = c as Record<string, unknown> | null;
  return o === null || (typeof o === 'object' && ['left', 'top', 'width', 'height'].every((k) => typeof o[k] === 'number'));
};

/** Keeps only well-formed entries: the audit JSON is data from another stage, not trusted blindly. */
export function validPhotoReadings(value: unknown): PhotoReading[] {
  if (!Array.isArray(value)) return [];
  return value.filter((p): p is PhotoReading => {
    const o = p as Record<string, unknown>;
    return typeof o === 'object' && o !== null && Number.isInteger(o['attachmentIndex']) && isCrop(o['crop'] ?? null)
      && typeof o['imageWidth'] === 'number' && typeof o['imageHeight'] === 'number' && Array.isArray(o['candidates']);
  }).map((p) => (p.otherCounters === undefined ? p : { ...p, otherCounters: validOtherCounters(p.otherCounters) }));
}

function validOtherCounters(value: unknown): NonNullable<PhotoReading['otherCounters']> {
  if (!Array.isArray(value)) return [];
  return value.filter((c): c is NonNullable<PhotoReading['otherCounters']>[number] => {
    const o = c as Record<string, unknown>;
    return typeof o === 'object' && o !== null && o['crop'] != null && isCrop(o['crop']) && Array.isArray(o['candidates']) && (typeof o['serial'] === 'string' || o['serial'] === null);
  });
}

/** Reads `photoReadings` from the message's latest decision audit entry. */
export function auditPhotoReadings(store: Pick<Store, 'audit'>): PhotoReadingSource {
  return async (messageId, decision) => {
    const after = decision !== undefined ? decision
      : (await store.audit.list({ entity: 'message', entityId: messageId, action: 'decide', limit: 1 }))[0]?.after;
    return validPhotoReadings((after as { photoReadings?: unknown } | null | undefined)?.photoReadings);
  };
}
