// The soak's mail: the small messages of bench:intake (samples/ made unique) with phone photos of meters spread
// evenly among them. The photos are real 12 MP JPEGs from the project's generator (scripts/photos): the ones
// bench:ocr caches in .data/bench-ocr (generated here with the same command when missing) and the two committed
// in samples/photos/full. A handful of distinct photos is reused with different accounts, senders and wording;
// each distinct meter gets an account of its own in the registry, so a photo can be accepted, confirmed beside a
// typed reading, or sent to review for the wrong account. Messages are built one at a time, when appended: a
// thousand photo mails held at once would be gigabytes in the bench process.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { benchCorpus } from '../intake-corpus.js';

interface PhotoLabel { file: string; display: string; reading: number | null; digits: string | null; serial: string | null; unit: string }

export interface SoakPhoto {
  name: string;
  /** base64 of the JPEG in 76-character lines, made once */
  base64: string;
  bytes: number;
  account: string;
  serial: string;
  reading: number | null;
  /** integer digits the counter shows (a drum counter must show exactly the registry's) */
  digits: number;
}

const CACHED_DIR = path.join(PROJECT_ROOT, '.data/bench-ocr');
const CACHED_COUNT = 3;
const COMMITTED_DIR = path.join(PROJECT_ROOT, 'samples/photos/full');
// Accounts of samples/registry.csv: a photo sent for one of them shows some other meter (review).
const FOREIGN_ACCOUNTS = ['2701004512', '2701013377', '2701031190'];

function labels(dir: string): PhotoLabel[] {
  return JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as PhotoLabel[];
}

/** The 12 MP photos: bench:ocr's cache (made with its command when missing, ~1 min) + the committed pair. */
export function soakPhotos(say: (line: string) => void): SoakPhoto[] {
  const have = existsSync(path.join(CACHED_DIR, 'labels.json')) ? labels(CACHED_DIR).length : 0;
  if (have < CACHED_COUNT) {
    say(`generating ${CACHED_COUNT} photos of 4032×3024 into ${CACHED_DIR} (once)…`);
    mkdirSync(CACHED_DIR, { recursive: true });
    execFileSync('npx', ['tsx', 'scripts/photos/generate.ts', '--out', CACHED_DIR, '--count', String(CACHED_COUNT), '--seed', '12', '--size', '4032x3024'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
  }
  const found = [
    ...labels(CACHED_DIR).slice(0, CACHED_COUNT).map((l) => ({ dir: CACHED_DIR, l })),
    ...labels(COMMITTED_DIR).map((l) => ({ dir: COMMITTED_DIR, l })),
  ];
  return found.map(({ dir, l }, i) => {
    const jpeg = readFileSync(path.join(dir, l.file));
    return {
      name: l.file, base64: (jpeg.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n'), bytes: jpeg.length,
      account: `27099${String(i + 1).padStart(5, '0')}`, serial: l.serial ?? `SOAK-${i + 1}`, reading: l.reading,
      digits: l.digits?.length ?? 6,
    };
  });
}

/** samples/registry.csv plus one account per photographed meter, its last reading a little below the photo's. */
export function soakRegistry(photos: readonly SoakPhoto[]): string {
  const base = readFileSync(path.join(PROJECT_ROOT, 'samples/registry.csv'), 'utf8').replace(/\n*$/, '\n');
  const rows = photos.map((p) => {
    const last = p.reading === null ? 1000 : Math.max(0, p.reading - 150);
    return `${p.account},${p.serial},electricity,1,${p.digits},${last},,,2026-10-22,`;
  });
  return base + rows.join('\n') + '\n';
}

/** What the customer writes beside the photo, by message number: photo only, typed reading too, no account, someone else's account. */
function photoText(n: number, p: SoakPhoto): string {
  switch (n % 4) {
    case 0: return `Добрый день! Показания счётчика на фото во вложении.\r\nЛицевой счёт ${p.account}\r\n`;
    case 1: return `${p.account} ${p.serial} ${p.reading ?? ''}\r\nФото прилагаю.\r\n`;
    case 2: return 'Показания на фото.\r\n\r\n--\r\nОтправлено с iPhone\r\n';
    default: return `Здравствуйте, передаю показания за ноябрь, л/с ${FOREIGN_ACCOUNTS[n % FOREIGN_ACCOUNTS.length]}, фото прилагаю.\r\n`;
  }
}

function photoMessage(n: number, photos: readonly SoakPhoto[], at: Date): Buffer {
  // Photos rotate on a different period from the wording, so every photo meets every wording.
  const p = photos[n % photos.length]!;
  const boundary = `----=_soak_${n}`;
  const head = [
    `From: Абонент ${n} <soak.photo${n}@mail.ru>`, 'To: info@khab.dvec.ru', 'Subject: Показания счётчика',
    `Date: ${at.toUTCString()}`, `Message-ID: <soak-photo-${n}@bench.khab>`, 'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`, '',
    `--${boundary}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '',
    Buffer.from(photoText(Math.floor(n / photos.length), p), 'utf8').toString('base64'), '',
    `--${boundary}`, `Content-Type: image/jpeg; name="IMG_${20261125 + n}.jpg"`, 'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="IMG_${20261125 + n}.jpg"`, '', '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from(p.base64, 'latin1'), Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1')]);
}

const BENCH_ID = 'Message-ID: <bench-small-';

/** benchCorpus puts its Message-ID first: `<bench-small-N@…>` becomes `<soak-small-N@…>`. */
function soakId(raw: Buffer): Buffer {
  if (raw.toString('latin1', 0, BENCH_ID.length) !== BENCH_ID) throw new Error('bench:intake corpus changed: no leading Message-ID');
  return Buffer.concat([Buffer.from('Message-ID: <soak-small-', 'latin1'), raw.subarray(BENCH_ID.length)]);
}

export interface SoakCorpus {
  total: number;
  photos: number;
  /** The i-th message (0-based), built now; `at` is its Date header when it carries a photo. */
  message(i: number, at: Date): Buffer;
  /** Its Message-ID, without angle brackets. */
  messageId(i: number): string;
  isPhoto(i: number): boolean;
}

/** `total` messages, `share` of them (rounded) with a photo, spread evenly. */
export function soakCorpus(total: number, share: number, photos: readonly SoakPhoto[]): SoakCorpus {
  const photoCount = Math.round(total * share);
  // Where the photos go, and each message's number within its kind.
  const photoBefore = (i: number): number => Math.floor((i * photoCount) / total);
  const isPhoto = (i: number): boolean => photoBefore(i + 1) > photoBefore(i);
  // bench:intake's messages, renamed: mail of another bench in the same shared mailbox must not pass for ours.
  const small = benchCorpus(path.join(PROJECT_ROOT, 'samples'), { small: total - photoCount, photos: 0, photoBytes: 0 }).map(soakId);
  return {
    total, photos: photoCount, isPhoto,
    message: (i, at) => (isPhoto(i) ? photoMessage(photoBefore(i), photos, at) : small[i - photoBefore(i)]!),
    messageId: (i) => (isPhoto(i) ? `soak-photo-${photoBefore(i)}@bench.khab` : `soak-small-${i - photoBefore(i)}@bench.khab`),
  };
}
