// Small binary attachments for the samples, made without any image library: a PNG and a JPEG that
// look like a blurred, unreadable photo, and a one-page PDF with no text layer.
import { deflateSync } from 'node:zlib';

type Shade = (x: number, y: number) => number;

/** A dim, blurred "photo": a dark blob on a grey gradient with no legible shapes. */
export function blurredPhotoShade(seed: number): Shade {
  const cx = 0.35 + (seed % 7) / 30;
  const cy = 0.45 + (seed % 5) / 40;
  return (x, y) => {
    const d = Math.hypot(x - cx, (y - cy) * 1.4);
    const blob = Math.exp(-d * d * 18) * 90;
    const grad = 150 - y * 60 + x * 25;
    return Math.max(0, Math.min(255, Math.round(grad - blob + Math.sin((x + y) * 9 + seed) * 6)));
  };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function makePng(width: number, height: number, shade: Shade): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const v = shade(x / width, y / height);
      const o = y * (width * 3 + 1) + 1 + x * 3;
      raw[o] = v;
      raw[o + 1] = Math.max(0, v - 8);
      raw[o + 2] = Math.max(0, v - 20);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Baseline greyscale JPEG in which every 8x8 block is flat (DC coefficient only): a valid file
 * that decodes to a coarse mosaic, like a badly out-of-focus phone photo.
 */
export function makeJpeg(width: number, height: number, shade: Shade): Buffer {
  const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
  const DC_VALS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const dcCodes = new Map<number, { code: number; len: number }>();
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < DC_BITS[len - 1]!; i++) dcCodes.set(DC_VALS[k++]!, { code: code++, len });
    code <<= 1;
  }
  const bits: number[] = [];
  const put = (value: number, len: number): void => {
    for (let i = len - 1; i >= 0; i--) bits.push((value >> i) & 1);
  };
  const Q = 16;
  const bw = Math.ceil(width / 8);
  const bh = Math.ceil(height / 8);
  let prev = 0;
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const v = shade((bx * 8 + 4) / width, (by * 8 + 4) / height);
      const dc = Math.round((8 * (v - 128)) / Q);
      const diff = dc - prev;
      prev = dc;
      const cat = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
      const c = dcCodes.get(cat)!;
      put(c.code, c.len);
      if (cat > 0) put(diff > 0 ? diff : diff + (1 << cat) - 1, cat);
      put(0, 1); // EOB: the only AC symbol, code "0"
    }
  }
  while (bits.length % 8) bits.push(1);
  const scan: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    let byte = 0;
    for (let j = 0; j < 8; j++) byte = (byte << 1) | bits[i + j]!;
    scan.push(byte);
    if (byte === 0xff) scan.push(0x00);
  }
  const seg = (marker: number, payload: number[]): number[] => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
  const bytes = [
    0xff, 0xd8,
    ...seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]),
    ...seg(0xdb, [0x00, ...new Array<number>(64).fill(Q)]),
    ...seg(0xc0, [0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00]),
    ...seg(0xc4, [0x00, ...DC_BITS, ...DC_VALS]),
    ...seg(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]),
    ...seg(0xda, [0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]),
    ...scan,
    0xff, 0xd9,
  ];
  return Buffer.from(bytes);
}

/** A one-page PDF (a scanned-form look: grey frame, no text layer) with a correct xref table. */
export function makeScanLikePdf(): Buffer {
  const content = '0.85 g 40 40 515 762 re f 0.6 G 2 w 60 700 475 80 re S 60 420 475 240 re S 60 120 200 60 re S';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
