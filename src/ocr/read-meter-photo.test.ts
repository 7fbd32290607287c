// Integration: synthetic meter photos rendered with sharp (SVG), read with the real Tesseract pool.
// The property that matters is "correctly or not at all": a reading at or above ACCEPT_CONFIDENCE must be right.
import { afterAll, describe, expect, it } from 'vitest';
import { ACCEPT_CONFIDENCE, applySizePrior, readMeterPhoto, widerIsBetter } from './read-meter-photo.js';
import type { TextRecogniser } from './read-meter-photo.js';
import { createTesseractPool } from './tesseract-pool.js';
import { renderSyntheticMeter, type SyntheticMeter } from './testing/render-synthetic-meter.js';

const pool = createTesseractPool({ size: 1, recycleAfter: 100, jobTimeoutMs: 20_000 });
afterAll(() => pool.close());

const base: SyntheticMeter = { kind: 'drum', digits: '004512', decimals: '7', serial: '12345678', angleDeg: 0, blurSigma: 0, fill: 0.5, glare: false, width: 2000, height: 1500 };

describe('readMeterPhoto on synthetic photos', () => {
  it.each([
    ['white-on-black drums, tilted 8°, blurred', { angleDeg: 8, blurSigma: 1.5 }],
    ['white-on-black drums, tilted −17°, small in the frame', { digits: '38016', decimals: '5', angleDeg: -17, fill: 0.3 }],
    ['black digits on white drums, tilted 12°', { kind: 'drum-dark-digits' as const, digits: '98765', decimals: '4', angleDeg: 12, blurSigma: 0.8 }],
  ])('reads %s, confidently, without the red decimal drum', async (_name, over) => {
    const m = { ...base, ...over };
    const r = await readMeterPhoto(await renderSyntheticMeter(m), pool);
    expect(r.problem).toBeNull();
    expect(r.display).toBe('drum');
    expect(r.candidates[0]!.digits).toBe(m.digits);
    expect(r.candidates[0]!.value).toBe(Number(m.digits));
    expect(r.candidates[0]!.confidence).toBeGreaterThanOrEqual(ACCEPT_CONFIDENCE);
    expect(r.digitConfidence).toHaveLength(m.digits.length);
    expect(r.crop).not.toBeNull();
    expect(r.imageWidth).toBe(2000);
  });

  it.each([
    ['an LCD with a decimal point', { kind: 'lcd' as const, digits: '0012345', decimals: '67', angleDeg: -10, fill: 0.6 }],
    ['glare over the drums', { glare: true, angleDeg: 5 }],
    ['heavy blur on a small meter', { digits: '0098761', decimals: '2', angleDeg: 19, blurSigma: 3, fill: 0.25 }],
  ])('reads %s correctly or gives it a confidence below the threshold', async (_name, over) => {
    const m = { ...base, ...over };
    const r = await readMeterPhoto(await renderSyntheticMeter(m), pool);
    const best = r.candidates[0];
    if (best && best.confidence >= ACCEPT_CONFIDENCE) expect(best.digits).toBe(m.digits);
  });

  it('reads a drum caught between two digits as the lower one, and says so', async () => {
    const r = await readMeterPhoto(await renderSyntheticMeter({ ...base, digits: '004513', decimals: '6', angleDeg: 5, blurSigma: 0.8, turning: true }), pool);
    expect(r.doubts.join(' ')).toMatch(/half-turned drum read|could not be seen|may continue/);
    expect(r.candidates.map((c) => c.digits)).toContain('004513');
    // Read confidently only when read right.
    if ((r.candidates[0]?.confidence ?? 0) >= ACCEPT_CONFIDENCE) expect(r.candidates[0]!.digits).toBe('004513');
  });

  it('reads two drums turning over a carry (959 going to 960) as the lower digits, or not at all', async () => {
    const r = await readMeterPhoto(await renderSyntheticMeter({ ...base, digits: '000959', decimals: '8', angleDeg: 3, turning: true, turningDrums: 2 }), pool);
    expect(r.candidates[0]!.digits).toHaveLength(6);
    if ((r.candidates[0]?.confidence ?? 0) >= ACCEPT_CONFIDENCE) expect(r.candidates[0]!.digits).toBe('000959');
  });

  it('finds no display on a photo without digits', async () => {
    const grey = { data: Buffer.alloc(800 * 600 * 3, 128), width: 800, height: 600, channels: 3 as const };
    const r = await readMeterPhoto(grey, pool);
    expect(r.problem).toBe('no_display_found');
    expect(r.candidates).toEqual([]);
  });

  it('a recogniser that reads nothing leaves the drum reading unaccepted', async () => {
    const blind: TextRecogniser = { recognise: async () => ({ text: '', confidence: 0, symbols: [] }) };
    const r = await readMeterPhoto(await renderSyntheticMeter({ ...base, angleDeg: 4 }), blind);
    expect(r.candidates[0]?.confidence ?? 0).toBeLessThan(ACCEPT_CONFIDENCE);
  });
});

describe('applySizePrior', () => {
  const row = (digitHeight: number, confidence = 0.9) => ({ digitHeight, candidates: [{ digits: '2009', value: 2009, confidence }], reading: { doubts: [] as string[] } });
  const photo = { width: 2000, height: 1500 };

  it('lowers a row clearly smaller than the largest read one: a serial or a rating beside the counter', () => {
    const rows = [row(60), row(40), row(30, 0.2)];
    applySizePrior(rows, photo);
    expect(rows.map((r) => r.candidates[0]!.confidence)).toEqual([0.9, 0.54, 0.12]);
    expect(rows[1]!.reading.doubts).toEqual(['smaller digits than another row in the photo']);
  });

  it('lowers digits too small for the counter the photo was taken of, even alone: a year read where glare hid the display', () => {
    const alone = [row(20)];
    applySizePrior(alone, photo);
    expect(alone[0]!.candidates[0]!.confidence).toBe(0.54);
    expect(alone[0]!.reading.doubts).toEqual(['smaller digits than a counter photographed to be read']);
    const counter = [row(26)];
    applySizePrior(counter, photo);
    expect(counter[0]!.candidates[0]!.confidence).toBe(0.9);
  });
});

describe('widerIsBetter', () => {
  const layout = (digits: number, touchesBorder: boolean) => ({
    digits: Array.from({ length: digits }, (_, i) => ({ x0: i * 30, y0: 0, x1: i * 30 + 20, y1: 40, area: 400 })),
    flags: { touchesBorder, missingDigit: false, rowContinues: false, textBefore: false, strays: 0, redInside: false, glare: false },
  });
  it('takes the wider cut when its row ends inside it and keeps every digit', () => {
    expect(widerIsBetter(layout(4, true), layout(6, false))).toBe(true);
    expect(widerIsBetter(layout(5, true), layout(5, false))).toBe(true);
  });
  it('keeps the tight cut when the wider one loses a digit, still touches its edge, or found nothing', () => {
    expect(widerIsBetter(layout(5, true), layout(4, false))).toBe(false);
    expect(widerIsBetter(layout(5, true), layout(7, true))).toBe(false);
    expect(widerIsBetter(layout(5, true), null)).toBe(false);
  });
});
