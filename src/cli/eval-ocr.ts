// npm run eval:ocr [-- DIR] [--verbose]: reads every photo listed in DIR/labels.json (default samples/photos) and reports
// exact-reading accuracy, the wrong readings that would be accepted at ACCEPT_CONFIDENCE (the failure that
// matters: a confident wrong bill), automation at other thresholds, and ms per photo.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSettings, OCR_SETTINGS } from '../config.js';
import { encodeGreyPng } from '../ocr/extract-display-crop.js';
import { ocrOptions } from '../ocr/ocr-options.js';
import { ACCEPT_CONFIDENCE } from '../ocr/read-meter-photo.js';
import { readPhotoFile, type PhotoFileLine } from '../ocr/read-photo-file.js';
import { createTesseractPool } from '../ocr/tesseract-pool.js';

interface Label {
  file: string;
  display: string | null;
  reading: number | null;
  serial?: string | null;
  zone?: string | null;
}

async function main(argv: string[]): Promise<number> {
  const dir = argv.find((a) => !a.startsWith('--')) ?? 'samples/photos';
  const verbose = argv.includes('--verbose');
  let labels: Label[];
  try {
    labels = JSON.parse(await readFile(path.join(dir, 'labels.json'), 'utf8')) as Label[];
  } catch (e) {
    process.stderr.write(`eval:ocr: cannot read ${path.join(dir, 'labels.json')}: ${(e as Error).message}\n`);
    return 2;
  }
  const options = ocrOptions(loadSettings(OCR_SETTINGS));
  const pool = createTesseractPool({ ...options.pool, size: 1 });
  const results: { label: Label; line: PhotoFileLine }[] = [];
  try {
    // Start the worker before timing: its start-up is paid once per process, not per photo.
    await pool.recognise(await encodeGreyPng(new Uint8Array(32 * 16).fill(255), 32, 16), { psm: 'line' });
    for (const label of labels) {
      const line = await readPhotoFile(path.join(dir, label.file), pool, options.load);
      results.push({ label, line });
      if (verbose) process.stdout.write(`${verdict(label, line)} ${label.file} want=${label.reading} got=${line.reading} conf=${line.confidence} ${line.display ?? '-'} serial=${line.serial ?? '-'}/${label.serial ?? '-'} ${line.ms}ms ${line.problem ?? ''} ${line.doubts.join('; ')}\n`);
    }
  } finally {
    await pool.close();
  }
  report(results);
  return 0;
}

function verdict(label: Label, line: PhotoFileLine): string {
  if (line.reading === null) return label.reading === null ? 'ok  ' : 'none';
  if (line.reading === label.reading) return line.confidence >= ACCEPT_CONFIDENCE ? 'ok  ' : 'low ';
  return line.confidence >= ACCEPT_CONFIDENCE ? 'WRONG' : 'wrng';
}

function report(results: { label: Label; line: PhotoFileLine }[]): void {
  const readable = results.filter((r) => r.label.reading !== null);
  const exact = readable.filter((r) => r.line.reading === r.label.reading).length;
  const accepted = (t: number) => results.filter((r) => r.line.reading !== null && r.line.confidence >= t);
  const wrongAt = (t: number) => accepted(t).filter((r) => r.line.reading !== r.label.reading);
  const ms = results.map((r) => r.line.ms).sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0;
  const out = process.stdout;
  out.write(`photos=${results.length} with_reading=${readable.length}\n`);
  out.write(`exact_accuracy=${pct(exact, readable.length)} (${exact}/${readable.length}, best candidate regardless of confidence)\n`);
  for (const t of [0.5, 0.6, 0.7, ACCEPT_CONFIDENCE, 0.9]) {
    const a = accepted(t), w = wrongAt(t);
    out.write(`  threshold ${t.toFixed(2)}${t === ACCEPT_CONFIDENCE ? ' (ACCEPT_CONFIDENCE)' : ''}: accepted=${a.length} correct=${a.length - w.length} wrong=${w.length}\n`);
  }
  const wrong = wrongAt(ACCEPT_CONFIDENCE);
  out.write(`wrong_at_threshold=${wrong.length}\n`);
  for (const { label, line } of wrong) out.write(`  WRONG ${label.file}: want ${label.reading} got ${line.reading} (${line.digits}) conf ${line.confidence}\n`);
  const serials = results.filter((r) => r.line.serial !== null);
  const serialRight = serials.filter((r) => r.line.serial === r.label.serial).length;
  const zones = results.filter((r) => r.line.zone !== null);
  out.write(`zone: read=${zones.length} correct=${zones.filter((r) => r.line.zone === (r.label.zone ?? null)).length} labelled=${results.filter((r) => r.label.zone).length}\n`);
  out.write(`serial: read=${serials.length} correct=${serialRight} labelled=${results.filter((r) => r.label.serial).length}\n`);
  out.write(`ms_per_photo median=${q(0.5)} p95=${q(0.95)}\n`);
}

function pct(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`;
}

process.exitCode = await main(process.argv.slice(2));
