// Watching the daemon from outside, as an operator would: its resident set from /proc (the kernel's figure, the
// one pm2's memory limit acts on) and its own /metrics (messages filed, JS heap, OCR pool, outbox).
import { readFileSync } from 'node:fs';

/** VmRSS of a process in bytes; null once it is gone. */
export function residentBytes(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Prometheus text → series name (labels included, as written) → value. */
export type Scrape = Map<string, number>;

/** prom-client adds `app="intake"` to every series, first or last among the labels: dropped so names stay short. */
function withoutApp(series: string): string {
  return series.replace(/app="intake",?/, '').replace(',}', '}').replace('{}', '');
}

export async function scrape(url: string): Promise<Scrape | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return null;
    const out: Scrape = new Map();
    for (const line of (await res.text()).split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const sp = line.lastIndexOf(' ');
      out.set(withoutApp(line.slice(0, sp)), Number(line.slice(sp + 1)));
    }
    return out;
  } catch {
    return null;
  }
}

/** Sum of the series of one metric whose labels match (all of them when `labels` is absent). */
export function sum(s: Scrape, metric: string, labels?: RegExp): number {
  let total = 0;
  for (const [key, v] of s) {
    const name = key.replace(/\{.*$/, '');
    if (name === metric && (!labels || labels.test(key))) total += v;
  }
  return total;
}

/** Messages the daemon has filed to an outcome folder (every outcome counts, `resumed` included). */
export const filedCount = (s: Scrape): number => sum(s, 'khab_intake_messages_total');

export interface Sample {
  /** ms since the daemon was started */
  t: number;
  filed: number;
  rss: number;
  heapUsed: number;
  external: number;
  ocrWorkers: number;
}

/** Least-squares slope of y over x; null with fewer than two distinct x. */
export function slope(points: readonly { x: number; y: number }[]): number | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  return sxx === 0 ? null : sxy / sxx;
}
