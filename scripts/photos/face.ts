// What a meter face is: an SVG in design units plus where its display sits and what it truly shows.
import type { Rng } from './rng.js';
import { esc, rect, shade, svgDoc, text } from './svg.js';

export type Display = 'drum' | 'lcd';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Label {
  display: Display;
  /** Integer part of the reading; null when the photo cannot be read (set by the scene). */
  reading: number | null;
  /** Integer digits as shown, leading zeros kept, blanks dropped. */
  digits: string | null;
  serial: string | null;
  model: string;
  zone: 't1' | 't2' | null;
  unit: 'kWh' | 'Gcal';
  notes: string[];
}

export interface Face {
  /** Design size; the SVG is rendered at any pixel width. */
  width: number;
  height: number;
  defs: string;
  body: string;
  /** The counter window / LCD glass in design units. */
  window: Box;
  /** Where the serial is printed (to keep glare off it or on it). */
  serialBox: Box;
  label: Label;
}

export function faceSvg(face: Face, pxWidth: number): string {
  const pxHeight = (pxWidth * face.height) / face.width;
  return svgDoc(pxWidth, pxHeight, face.width, face.height, face.body, face.defs);
}

/** What the customer asked for, or what the CLI drew at random. Missing fields are drawn from the seed. */
export interface FaceSpec {
  display?: Display;
  model?: string;
  /** Integer digits the counter shows, leading zeros included ("004512"); its length is the counter's width. */
  digits?: string;
  serial?: string;
  zone?: 't1' | 't2' | null;
  unit?: 'kWh' | 'Gcal';
  year?: number;
}

export const PLASTICS = ['#dcdcd6', '#e8e6df', '#cfd2cf', '#d8d2c2', '#f0efe9', '#bfc3c4', '#c9c1ad', '#e2e4e4', '#9ea3a6'];

export interface Plate {
  maker: string;
  model: string;
  serial: string;
  year: number;
  current: string;
  imp: string;
  klass: string;
  gost: string[];
}

export function plateText(rng: Rng, model: string, maker: string, spec: FaceSpec, heat = false): Plate {
  const serialLen = rng.pick([7, 8, 8, 9, 10]);
  let serial = spec.serial ?? '';
  if (!serial) for (let i = 0; i < serialLen; i++) serial += String(i === 0 ? rng.int(0, 3) : rng.int(0, 9));
  return {
    maker,
    model,
    serial,
    year: spec.year ?? rng.int(1998, 2024),
    current: heat ? rng.pick(['Ду 15', 'Ду 20', 'qp 0,6 м³/ч', 'qp 1,5 м³/ч']) : rng.pick(['5(60) А', '10(100) А', '5(50) А', '5(80) А', '10(40) А', '5-60 А']),
    imp: heat ? rng.pick(['t 5…90 °C', 'Δt 3…85 K', 'IP54']) : rng.pick(['3200 имп/кВт·ч', '1600 imp/kWh', '6400 имп/(кВт·ч)', '1000 имп/кВт·ч', '800 imp/kWh']),
    klass: heat ? rng.pick(['Класс 2', 'кл. С', 'EN 1434 кл.2']) : rng.pick(['Кл. 1,0', 'Кл.т. 1', '1', 'Кл. 2,0', 'класс точности 1']),
    gost: heat
      ? rng.pick([['ГОСТ Р 51649-2014'], ['ГОСТ Р ЕН 1434-1-2011', 'ГОСТ 51649-2014']])
      : rng.pick([['ГОСТ 31818.11-2012', 'ГОСТ 31819.21-2012'], ['ГОСТ 31819.21-2012'], ['ГОСТ 6570-96'], ['ГОСТ Р 52322-2005', 'ГОСТ Р 52320-2005']]),
  };
}

/** A barcode with its digits printed under it (often the serial again). */
export function barcode(rng: Rng, x: number, y: number, w: number, h: number, digits: string, ink: string): string {
  const bars: string[] = [];
  let cx = x;
  const unit = w / 95;
  while (cx < x + w - unit * 3) {
    const bw = unit * rng.int(1, 3);
    bars.push(rect(cx, y, bw, h * 0.8, ink));
    cx += bw + unit * rng.int(1, 3);
  }
  bars.push(text(x + w / 2, y + h, digits, { size: h * 0.17, family: 'DejaVu Sans Mono', anchor: 'middle', fill: ink, spacing: h * 0.03 }));
  return bars.join('');
}

