// Layout of a deskewed display crop: which ink the digits have, the digit boxes of the integer part, and
// what was dropped as decimals (red drums, digits after an LCD point). Pure: pixels in, boxes and flags out.
import type { BinaryImage } from './binarise.js';
import { binariseSauvola, dilate } from './binarise.js';
import type { Blob } from './find-blobs.js';
import { blobCx, blobCy, blobHeight, blobWidth, findBlobs, mergeFragments, union } from './find-blobs.js';
import type { Ink } from './find-display-candidates.js';
import type { GreyImage } from './grey-image.js';
import { invert, toGrey } from './grey-image.js';
import type { BlobRow } from './group-blob-rows.js';
import { describeRow, groupBlobRows, isDigitShaped, median } from './group-blob-rows.js';
import { estimateShear } from './read-seven-segment.js';
import type { RawImage } from './types.js';

export interface DisplayLayout {
  ink: Ink;
  /** The crop in grey with dark ink on light ground, and its binarisation (1 = ink). */
  grey: GreyImage;
  bin: BinaryImage;
  /** Boxes of the integer digits, left to right. */
  digits: Blob[];
  /** Placeholders for digits that could not be seen (parallel to digits): read as any digit. */
  unknown: boolean[];
  /** Digits dropped as decimals and why. */
  dropped: number;
  decimalsBy: 'red' | 'point' | null;
  row: BlobRow;
  /** Each digit sits in its own cell of the other ink (drum faces): a counter, not faceplate print. */
  inCells: boolean;
  /** Things that make the digit count or the digits doubtful. */
  flags: LayoutFlags;
}

export interface LayoutFlags {
  /** The row reaches the crop's edge: digits may continue outside it. */
  touchesBorder: boolean;
  /** A gap of about one digit inside the integer part (an unreadable or half-turned drum). */
  missingDigit: boolean;
  /** Ink of about a digit just beyond either end of the row: a digit may be missing there. */
  rowContinues: boolean;
  /** A character of about digit height just left of the first digit (№, a letter): a line of faceplate text. */
  textBefore: boolean;
  /** Digit-sized blobs on the row's line that did not fit it (a half-turned drum, a smudge, a letter). */
  strays: number;
  /** A red blob that is not at the right end. */
  redInside: boolean;
  /** Blown-out pixels on or beside the row: a digit may be hidden. */
  glare: boolean;
}

/** Both inks are tried: the candidate's ink may be the drums' white faces rather than their dark digits. */
export function analyseDisplayCrop(crop: RawImage, inkHint: Ink, expectedHeight: number): DisplayLayout | null {
  const base = toGrey(crop, Math.max(crop.width, crop.height)).grey;
  const options = (['bright', 'dark'] as const).map((ink) => layoutFor(crop, base, ink, expectedHeight)).filter((l) => l !== null);
  for (const l of [...options]) {
    // A row of solid light blocks is a row of white drums: read the dark digits inside each one.
    if (l.ink === 'bright' && rowFill(l.row) > 0.62) {
      const inCells = layoutInCells(crop, base, l, expectedHeight);
      if (inCells) return inCells;
    }
  }
  if (options.length === 0) return null;
  if (options.length === 2) {
    const [bright, dark] = options as [DisplayLayout, DisplayLayout];
    // Digits inside the other ink's blobs are the real digits (dark digits printed on white drums).
    if (containsMost(bright.digits, dark.digits) && !solidLikeCounters(dark.digits)) return { ...dark, inCells: true };
    if (containsMost(dark.digits, bright.digits) && !solidLikeCounters(bright.digits)) return { ...bright, inCells: true };
  }
  return options.sort((a, b) => layoutScore(b, inkHint, crop.height) - layoutScore(a, inkHint, crop.height))[0]!;
}

function rowFill(row: BlobRow): number {
  return row.blobs.reduce((a, b) => a + b.area / (blobWidth(b) * blobHeight(b)), 0) / row.blobs.length;
}

/** Dark digits inside the light cells of `cells` (white drums); red cells at the right end are decimals. */
export function layoutInCells(crop: RawImage, grey: GreyImage, cells: DisplayLayout, h: number): DisplayLayout | null {
  const bin = binariseSauvola(grey, Math.round(1.2 * h));
  const boxes = cells.row.blobs;
  const inCell = boxes.map((cell) => digitInCell(bin, cell));
  const red = boxes.map((b, i) => isRed(crop, b, cells.row.pitch) || inkIsRed(crop, bin, inCell[i] ?? inset(b, 0.12)));
  let end = boxes.length;
  while (end > 0 && red[end - 1]) end--;
  const digits: Blob[] = [];
  let blank = false;
  for (const d of inCell.slice(0, end)) {
    if (d) digits.push(d); else blank = true;
  }
  if (digits.length < 3) return null;
  // A drum's digit fills most of its face's height; the counters of bold light digits (the holes of 0, 6, 8, 9,
  // taken for dark digits inside light cells) fill about half of the digit or less.
  const fills = inCell.flatMap((d, i) => (d ? [blobHeight(d) / blobHeight(boxes[i]!)] : []));
  if (median(fills) < 0.5 || solidLikeCounters(digits)) return null;
  const row = describeRow(digits);
  const crowded = cells.row.blobs[0]!.x0 < 0.2 * row.pitch || cells.row.blobs[boxes.length - 1]!.x1 > crop.width - 0.2 * row.pitch;
  return {
    ink: 'dark', grey, bin, digits, unknown: digits.map(() => false), dropped: boxes.length - end, decimalsBy: end < boxes.length ? 'red' : null, row, inCells: true,
    flags: { touchesBorder: crowded, missingDigit: blank || hasGap(digits, row.pitch), rowContinues: false, strays: 0, textBefore: false, redInside: red.slice(0, end).some(Boolean), glare: glareShare(grey, row) > 0.03 },
  };
}

