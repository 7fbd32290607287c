// Mechanical drum counters (Меркурий 201, СО-505 / СО-И446, Энергомера СЕ101, Нева 101): a window of
// rotating drums, the last one or two red (tenths), the right-hand drum sometimes caught mid-turn.
import type { Face, FaceSpec } from './face.js';
import { barcode, clutter, logo, plateBlock, plateText, PLASTICS, windowWear } from './face.js';
import type { Rng } from './rng.js';
import { rect, shade, text } from './svg.js';

interface DrumModel {
  model: string;
  maker: string;
  intDigits: number[];
  decimals: number[];
  /** Face aspect (height / width). */
  aspect: [number, number];
}

const MODELS: DrumModel[] = [
  { model: 'МЕРКУРИЙ 201.5', maker: 'ИНКОТЕКС', intDigits: [6], decimals: [1], aspect: [1.25, 1.45] },
  { model: 'МЕРКУРИЙ 201.2', maker: 'ИНКОТЕКС', intDigits: [5, 6], decimals: [1], aspect: [1.25, 1.45] },
  { model: 'СО-505', maker: 'ЛЭМЗ', intDigits: [5, 6], decimals: [1], aspect: [1.0, 1.2] },
  { model: 'СО-И446', maker: 'Энергомера', intDigits: [4, 5], decimals: [1], aspect: [1.1, 1.3] },
  { model: 'СЕ101 R5 145 M6', maker: 'ЭНЕРГОМЕРА', intDigits: [6], decimals: [1], aspect: [1.2, 1.4] },
  { model: 'СЕ101 S6 145 M6', maker: 'ЭНЕРГОМЕРА', intDigits: [6], decimals: [1, 2], aspect: [1.2, 1.4] },
  { model: 'НЕВА 101 1S0', maker: 'ТАЙПИТ', intDigits: [6], decimals: [1], aspect: [1.3, 1.5] },
  { model: 'СОЭ-52/60', maker: 'ЭНЕРГОМЕРА', intDigits: [5, 6], decimals: [1, 2], aspect: [1.05, 1.25] },
];

const FONTS: { family: string; weight: 'normal' | 'bold'; width: number }[] = [
  { family: 'DejaVu Sans', weight: 'bold', width: 0.66 },
  { family: 'DejaVu Sans', weight: 'normal', width: 0.64 },
  { family: 'DejaVu Sans Condensed', weight: 'bold', width: 0.58 },
  { family: 'DejaVu Sans Condensed', weight: 'normal', width: 0.57 },
  { family: 'Liberation Sans Narrow', weight: 'bold', width: 0.46 },
  { family: 'Liberation Sans Narrow', weight: 'normal', width: 0.46 },
  { family: 'Liberation Mono', weight: 'normal', width: 0.6 },
  { family: 'DejaVu Sans Mono', weight: 'bold', width: 0.6 },
  { family: 'Liberation Sans', weight: 'bold', width: 0.56 },
  { family: 'DejaVu Serif Condensed', weight: 'bold', width: 0.58 },
];

export function randomDigits(rng: Rng, n: number): string {
  const significant = rng.int(Math.min(3, n), n);
  let s = String(rng.int(1, 9));
  for (let i = 1; i < significant; i++) s += String(rng.int(0, 9));
  return s.padStart(n, '0');
}

