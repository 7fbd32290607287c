// Where the intake's time goes: wall time and call count per stage, summed over a run. The benchmark passes one
// in; the daemon runs without (the `timed` helpers then cost one branch). Stages never nest, so they add up.
export const INTAKE_STAGES = [
  'setup', 'list', 'fetch', 'parse', 'ocr', 'store_raw', 'dedupe', 'attempt', 'decide', 'apply', 'move', 'mark_filed', 'lease',
] as const;
export type IntakeStage = (typeof INTAKE_STAGES)[number];

export class StageTimings {
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

export async function timed<T>(timings: StageTimings | undefined, stage: IntakeStage, fn: () => Promise<T>): Promise<T> {
  if (!timings) return fn();
  const t0 = nowMs();
  try {
    return await fn();
  } finally {
    timings.add(stage, nowMs() - t0);
  }
}

export function timedSync<T>(timings: StageTimings | undefined, stage: IntakeStage, fn: () => T): T {
  if (!timings) return fn();
  const t0 = nowMs();
  try {
    return fn();
  } finally {
    timings.add(stage, nowMs() - t0);
  }
}