/**
 * Blobs that fill most of their boxes are the counters of bold light digits (the holes of 0, 6, 9, 4), not dark
 * digits: a digit's strokes cover about a third to a half of its box, a counter's oval three quarters or more.
 */
export function solidLikeCounters(blobs: Blob[]): boolean {
  if (blobs.length === 0) return false;
  return median(blobs.map((b) => b.area / Math.max(1, blobWidth(b) * blobHeight(b)))) > 0.7;
}

/** The ink inside a cell, away from its edges: the union of blobs at least a third of the cell tall. */
function digitInCell(bin: BinaryImage, cell: Blob): Blob | null {
  const mx = Math.max(2, Math.round(0.1 * blobWidth(cell))), my = Math.max(2, Math.round(0.06 * blobHeight(cell)));
  const x0 = cell.x0 + mx, y0 = cell.y0 + my, w = blobWidth(cell) - 2 * mx, hh = blobHeight(cell) - 2 * my;
  if (w < 4 || hh < 8) return null;
  const data = new Uint8Array(w * hh);
  for (let y = 0; y < hh; y++) for (let x = 0; x < w; x++) data[y * w + x] = bin.data[(y + y0) * bin.width + x + x0]!;
  const parts = findBlobs({ data, width: w, height: hh }, 6).filter((b) => blobHeight(b) >= 0.3 * hh && b.x0 > 0 && b.x1 < w);
  if (parts.length === 0) return null;
  const u = parts.reduce(union);
  return { x0: u.x0 + x0, y0: u.y0 + y0, x1: u.x1 + x0, y1: u.y1 + y0, area: u.area };
}

function layoutScore(l: DisplayLayout, hint: Ink, height: number): number {
  const centred = 1 - Math.min(1, Math.abs(l.row.intercept + l.row.slope * 0 - height / 2) / height);
  return l.row.score * (l.ink === hint ? 1.15 : 1) * centred;
}

