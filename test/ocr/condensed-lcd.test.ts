// A regression crop: a condensed, slanted LCD ("016447.90" with a T1 mark above the 0) whose narrow 1 and
// T1-joined 0 fell out of the digit row, which then read 6447. Dilated by 2 its digits run together; dilated by 1
// the row holds all six integer digits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { analyseDisplayCrop } from '../../src/ocr/analyse-display-crop.js';
import { CROP_DIGIT_HEIGHT } from '../../src/ocr/extract-display-crop.js';

describe('condensed LCD crop', () => {
  it('keeps the leading 0 and the narrow 1 in the integer digits', async () => {
    const file = path.join(import.meta.dirname, 'fixtures/condensed-lcd-016447.png');
    const { data, info } = await sharp(readFileSync(file)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const layout = analyseDisplayCrop({ data, width: info.width, height: info.height, channels: 3 }, 'dark', CROP_DIGIT_HEIGHT);
    expect(layout?.digits).toHaveLength(6);
    expect(layout?.decimalsBy).toBe('point');
  });
});
