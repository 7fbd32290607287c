// Tiny PNG painter for the hold-out E photos: a meter drum window with digits that a
// person (and a decent OCR) can read, a blurred dark shot of one that nobody can, and a postcard.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** RGB image from a pixel function returning [r, g, b] in 0..255. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[o++] = clamp(r);
      raw[o++] = clamp(g);
      raw[o++] = clamp(b);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function clamp(v: number): number {
  return Math.max(0, Math.min(255, Math.round(v)));
}

const FONT: Record<string, string[]> = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11111', '00010', '00100', '00010', '00001', '10001', '01110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
};

function glyphOn(ch: string, gx: number, gy: number): boolean {
  const rows = FONT[ch];
  if (!rows || gy < 0 || gy >= 7 || gx < 0 || gx >= 5) return false;
  return rows[gy]?.[gx] === '1';
}

/** Deterministic pseudo-noise so regenerated files are byte-identical. */
function noise(x: number, y: number, seed: number): number {
  let h = (x * 374761393 + y * 668265263 + seed * 2246822519) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
  return ((h ^ (h >>> 16)) & 0xff) / 255;
}

type Pixel = (x: number, y: number) => [number, number, number];

function meterPixels(digits: string, tenth: string, seed: number): { width: number; height: number; pixel: Pixel } {
  const scale = 9;
  const cellW = 7 * scale;
  const cellH = 11 * scale;
  const wheels = digits.length + 1;
  const width = wheels * cellW + 120;
  const height = cellH + 140;
  const left = 60;
  const top = 70;
  const pixel: Pixel = (x, y) => {
    const n = noise(x, y, seed) * 18 - 9;
    const inWindow = x >= left && x < left + wheels * cellW && y >= top && y < top + cellH;
    if (!inWindow) {
      const body = 150 + (y / height) * 40 + n;
      return [body, body, body + 6];
    }
    const wheel = Math.floor((x - left) / cellW);
    const cx = (x - left) % cellW;
    const cy = y - top;
    if (cx < 3 || cx >= cellW - 3) return [40 + n, 40 + n, 40 + n];
    const ch = wheel < digits.length ? (digits[wheel] as string) : tenth;
    const gx = Math.floor((cx - scale) / scale);
    const gy = Math.floor((cy - 2 * scale) / scale);
    const on = cx >= scale && cy >= 2 * scale && glyphOn(ch, gx, gy);
    const red = wheel >= digits.length;
    if (on) return red ? [250, 250, 250] : [20 + n, 20 + n, 20 + n];
    return red ? [190 + n, 30, 30] : [238 + n, 236 + n, 230 + n];
  };
  return { width, height, pixel };
}

/**
 * A meter drum window: white wheels with black digits, the last wheel red (tenths),
 * inside a grey plastic body. `digits` are the integer wheels, `tenth` the red one.
 */
export function meterPhoto(digits: string, tenth: string, seed: number): Buffer {
  const { width, height, pixel } = meterPixels(digits, tenth, seed);
  return encodePng(width, height, pixel);
}

/**
 * The same drum window taken in a dark stairwell with a shaking hand: strong motion
 * blur, underexposure and a flash glare over the middle wheels — nothing legible.
 */
export function unreadablePhoto(digits: string, seed: number): Buffer {
  const { width, height, pixel } = meterPixels(digits, '0', seed);
  const luma = new Float64Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      luma[y * width + x] = 0.3 * r + 0.59 * g + 0.11 * b;
    }
  const blurred = new Float64Array(width * height);
  const reach = 34; // diagonal shake, wider than a digit stroke gap
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let acc = 0;
      let n = 0;
      for (let k = -reach; k <= reach; k += 2) {
        const sx = Math.min(width - 1, Math.max(0, x + k));
        const sy = Math.min(height - 1, Math.max(0, y + Math.round(k / 3)));
        acc += luma[sy * width + sx] as number;
        n++;
      }
      blurred[y * width + x] = acc / n;
    }
  return encodePng(width, height, (x, y) => {
    const v = (blurred[y * width + x] as number) * 0.45 + noise(x, y, seed + 1) * 30;
    const dx = x - width * 0.45;
    const dy = y - height * 0.5;
    const glare = Math.max(0, 170 - Math.sqrt(dx * dx + dy * dy * 2)) * 1.3;
    return [v + glare, v + glare * 0.97, v + glare * 0.85];
  });
}

/** A New Year postcard: big "2027" over a blue field with snowflakes. */
export function postcard(text: string, seed: number): Buffer {
  const scale = 14;
  const width = 520;
  const height = 300;
  const textWidth = text.length * 6 * scale;
  const left = Math.floor((width - textWidth) / 2);
  const top = 90;
  return encodePng(width, height, (x, y) => {
    const flake = noise(x >> 2, y >> 2, seed) > 0.985;
    const idx = Math.floor((x - left) / (6 * scale));
    const gx = Math.floor(((x - left) % (6 * scale)) / scale);
    const gy = Math.floor((y - top) / scale);
    const ch = idx >= 0 && idx < text.length ? (text[idx] as string) : '';
    if (x >= left && glyphOn(ch, gx, gy)) return [220, 40, 40];
    if (flake) return [255, 255, 255];
    return [20, 60 + (y / height) * 80, 140 + (y / height) * 60];
  });
}