export function layoutFor(crop: RawImage, base: GreyImage, ink: Ink, h: number): DisplayLayout | null {
  const grey = ink === 'bright' ? invert(base) : base;
  const bin = binariseSauvola(grey, Math.round(1.2 * h));
  const plain = findBlobs(bin, 8).filter((b) => blobHeight(b) < 1.7 * h && blobWidth(b) < 1.7 * h);
  const rowOf = (all: Blob[]): { row: BlobRow; all: Blob[] } | null => {
    const shaped = all.filter((b) => isDigitShaped(b, 0.55 * h, 1.6 * h) || (ink === 'dark' && isSegmentOne(b, h)));
    const cells = ink === 'dark' ? asCells(shaped, h) : new Map(shaped.map((b) => [b, b]));
    const grouped = groupBlobRows([...cells.keys()], { maxSlope: 0.12 })
      .find((r) => Math.abs(r.intercept + r.slope * (crop.width / 2) - crop.height / 2) < 0.6 * h);
    if (!grouped) return null;
    // Digits of one display are of one width: a blob much wider than the others is two digits run together.
    const joined = grouped.blobs.some((b) => blobWidth(b) > 1.3 * median(grouped.blobs.map(blobWidth)));
    return { row: { ...describeRow(grouped.blobs.map((b) => cells.get(b)!)), score: grouped.score * (joined ? 0.7 : 1) }, all };
  };
  let found: { row: BlobRow; all: Blob[] } | null = null;
  // Undilated keeps touching neighbours apart; dilated joins the segments of LCD digits. Take the better row.
  const dilated = (r: number) => shrink(findBlobs(dilate(bin, r), 8), r, bin).filter((b) => blobHeight(b) < 1.7 * h && blobWidth(b) < 1.7 * h);
  for (const all of [mergeFragments(plain, 0.25, 0.5, true), dilated(2)]) {
    const candidate = rowOf(all);
    if (candidate && (!found || candidate.row.score > found.row.score * 1.05)) found = candidate;
  }
  // A condensed LCD font sets its digits close: dilated by 2 they run together, undilated a narrow 1 or a digit
  // touching a mark above it falls out of the row. Dilated by 1, a row that keeps every digit of the one found and
  // adds more at its ends is the longer view of the same display.
  if (ink === 'dark' && found) {
    const finer = rowOf(dilated(1));
    if (finer && extendsRow(found.row, finer.row)) found = finer;
  }
  if (!found) return null;
  const row = extendRow(bin, found.all, found.row);
  const slots = withGapSlots(row, plain);
  const last = row.blobs[row.blobs.length - 1]!;
  // A turning drum right after the last digit (and no red drum at the end): a digit to read from its pieces.
  const turningAfter = ink === 'bright' && !isRed(crop, last, row.pitch) && hasShiftedPiece(crop, plain, row, last.x1 + 0.1 * row.height, last.x1 + 1.2 * row.pitch);
  if (turningAfter) {
    const w = median(row.blobs.map(blobWidth));
    const y0 = Math.round(median(row.blobs.map((b) => b.y0))), y1 = Math.round(median(row.blobs.map((b) => b.y1)));
    // A drum turning from 9 to 0 turns the one before it too: a second turning drum may follow the first.
    for (let k = 1; k <= 2; k++) {
      const cx = blobCx(last) + k * row.pitch;
      const slot = { x0: Math.round(cx - w / 2), y0, x1: Math.round(cx + w / 2), y1, area: 0 };
      const before = cx - row.pitch + 0.5 * w;
      // The second is no red decimal drum (those turn all the time): no red face or frame in it or just before it.
      const pad = Math.round(0.2 * (y1 - y0));
      const redBefore = redShare(crop, Math.round(cx - 0.6 * row.pitch), Math.round(cx), y0 - pad, y1 + pad) > 0.04;
      if (k === 2 && (isRed(crop, slot, row.pitch) || redBefore || !hasShiftedPiece(crop, plain, row, before + 0.1 * row.height, before + 1.2 * row.pitch))) break;
      slots.boxes.push(slot);
      slots.unknown.push(true);
    }
  }
  const redFlags = slots.boxes.map((b, i) => !slots.unknown[i] && isRed(crop, b, row.pitch));
  let end = slots.boxes.length;
  while (end > 0 && redFlags[end - 1]) end--;
  const redInside = redFlags.slice(0, end).some(Boolean);
  let digits = slots.boxes.slice(0, end);
  let unknown = slots.unknown.slice(0, end);
  let decimalsBy: DisplayLayout['decimalsBy'] = end < slots.boxes.length ? 'red' : null;
  const point = end === slots.boxes.length && !unknown.some(Boolean) ? findDecimalPointAny(bin, plain, digits, row, ink) : -1;
  if (point >= 0) { digits = digits.slice(0, point + 1); unknown = unknown.slice(0, point + 1); decimalsBy = 'point'; }
  if (digits.length === 0) return null;
  const known = digits.filter((_, i) => !unknown[i]);
  const refitted = refitBoxes(plain, clipToBand(bin, known), row);
  digits = digits.map((d, i) => (unknown[i] ? d : refitted[known.indexOf(d)]!));
  return {
    ink, grey, bin, digits, unknown, dropped: slots.boxes.length - digits.length, decimalsBy, row, inCells: false,
    flags: {
      // A turning drum placed after the row counts: the crop may end inside the next one.
      touchesBorder: row.blobs[0]!.x0 < 0.2 * row.pitch || Math.max(row.blobs[row.blobs.length - 1]!.x1, slots.boxes[slots.boxes.length - 1]!.x1) > crop.width - 0.2 * row.pitch,
      missingDigit: unknown.some(Boolean),
      // Past a decimal point there are only decimals: ink beyond the row's right end or beside it there is no
      // integer digit missed.
      rowContinues: rowContinues(crop, bin, row, ink, plain, turningAfter || decimalsBy === 'point'),
      strays: countStrays(found.all, row, h, decimalsBy === 'point' ? digits[digits.length - 1]!.x1 : Infinity, digits.filter((_, i) => unknown[i])),
      textBefore: textBefore(plain, row),
      redInside,
      glare: glareShare(base, row, ink) > 0.03,
    },
  };
}

/**
 * A seven-segment 1: its two right-hand segments joined into one upright, thinner than the hairline limit of
 * other digits (a stroke an eighth of the digit's height or less), but solid ink and of the digits' height.
 */
export function isSegmentOne(b: Blob, h: number): boolean {
  const bh = blobHeight(b), w = blobWidth(b);
  return bh >= 0.8 * h && bh <= 1.3 * h && w >= 2 && bh / w > 7 && bh / w <= 14 && b.area >= 0.5 * bh * w;
}

/**
 * Blobs as the cells they stand in, for finding the row: a seven-segment 1 is drawn at the right of its cell, so
 * its own narrow box would break the row's even pitch. Maps each cell to its blob.
 */
function asCells(blobs: Blob[], h: number): Map<Blob, Blob> {
  const wide = blobs.filter((b) => blobWidth(b) >= 0.3 * blobHeight(b));
  if (wide.length < 2) return new Map(blobs.map((b) => [b, b]));
  const w = median(wide.map(blobWidth)), top = median(wide.map((b) => b.y0)), bottom = median(wide.map((b) => b.y1));
  // Its segments are also a little shorter than the digit: the cell reaches the others' top and bottom.
  const cell = (b: Blob): Blob => ({ ...b, x0: Math.min(b.x0, Math.round(b.x1 - w)), y0: Math.min(b.y0, top), y1: Math.max(b.y1, bottom) });
  return new Map(blobs.map((b) => [blobWidth(b) < 0.6 * w && Math.abs(blobCy(b) - (top + bottom) / 2) < 0.2 * h ? cell(b) : b, b]));
}

/**
 * The row's boxes with a placeholder wherever a digit is missing (a gap of about one pitch or more): a
 * half-turned drum, a digit under glare. Placeholders are read as "any digit".
 */
