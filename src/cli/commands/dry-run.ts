// cli dry-run --registry FILE.csv [--now ISO] FILE.eml... — one JSON line per message (CORPUS.md).
// No database, no IMAP, no SMTP; works straight after npm ci.
import { readFile } from 'node:fs/promises';
import { loadSettings, OCR_SETTINGS, RULE_SETTINGS } from '../../config.js';
import { lazyOcr } from '../lazy-ocr.js';
import { log } from '../../log.js';
import { decisionRules, parseLimits } from '../../intake/rules-from-settings.js';
import { evaluateMessage } from '../../intake/evaluate-message.js';
import { parseRegistryCsv } from '../../registry/parse-registry-csv.js';
import { RegistryIndex } from '../../validate/registry-index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from './index.js';

export const dryRun: Command = {
  summary: 'decide messages from .eml files against a registry CSV, print one JSON line each',
  async run(argv) {
    const { options, positionals } = parseArgs(argv, ['registry', 'now']);
    if (typeof options['registry'] !== 'string') throw new UsageError('--registry FILE.csv is required');
    if (positionals.length === 0) throw new UsageError('no .eml files given');
    let nowOverride: Date | null = null;
    if (typeof options['now'] === 'string') {
      nowOverride = new Date(options['now']);
      if (Number.isNaN(nowOverride.getTime())) throw new UsageError(`--now "${options['now']}" is not an ISO-8601 time`);
    }
    const settings = loadSettings([...RULE_SETTINGS, ...OCR_SETTINGS]);
    let csv: string;
    try {
      csv = await readFile(options['registry'], 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read registry ${options['registry']}: ${(e as Error).message}`);
    }
    const parsed = parseRegistryCsv(csv);
    if (parsed.errors.length > 0) {
      const first = parsed.errors[0]!;
      throw new UsageError(`registry ${options['registry']} line ${first.line}: ${first.message}` +
        (parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more bad rows)` : ''));
    }
    const registry = new RegistryIndex(parsed.meters);
    const rules = decisionRules(settings);
    const limits = parseLimits(settings);
    const now = new Date();
    const ocr = lazyOcr(settings);
    let unreadable = 0;
    try {
      for (const file of positionals) {
        const line = await decideFile(file, { registry, rules, limits, nowOverride, now, readPhotos: ocr.readPhotos });
        if (line === null) {
          unreadable++;
          process.stdout.write(`${JSON.stringify({ file, decision: 'review', readings: [], reasons: ['unparsable'] })}\n`);
        } else {
          process.stdout.write(`${JSON.stringify(line)}\n`);
        }
      }
    } finally {
      await ocr.close();
    }
    // Every file still has its line; the status tells that some could not be read at all.
    if (unreadable > 0) process.stderr.write(`cli dry-run: ${unreadable} file(s) could not be read\n`);
    return unreadable > 0 ? 1 : 0;
  },
};

interface DryRunLine {
  file: string;
  decision: string;
  readings: { account: string; meter: string; t1: number | null; t2: number | null; t3: number | null }[];
  reasons: string[];
}

/** The line for one file, or null when the file itself cannot be read. */
async function decideFile(file: string, opts: Parameters<typeof evaluateMessage>[1]): Promise<DryRunLine | null> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (e) {
    log.error({ file, err: (e as Error).message }, 'cannot read message file');
    return null;
  }
  try {
    const { decision } = await evaluateMessage(raw, opts);
    return {
      file,
      decision: decision.decision,
      readings: decision.readings.map((r) => ({ account: r.account, meter: r.meter, t1: r.t1, t2: r.t2, t3: r.t3 })),
      reasons: decision.reasons,
    };
  } catch (e) {
    // One bad file never stops the run: it gets its line.
    log.warn({ file, err: (e as Error).message }, 'message could not be evaluated');
    return { file, decision: 'review', readings: [], reasons: ['unparsable'] };
  }
}
