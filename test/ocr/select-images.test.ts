import { describe, expect, it } from 'vitest';
import { loadImage } from '../../src/ocr/load-image.js';
import { selectImages } from '../../src/ocr/select-images.js';
import type { ParsedAttachment } from '../../src/parse/types.js';
import { MINIMAL_PDF, REMOTE_SVG, bombPng, halvesImage } from './make-images.js';

const LIMITS = { maxBytes: 15 * 1024 * 1024, maxInputPixels: 50_000_000, maxImages: 10 };

function attachment(content: Buffer, contentType: string, filename: string | null, contentId: string | null = null): ParsedAttachment {
  return { filename, contentType, size: content.length, contentId, inline: contentId !== null, content };
}

const DOCX = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 1)]);

describe('selectImages', () => {
  it('sorts a realistic mix into photos, problems, unsupported files and ignored parts', async () => {
    const photo = await halvesImage(1200, 900).jpeg().toBuffer();
    const inlinePhoto = await halvesImage(800, 600).png().toBuffer();
    const logo = await halvesImage(120, 40).png().toBuffer();
    const wideBanner = await halvesImage(600, 80).png().toBuffer();
    const attachments = [
      attachment(logo, 'image/png', 'logo.png', 'logo@sig'), // 0 signature logo
      attachment(photo, 'application/octet-stream', 'IMG_2041'), // 1 photo, type not declared
      attachment(inlinePhoto, 'image/png', 'image001.png', 'image001.png@01DB'), // 2 pasted inline (cid:)
      attachment(MINIMAL_PDF, 'application/pdf', 'счётчик.pdf'), // 3
      attachment(DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'показания.docx'), // 4
      attachment(Buffer.from('Т1 4512'), 'text/plain', 'readings.txt'), // 5 read by src/parse
      attachment(Buffer.from([0x30, 0x82, 1, 2]), 'application/pkcs7-signature', 'smime.p7s'), // 6
      attachment(REMOTE_SVG, 'image/svg+xml', 'logo.svg', 'svg@sig'), // 7
      attachment(Buffer.alloc(0), 'image/jpeg', 'photo.jpg'), // 8
      attachment(Buffer.concat([photo.subarray(0, 2), Buffer.alloc(300, 7)]), 'image/jpeg', 'broken.jpg'), // 9
      attachment(photo, 'image/jpeg', 'IMG_2041.jpg'), // 10 the same photo again
      attachment(bombPng(20_000, 20_000), 'image/png', 'huge.png'), // 11
      attachment(wideBanner, 'image/png', 'banner.png'), // 12 long side over the logo size: kept
    ];
    const result = await selectImages(attachments, LIMITS);
    expect(result.photos.map((p) => [p.attachmentIndex, p.header.format, p.header.width, p.header.height])).toEqual([
      [1, 'jpeg', 1200, 900],
      [2, 'png', 800, 600],
      [12, 'png', 600, 80],
    ]);
    expect(result.problems.map((p) => [p.attachmentIndex, p.problem])).toEqual([
      [8, 'image_empty'],
      [9, 'image_corrupt'],
      [11, 'image_too_large'],
    ]);
    expect(result.unsupported.map((u) => [u.attachmentIndex, u.format, u.filename])).toEqual([
      [3, 'pdf', 'счётчик.pdf'],
      [4, 'unknown', 'показания.docx'],
    ]);
    expect(result.skipped).toEqual([
      { attachmentIndex: 0, reason: 'small' },
      { attachmentIndex: 7, reason: 'vector' },
      { attachmentIndex: 10, reason: 'duplicate' },
    ]);
  });

  it('200 photos in one mail: 10 selected, one too_many_images, memory bounded', async () => {
    const jpeg = await halvesImage(2000, 1500).jpeg().toBuffer();
    // distinct files: bytes after the end-of-image marker are ignored by decoders
    const attachments = Array.from({ length: 200 }, (_, i) =>
      attachment(Buffer.concat([jpeg, Buffer.from(`#${i}`)]), 'image/jpeg', `IMG_${i}.jpg`),
    );
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const result = await selectImages(attachments, LIMITS);
    const selectMs = performance.now() - started;
    for (const photo of result.photos) {
      const loaded = await loadImage(attachments[photo.attachmentIndex]!.content, { ...LIMITS, maxSide: 2000 });
      expect(loaded.ok).toBe(true);
    }
    const grownMb = (process.memoryUsage().rss - rss) / 1024 / 1024;
    expect(result.photos.map((p) => p.attachmentIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.problems).toEqual([
      { attachmentIndex: 10, problem: 'too_many_images', detail: '190 more photos over the limit of 10 were not read' },
    ]);
    expect(selectMs).toBeLessThan(3000);
    expect(grownMb).toBeLessThan(150);
    console.info(`select 200 photos: ${selectMs.toFixed(0)} ms; RSS +${grownMb.toFixed(0)} MB after decoding 10`);
  });

  it('an image without a known format but declared as one is corrupt; an unknown non-image file is unsupported', async () => {
    const garbage = Buffer.alloc(1000, 0x41);
    const result = await selectImages([
      attachment(garbage, 'image/jpeg', null),
      attachment(garbage, 'application/octet-stream', 'scan.djvu'),
    ], LIMITS);
    expect(result.problems.map((p) => [p.attachmentIndex, p.problem])).toEqual([[0, 'image_corrupt']]);
    expect(result.unsupported.map((u) => u.attachmentIndex)).toEqual([1]);
  });
});