function withGapSlots(row: BlobRow, plain: Blob[]): { boxes: Blob[]; unknown: boolean[] } {
  const boxes: Blob[] = [];
  const unknown: boolean[] = [];
  const w = median(row.blobs.map(blobWidth));
  const y0 = Math.round(median(row.blobs.map((b) => b.y0))), y1 = Math.round(median(row.blobs.map((b) => b.y1)));
  row.blobs.forEach((b, i) => {
    if (i > 0) {
      const a = row.blobs[i - 1]!;
      const span = blobCx(b) - blobCx(a);
      // An LCD's decimal point widens the gap it stands in: that is no missing digit.
      const point = findDecimalPoint(plain, [a, b], row) === 0;
      const missing = point ? 0 : Math.max(0, Math.round(span / row.pitch) - 1);
      for (let k = 1; k <= missing; k++) {
        const cx = blobCx(a) + (k * span) / (missing + 1);
        boxes.push({ x0: Math.round(cx - w / 2), y0, x1: Math.round(cx + w / 2), y1, area: 0 });
        unknown.push(true);
      }
    }
    boxes.push(b);
    unknown.push(false);
  });
  return { boxes, unknown };
}

/**
 * Takes in a blob next to either end of the row that stands on the row's baseline but reaches above it (a label
 * such as T1 printed over the first digit joins it): cut to the row's band it is a digit like the others.
 */
function extendRow(bin: BinaryImage, blobs: Blob[], row: BlobRow): BlobRow {
  let members = row.blobs;
  for (let pass = 0; pass < 2; pass++) {
    const h = median(members.map(blobHeight));
    const top = median(members.map((b) => b.y0)), baseline = median(members.map((b) => b.y1));
    const first = members[0]!, last = members[members.length - 1]!;
    const fits = (b: Blob, side: 'left' | 'right'): boolean => {
      const dx = side === 'left' ? blobCx(first) - blobCx(b) : blobCx(b) - blobCx(last);
      return dx > 0.6 * row.pitch && dx < 1.5 * row.pitch && Math.abs(b.y1 - baseline) < 0.15 * h && b.y0 < top - 0.15 * h && blobHeight(b) < 2 * h;
    };
    const add = (side: 'left' | 'right'): Blob | null => {
      const b = blobs.find((c) => !members.includes(c) && fits(c, side));
      if (!b) return null;
      const [cut] = clipToBand(bin, [b], Math.round(top - 0.08 * h), Math.round(baseline + 0.08 * h));
      return cut && blobHeight(cut) > 0.8 * h && blobWidth(cut) < 1.2 * h ? cut : null;
    };
    const l = add('left'), r = add('right');
    if (!l && !r) break;
    members = [...(l ? [l] : []), ...members, ...(r ? [r] : [])];
  }
  return members === row.blobs ? row : describeRow(members);
}

/** Boxes cut to the row's band: a label just above a digit (T1, an arrow) must not become part of it. */
function clipToBand(bin: BinaryImage, digits: Blob[], bandTop?: number, bandBottom?: number): Blob[] {
  const h = median(digits.map(blobHeight));
  const top = bandTop ?? Math.round(median(digits.map((d) => d.y0)) - 0.1 * h);
  const bottom = bandBottom ?? Math.round(median(digits.map((d) => d.y1)) + 0.1 * h);
  return digits.map((d) => {
    if (d.y0 >= top && d.y1 <= bottom) return d;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, area = 0;
    for (let y = Math.max(d.y0, top); y < Math.min(d.y1, bottom); y++) {
      for (let x = d.x0; x < d.x1; x++) {
        if (bin.data[y * bin.width + x] !== 1) continue;
        area++; x0 = Math.min(x0, x); x1 = Math.max(x1, x + 1); y0 = Math.min(y0, y); y1 = Math.max(y1, y + 1);
      }
    }
    return area === 0 ? d : { x0, y0, x1, y1, area };
  });
}

/**
 * Each digit's box joined with the fragments lying wholly in its slot on the row's band: a blob may hold only
 * part of an LCD digit (segments that did not join) or of a drum digit cut by glare.
 */
function refitBoxes(fragments: Blob[], digits: Blob[], row: BlobRow): Blob[] {
  const top = Math.min(...digits.map((d) => d.y0)) - 0.12 * row.height;
  const bottom = Math.max(...digits.map((d) => d.y1)) + 0.12 * row.height;
  return digits.map((d, i) => {
    const left = i > 0 ? digits[i - 1]!.x1 : d.x0 - 0.08 * row.height;
    const right = i + 1 < digits.length ? digits[i + 1]!.x0 : d.x1 + 0.08 * row.height;
    let box = d;
    for (const f of fragments) {
      if (f.x0 < left || f.x1 > right || f.y0 < top || f.y1 > bottom) continue;
      if (blobHeight(f) < 0.08 * row.height || f.area < 6) continue;
      if (f.x0 >= box.x0 && f.x1 <= box.x1 && f.y0 >= box.y0 && f.y1 <= box.y1) continue;
      box = union(box, f);
    }
    return box.x1 - box.x0 <= 1.1 * row.height ? box : d;
  });
}

