// The queue's "kind" filter: what sort of work an item is, from its reason codes. Pure.
export const KINDS = {
  values: { label: 'Сомнительные значения', reasons: ['decreased_value', 'implausible_increase', 'ambiguous_numbers', 'conflicting_values', 'uncertain_value', 'zone_count_mismatch', 'too_many_digits', 'missing_value'] },
  identity: { label: 'Не определён счёт или прибор', reasons: ['no_account', 'account_ambiguous', 'unknown_account', 'unknown_meter', 'unknown_number', 'meter_not_of_account', 'meter_ambiguous', 'sender_not_trusted'] },
  photo: { label: 'Фото и вложения', reasons: ['photo_not_read', 'photo_unverified', 'attachment_unsupported'] },
  other: { label: 'Нет показаний (вопросы, жалобы, прочее)', reasons: ['no_readings', 'quoted_readings_only'] },
  unreadable: { label: 'Письмо не прочитано', reasons: ['unparsable', 'too_large', 'too_many_parts', 'text_too_long'] },
  window: { label: 'Вне периода приёма', reasons: ['outside_window'] },
} as const;

export type KindCode = keyof typeof KINDS;

export const isKind = (k: string): k is KindCode => Object.hasOwn(KINDS, k);

export const AGES = {
  sla: 'старше срока обработки',
  '1d': 'старше суток',
  '3d': 'старше 3 суток',
  '7d': 'старше недели',
  fresh: 'за последние сутки',
} as const;

export type AgeCode = keyof typeof AGES;

export const isAge = (a: string): a is AgeCode => Object.hasOwn(AGES, a);

const HOUR = 3600_000;

/** The createdAt bounds of an age filter. */
export function ageBounds(age: AgeCode, now: Date, slaHours: number): { createdBefore?: Date; createdAfter?: Date } {
  const ago = (h: number) => new Date(now.getTime() - h * HOUR);
  switch (age) {
    case 'sla': return { createdBefore: ago(slaHours) };
    case '1d': return { createdBefore: ago(24) };
    case '3d': return { createdBefore: ago(72) };
    case '7d': return { createdBefore: ago(168) };
    case 'fresh': return { createdAfter: ago(24) };
  }
}
