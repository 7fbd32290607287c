// One in-process Tesseract worker behind the TextRecogniser interface: for the CLI and eval when no pool
// is given. Offline: the bundled eng best_int data, no CDN, no cache, debug output to /dev/null.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, PSM } from 'tesseract.js';
import type { PageSegMode, RecognisedSymbol, TextRecogniser } from './text-recogniser.js';

const PSM_OF: Record<PageSegMode, PSM> = { line: PSM.SINGLE_LINE, word: PSM.SINGLE_WORD, char: PSM.SINGLE_CHAR, block: PSM.SINGLE_BLOCK };

export async function createLocalRecogniser(): Promise<TextRecogniser & { close(): Promise<void> }> {
  const require = createRequire(import.meta.url);
  const dataDir = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
  const worker = await createWorker('eng', 1, { langPath: dataDir, gzip: true, cacheMethod: 'none' });
  let current = '';
  return {
    async recognise(png, { whitelist, psm }) {
      const key = `${whitelist ?? ''}|${psm}`;
      if (key !== current) {
        await worker.setParameters({ tessedit_char_whitelist: whitelist ?? '', tessedit_pageseg_mode: PSM_OF[psm], debug_file: '/dev/null' });
        current = key;
      }
      const { data } = await worker.recognize(png, {}, { blocks: true, text: true });
      const symbols: RecognisedSymbol[] = [];
      for (const block of data.blocks ?? []) for (const para of block.paragraphs) for (const line of para.lines)
        for (const word of line.words) for (const s of word.symbols) symbols.push({ text: s.text, confidence: s.confidence / 100, bbox: s.bbox });
      return { text: data.text, confidence: data.confidence / 100, symbols };
    },
    async close() {
      await worker.terminate();
    },
  };
}
