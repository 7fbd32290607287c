// A message's attachments → what its meter photos say (MessagePhotos, for the decision). One engine per process:
// its Tesseract pool is started once and shared by every message; each photo is decoded within the limits,
// read, and given up on after the time limit (a reason for the clerk, never a crash).
import type { ParsedAttachment } from '../parse/types.js';
import { loadImage } from './load-image.js';
import type { OcrOptions } from './ocr-options.js';
import { readMeterPhoto } from './read-meter-photo.js';
import { selectImages } from './select-images.js';
import { createTesseractPool, type TesseractPool, type TesseractPoolStats } from './tesseract-pool.js';
import type { ImageProblem, MessagePhotos, PhotoDoubt, PhotoReading } from './types.js';

export interface OcrEngine {
  readPhotos(attachments: readonly ParsedAttachment[]): Promise<MessagePhotos>;
  stats(): TesseractPoolStats;
  close(): Promise<void>;
}

export function createOcrEngine(options: OcrOptions, pool: TesseractPool = createTesseractPool(options.pool)): OcrEngine {
  return {
    async readPhotos(attachments) {
      const selected = await selectImages(attachments, options.select);
      const problems = selected.problems.map((p) => ({ attachmentIndex: p.attachmentIndex, problem: p.problem }));
      const readings: PhotoReading[] = [];
      for (const photo of selected.photos) {
        const result = await readOne(attachments[photo.attachmentIndex]!.content, options, pool);
        if ('problem' in result && !('candidates' in result)) problems.push({ attachmentIndex: photo.attachmentIndex, problem: result.problem });
        else readings.push({ ...(result as Omit<PhotoReading, 'attachmentIndex'>), attachmentIndex: photo.attachmentIndex });
      }
      return { readings, problems, unsupported: selected.unsupported.length };
    },
    stats: () => pool.stats(),
    close: () => pool.close(),
  };
}

type ReadOne = Omit<PhotoReading, 'attachmentIndex'> | { problem: ImageProblem };

async function readOne(bytes: Buffer, options: OcrOptions, pool: TesseractPool): Promise<ReadOne> {
  const loaded = await loadImage(bytes, options.load);
  if (!loaded.ok) return { problem: loaded.problem };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadOne>((resolve) => {
    timer = setTimeout(() => resolve({ problem: 'ocr_timeout' }), options.pool.jobTimeoutMs);
  });
  try {
    const read = readMeterPhoto(loaded.image, pool).then(({ doubts, evidence: _evidence, otherCounters, ...r }): ReadOne => ({
      ...r, doubtCodes: doubts.map(doubtCode),
      ...(otherCounters ? { otherCounters: otherCounters.map(({ doubts: d, ...o }) => ({ ...o, doubtCodes: d.map(doubtCode) })) } : {}),
    }), (e: unknown): ReadOne => {
      const code = (e as { code?: string }).code;
      if (code === 'ocr_timeout') return { problem: 'ocr_timeout' };
      throw e;
    });
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// The recogniser words its doubts for people (read-meter-photo.ts, recognise-digits.ts); the decision needs codes.
const DOUBTS: [RegExp, PhotoDoubt][] = [
  [/row may continue/, 'row_extent'], [/touches crop border/, 'touches_border'], [/could not be seen/, 'missing_digit'], [/half-turned drum read/, 'half_turned'],
  [/stray blobs/, 'strays'], [/no decimal point/, 'no_decimal_point'], [/glare/, 'glare'], [/red blob inside/, 'red_inside'],
  [/uneven digit heights/, 'uneven_heights'], [/^only \d+ integer digits/, 'few_digits'], [/^\d+ integer digits/, 'many_digits'],
  [/faceplate/, 'faceplate_font'], [/tesseract (digit count differs|read nothing)|disagree/, 'engines_disagree'], [/smaller digits than/, 'smaller_row'],
];

export function doubtCode(text: string): PhotoDoubt {
  return DOUBTS.find(([re]) => re.test(text))?.[1] ?? 'other';
}