export function drumFace(rng: Rng, spec: FaceSpec): Face {
  const m = spec.model ? (MODELS.find((x) => x.model === spec.model) ?? { ...rng.pick(MODELS), model: spec.model }) : rng.pick(MODELS);
  const nInt = spec.digits?.length ?? rng.pick(m.intDigits);
  const nDec = rng.pick(m.decimals);
  const digits = spec.digits ?? randomDigits(rng, nInt);
  const W = 1000;
  const H = Math.round(W * rng.range(m.aspect[0], m.aspect[1]));
  const plastic = rng.pick(PLASTICS);
  const dark = parseInt(plastic.slice(1, 3), 16) < 170;
  const ink = dark ? '#f2f2f2' : rng.pick(['#111', '#1a1a1a', '#202a3a']);
  const whiteDrums = rng.chance(0.3);
  const font = rng.pick(FONTS);
  const notes: string[] = [`${nInt}+${nDec} drums`, whiteDrums ? 'black-on-white drums' : 'white-on-black drums', `font ${font.family} ${font.weight}`];
  const p = plateText(rng, m.model, m.maker, spec);

  const defs: string[] = [];
  const parts: string[] = [];
  const rx = W * rng.range(0.02, 0.06);
  parts.push(rect(0, 0, W, H, plastic, `rx="${rx}"`));
  // Moulded edge: lighter top-left, darker bottom-right.
  defs.push(`<linearGradient id="edge" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.25"/><stop offset="0.5" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.25"/></linearGradient>`);
  parts.push(rect(W * 0.02, W * 0.02, W * 0.96, H - W * 0.04, 'none', `rx="${rx * 0.8}" stroke="url(#edge)" stroke-width="${W * 0.012}"`));

  // Title block.
  const top = H * rng.range(0.05, 0.09);
  parts.push(logo(W / 2, top + W * 0.05, p.maker, W * rng.range(0.045, 0.06), rng.pick([ink, '#1d3f8a', '#8a1d1d']), rng));
  parts.push(text(W / 2, top + W * 0.13, p.model, { size: W * rng.range(0.05, 0.07), anchor: 'middle', weight: 'bold', fill: ink, family: rng.pick(['DejaVu Sans', 'Liberation Sans', 'DejaVu Sans Condensed']) }));

  // Counter window.
  const n = nInt + nDec;
  const winW = W * rng.range(0.62, 0.8);
  const pad = winW * 0.03;
  const cellW = (winW - 2 * pad) / n;
  const cellH = cellW * rng.range(1.35, 1.7);
  const winH = cellH + 2 * pad;
  const winX = (W - winW) / 2 + W * rng.range(-0.04, 0.04);
  const winY = top + W * 0.2;
  const bezel = rng.pick(['#111', '#2b2b2b', shade(plastic, -70), '#3a3d40']);
  parts.push(rect(winX - pad * 1.5, winY - pad * 1.5, winW + pad * 3, winH + pad * 3, bezel, `rx="${pad}"`));
  parts.push(rect(winX, winY, winW, winH, '#050505'));
  const drumBase = whiteDrums ? rng.pick(['#f2f1ea', '#e8e6dc', '#fafafa']) : rng.pick(['#1b1b1b', '#242424', '#101010', '#2a2623']);
  const digitInk = whiteDrums ? rng.pick(['#0d0d0d', '#1a1a1a']) : rng.pick(['#f4f4f0', '#e6e6de', '#ffffff']);
  const redStyle = rng.pick(['redDrum', 'redDigit', 'redFrame'] as const);
  notes.push(`decimal style ${redStyle}`);
  defs.push(`<linearGradient id="cyl" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="0.85"/><stop offset="0.28" stop-color="#000" stop-opacity="0.15"/><stop offset="0.5" stop-color="#fff" stop-opacity="${rng.range(0, 0.12).toFixed(2)}"/><stop offset="0.72" stop-color="#000" stop-opacity="0.15"/><stop offset="1" stop-color="#000" stop-opacity="0.85"/></linearGradient>`);

  // Drum positions: the tenths drum turns continuously; a turning integer drum carries leftwards through 9s.
  const decimals = Array.from({ length: nDec }, () => rng.int(0, 9));
  const turning = rng.chance(0.3);
  const turnFrac = turning ? rng.range(0.3, 0.7) : 0;
  const offsets = Array.from({ length: n }, () => rng.range(-0.05, 0.05));
  if (turning) {
    offsets[nInt - 1] = turnFrac;
    for (let i = nInt - 2; i >= 0 && digits[i + 1] === '9'; i--) offsets[i] = turnFrac;
    decimals[0] = 9;
    offsets[nInt] = rng.range(0.1, 0.6);
    notes.push(`last integer drum between ${digits[nInt - 1]} and ${(Number(digits[nInt - 1]) + 1) % 10} (label is the lower)`);
  }
  // Wear comes from its own stream so the rest of the face stays as the seed always drew it.
  const wear = rng.fork('wear');
  const fontSize = Math.min(cellH * rng.range(0.55, 0.7), (cellW * 0.82) / font.width);
  const pitch = fontSize * rng.range(1.25, 1.45);
  for (let i = 0; i < n; i++) {
    const x = winX + pad + i * cellW;
    const gap = cellW * rng.range(0.06, 0.12);
    const isDec = i >= nInt;
    const d = isDec ? decimals[i - nInt]! : Number(digits[i]);
    let bg = drumBase;
    let fg = digitInk;
    if (isDec && redStyle === 'redDrum') { bg = rng.pick(['#a8161c', '#c21f1f', '#8e1010']); fg = '#f6f0ee'; }
    if (isDec && redStyle === 'redDigit') fg = rng.pick(['#c81e1e', '#d42a1a']);
    defs.push(`<clipPath id="c${i}"><rect x="${x + gap / 2}" y="${winY + pad}" width="${cellW - gap}" height="${cellH}"/></clipPath>`);
    const cy = winY + pad + cellH / 2;
    const glyphs: string[] = [rect(x + gap / 2, winY + pad, cellW - gap, cellH, bg)];
    const off = offsets[i]!;
    // Worn paint: some drums' digits are a little paler than their neighbours'.
    const drumInk = wear.chance(0.3) ? wear.range(0.75, 0.95) : 1;
    for (const k of [-1, 0, 1, 2]) {
      const dk = (((d + k) % 10) + 10) % 10;
      const gy = cy + (k - off) * pitch + fontSize * 0.36;
      glyphs.push(text(x + cellW / 2, gy, String(dk), { size: fontSize, family: font.family, weight: font.weight, fill: fg, anchor: 'middle', opacity: drumInk }));
    }
    glyphs.push(rect(x + gap / 2, winY + pad, cellW - gap, cellH, 'url(#cyl)'));
    parts.push(`<g clip-path="url(#c${i})">${glyphs.join('')}</g>`);
    if (isDec && redStyle === 'redFrame' && i === nInt) {
      parts.push(rect(x, winY + pad * 0.4, cellW * nDec, cellH + pad * 1.2, 'none', `stroke="#c21f1f" stroke-width="${pad * 0.5}"`));
    }
  }
  if (rng.chance(0.4)) parts.push(`<circle cx="${winX + pad + nInt * cellW}" cy="${winY + winH - pad * 1.4}" r="${pad * 0.5}" fill="#ddd"/>`);
  // The drums sit behind the glass: the window's upper edge shades them.
  defs.push(`<linearGradient id="inset" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="${wear.range(0.3, 0.7).toFixed(2)}"/><stop offset="1" stop-color="#000" stop-opacity="0"/></linearGradient>`);
  parts.push(rect(winX, winY, winW, winH * wear.range(0.15, 0.35), 'url(#inset)'));
  parts.push(windowWear(wear, winX, winY, winW, winH));
  // Glass: a faint reflection band across the window.
  const gx = winX + winW * rng.range(0.1, 0.7);
  parts.push(`<polygon points="${gx},${winY} ${gx + winW * 0.12},${winY} ${gx + winW * 0.04},${winY + winH} ${gx - winW * 0.08},${winY + winH}" fill="#fff" opacity="${rng.range(0.03, 0.14).toFixed(2)}"/>`);
  const unitText = rng.pick(['кВт·ч', 'кВт ч', 'kWh', 'кВт·ч']);
  const unitRight = winX + winW + pad * 2.5 + W * 0.04 * 3.2 < W * 0.97 && rng.chance(0.7);
  parts.push(text(unitRight ? winX + winW + pad * 2.5 : winX + winW, unitRight ? winY + winH * 0.6 : winY + winH + pad * 4.5, unitText, { size: W * 0.04, fill: ink, anchor: unitRight ? 'start' : 'end', family: 'DejaVu Sans' }));
  if (rng.chance(0.4)) parts.push(text(winX, winY + winH + pad * 4.5, rng.pick(['×1', 'x1', '1 : 1']), { size: W * 0.035, fill: ink }));

  // LED, plate block, barcode.
  const blockY = winY + winH + W * 0.1;
  const ledX = W * rng.range(0.72, 0.85);
  parts.push(`<circle cx="${ledX}" cy="${blockY}" r="${W * 0.015}" fill="${rng.pick(['#5a1010', '#e0342a', '#3a0d0d'])}"/>`);
  parts.push(text(ledX, blockY + W * 0.05, rng.pick(['ЭНЕРГИЯ', 'имп.', 'СЕТЬ', 'imp']), { size: W * 0.025, anchor: 'middle', fill: ink }));
  const block = plateBlock(rng, p, W * 0.1, blockY, W * rng.range(0.55, 0.68), ink);
  parts.push(block.svg);
  const bcY = blockY + block.height + W * 0.03;
  if (bcY + W * 0.12 < H * 0.93 && rng.chance(0.7)) parts.push(barcode(rng, W * 0.1, bcY, W * 0.4, W * 0.1, rng.chance(0.6) ? p.serial : String(rng.int(1e8, 9e8)), ink === '#f2f2f2' ? '#111' : ink));
  parts.push(clutter(rng, W, H, ink, plastic));

  return {
    width: W,
    height: H,
    defs: defs.join(''),
    body: parts.join(''),
    window: { x: winX, y: winY, w: winW, h: winH },
    serialBox: block.serialBox,
    label: { display: 'drum', reading: Number(digits), digits, serial: p.serial, model: m.model, zone: null, unit: 'kWh', notes },
  };
}