/**
 * Share of blown-out pixels (≥ 250) in the row's band, widened by a digit on each side. Light digits on a dark
 * ground (drum windows) are often blown out themselves, and the faceplate beyond the window is light: there only
 * the ground between the first and the last digit counts, outside the digits' boxes, where a spot of glare
 * stands out. Dark ink on a light ground has no such ground to tell glare by: the whole band counts.
 */
export function glareShare(grey: GreyImage, row: BlobRow, ink: Ink = 'dark'): number {
  const first = row.blobs[0]!, last = row.blobs[row.blobs.length - 1]!;
  const widen = ink === 'bright' ? 0 : row.pitch;
  const x0 = Math.max(0, Math.round(first.x0 - widen)), x1 = Math.min(grey.width, Math.round(last.x1 + widen));
  const y0 = Math.max(0, Math.round(Math.min(...row.blobs.map((b) => b.y0)))), y1 = Math.min(grey.height, Math.round(Math.max(...row.blobs.map((b) => b.y1))));
  const inDigit = (x: number, y: number) => ink === 'bright' && row.blobs.some((d) => x >= d.x0 && x < d.x1 && y >= d.y0 && y < d.y1);
  let hot = 0, n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    if (inDigit(x, y)) continue;
    n++;
    if (grey.data[y * grey.width + x]! >= 250) hot++;
  }
  return n === 0 ? 0 : hot / n;
}

/** Boxes found on a dilated mask, shrunk back and refitted to the ink they hold. */
function shrink(blobs: Blob[], r: number, bin: BinaryImage): Blob[] {
  return blobs.map((b) => {
    const x0 = Math.min(b.x0 + r, b.x1 - 1), x1 = Math.max(b.x1 - r, x0 + 1);
    const y0 = Math.min(b.y0 + r, b.y1 - 1), y1 = Math.max(b.y1 - r, y0 + 1);
    let area = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) area += bin.data[y * bin.width + x]!;
    return { x0, y0, x1, y1, area };
  });
}

/**
 * A decimal drum: red background (much red behind the digit), red ink, or a red frame (red on both sides of
 * the digit — a neighbour's frame shows on one side only).
 */
export function isRed(crop: RawImage, b: Blob, pitch: number): boolean {
  if (crop.channels !== 3) return false;
  const padX = Math.max(2, Math.round(0.18 * pitch)), padY = Math.round(0.2 * blobHeight(b));
  const y0 = Math.max(0, b.y0 - padY), y1 = Math.min(crop.height, b.y1 + padY);
  const inside = redShare(crop, b.x0, b.x1, y0, y1);
  // The frame's sides lie about half a pitch from the digit's centre, whatever the digit's width ("1").
  const cx = blobCx(b);
  const left = redShare(crop, Math.round(Math.min(b.x0 - padX, cx - 0.6 * pitch)), Math.round(Math.min(b.x0, cx - 0.3 * pitch)), y0, y1);
  const right = redShare(crop, Math.round(Math.max(b.x1, cx + 0.3 * pitch)), Math.round(Math.max(b.x1 + padX, cx + 0.6 * pitch)), y0, y1);
  // A frame around several decimal drums shows on one side of each, but above and below all of them — drawn round
  // the drums' window, as far as four fifths of a digit from the digit itself.
  const bh = blobHeight(b);
  const above = redShare(crop, b.x0, b.x1, Math.round(b.y0 - 0.95 * bh), Math.round(b.y0 - 0.05 * bh));
  const below = redShare(crop, b.x0, b.x1, Math.round(b.y1 + 0.05 * bh), Math.round(b.y1 + 0.95 * bh));
  return inside > 0.06 || (left > 0.04 && right > 0.04) || (above > 0.04 && below > 0.04);
}

function redShare(crop: RawImage, x0: number, x1: number, y0: number, y1: number): number {
  let red = 0, n = 0;
  for (let y = Math.max(0, y0); y < Math.min(crop.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(crop.width, x1); x++) {
      const i = (y * crop.width + x) * 3;
      const r = crop.data[i]!, g = crop.data[i + 1]!, bl = crop.data[i + 2]!;
      if ((r > 90 && r > 1.6 * g && r > 1.4 * bl) || isDarkRed(r, g, bl)) red++;
      n++;
    }
  }
  return n === 0 ? 0 : red / n;
}

/**
 * Red in a dim photo: a red drum in the shade of a cabinet or a dark display window is dark red (r 40–80), with
 * hardly any green or blue. A red hue keeps that ratio however dark; brown and wood keep a third or more of it.
 */
export function isDarkRed(r: number, g: number, b: number): boolean {
  return r >= 40 && r > 3 * Math.max(g, b);
}

function inset(b: Blob, f: number): Blob {
  const dx = Math.round(f * blobWidth(b)), dy = Math.round(f * blobHeight(b));
  return { x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 - dx, y1: b.y1 - dy, area: b.area };
}