/** The printed data block: ratings, standards, year, serial. Returns its SVG and the serial's box. */
export function plateBlock(rng: Rng, p: Plate, x: number, y: number, w: number, ink: string): { svg: string; serialBox: Box; height: number } {
  const s = w / 26;
  const fam = rng.pick(['DejaVu Sans', 'Liberation Sans', 'DejaVu Sans Condensed', 'Liberation Sans Narrow']);
  const parts: string[] = [];
  let cy = y + s * 1.2;
  const serialText = rng.pick([`№ ${p.serial}`, `№${p.serial}`, `Зав. № ${p.serial}`, `No ${p.serial}`]);
  const serialSize = s * rng.range(1.05, 1.5);
  const lines: [string, number, boolean][] = [];
  const specs = rng.pick([
    [`${p.current}   220 В   50 Гц`, p.imp],
    [`220 В  ${p.current}`, `50 Гц  ${p.imp}`],
    [`${p.imp}`, `230 В   ${p.current}   50 Hz`],
  ]);
  const serialFirst = rng.chance(0.5);
  if (serialFirst) lines.push([serialText, serialSize, true]);
  for (const l of specs) lines.push([l, s, false]);
  lines.push([`${p.klass}`, s, false]);
  if (!serialFirst) lines.push([serialText, serialSize, true]);
  lines.push([rng.chance(0.6) ? `${p.year}` : `${p.year} г.`, s * 1.1, false]);
  let serialBox: Box = { x, y, w, h: s };
  for (const [l, size, isSerial] of lines) {
    parts.push(text(x, cy, l, { size, family: fam, fill: ink, weight: isSerial && rng.chance(0.5) ? 'bold' : 'normal' }));
    if (isSerial) serialBox = { x, y: cy - size, w: size * 0.62 * l.length, h: size * 1.2 };
    cy += size * 1.45;
  }
  for (const g of p.gost) {
    parts.push(text(x, cy, g, { size: s * 0.8, family: fam, fill: ink }));
    cy += s * 1.15;
  }
  return { svg: parts.join(''), serialBox, height: cy - y };
}

/** Screws, a seal with its own number, a verification sticker: numbers and marks that are not the reading. */
export function clutter(rng: Rng, fw: number, fh: number, ink: string, plastic: string): string {
  const parts: string[] = [];
  const r = fw * 0.025;
  for (const [sx, sy] of [[0.07, 0.05], [0.93, 0.05], [0.07, 0.95], [0.93, 0.95]] as const) {
    if (!rng.chance(0.7)) continue;
    const cx = sx * fw, cy = sy * fh;
    parts.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="${shade(plastic, -50)}"/>`);
    const a = rng.range(0, Math.PI);
    parts.push(`<line x1="${cx - Math.cos(a) * r * 0.8}" y1="${cy - Math.sin(a) * r * 0.8}" x2="${cx + Math.cos(a) * r * 0.8}" y2="${cy + Math.sin(a) * r * 0.8}" stroke="#222" stroke-width="${r * 0.25}"/>`);
  }
  if (rng.chance(0.45)) {
    // A verification / seal sticker with its own number.
    const sw = fw * rng.range(0.22, 0.3), sh = sw * 0.45;
    const sx = rng.pick([fw * 0.06, fw - sw - fw * 0.06]), sy = fh * rng.range(0.78, 0.86);
    const col = rng.pick(['#f4f1e6', '#e9f0f7', '#f7e9a8']);
    parts.push(`<g transform="rotate(${rng.range(-6, 6).toFixed(1)} ${sx + sw / 2} ${sy + sh / 2})">${rect(sx, sy, sw, sh, col, `stroke="#777" stroke-width="1"`)}` +
      text(sx + sw / 2, sy + sh * 0.4, rng.pick(['ПЛОМБА', 'ПОВЕРКА', 'ДЭК', 'ОПЛОМБИРОВАНО']), { size: sh * 0.22, anchor: 'middle', weight: 'bold', fill: '#1d3f8a' }) +
      text(sx + sw / 2, sy + sh * 0.78, rng.pick([`№ ${rng.int(100000, 9999999)}`, `${rng.int(1, 4)} кв. ${rng.int(2015, 2024)}`, `${String(rng.int(1, 28)).padStart(2, '0')}.${String(rng.int(1, 12)).padStart(2, '0')}.${rng.int(2016, 2024)}`]), { size: sh * 0.26, anchor: 'middle', fill: '#222' }) +
      '</g>');
  }
  if (rng.chance(0.3)) {
    // A handwritten marker note, as owners and fitters do.
    parts.push(text(fw * rng.range(0.55, 0.7), fh * rng.range(0.88, 0.94), rng.pick(['кв 45', 'кв. 12', 'Гараж', `${rng.int(1, 120)}`, 'подъезд 2']), { size: fw * 0.05, family: 'DejaVu Serif', italic: true, fill: rng.pick(['#1b2a6b', '#111', '#222']), opacity: 0.8 }));
  }
  void ink;
  return parts.join('');
}

/** Wear on a window: fine scratches and a dusty film, from its own random stream. */
export function windowWear(wear: Rng, x: number, y: number, w: number, h: number): string {
  const out: string[] = [];
  for (let i = wear.int(0, 5); i > 0; i--) {
    const x1 = x + wear.range(0, w), y1 = y + wear.range(0, h);
    const len = wear.range(0.05, 0.4) * w, a = wear.range(-0.6, 0.6);
    out.push(`<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${(x1 + Math.cos(a) * len).toFixed(1)}" y2="${(y1 + Math.sin(a) * len).toFixed(1)}" stroke="#fff" stroke-opacity="${wear.range(0.08, 0.25).toFixed(2)}" stroke-width="${wear.range(0.6, 2).toFixed(1)}"/>`);
  }
  if (wear.chance(0.4)) out.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#d8d2c0" opacity="${wear.range(0.04, 0.12).toFixed(2)}"/>`);
  return out.join('');
}

export function logo(x: number, y: number, s: string, size: number, fill: string, rng: Rng): string {
  return text(x, y, s, { size, family: rng.pick(['DejaVu Sans', 'Liberation Sans', 'DejaVu Sans Condensed']), weight: 'bold', fill, anchor: 'middle', spacing: rng.range(0, size * 0.12) });
}

export { esc };
