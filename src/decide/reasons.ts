// Stable reason codes (machine-readable, used by dry-run, the store and the clerk UI) and their
// short Russian explanations for the clerk.
export const REASONS = {
  // ignore
  auto_reply: 'Автоответ (Auto-Submitted / X-Autoreply) — не отвечаем.',
  bulk_mail: 'Массовая рассылка (Precedence: bulk/junk/list) — не отвечаем.',
  delivery_report: 'Уведомление о доставке или возврат письма — не отвечаем.',
  mailer_daemon: 'Письмо от почтового робота (MAILER-DAEMON/postmaster) — не отвечаем.',
  // message cannot be read
  unparsable: 'Письмо не удалось разобрать (пустое, повреждённое или не письмо).',
  too_large: 'Письмо больше допустимого размера — прочитаны только заголовки.',
  too_many_parts: 'В письме слишком много вложений/частей — разобраны не все.',
  text_too_long: 'Текст письма слишком длинный — прочитано только начало.',
  // window
  outside_window: 'Показания присланы вне периода приёма (с 20 по 25 число).',
  // content
  no_readings: 'В письме не найдено показаний.',
  quoted_readings_only: 'Показания есть только в цитате прежнего письма — новых нет.',
  photo_not_read: 'Показания только на фото — фото не распознано автоматически.',
  photo_unverified: 'К показаниям в тексте приложено фото счётчика — сверьте, что на фото то же значение.',
  attachment_unsupported: 'Вложение не фото (PDF, документ и т. п.) — нужно посмотреть вручную.',
  // identification
  no_account: 'Не указан лицевой счёт, и адрес отправителя не связан со счётом.',
  account_ambiguous: 'Адрес отправителя связан с несколькими лицевыми счетами.',
  unknown_account: 'Лицевой счёт не найден в реестре.',
  unknown_meter: 'Прибор учёта не найден в реестре (или у счёта нет прибора этого вида).',
  unknown_number: 'В письме есть номер, похожий на счёт или прибор, которого нет в реестре.',
  meter_not_of_account: 'Прибор учёта относится к другому лицевому счёту.',
  meter_ambiguous: 'У счёта несколько приборов учёта — не ясно, к какому относятся показания.',
  sender_not_trusted: 'Счёт определён только по адресу отправителя, а проверка отправителя (SPF/DKIM/DMARC) не пройдена.',
  // values
  missing_value: 'Для одного из названных приборов нет показаний.',
  zone_count_mismatch: 'Число значений не совпадает с числом тарифных зон прибора.',
  too_many_digits: 'Значение длиннее, чем разрядность счётчика.',
  decreased_value: 'Показание меньше предыдущего принятого.',
  implausible_increase: 'Слишком большой рост показаний с прошлого раза.',
  ambiguous_numbers: 'Числа в письме можно прочитать по-разному.',
  conflicting_values: 'Для одного прибора указаны разные показания.',
  uncertain_value: 'Отправитель сам не уверен в показании («примерно», «или», исправление в тексте).',
} as const;

export type ReasonCode = keyof typeof REASONS;

export function explain(reasons: readonly ReasonCode[]): string {
  return reasons.map((r) => REASONS[r]).join(' ');
}
