// The benchmark's mailbox: small messages made from the samples (each with its own Message-ID and sender, so
// none is a duplicate and the per-sender reply cap never holds a reply back) and messages carrying a ~300 KB
// JPEG-like photo. Deterministic: the same counts give the same bytes on every run.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { toCrlf } from '../src/mail/append-files.js';

export interface CorpusOptions {
  small: number;
  photos: number;
  photoBytes: number;
}

// Bigger samples (HTML tables, small inline images) stay in; the photos are the large messages.
const MAX_SMALL_SAMPLE_BYTES = 16 * 1024;

function sampleTemplates(samplesDir: string): string[] {
  return readdirSync(samplesDir).filter((f) => f.endsWith('.eml')).sort()
    .map((f) => toCrlf(readFileSync(path.join(samplesDir, f))))
    .filter((raw) => raw.length <= MAX_SMALL_SAMPLE_BYTES)
    .map((raw) => raw.toString('latin1'));
}

/** A sample with a new Message-ID and a sender of its own (latin1 keeps every byte as it was). */
function uniquify(src: string, n: number): Buffer {
  const headerEnd = src.indexOf('\r\n\r\n');
  let head = src.slice(0, headerEnd).replace(/^message-id:.*(\r\n[ \t].*)*(\r\n|$)/im, '').replace(/\r\n$/, '');
  head = head.replace(/^(from:.*?)([\w.+-]+)@/im, `$1bench${n}.$2@`);
  return Buffer.from(`Message-ID: <bench-small-${n}@bench.khab>\r\n${head}${src.slice(headerEnd)}`, 'latin1');
}

/** xorshift32: fast, seeded, good enough to make incompressible "entropy-coded" bytes. */
function noise(bytes: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(bytes);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** SOI, a JFIF APP0 header, random scan data, EOI: what a phone photo looks like to everything but a decoder. */
function jpegLike(bytes: number, seed: number): Buffer {
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]);
  return Buffer.concat([head, noise(bytes - head.length - 2, seed), Buffer.from([0xff, 0xd9])]);
}

function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

const ACCOUNTS = ['2701004512', '2701013377', '2701031190'];

function photoMessage(n: number, photoBytes: number): Buffer {
  const boundary = `----=_bench_${n}`;
  const account = ACCOUNTS[n % ACCOUNTS.length]!;
  const text = `Добрый день! Показания счётчика на фото во вложении.\r\nЛицевой счёт ${account}\r\n`;
  return Buffer.from([
    `From: Абонент ${n} <photo${n}@mail.ru>`, 'To: info@khab.dvec.ru', `Subject: Показания, фото ${n}`,
    'Date: Wed, 25 Nov 2026 09:00:00 +1000', `Message-ID: <bench-photo-${n}@bench.khab>`, 'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`, '',
    `--${boundary}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '',
    base64Lines(Buffer.from(text, 'utf8')), '',
    `--${boundary}`, `Content-Type: image/jpeg; name="IMG_${20261125 + n}.jpg"`, 'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="IMG_${20261125 + n}.jpg"`, '',
    base64Lines(jpegLike(photoBytes, n + 1)), '',
    `--${boundary}--`, '',
  ].join('\r\n'), 'utf8');
}

/** small + photos messages, the photos spread evenly among the small ones. */
export function benchCorpus(samplesDir: string, o: CorpusOptions): Buffer[] {
  const templates = sampleTemplates(samplesDir);
  const out: Buffer[] = [];
  const total = o.small + o.photos;
  let photos = 0;
  for (let i = 0; i < total; i++) {
    const photoDue = o.photos > 0 && photos < o.photos && Math.floor(((i + 1) * o.photos) / total) > photos;
    if (photoDue) out.push(photoMessage(photos++, o.photoBytes));
    else out.push(uniquify(templates[(i - photos) % templates.length]!, i - photos));
  }
  return out;
}
