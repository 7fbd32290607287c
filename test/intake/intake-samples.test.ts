// All samples appended to a real Dovecot → `intake --once` → readings, folders and replies as expected.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, OCR_SETTINGS } from '../../src/config.js';
import { lazyOcr } from '../../src/cli/lazy-ocr.js';
import { log } from '../../src/log.js';
import { appendFiles } from '../../src/mail/append-files.js';
import { createReplySender } from '../../src/intake/reply-sender.js';
import { runIntakeOnce } from '../../src/intake/run-intake.js';
import { sameReadings } from '../../src/cli/score-corpus.js';
import type { StoredMessage } from '../../src/store/index.js';
import { sinkMessages } from '../../scripts/mailserver/index.js';
import { expectedOf, folderMessageIds, intakeWorld, sampleFiles, sinkReplies, type IntakeWorld } from './helpers.js';

let w: IntakeWorld;
const files = sampleFiles();
let appendedAt = 0;

/** Dovecot clamps an INTERNALDATE in the future to its own clock, so a sample dated after today is judged by
 *  the real arrival time (the forged-clock rule), not by its header: its decision depends on today's date. */
function datedInFuture(file: string): boolean {
  const m = /^date:\s*(.+)$/im.exec(readFileSync(file).toString('latin1'));
  const t = m ? Date.parse(m[1]!.replace(/\s*\([^)]*\)\s*$/, '')) : NaN;
  return !Number.isNaN(t) && t > appendedAt - 60_000;
}

async function allMessages(world: IntakeWorld): Promise<StoredMessage[]> {
  const out: StoredMessage[] = [];
  for (const state of ['received', 'processing', 'decided', 'filed', 'failed', 'duplicate'] as const) {
    out.push(...(await world.store.messages.listByState(state, 100_000)));
  }
  return out;
}

// The real OCR engine reads the photo samples, as in the daemon.
const ocr = lazyOcr(loadSettings(OCR_SETTINGS, {}));

async function once(world: IntakeWorld) {
  const replies = createReplySender(world.store, world.settings, log.child({ stage: 'reply' }));
  try {
    return await runIntakeOnce({ store: world.store, settings: world.settings, log, replies, signal: new AbortController().signal, readPhotos: ocr.readPhotos });
  } finally {
    await replies.close();
  }
}

/** A reading only on a photo that OCR was unsure of goes to a clerk: a miss the scorer counts, not an error. */
function photoMiss(file: string, expected: string, row: StoredMessage): boolean {
  return expected === 'accept' && row.decision === 'review' && row.reasons.some((r) => /^(ocr_|photo_|image_)/.test(r))
    && /^Content-Type:\s*image\//im.test(readFileSync(file).toString('latin1'));
}

describe('intake --once over every sample', () => {
  beforeAll(async () => {
    w = await intakeWorld();
    // INTERNALDATE = the Date header, as if each mail arrived when it was written (the window rule uses both).
    appendedAt = Date.now();
    await appendFiles(w.settings, files, 'INBOX', { dateFromHeader: true });
  });
  afterAll(async () => {
    await ocr.close();
    await w?.cleanup();
  });

  it('decides, stores and files every message as expected and answers each human mail once', async () => {
    const stats = await once(w);
    expect(stats.seen).toBe(files.length);
    expect(stats.failed).toBe(0);

    const rows = await allMessages(w);
    expect(rows).toHaveLength(files.length);
    const byMessageId = new Map(rows.map((r) => [r.messageIdHeader ?? '', r]));
    const expectedFolder: Record<string, string> = { accept: 'Processed', review: 'Review', reject: 'Rejected', ignore: 'Ignored' };
    const wantInFolder: Record<string, string[]> = { Processed: [], Review: [], Rejected: [], Ignored: [] };
    for (const file of files) {
      const exp = expectedOf(file);
      const rawId = readFileSync(file).toString('latin1').match(/^message-id:\s*<?([^>\r\n]+)>?/im)?.[1]?.trim() ?? '';
      const row = byMessageId.get(rawId);
      expect(row, path.basename(file)).toBeDefined();
      expect(row!.state).toBe('filed');
      if (datedInFuture(file) || photoMiss(file, exp.decision, row!)) {
        wantInFolder[expectedFolder[row!.decision!]!]!.push(rawId);
        continue;
      }
      expect(row!.decision, `${path.basename(file)}: ${row!.reasons.join(',')} ${row!.error ?? ''}`).toBe(exp.decision);
      const stored = (await w.store.readings.ofMessage(row!.id)).map((r) => ({ account: r.accountNumber, meter: r.meterSerial, t1: r.t1, t2: r.t2, t3: r.t3 }));
      if (exp.decision === 'accept') expect(sameReadings(stored, exp.readings), path.basename(file)).toBe(true);
      else expect(stored).toEqual([]);
      wantInFolder[expectedFolder[exp.decision]!]!.push(rawId);
    }
    for (const [folder, ids] of Object.entries(wantInFolder)) {
      expect((await folderMessageIds(w.settings, folder)).sort(), folder).toEqual(ids.sort());
    }
    expect(await folderMessageIds(w.settings, 'INBOX')).toEqual([]);

    // Replies: one per queued outbox row, each answering a human message exactly once, none to machine mail.
    const replies = await sinkReplies();
    const answered = replies.map((r) => r.inReplyTo);
    expect(new Set(answered).size).toBe(answered.length);
    const ignored = new Set(rows.filter((r) => r.decision === 'ignore').map((r) => r.messageIdHeader));
    for (const id of answered) expect(ignored.has(id)).toBe(false);
    for (const r of replies) expect(r.autoSubmitted).toBe('auto-replied');
    const stats2 = await w.store.outbox.stats(new Date());
    expect(stats2.sent).toBe(replies.length);
    expect(stats2.pending + stats2.failed).toBe(0);
    // Most human mail is answered; the rest is held back by the reply rules (suppress headers, robots, daily cap).
    const human = rows.filter((r) => r.decision !== 'ignore').length;
    expect(replies.length).toBeGreaterThan(human * 0.8);
  });

  it('a second run finds nothing to do and sends nothing again', async () => {
    const before = sinkMessages().length;
    const stats = await once(w);
    expect(stats.seen).toBe(0);
    expect(sinkMessages().length).toBe(before);
  });
});