/** Most ink pixels of the box are red: a red digit printed on a white drum. */
function inkIsRed(crop: RawImage, bin: BinaryImage, b: Blob): boolean {
  if (crop.channels !== 3) return false;
  let red = 0, ink = 0;
  for (let y = b.y0; y < b.y1; y++) {
    for (let x = b.x0; x < b.x1; x++) {
      if (bin.data[y * bin.width + x] !== 1) continue;
      const i = (y * crop.width + x) * 3;
      const r = crop.data[i]!, g = crop.data[i + 1]!, bl = crop.data[i + 2]!;
      ink++;
      if ((r > 80 && r > 1.5 * g && r > 1.3 * bl) || isDarkRed(r, g, bl)) red++;
    }
  }
  return ink >= 6 && red >= 0.4 * ink;
}

/** A separate point blob on either display; a point touching its digit only on LCDs (dark segments). */
function findDecimalPointAny(bin: BinaryImage, plain: Blob[], digits: Blob[], row: BlobRow, ink: Ink): number {
  const byBlob = findDecimalPoint(plain, digits, row);
  if (byBlob >= 0 || ink === 'bright') return byBlob;
  return findDecimalPointByProfile(bin, digits, row, estimateShear(bin, digits));
}

/**
 * A decimal point touching its digit: ink on the baseline, between two digits' slanted edges, with no ink above
 * it in the digit's middle rows. Returns the index of the digit before the point, or −1.
 */
export function findDecimalPointByProfile(bin: BinaryImage, digits: Blob[], row: BlobRow, shear: number): number {
  const h = row.height;
  const baseline = median(digits.map((d) => d.y1));
  const top = median(digits.map((d) => d.y0));
  const yc = (top + baseline) / 2;
  const xs = (x: number, y: number): number => x + shear * (y - yc);
  const stroke = strokeWidth(bin, digits);
  // The digits' edges in the rows of the lower vertical segments (c, e), just above where a point sits.
  const extent = (d: Blob, side: 'left' | 'right'): number => {
    let v = side === 'left' ? Infinity : -Infinity;
    for (let y = Math.round(d.y0 + 0.5 * h); y < Math.round(d.y0 + 0.8 * h); y++) for (let x = Math.max(0, d.x0 - 2); x < Math.min(bin.width, d.x1 + 2); x++) {
      if (bin.data[y * bin.width + x] !== 1) continue;
      v = side === 'left' ? Math.min(v, xs(x, y)) : Math.max(v, xs(x, y));
    }
    return v;
  };
  for (let i = Math.max(0, digits.length - 4); i < digits.length - 1; i++) {
    const d = digits[i]!, next = digits[i + 1]!;
    const right = extent(d, 'right'), left = extent(next, 'left');
    if (!Number.isFinite(right) || !Number.isFinite(left) || left - right < 0.12 * h) continue;
    // Without a lower-right segment (a 2) the bottom bar would look like a point beside it: no decision there.
    if (right - xs(d.x0, d.y0 + 0.7 * h) < 0.6 * (d.x1 - d.x0)) continue;
    let base = 0, above = 0;
    const columns = new Set<number>();
    for (let y = Math.round(baseline - 0.4 * h); y < Math.min(bin.height, Math.round(baseline + 0.05 * h)); y++) {
      const inBase = y >= baseline - 0.2 * h;
      // Runs of ink on this row: a point is a short run ending beyond the digit's edge, not the end of a bottom bar.
      let x = Math.max(0, d.x0);
      while (x < Math.min(bin.width, next.x0 + 2)) {
        if (bin.data[y * bin.width + x] !== 1) { x++; continue; }
        const start = x;
        while (x < bin.width && bin.data[y * bin.width + x] === 1) x++;
        const beyond: number[] = [];
        for (let k = start; k < x; k++) { const v = xs(k, y); if (v > right + 0.5 && v < left - 1) beyond.push(Math.round(v)); }
        if (beyond.length === 0) continue;
        if (!inBase) { above += beyond.length; continue; }
        if (x - start > 0.3 * h || xs(start, y) < (xs(d.x0, y) + right) / 2) continue;
        // A point may touch the next glyph, but ink from that glyph's box edge on wider than a point (two strokes) is
        // its bottom bar jutting out under the gap: a 3, 5 or 9 has no lower-left segment to end the gap above it
        // (649089.69 read 64908.969).
        if (start >= next.x0 && x - start > 2 * stroke) continue;
        base += beyond.length;
        beyond.forEach((v) => columns.add(v));
      }
    }
    if (base >= 4 && columns.size >= 2 && above <= 0.25 * base) return i;
  }
  return -1;
}

/** The segments' thickness: the median run of ink across the digits' rows above and below the middle bar. */
export function strokeWidth(bin: BinaryImage, digits: Blob[]): number {
  const runs: number[] = [];
  for (const d of digits) {
    const h = blobHeight(d);
    for (let y = Math.round(d.y0 + 0.2 * h); y < Math.round(d.y0 + 0.8 * h); y++) {
      if (y >= d.y0 + 0.4 * h && y < d.y0 + 0.6 * h) continue;
      let run = 0;
      for (let x = d.x0; x <= d.x1; x++) {
        if (x < d.x1 && bin.data[y * bin.width + x] === 1) { run++; continue; }
        if (run > 0) runs.push(run);
        run = 0;
      }
    }
  }
  return median(runs);
}

/**
 * Ink of about a digit just beyond either end of the row: a digit the row did not take in (a label above it,
 * glare, a half-turned drum). On light-on-dark drums any such ink counts; on LCDs only a free-standing
 * digit shape does (unit labels sit beside the digits). Red slots are decimal drums, not missed digits.
 */
