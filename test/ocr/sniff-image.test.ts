import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/ocr/sniff-image.js';

function ftyp(major: string, ...compatible: string[]): Buffer {
  const body = Buffer.from(['ftyp', major, '\0\0\0\0', ...compatible].join(''), 'latin1');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(body.length + 4);
  return Buffer.concat([size, body, Buffer.alloc(64)]);
}

describe('sniffImage', () => {
  it.each([
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0])],
    ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['gif', Buffer.from('GIF89a\x01\x00', 'latin1')],
    ['webp', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1')],
    ['heif', ftyp('heic', 'mif1', 'heic')],
    ['heif', ftyp('mif1', 'mif1', 'avif')],
    ['heif', ftyp('avif', 'avif', 'mif1', 'miaf')],
    ['unknown', ftyp('isom', 'isom', 'mp41')], // an MP4 video
    ['pdf', Buffer.from('%PDF-1.7\n')],
    ['tiff', Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])],
    ['tiff', Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8])],
    ['bmp', Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)])],
    ['ico', Buffer.from([0, 0, 1, 0, 1, 0, 16, 16])],
    ['svg', Buffer.from('\uFEFF  <?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['svg', Buffer.from('<svg width="10" height="10"></svg>')],
    ['unknown', Buffer.from('PK\x03\x04', 'latin1')], // docx, xlsx, zip
    ['unknown', Buffer.alloc(0)],
  ])('%s', (expected, bytes) => {
    expect(sniffImage(bytes)).toBe(expected);
  });
});
