import { describe, expect, it } from 'vitest';
import { validPhotoReadings } from './photo-readings.js';

const reading = { attachmentIndex: 0, problem: null, display: 'drum', candidates: [], digitConfidence: [], serial: null, zone: null, crop: { left: 1, top: 2, width: 3, height: 4 }, imageWidth: 10, imageHeight: 10, ms: 1 };
const other = { display: 'lcd', candidates: [{ digits: '0860', value: 860, confidence: 0.9 }], digitConfidence: [], serial: '12010293', serialConfidence: 0.9, zone: null, crop: { left: 5, top: 5, width: 2, height: 2 } };

describe('validPhotoReadings', () => {
  it('keeps well-formed readings and drops the rest', () => {
    expect(validPhotoReadings([reading, { ...reading, attachmentIndex: 'x' }, { ...reading, crop: { left: 1 } }, null, 5])).toEqual([reading]);
    expect(validPhotoReadings({ readings: [reading] })).toEqual([]);
  });

  it('keeps only well-formed other counters: each needs a box, candidates and a serial or null', () => {
    const bad = [{ ...other, crop: null }, { ...other, crop: undefined }, { ...other, serial: 12 }, { ...other, serial: undefined }, { ...other, candidates: 'x' }, 'x'];
    const unread = { ...other, serial: null };
    expect(validPhotoReadings([{ ...reading, otherCounters: [other, unread, ...bad] }])).toEqual([{ ...reading, otherCounters: [other, unread] }]);
    expect(validPhotoReadings([{ ...reading, otherCounters: 'x' }])).toEqual([{ ...reading, otherCounters: [] }]);
  });
});
