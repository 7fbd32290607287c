import type { MessageSpec } from "../mime.js";

export type Decision = "accept" | "review" | "reject" | "ignore";

export interface ExpectedReading {
  account: string;
  meter: string;
  t1: number | null;
  t2: number | null;
  t3: number | null;
}

export interface Case {
  /** Descriptive part of the file name; the generator prefixes a shuffled number. */
  slug: string;
  message: Omit<MessageSpec, "messageId"> & { messageId?: string };
  expected: { decision: Decision; readings: ExpectedReading[]; note: string };
}

export function reading(account: string, meter: string, t1: number | null, t2: number | null = null, t3: number | null = null): ExpectedReading {
  return { account, meter, t1, t2, t3 };
}

export const NBSP = "\u00a0";
