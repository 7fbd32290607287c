// The 20th–25th window and the billing period, judged in the utility's time zone. Pure.

export interface WindowRules {
  startDay: number;
  endDay: number;
  timeZone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(instant: Date, timeZone: string): { year: number; month: number; day: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts['year']), month: Number(parts['month']), day: Number(parts['day']) };
}

/** Whether the instant falls in the window, and its billing period — one time-zone conversion for both. */
export function placeInCalendar(instant: Date, rules: WindowRules): { inWindow: boolean; period: string } {
  const { year, month, day } = localParts(instant, rules.timeZone);
  return { inWindow: day >= rules.startDay && day <= rules.endDay, period: `${year}-${String(month).padStart(2, '0')}` };
}

/** YYYY-MM-DD of an instant in the utility's time zone (the date a reading is recorded under). */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = localParts(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isInWindow(instant: Date, rules: WindowRules): boolean {
  const { day } = localParts(instant, rules.timeZone);
  return day >= rules.startDay && day <= rules.endDay;
}

/** Billing period "YYYY-MM" of an instant in the utility's time zone. */
export function billingPeriod(instant: Date, timeZone: string): string {
  const { year, month } = localParts(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The next window's first and last day as YYYY-MM-DD (for the reject reply). */
export function nextWindow(instant: Date, rules: WindowRules): { from: string; to: string } {
  const { year, month, day } = localParts(instant, rules.timeZone);
  let y = year, m = month;
  if (day > rules.endDay) { m += 1; if (m > 12) { m = 1; y += 1; } }
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-${String(rules.startDay).padStart(2, '0')}`, to: `${y}-${mm}-${String(rules.endDay).padStart(2, '0')}` };
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The instant the window is judged by. The daemon trusts the Date header only within 24 h of the server's
 * receive time (a wrong or forged client clock cannot move mail into the window); dry-run has no receive time.
 */
export function judgementInstant(opts: { dateHeader: Date | null; receivedAt: Date | null; now: Date }): Date {
  const { dateHeader, receivedAt, now } = opts;
  if (receivedAt) {
    if (dateHeader && Math.abs(dateHeader.getTime() - receivedAt.getTime()) <= DAY_MS) return dateHeader;
    return receivedAt;
  }
  return dateHeader ?? now;
}
