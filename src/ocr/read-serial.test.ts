import { describe, expect, it } from 'vitest';
import { findSerialRun, serialFromReads } from './read-serial.js';
import type { RecognisedText } from './text-recogniser.js';

/** A read whose symbols are the text's characters side by side, 10 px each, at the given confidence. */
function read(text: string, confidence = 0.95): RecognisedText {
  const symbols = [...text.replace(/\s+/g, '')].map((c, i) => ({ text: c, confidence, bbox: { x0: i * 10, y0: 0, x1: i * 10 + 9, y1: 20 } }));
  return { text, confidence, symbols };
}

describe('findSerialRun', () => {
  it('reads the digits after the number sign as Tesseract renders it', () => {
    expect(findSerialRun(read('Ne 3213828955'))?.digits).toBe('3213828955');
    expect(findSerialRun(read('No. 7345190'))?.digits).toBe('7345190');
    expect(findSerialRun(read('Nq: 50135401'))?.digits).toBe('50135401');
    expect(findSerialRun(read('3ab. N2 01120457'))?.digits).toBe('01120457');
    expect(findSerialRun(read('Nº5O135401'))?.digits).toBe('50135401');
    expect(findSerialRun(read('| ne 882446466355'))?.digits).toBe('882446466355');
  });

  it('passes over a blank symbol Tesseract gives before the sign', () => {
    const r = read('N: 01628994');
    const blank = { text: ' ', confidence: 0.9, bbox: { x0: 0, y0: 0, x1: 1, y1: 20 } };
    expect(findSerialRun({ ...r, symbols: [blank, ...r.symbols] })?.digits).toBe('01628994');
  });

  it('gives the x-span of the digits only', () => {
    const run = findSerialRun(read('No 12345678'));
    expect(run).toMatchObject({ signed: true, x0: 20, x1: 99 });
    // a speck after an unsigned number is no part of it
    expect(findSerialRun(read('fo 12345678 .'))).toMatchObject({ signed: false, x0: 20, x1: 99 });
  });

  it('takes no model, year, rating or standard, and no short or unsigned number', () => {
    expect(findSerialRun(read('2008 r. 5-60 A 230 B 50 Ty'))).toBeNull();
    expect(findSerialRun(read('TOCT 31818.11-2012'))).toBeNull();
    expect(findSerialRun(read('MEPKYPUN 206 RN'))).toBeNull();
    expect(findSerialRun(read('Ne 2019'))).toBeNull();
    expect(findSerialRun(read('1600 umn/kBT-4'))).toBeNull();
    expect(findSerialRun(read('Ne 12345678 2019'))?.digits).toBe('12345678');
  });

  it('takes a row that is one long number alone, unsigned', () => {
    expect(findSerialRun(read('04381226'))).toMatchObject({ digits: '04381226', signed: false });
    expect(findSerialRun(read('0438122'))).toBeNull();
    expect(findSerialRun(read('I» 003926667109'))).toMatchObject({ digits: '003926667109', signed: false });
    expect(findSerialRun(read('Jo 0706783086'))).toMatchObject({ digits: '0706783086', signed: false });
    expect(findSerialRun(read('[ce 041329717007'))).toMatchObject({ digits: '041329717007', signed: false });
    expect(findSerialRun(read('ГОСТ 31818112012'))).toBeNull();
    expect(findSerialRun(read('TOCT 31818112012'))).toBeNull();
    expect(findSerialRun(read('3as. 0653277065'))?.digits).toBe('0653277065');
    expect(findSerialRun(read('fo 793910739020 .'))).toMatchObject({ digits: '793910739020', signed: false });
    expect(findSerialRun(read('fo 793910739020 .1'))).toBeNull();
    expect(findSerialRun(read('183327104 |'))).toBeNull();
    expect(findSerialRun(read('| Mm 071018108'))).toMatchObject({ digits: '071018108', signed: false });
    expect(findSerialRun(read('I | Mm 071018108'))).toBeNull();
    expect(findSerialRun(read('B 50 Tu 12345678'))).toBeNull();
    expect(findSerialRun(read('2024 r. 5-60 A 1600'))).toBeNull();
  });
});

describe('serialFromReads', () => {
  const run = { digits: '50135401', signed: true, x0: 0, x1: 80 };
  it('takes the digit-only read when both reads agree and every digit is sure', () => {
    expect(serialFromReads(run, read('50135401', 0.93))).toEqual({ serial: '50135401', confidence: 0.93 });
  });

  it('drops one digit in front that the whole-row read shows to be the end of the sign', () => {
    expect(serialFromReads(run, read('250135401', 0.93))).toEqual({ serial: '50135401', confidence: 0.93 });
    expect(serialFromReads(run, read('22250135401', 0.93))).toBeNull();
  });

  it('drops two digits in front that a sign printed against the digits reads as, where the whole-row read saw the sign', () => {
    expect(serialFromReads(run, read('1050135401', 0.93))).toEqual({ serial: '50135401', confidence: 0.93 });
    expect(serialFromReads({ ...run, signed: false }, read('1050135401', 0.93))).toBeNull();
  });

  it('drops one digit in front of the whole-row run that the digit-only read shows to be the sign', () => {
    const signAsDigit = { digits: '70196549', signed: false, x0: 0, x1: 80, confidences: [0.89, ...Array(7).fill(0.93)] };
    const doubtedFirst = read('0196549', 0.98);
    doubtedFirst.symbols[0]!.confidence = 0.55;
    expect(serialFromReads(signAsDigit, doubtedFirst)).toEqual({ serial: '0196549', confidence: 0.837 });
    expect(serialFromReads(signAsDigit, read('0196548', 0.98))).toBeNull();
    expect(serialFromReads({ ...signAsDigit, digits: '770196549' }, read('0196549', 0.98))).toBeNull();
  });

  it('drops a first digit after the sign that the two reads give differently, where they agree on the rest: the raised o of a №', () => {
    const signed = { digits: '92603521095', signed: true, x0: 0, x1: 110, confidences: [0.82, ...Array(10).fill(0.99)] };
    expect(serialFromReads(signed, read('02603521095', 0.99))).toEqual({ serial: '2603521095', confidence: 0.99 });
    expect(serialFromReads({ ...signed, signed: false }, read('02603521095', 0.99))).toBeNull();
    expect(serialFromReads(signed, read('02603521096', 0.99))).toBeNull();
  });

  it('takes a digit the digit-only read doubts when the whole-row read gave the same digits surely', () => {
    const doubtedFirst = read('50135401', 0.93);
    doubtedFirst.symbols[0]!.confidence = 0.14;
    expect(serialFromReads({ ...run, confidences: Array(8).fill(0.9) }, doubtedFirst)).toEqual({ serial: '50135401', confidence: 0.9 });
    expect(serialFromReads({ ...run, confidences: [0.3, ...Array(7).fill(0.9)] }, doubtedFirst)).toBeNull();
    expect(serialFromReads(run, doubtedFirst)).toBeNull();
    const other = read('50185401', 0.95);
    expect(serialFromReads({ ...run, confidences: Array(8).fill(0.99) }, other)).toBeNull();
  });

  it('is unsure when the reads disagree or a digit is unsure', () => {
    expect(serialFromReads(run, read('50185401', 0.95))).toBeNull();
    const weak = read('50135401', 0.95);
    weak.symbols[3]!.confidence = 0.4;
    expect(serialFromReads(run, weak)).toBeNull();
    expect(serialFromReads(run, read('5013', 0.95))).toBeNull();
  });
});
