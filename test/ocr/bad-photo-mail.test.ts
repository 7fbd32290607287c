// Bad photos in real mails, through the whole pipeline with the real OCR engine: each gets a review reason,
// nothing throws, memory stays bounded.
import { afterAll, describe, expect, it } from 'vitest';
import { loadSettings, OCR_SETTINGS, RULE_SETTINGS } from '../../src/config.js';
import { lazyOcr } from '../../src/cli/lazy-ocr.js';
import { evaluateMessage } from '../../src/intake/evaluate-message.js';
import { decisionRules, parseLimits } from '../../src/intake/rules-from-settings.js';
import { RegistryIndex } from '../../src/validate/registry-index.js';
import sharp from 'sharp';
import { bombPng } from './make-images.js';

const settings = loadSettings([...RULE_SETTINGS, ...OCR_SETTINGS], {});
const ocr = lazyOcr(settings);
afterAll(() => ocr.close());

const registry = new RegistryIndex([{
  account: '2701004512', meter: '011234567', kind: 'electricity', zones: 1, digits: 6,
  last: { t1: 48213, t2: null, t3: null }, lastDate: '2026-10-23', emails: [],
}]);

function mail(images: { name: string; type: string; bytes: Buffer }[], text = 'Лицевой счёт 2701004512, показания на фото'): Buffer {
  const parts = images.map((img) => [
    '--b1', `Content-Type: ${img.type}; name="${img.name}"`, 'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${img.name}"`, '', img.bytes.toString('base64').replace(/.{76}/g, '$&\r\n'),
  ].join('\r\n'));
  return Buffer.from([
    'From: Ivan <ivan@example.ru>', 'To: info@khab.dvec.ru', 'Subject: Показания', 'Date: Sun, 22 Nov 2026 10:00:00 +1000',
    'Message-ID: <bad-photo@example.ru>', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1"', '',
    '--b1', 'Content-Type: text/plain; charset=utf-8', '', text, ...parts, '--b1--', '',
  ].join('\r\n'));
}

const decide = (raw: Buffer) => evaluateMessage(raw, {
  registry, rules: decisionRules(settings), limits: { ...parseLimits(settings), maxParts: 1000 }, nowOverride: null,
  now: new Date('2026-11-22T00:00:00Z'), readPhotos: ocr.readPhotos,
});

describe('bad photos in a mail', () => {
  it.each([
    ['a zero-byte JPEG', () => ({ name: 'empty.jpg', type: 'image/jpeg', bytes: Buffer.alloc(0) }), 'image_unreadable'],
    ['a corrupt JPEG', () => ({ name: 'broken.jpg', type: 'image/jpeg', bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)]) }), 'image_unreadable'],
    ['a 20,000 × 20,000 PNG', () => ({ name: 'huge.png', type: 'image/png', bytes: bombPng(20_000, 20_000) }), 'image_too_large'],
  ])('%s → review with its reason', async (_, image, reason) => {
    const { decision } = await decide(mail([image()]));
    expect(decision.decision).toBe('review');
    expect(decision.reasons).toContain(reason);
  });

  it('200 images in one mail: the first ones read, the rest a reason, memory bounded', async () => {
    // Distinct images (byte-identical repeats are skipped as one), big enough not to pass for icons.
    const images = await Promise.all(Array.from({ length: 200 }, async (_, i) => ({
      name: `p${i}.jpg`, type: 'image/jpeg',
      bytes: await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: i, g: 120, b: 200 - i / 2 } } }).jpeg().toBuffer(),
    })));
    const rssBefore = process.memoryUsage().rss;
    const { decision } = await decide(mail(images));
    expect(decision.decision).toBe('review');
    expect(decision.photos?.problems.some((p) => p.problem === 'too_many_images')).toBe(true);
    expect(decision.photos?.readings.length).toBeLessThanOrEqual(settings.OCR_MAX_IMAGES);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
  });
});
