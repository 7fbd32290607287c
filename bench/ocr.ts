// npm run bench:ocr [-- --photos 6 --repeat 3 --rss-count 1000]
//
// 1. Latency: 12 MP phone photos (4032×3024, made once by the project's generator into .data/bench-ocr) each in a
//    phone-style email → parse → OCR → decision, with ONE Tesseract worker: median and p95 per photo.
// 2. The same Tesseract crops through the native `tesseract` CLI (Debian tesseract-ocr, the same eng model, one
//    process per batch) against tesseract.js in this run: time and ratio.
// 3. Memory: RSS every 100 photos while 2 workers read --rss-count photos (samples/photos, recycled workers).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import mallocEnv from '../bin/malloc-env.cjs';
import { loadSettings, OCR_SETTINGS, PROJECT_ROOT, RULE_SETTINGS } from '../src/config.js';
import { decideMessage } from '../src/decide/decide-message.js';
import { decisionRules, parseLimits } from '../src/intake/rules-from-settings.js';
import { ocrOptions } from '../src/ocr/ocr-options.js';
import { createOcrEngine } from '../src/ocr/read-message-photos.js';
import { createTesseractPool, type TesseractPool } from '../src/ocr/tesseract-pool.js';
import { parseMessage } from '../src/parse/parse-message.js';
import { RegistryIndex } from '../src/validate/registry-index.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}
const photoCount = option('photos', 6);
const repeat = option('repeat', 3);
const rssCount = option('rss-count', 1000);

interface Label { file: string; display: string; reading: number | null; digits: string | null; serial?: string | null }

