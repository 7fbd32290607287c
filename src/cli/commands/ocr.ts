// cli ocr FILE... — read the meter in each photo, one JSON line per file (no database, IMAP or SMTP).
import { loadSettings, OCR_SETTINGS } from '../../config.js';
import { ocrOptions } from '../../ocr/ocr-options.js';
import { readPhotoFile } from '../../ocr/read-photo-file.js';
import { createTesseractPool } from '../../ocr/tesseract-pool.js';
import { UsageError } from '../args.js';
import type { Command } from './index.js';

export const ocr: Command = {
  summary: 'read the meter reading from photo files, print one JSON line each',
  async run(argv) {
    const files = argv.filter((a) => a !== '--');
    if (files.length === 0) throw new UsageError('no image files given');
    if (files.some((f) => f.startsWith('--'))) throw new UsageError(`unknown option ${files.find((f) => f.startsWith('--'))}`);
    const options = ocrOptions(loadSettings(OCR_SETTINGS));
    const pool = createTesseractPool({ ...options.pool, size: 1 });
    let failed = 0;
    try {
      for (const file of files) {
        const line = await readPhotoFile(file, pool, options.load);
        if (line.problem !== null && line.problem.startsWith('image_')) failed++;
        process.stdout.write(`${JSON.stringify(line)}\n`);
      }
    } finally {
      await pool.close();
    }
    return failed > 0 ? 1 : 0;
  },
};