export function rowContinues(crop: RawImage, bin: BinaryImage, row: BlobRow, ink: Ink, blobs: Blob[], leftOnly = false): boolean {
  const top = median(row.blobs.map((b) => b.y0)), bottom = median(row.blobs.map((b) => b.y1));
  const h = bottom - top;
  const first = row.blobs[0]!, last = row.blobs[row.blobs.length - 1]!;
  const slots: [number, number][] = [[first.x0 - 1.2 * row.pitch, first.x0 - 0.08 * h]];
  if (!leftOnly) slots.push([last.x1 + 0.08 * h, last.x1 + 1.2 * row.pitch]);
  const yTop = Math.max(0, Math.round(top - 0.15 * h)), yBottom = Math.min(bin.height, Math.round(bottom + 0.15 * h));
  return slots.some(([a, b]) => {
    const xa = Math.max(0, Math.round(a)), xb = Math.min(bin.width, Math.round(b));
    if (xb - xa < 0.2 * h) return false;
    const slotBox = { x0: xa, y0: Math.round(top), x1: xb, y1: Math.round(bottom), area: 0 };
    if (isRed(crop, inset(slotBox, 0.05), row.pitch)) return false;
    if (ink === 'bright' && hasShiftedPiece(crop, blobs, row, xa, xb)) return true;
    if (ink === 'bright') {
      // Any digit-sized piece of ink near the row's line (window frames are too tall to be among the blobs).
      const area = median(row.blobs.map((b) => b.area));
      const mid = (top + bottom) / 2;
      if (blobs.some((p) => blobCx(p) > xa && blobCx(p) < xb && blobHeight(p) >= 0.3 * h && blobHeight(p) <= 1.5 * h &&
        p.area >= 0.3 * area && Math.abs(blobCy(p) - mid) < 1.1 * h && !isRed(crop, p, row.pitch))) return true;
    }
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, count = 0, edge = 0;
    for (let y = yTop; y < yBottom; y++) {
      for (let x = xa; x < xb; x++) {
        if (bin.data[y * bin.width + x] !== 1) continue;
        count++; x0 = Math.min(x0, x); x1 = Math.max(x1, x + 1); y0 = Math.min(y0, y); y1 = Math.max(y1, y + 1);
        if (y === yTop || y === yBottom - 1) edge++;
      }
    }
    if (count === 0) return false;
    const w = x1 - x0, hh = y1 - y0, fill = count / (w * hh);
    // A digit stands free inside the band; a window frame or a faceplate edge runs through it.
    const digit = edge <= 2 && hh >= 0.8 * h && w >= 0.2 * h && w <= 1.1 * h && fill > 0.15 && fill < 0.75;
    return digit || halfTurned(bin, xa, xb, Math.round(top), Math.round(bottom));
  });
}

/** A piece of a digit shifted up or down between xa and xb: a drum turning between two digits. */
function hasShiftedPiece(crop: RawImage, blobs: Blob[], row: BlobRow, xa: number, xb: number): boolean {
  const top = median(row.blobs.map((b) => b.y0)), bottom = median(row.blobs.map((b) => b.y1));
  const h = bottom - top;
  return blobs.some((p) => {
    const cx = blobCx(p);
    return cx > xa && cx < xb && blobHeight(p) >= 0.25 * h && blobWidth(p) >= 0.12 * h && p.y1 > top - 0.9 * h && p.y0 < bottom + 0.9 * h &&
      Math.abs(blobCy(p) - (top + bottom) / 2) > 0.3 * h && !isRed(crop, p, row.pitch);
  });
}


/**
 * A drum caught between two digits: ink in the top and bottom thirds of the slot (the end of one digit and
 * the start of the next) and little in the middle. Columns inked top to bottom (window frames) are ignored.
 */
export function halfTurned(bin: BinaryImage, x0: number, x1: number, top: number, bottom: number): boolean {
  const h = bottom - top;
  if (h < 6) return false;
  const third = [0, 0, 0];
  let columns = 0;
  for (let x = Math.max(0, x0); x < Math.min(bin.width, x1); x++) {
    const counts = [0, 0, 0];
    for (let y = Math.max(0, top); y < Math.min(bin.height, bottom); y++) counts[Math.min(2, Math.floor((3 * (y - top)) / h))]! += bin.data[y * bin.width + x]!;
    if (counts[0]! + counts[1]! + counts[2]! >= 0.85 * h) continue;
    columns++;
    for (let k = 0; k < 3; k++) third[k]! += counts[k]!;
  }
  if (columns < 0.2 * h) return false;
  const area = (columns * h) / 3;
  return third[0]! / area > 0.12 && third[2]! / area > 0.12 && third[1]! / area < 0.06;
}

