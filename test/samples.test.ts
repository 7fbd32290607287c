// Every labelled sample through the whole pipeline (MIME → text → extraction → registry rules → decision),
// in-process with the same code as `cli dry-run` (photos read by the real OCR engine); plus the held-out corpora,
// which must never produce a wrong accept or an ignore mismatch. A sample whose reading is on a photo only may be
// missed (sent to a clerk) — OCR is allowed to be unsure — but never wrongly accepted.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSettings, OCR_SETTINGS, PROJECT_ROOT, RULE_SETTINGS } from '../src/config.js';
import { lazyOcr } from '../src/cli/lazy-ocr.js';
import { evaluateMessage } from '../src/intake/evaluate-message.js';
import { decisionRules, parseLimits } from '../src/intake/rules-from-settings.js';
import { parseRegistryCsv } from '../src/registry/parse-registry-csv.js';
import { RegistryIndex } from '../src/validate/registry-index.js';
import { sameReadings, type ExpectedFile } from '../src/cli/score-corpus.js';

const settings = loadSettings([...RULE_SETTINGS, ...OCR_SETTINGS], {});
const rules = decisionRules(settings);
const limits = parseLimits(settings);
const ocr = lazyOcr(settings);
afterAll(() => ocr.close());

function corpus(dir: string) {
  const registry = parseRegistryCsv(readFileSync(path.join(dir, 'registry.csv'), 'utf8'));
  expect(registry.errors).toEqual([]);
  const index = new RegistryIndex(registry.meters);
  const cases = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((name) => {
    const expected = JSON.parse(readFileSync(path.join(dir, name.replace(/\.eml$/, '.expected.json')), 'utf8')) as ExpectedFile;
    return { name, expected };
  });
  const run = (name: string) => evaluateMessage(readFileSync(path.join(dir, name)), {
    registry: index, rules, limits, nowOverride: null, now: new Date('2026-11-22T00:00:00Z'), readPhotos: ocr.readPhotos,
  });
  const hasPhoto = (name: string) => /^Content-Type:\s*image\//im.test(readFileSync(path.join(dir, name), 'latin1'));
  return { cases, run, hasPhoto };
}

const samplesDir = path.join(PROJECT_ROOT, 'samples');
const samples = corpus(samplesDir);

describe('samples/', () => {
  it('has at least 80 labelled messages', () => {
    expect(samples.cases.length).toBeGreaterThanOrEqual(80);
  });

  it.each(samples.cases)('$name → $expected.decision', async ({ name, expected }) => {
    const { decision } = await samples.run(name);
    const got = { decision: decision.decision, readings: decision.readings };
    const photoMiss = expected.decision === 'accept' && decision.decision === 'review' && samples.hasPhoto(name);
    if (photoMiss) {
      // A reading the photo recogniser was not sure of goes to a clerk: a miss, counted by `npm run eval`, not a failure.
      expect(decision.reasons.some((r) => /^(ocr_|photo_|image_)/.test(r))).toBe(true);
    } else if (expected.decision === 'accept' || decision.decision === 'accept') {
      expect(got).toEqual({ decision: expected.decision, readings: expect.anything() });
      expect(sameReadings(decision.readings, expected.readings)).toBe(true);
    } else {
      expect(got.decision).toBe(expected.decision);
    }
    if (decision.decision !== 'accept') expect(decision.reasons.length).toBeGreaterThan(0);
  });
});

// Held-out corpora (test/corpora/*), written independently of the code: never a wrong accept or an ignore mismatch.
const corporaRoot = path.join(PROJECT_ROOT, 'test/corpora');
const heldOut = existsSync(corporaRoot) ? readdirSync(corporaRoot).filter((d) => existsSync(path.join(corporaRoot, d, 'registry.csv'))) : [];
describe.each(heldOut)('held-out corpus %s', (name) => {
  const holdout = corpus(path.join(corporaRoot, name));
  it.each(holdout.cases)('$name: no wrong accept, no ignore mismatch', async ({ name: file, expected }) => {
    const { decision } = await holdout.run(file);
    if (decision.decision === 'accept') {
      expect(expected.decision).toBe('accept');
      expect(sameReadings(decision.readings, expected.readings)).toBe(true);
    }
    expect(decision.decision === 'ignore').toBe(expected.decision === 'ignore');
  });
});
