// Where the intake's time goes: wall time and call count per stage, summed over a run. The benchmark passes a
// StageTimings; the daemon passes its metrics' sink (src/ops: one histogram per stage); without either, the `timed`
// helpers cost one branch. Stages never nest, so they add up; work done beside the current batch (parse and OCR of
// the next batch, move and mark-filed of the previous one) overlaps them and reaches only sinks that want it
// (`addAhead`); `fetch` and `file_wait` are the time the current batch waits for that work.
export const INTAKE_STAGES = [
  'setup', 'list', 'fetch', 'parse', 'ocr', 'store_raw', 'dedupe', 'attempt', 'decide', 'apply', 'move', 'mark_filed', 'file_wait', 'lease',
] as const;
export type IntakeStage = (typeof INTAKE_STAGES)[number];

/** Where `timed` reports: a stage's wall time per call. */
export interface StageSink {
  add(stage: IntakeStage, ms: number): void;
  /** Per-message time of work done concurrently with other stages (a latency, not a share of the run). */
  addAhead?(stage: IntakeStage, ms: number): void;
}

export class StageTimings implements StageSink {
  readonly ms = new Map<IntakeStage, number>();
  readonly calls = new Map<IntakeStage, number>();

  add(stage: IntakeStage, ms: number): void {
    this.ms.set(stage, (this.ms.get(stage) ?? 0) + ms);
    this.calls.set(stage, (this.calls.get(stage) ?? 0) + 1);
  }

  totalMs(): number {
    let sum = 0;
    for (const v of this.ms.values()) sum += v;
    return sum;
  }
}

const nowMs = (): number => performance.now();

export async function timed<T>(timings: StageSink | undefined, stage: IntakeStage, fn: () => Promise<T>): Promise<T> {
  if (!timings) return fn();
  const t0 = nowMs();
  try {
    return await fn();
  } finally {
    timings.add(stage, nowMs() - t0);
  }
}

export function timedSync<T>(timings: StageSink | undefined, stage: IntakeStage, fn: () => T): T {
  if (!timings) return fn();
  const t0 = nowMs();
  try {
    return fn();
  } finally {
    timings.add(stage, nowMs() - t0);
  }
}

/** Times work done ahead of its batch, for sinks that record it (the benchmark's StageTimings does not). */
export async function timedAhead<T>(timings: StageSink | undefined, stage: IntakeStage, fn: () => Promise<T>): Promise<T> {
  if (!timings?.addAhead) return fn();
  const t0 = nowMs();
  try {
    return await fn();
  } finally {
    timings.addAhead(stage, nowMs() - t0);
  }
}
