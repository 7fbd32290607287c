// A deterministic 500-message slice of `npm run bench:fuzz` (hostile MIME through parse → store → decide → apply on
// a real database), and the two messages that only limits can handle: 50 MB, and 1,000 attachments.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, RULE_SETTINGS, IMAP_SETTINGS } from '../../src/config.js';
import { processBatch } from '../../src/intake/process-batch.js';
import type { ProcessContext } from '../../src/intake/process-message.js';
import { decisionRules, parseLimits } from '../../src/intake/rules-from-settings.js';
import { folders } from '../../src/intake/run-intake.js';
import { openStore } from '../../src/store/index.js';
import { RegistryIndex } from '../../src/validate/registry-index.js';
import { loadSamples, runFuzz } from '../../bench/fuzz/run-fuzz.js';
import { MUTATOR_NAMES, mutant } from '../../bench/fuzz/mutate.js';
import { REGISTRY_CSV, tempDatabases, type TempDatabases } from '../store/temp-db.js';
import { importRegistry } from '../../src/registry/import-registry.js';

let dbs: TempDatabases;
beforeAll(async () => { dbs = await tempDatabases(); });
afterAll(async () => { await dbs?.cleanup(); });

describe('fuzz', () => {
  it('the same seed makes the same messages, and every mutation is exercised', () => {
    const samples = loadSamples();
    expect(mutant(samples, 42, 7).raw.equals(mutant(samples, 42, 7).raw)).toBe(true);
    const used = new Set(Array.from({ length: 500 }, (_, i) => mutant(samples, 42, i).mutations).flat());
    expect([...used].sort()).toEqual([...MUTATOR_NAMES].sort());
  });

  it('500 mutated messages: no crash, each stored once in exactly one final state, RSS bounded', async () => {
    const store = await openStore(await dbs.fresh());
    try {
      const r = await runFuzz({ store, samples: loadSamples(), count: 500, seed: 42 });
      expect(r.problems).toEqual([]);
      expect(r.failures).toEqual([]);
      expect(r.unhandled).toBe(0);
      expect(Object.values(r.states).reduce((a, b) => a + b, 0)).toBe(500);
      expect(Object.values(r.outcomes).reduce((a, b) => a + b, 0)).toBe(500);
      expect(r.rssMb.peak - r.rssMb.start).toBeLessThan(768);
    } finally {
      await store.close();
    }
  });
});

describe('limits', () => {
  const head = (extra: string) => [
    'From: Абонент <limits@example.ru>', 'To: info@khab.dvec.ru', 'Subject: Показания', 'Date: Sun, 22 Nov 2026 10:00:00 +1000',
    `Message-ID: <limits-${extra}@example.ru>`, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '',
    '--b', 'Content-Type: text/plain; charset=utf-8', '', '2701004512 011234567 48300', '',
  ].join('\r\n');
  const attachment = (name: string, base64: string) =>
    `--b\r\nContent-Type: application/octet-stream; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64}\r\n`;

  it('a 50 MB mail and a mail with 1,000 attachments go to a clerk with the limit as the reason', async () => {
    const store = await openStore(await dbs.fresh());
    try {
      await importRegistry(store, REGISTRY_CSV, 'test');
      const settings = loadSettings([...RULE_SETTINGS, ...IMAP_SETTINGS], {});
      const now = new Date('2026-11-22T02:00:00Z');
      const ctx: ProcessContext = {
        store, registry: new RegistryIndex(await store.registry.loadAll()), rules: decisionRules(settings), limits: parseLimits(settings),
        folders: folders(settings), replies: null, mailbox: 'LIMITS', uidValidity: 1n, log: pino({ level: 'silent' }), now: () => now,
      };
      const line = `${'A'.repeat(76)}\r\n`;
      const big = Buffer.from(`${head('big')}${attachment('scan.bin', line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)))}--b--\r\n`);
      expect(big.length).toBeGreaterThan(50 * 1024 * 1024);
      const many = Buffer.from(`${head('many')}${Array.from({ length: 1000 }, (_, i) => attachment(`f${i}.txt`, 'QUJD')).join('')}--b--\r\n`);

      const filed = await processBatch([
        { uid: 1, internalDate: now, source: big },
        { uid: 2, internalDate: now, source: many },
      ], ctx);
      expect(filed.map((f) => f.outcome.kind)).toEqual(['decided', 'decided']);
      const [a, b] = filed.map((f) => f.outcome as Extract<typeof f.outcome, { kind: 'decided' }>);
      expect(a).toMatchObject({ decision: 'review', folder: settings.FOLDER_REVIEW });
      expect(a!.reasons).toContain('too_large');
      expect(b).toMatchObject({ decision: 'review', folder: settings.FOLDER_REVIEW });
      expect(b!.reasons).toContain('too_many_parts');
      expect((await store.messages.get(a!.messageId))?.size).toBe(big.length);
    } finally {
      await store.close();
    }
  });
});