const quantile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** 12 MP photos, generated once (the generator takes ~1 min per photo) and kept under .data. */
function twelveMegapixelPhotos(): { dir: string; labels: Label[] } {
  const dir = path.join(PROJECT_ROOT, '.data/bench-ocr');
  const labelsFile = path.join(dir, 'labels.json');
  const have = existsSync(labelsFile) ? (JSON.parse(readFileSync(labelsFile, 'utf8')) as Label[]) : [];
  if (have.length < photoCount) {
    process.stdout.write(`generating ${photoCount} photos of 4032×3024 into ${dir} (once)…\n`);
    mkdirSync(dir, { recursive: true });
    execFileSync('npx', ['tsx', 'scripts/photos/generate.ts', '--out', dir, '--count', String(photoCount), '--seed', '12', '--size', '4032x3024'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
  }
  return { dir, labels: (JSON.parse(readFileSync(labelsFile, 'utf8')) as Label[]).slice(0, photoCount) };
}

function email(photo: Buffer, name: string): Buffer {
  const b64 = photo.toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from([
    'From: Ivan <ivan.bench@mail.ru>', 'To: info@khab.dvec.ru', 'Subject: =?UTF-8?B?0J/QvtC60LDQt9Cw0L3QuNGP?=',
    'Date: Sun, 22 Nov 2026 10:00:00 +1000', 'Message-ID: <bench@mail.ru>', 'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"', '', '--b1', 'Content-Type: text/plain; charset=utf-8', '',
    'Лицевой счёт 2701999001, показания на фото', '--b1', `Content-Type: image/jpeg; name="${name}"`,
    'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${name}"`, '', b64, '--b1--', '',
  ].join('\r\n'));
}

/** Records each crop sent to Tesseract and the time tesseract.js took for it. */
function recording(pool: TesseractPool) {
  const crops: { png: Buffer; whitelist: string | undefined; psm: string; ms: number }[] = [];
  const wrapped: TesseractPool = {
    size: pool.size, stats: () => pool.stats(), close: () => pool.close(),
    async recognise(png, opts) {
      const t0 = performance.now();
      const r = await pool.recognise(png, opts);
      crops.push({ png, whitelist: opts.whitelist, psm: opts.psm, ms: performance.now() - t0 });
      return r;
    },
  };
  return { wrapped, crops };
}

async function latency(settings: ReturnType<typeof loadSettings<(typeof OCR_SETTINGS)[number] | (typeof RULE_SETTINGS)[number]>>) {
  const { dir, labels } = twelveMegapixelPhotos();
  const options = ocrOptions(settings);
  const rec = recording(createTesseractPool({ ...options.pool, size: 1 }));
  const engine = createOcrEngine(options, rec.wrapped);
  const rules = decisionRules(settings);
  const times: number[] = [];
  let accepted = 0;
  let correct = 0;
  try {
    // One warm-up read: the worker starts once per process, not per photo.
    await engine.readPhotos((await parseMessage(email(readFileSync(path.join(dir, labels[0]!.file)), 'warm.jpg'), parseLimits(settings))).attachments);
    rec.crops.length = 0;
    for (let r = 0; r < repeat; r++) {
      for (const label of labels) {
        const raw = email(readFileSync(path.join(dir, label.file)), label.file);
        const digits = label.digits?.length ?? 6;
        const registry = new RegistryIndex([{
          // The meter is the photo's own (its serial, when the label has one), as the customer's would be.
          account: '2701999001', meter: label.serial ?? '011999001', kind: 'electricity', zones: 1, digits,
          last: { t1: Math.max(0, (label.reading ?? 1000) - 150), t2: null, t3: null }, lastDate: '2026-10-22', emails: [],
        }]);
        const t0 = performance.now();
        const message = await parseMessage(raw, parseLimits(settings));
        const photos = await engine.readPhotos(message.attachments);
        const d = decideMessage({ message, registry, rules, at: new Date('2026-11-22T00:00:00Z'), photos });
        times.push(performance.now() - t0);
        if (r === 0 && d.decision === 'accept') {
          accepted++;
          if (d.readings[0]?.t1 === label.reading) correct++;
        }
      }
    }
  } finally {
    await engine.close();
  }
  return { times, accepted, correct, photos: labels.length, crops: rec.crops };
}

/** The same crops through the native CLI, one process per (psm, whitelist) batch, with the same model file. */
function nativeTesseract(crops: { png: Buffer; whitelist: string | undefined; psm: string }[]): number {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-ocr-'));
  try {
    const require = createRequire(import.meta.url);
    const model = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int/eng.traineddata.gz');
    writeFileSync(path.join(work, 'eng.traineddata'), gunzipSync(readFileSync(model)));
    const psmOf: Record<string, string> = { line: '7', word: '8', char: '10', block: '6' };
    const groups = new Map<string, string[]>();
    crops.forEach((c, i) => {
      const file = path.join(work, `crop-${i}.png`);
      writeFileSync(file, c.png);
      const key = `${c.psm}\u0000${c.whitelist ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), file]);
    });
    const t0 = performance.now();
    for (const [key, files] of groups) {
      const [psm, whitelist] = key.split('\u0000') as [string, string];
      const list = path.join(work, `list-${psm}.txt`);
      writeFileSync(list, `${files.join('\n')}\n`);
      execFileSync('tesseract', [list, 'stdout', '--tessdata-dir', work, '-l', 'eng', '--psm', psmOf[psm] ?? '7', ...(whitelist ? ['-c', `tessedit_char_whitelist=${whitelist}`] : [])], { stdio: ['ignore', 'ignore', 'ignore'] });
    }
    return performance.now() - t0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function memory(settings: ReturnType<typeof loadSettings<(typeof OCR_SETTINGS)[number]>>) {
  const dir = path.join(PROJECT_ROOT, 'samples/photos');
  const files = readdirSync(dir).filter((f) => /\.jpe?g$/i.test(f)).map((f) => readFileSync(path.join(dir, f)));
  const options = ocrOptions(settings);
  const engine = createOcrEngine({ ...options, pool: { ...options.pool, size: 2 } });
  const attachments = files.map((content, i) => ({ filename: `p${i}.jpg`, contentType: 'image/jpeg', size: content.length, contentId: null, inline: false, content }));
  const samples: { n: number; rss: number }[] = [];
  // The samples every 100 photos miss the peaks between them (a worker being replaced while another reads).
  let highest = 0;
  const poll = setInterval(() => { highest = Math.max(highest, process.memoryUsage().rss); }, 25);
  try {
    for (let n = 1; n <= rssCount; n += 2) {
      // Two photos at a time keep both workers busy.
      await Promise.all([engine.readPhotos([attachments[n % files.length]!]), engine.readPhotos([attachments[(n + 1) % files.length]!])]);
      if ((n + 1) % 100 === 0) {
        samples.push({ n: n + 1, rss: process.memoryUsage().rss });
        process.stdout.write(`  after ${n + 1} photos: RSS ${mb(process.memoryUsage().rss)} (workers started ${engine.stats().started})\n`);
      }
    }
  } finally {
    clearInterval(poll);
    await engine.close();
  }
  return { samples, highest };
}

// As under pm2 (ecosystem.config.cjs): glibc reads its malloc settings at process start, so re-run with them.
if (Object.keys(mallocEnv).some((k) => process.env[k] === undefined)) {
  const { status } = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...mallocEnv, ...process.env } });
  process.exit(status ?? 1);
}
const settings = loadSettings([...RULE_SETTINGS, ...OCR_SETTINGS]);
const lat = await latency(settings);
process.stdout.write(`12 MP photo → decision, 1 worker, ${lat.photos} photos × ${repeat}: median ${quantile(lat.times, 0.5).toFixed(0)} ms, p95 ${quantile(lat.times, 0.95).toFixed(0)} ms (goal ≤ 1000 / ≤ 2500)\n`);
process.stdout.write(`  accepted ${lat.accepted}/${lat.photos} (${lat.correct} with the labelled reading)\n`);
const jsMs = lat.crops.reduce((s, c) => s + c.ms, 0);
const nativeMs = nativeTesseract(lat.crops);
process.stdout.write(`Tesseract on the same ${lat.crops.length} crops: tesseract.js ${jsMs.toFixed(0)} ms, native CLI (batched) ${nativeMs.toFixed(0)} ms → tesseract.js/native = ${(jsMs / nativeMs).toFixed(2)}\n`);
process.stdout.write(`RSS with 2 workers over ${rssCount} photos (samples/photos, recycled every ${settings.OCR_RECYCLE_AFTER} jobs):\n`);
const { samples: mem, highest } = await memory(settings);
if (mem.length >= 2) {
  const first = mem[0]!.rss;
  const peak = Math.max(...mem.map((m) => m.rss));
  const last = mem[mem.length - 1]!.rss;
  process.stdout.write(`RSS: after 100 ${mb(first)}, peak ${mb(peak)}, end ${mb(last)} (goal ≤ 400 MB and flat)\n`);
  process.stdout.write(`  highest RSS polled every 25 ms over the 1,000 photos: ${mb(highest)}; the process's high-water mark (getrusage, the 12 MP latency runs above included): ${mb(process.resourceUsage().maxRSS * 1024)}\n`);
}
