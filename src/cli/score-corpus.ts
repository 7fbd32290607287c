// Scoring of dry-run lines against expected.json files (CORPUS.md "Scoring"). Pure.

export interface ReadingLine {
  account: string;
  meter: string;
  t1: number | null;
  t2: number | null;
  t3: number | null;
}

export interface DryRunLine {
  file: string;
  decision: string;
  readings: ReadingLine[];
  reasons: string[];
}

export interface ExpectedFile {
  decision: string;
  readings: ReadingLine[];
  note?: string;
}

export interface CorpusScore {
  wrongAccepts: number;
  correctAccepts: number;
  truthAccepts: number;
  ignoreMismatch: number;
  missing: number;
  decisionMatches: number;
  total: number;
  mismatches: string[];
  summary: string;
}

const key = (r: ReadingLine): string => `${r.account}|${r.meter}|${r.t1 ?? ''}|${r.t2 ?? ''}|${r.t3 ?? ''}`;

export function sameReadings(a: ReadingLine[], b: ReadingLine[]): boolean {
  const x = a.map(key).sort(), y = b.map(key).sort();
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

export function scoreCorpus(names: string[], expected: Map<string, ExpectedFile>, lines: Map<string, DryRunLine>): CorpusScore {
  let wrongAccepts = 0, correctAccepts = 0, truthAccepts = 0, ignoreMismatch = 0, missing = 0, decisionMatches = 0;
  const mismatches: string[] = [];
  for (const name of names) {
    const exp = expected.get(name);
    const got = lines.get(name);
    if (exp?.decision === 'accept') truthAccepts++;
    if (!exp || !got) {
      missing++;
      mismatches.push(`MISSING ${name}: ${!exp ? 'no expected.json' : 'no dry-run line'}`);
      continue;
    }
    const readingsOk = sameReadings(got.readings ?? [], exp.readings ?? []);
    if (got.decision === 'accept') {
      if (exp.decision === 'accept' && readingsOk) correctAccepts++;
      else wrongAccepts++;
    }
    if ((got.decision === 'ignore') !== (exp.decision === 'ignore')) ignoreMismatch++;
    if (got.decision === exp.decision && (exp.decision !== 'accept' || readingsOk)) {
      decisionMatches++;
    } else {
      const tag = got.decision === 'accept' ? 'WRONG_ACCEPT' : exp.decision === 'ignore' || got.decision === 'ignore' ? 'IGNORE_MISMATCH' : 'MISMATCH';
      mismatches.push(`${tag} ${name}: expected ${exp.decision} ${JSON.stringify(exp.readings)} got ${got.decision} ` +
        `${JSON.stringify(got.readings)} reasons=${got.reasons.join(',')}`);
    }
  }
  const automation = truthAccepts === 0 ? 100 : (100 * correctAccepts) / truthAccepts;
  return {
    wrongAccepts, correctAccepts, truthAccepts, ignoreMismatch, missing, decisionMatches, total: names.length, mismatches,
    summary: `wrong_accepts=${wrongAccepts} automation=${automation.toFixed(1)}% ignore_mismatch=${ignoreMismatch} missing=${missing}`,
  };
}
