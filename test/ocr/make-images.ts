// Test images made at test time (sharp encodes them; only the HEIC, which nothing here can encode, is a fixture).
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { Sharp } from 'sharp';

export const RED = [200, 0, 0] as const;
export const BLUE = [0, 0, 200] as const;

/** Raw RGB: left half red, right half blue — so a rotation shows in where the colours end up. */
export function halves(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(x < width / 2 ? RED : BLUE, (y * width + x) * 3);
  }
  return data;
}

export function halvesImage(width: number, height: number): Sharp {
  return sharp(halves(width, height), { raw: { width, height, channels: 3 } });
}

/** Two-frame GIF: the first frame red/blue halves, the second all green. */
export async function twoFrameGif(width: number, height: number): Promise<Buffer> {
  const green = Buffer.alloc(width * height * 3);
  for (let i = 0; i < green.length; i += 3) green[i + 1] = 200;
  const frames = Buffer.concat([halves(width, height), green]);
  return sharp(frames, { raw: { width, height: height * 2, channels: 3, pageHeight: height } }).gif().toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/**
 * A valid 1-bit grey PNG of width × height, all black: a decompression bomb (20,000² is 1.2 GB as RGB)
 * in a few dozen KB. Built by hand so that making it costs nothing like decoding it would.
 */
export function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, grey, deflate, no filter, no interlace
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height); // filter byte 0 + zero bits per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** An SVG that would fetch a remote image if anyone rendered it. */
export const REMOTE_SVG = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="300">' +
    '<image xlink:href="http://198.51.100.1/track.png" width="400" height="300"/></svg>',
);

/** Black digits on white, one line, as a meter's digits look after cropping and binarising. */
export function digitLinePng(digits: string): Promise<Buffer> {
  const width = 40 + digits.length * 34;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="80"><rect width="100%" height="100%" fill="white"/>` +
    `<text x="20" y="60" font-size="56" font-family="DejaVu Sans Mono, monospace" fill="black">${digits}</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Grey noise: Tesseract in block mode labours over it for seconds, which makes a job time out on demand. */
export function noisePng(side: number): Promise<Buffer> {
  return sharp({ create: { width: side, height: side, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
}