/** Index of the digit followed by a decimal point (a small square blob on the baseline), or −1. */
export function findDecimalPoint(all: Blob[], digits: Blob[], row: BlobRow): number {
  const h = row.height;
  // The row's baseline, along its slope: one digit joined with a label below it (a unit) must not move it.
  const offset = median(digits.map((d) => d.y1 - row.slope * blobCx(d)));
  const small = (p: Blob): boolean => blobHeight(p) < 0.3 * h && blobWidth(p) < 0.4 * h && blobHeight(p) > 0.05 * h;
  for (let i = 0; i < digits.length - 1; i++) {
    const a = digits[i]!, b = digits[i + 1]!;
    const hit = all.some((p) => small(p) && Math.abs(p.y1 - (offset + row.slope * blobCx(p))) < 0.18 * h &&
      blobCx(p) > a.x1 - 0.25 * row.pitch && blobCx(p) < b.x0 + 0.15 * row.pitch &&
      // A point stands alone; small marks in a line are letters (a unit label under the digits).
      !all.some((q) => q !== p && small(q) && Math.abs(blobCy(q) - blobCy(p)) < 0.15 * h && Math.abs(blobCx(q) - blobCx(p)) < 0.35 * h));
    if (hit) return i;
  }
  return -1;
}

function hasGap(digits: Blob[], pitch: number): boolean {
  for (let i = 1; i < digits.length; i++) if (digits[i]!.x1 - digits[i - 1]!.x1 > 1.5 * pitch && blobCx(digits[i]!) - blobCx(digits[i - 1]!) > 1.5 * pitch) return true;
  return false;
}

/** A character of about digit height just left of the first digit, on the row's middle (№, a letter). */
export function textBefore(blobs: Blob[], row: BlobRow): boolean {
  const first = row.blobs[0]!;
  const h = row.height;
  // A hairline (a window's inner edge) is no character; nor is a smaller scrap beside the row (a line of the wall
  // behind the meter): a sign or a letter of the same line stands as tall as its digits, on their middle.
  return blobs.some((b) => !row.blobs.includes(b) && b.x1 <= first.x0 + 1 && b.x1 > first.x0 - 1.6 * row.pitch && blobWidth(b) >= 0.1 * h &&
    blobHeight(b) >= 0.7 * h && blobHeight(b) <= 1.3 * h && Math.abs(blobCy(b) - blobCy(first)) < 0.2 * h);
}

/** Digit-sized blobs on the row's line that are not its digits, from just before the row to `upToX`. Ink in a
 *  placeholder's column (`gaps`: a half-turned drum's pieces) is that digit's, doubted as a missing digit already. */
export function countStrays(all: Blob[], row: BlobRow, h: number, upToX = Infinity, gaps: Blob[] = []): number {
  const x0 = row.blobs[0]!.x0 - 0.8 * row.pitch, x1 = Math.min(upToX, row.blobs[row.blobs.length - 1]!.x1 + 0.8 * row.pitch);
  // A blob sharing most of its columns with a row digit is that digit (or the digit before it was cut to the band).
  const inRow = (b: Blob): boolean => row.blobs.some((r) => Math.min(r.x1, b.x1) - Math.max(r.x0, b.x0) > 0.5 * Math.min(blobWidth(r), blobWidth(b)));
  return all.filter((b) => !inRow(b) && blobHeight(b) >= 0.4 * h && blobHeight(b) <= 1.6 * h &&
    blobWidth(b) < 1.5 * h && blobCx(b) > x0 && blobCx(b) < x1 && !gaps.some((g) => Math.abs(blobCx(b) - blobCx(g)) < 0.3 * row.pitch) &&
    Math.abs(blobCy(b) - (row.slope * blobCx(b) + row.intercept)) < 0.35 * h).length;
}

/** `longer` holds every digit of `row`, one box each (none two of them run together), and more besides. */
export function extendsRow(row: Pick<BlobRow, 'blobs'>, longer: Pick<BlobRow, 'blobs'>): boolean {
  if (longer.blobs.length <= row.blobs.length) return false;
  const same = (l: Blob, b: Blob) => Math.min(l.x1, b.x1) - Math.max(l.x0, b.x0) > 0.5 * Math.min(blobWidth(l), blobWidth(b));
  return row.blobs.every((b) => longer.blobs.filter((l) => same(l, b)).length === 1) &&
    longer.blobs.every((l) => row.blobs.filter((b) => same(l, b)).length <= 1);
}

/** Most of `inner` lie inside the solid blobs of `outer` (drum faces), one in most of them, as digits printed on
 *  white drums do — not inside the holes of digits like 0 or 8. */
export function containsMost(outer: Blob[], inner: Blob[]): boolean {
  if (outer.length === 0 || inner.length === 0) return false;
  const fill = outer.reduce((a, b) => a + b.area / (blobWidth(b) * blobHeight(b)), 0) / outer.length;
  if (fill < 0.55) return false;
  const holds = (o: Blob, i: Blob) => i.x0 >= o.x0 - 2 && i.x1 <= o.x1 + 2 && i.y0 >= o.y0 - 2 && i.y1 <= o.y1 + 2;
  const inside = inner.filter((i) => outer.some((o) => holds(o, i)));
  if (inside.length < Math.max(2, 0.6 * inner.length)) return false;
  // Cells each hold a digit; bold digits hold only holes (the counters of 0, 4, 6, 8, 9): in a few of them, and
  // far narrower than the glyph around them.
  const holding = outer.filter((o) => inner.some((i) => holds(o, i)));
  return holding.length >= 0.6 * outer.length && median(inside.map(blobWidth)) >= 0.4 * median(holding.map(blobWidth));
}

