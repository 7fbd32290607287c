// Is the process fit to do its work? Each check says why not:
//   database — a cheap query answers within 2 s;
//   imap     — (the intake daemon only) IMAP worked within READY_IMAP_MAX_AGE_SECONDS: a connection opened, a
//              message moved or a cycle completed (the daemon checks the mailbox at least every 30 s while connected);
//   outbox   — not stuck: no reply is still pending READY_OUTBOX_MAX_AGE_MINUTES after it was queued while its SMTP
//              attempts so far have all failed. (A reply that was never tried yet does not count: its first attempt
//              is simply due; a failed one that gave up is `failed` and shows in khab_outbox_failed instead.)
import type { Store } from '../store/index.js';
import { withTimeout } from './store-gauges.js';

export interface CheckResult {
  ok: boolean;
  detail: string;
}

export interface ReadinessResult {
  ready: boolean;
  /** Names of the failing checks. */
  failing: string[];
  checks: Record<string, CheckResult>;
}

export interface ReadinessOptions {
  store: Pick<Store, 'outbox'>;
  outboxMaxAgeMinutes: number;
  /** The intake daemon's IMAP liveness; absent in processes that do not hold the IMAP connection (the web app). */
  imap?: { lastAlive(): Date | null; maxAgeSeconds: number } | undefined;
  now?: () => Date;
}

const DATABASE_TIMEOUT_MS = 2000;

export async function checkReadiness(opts: ReadinessOptions): Promise<ReadinessResult> {
  const now = (opts.now ?? (() => new Date()))();
  const checks: Record<string, CheckResult> = {};
  // One statement is both the database check and the outbox check.
  let failingSince: Date | null = null;
  try {
    failingSince = await withTimeout(opts.store.outbox.oldestFailingPending(), DATABASE_TIMEOUT_MS);
    checks['database'] = { ok: true, detail: 'answers' };
    const ageMin = failingSince ? (now.getTime() - failingSince.getTime()) / 60_000 : 0;
    checks['outbox'] = failingSince && ageMin > opts.outboxMaxAgeMinutes
      ? { ok: false, detail: `a reply queued ${Math.round(ageMin)} min ago is still pending after failed SMTP attempts (limit ${opts.outboxMaxAgeMinutes} min)` }
      : { ok: true, detail: failingSince ? `oldest failing reply queued ${Math.round(ageMin)} min ago` : 'no failing replies' };
  } catch (e) {
    checks['database'] = { ok: false, detail: oneLine(e) };
    checks['outbox'] = { ok: false, detail: 'unknown: the database did not answer' };
  }
  if (opts.imap) {
    const last = opts.imap.lastAlive();
    const age = last ? (now.getTime() - last.getTime()) / 1000 : null;
    checks['imap'] = age === null
      ? { ok: false, detail: 'not connected yet' }
      : age > opts.imap.maxAgeSeconds
        ? { ok: false, detail: `no IMAP cycle for ${Math.round(age)} s (limit ${opts.imap.maxAgeSeconds} s)` }
        : { ok: true, detail: `last cycle ${Math.round(age)} s ago` };
  }
  const failing = Object.entries(checks).filter(([, c]) => !c.ok).map(([name]) => name);
  return { ready: failing.length === 0, failing, checks };
}

/** The HTTP answer to a readiness request: 200 or 503, the checks as JSON. */
export function readinessReply(r: ReadinessResult): { statusCode: 200 | 503; contentType: string; body: string } {
  return { statusCode: r.ready ? 200 : 503, contentType: 'application/json', body: `${JSON.stringify({ status: r.ready ? 'ready' : 'not ready', ...r })}\n` };
}

/** An error's message without Prisma's multi-line detail (and so without any query text). */
function oneLine(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const last = String(err.message ?? e).split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? 'error';
  return `${err.code ? `[${err.code}] ` : ''}${last}`.slice(0, 300);
}
