// Dates and sizes as the clerks read them (the utility's time zone, Russian formats).
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dateTime(d: Date | null | undefined, timeZone: string): string {
  if (!d) return '—';
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(d);
}

export function age(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} мин`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} ч`;
  return `${Math.floor(hours / 24)} дн`;
}

export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} Б`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} КБ`;
  return `${(bytes / 1024 / 1024).toFixed(1)} МБ`;
}

export function zoneValues(v: { t1: number | null; t2: number | null; t3: number | null }): string {
  return [v.t1, v.t2, v.t3].filter((x) => x !== null).join(' / ') || '—';
}
