// LCD meters (Меркурий 200/230, Энергомера СЕ102, Нева МТ; flat heat meters showing Гкал): seven-segment
// digits with a decimal point, tariff marker, unit, ghost segments on some glass.
import type { Face, FaceSpec } from './face.js';
import { barcode, clutter, logo, plateBlock, plateText, PLASTICS, windowWear } from './face.js';
import type { Rng } from './rng.js';
import { digitSvg } from './seven-segment.js';
import { rect, shade, text } from './svg.js';
import { randomDigits } from './drum.js';

interface LcdModel {
  model: string;
  maker: string;
  heat: boolean;
  positions: number[];
  decimals: number[];
  tariffs: boolean;
}

const MODELS: LcdModel[] = [
  { model: 'МЕРКУРИЙ 200.02', maker: 'ИНКОТЕКС', heat: false, positions: [8], decimals: [2], tariffs: true },
  { model: 'МЕРКУРИЙ 230 ART-01', maker: 'ИНКОТЕКС', heat: false, positions: [8], decimals: [2], tariffs: true },
  { model: 'МЕРКУРИЙ 201.8', maker: 'ИНКОТЕКС', heat: false, positions: [7, 8], decimals: [1, 2], tariffs: false },
  { model: 'СЕ102 R5.1 145-A', maker: 'ЭНЕРГОМЕРА', heat: false, positions: [8], decimals: [2], tariffs: true },
  { model: 'СЕ102М S7 145-JV', maker: 'ЭНЕРГОМЕРА', heat: false, positions: [7, 8], decimals: [1, 2], tariffs: true },
  { model: 'НЕВА МТ 114 AS OP', maker: 'ТАЙПИТ', heat: false, positions: [8], decimals: [2], tariffs: true },
  { model: 'НЕВА 103 1S0', maker: 'ТАЙПИТ', heat: false, positions: [7], decimals: [1], tariffs: false },
  { model: 'ПУЛЬСАР', maker: 'ТЕПЛОВОДОХРАН', heat: true, positions: [7, 8], decimals: [3], tariffs: false },
  { model: 'SANEXT Mono RM', maker: 'SANEXT', heat: true, positions: [8], decimals: [3, 4], tariffs: false },
  { model: 'СТК-15 ТЕПЛО', maker: 'ТЕПЛОКОМ', heat: true, positions: [7], decimals: [3], tariffs: false },
];

const GLASS = ['#b7c2a5', '#aab5a0', '#c4c9bb', '#b9bcb8', '#a7ada8', '#9fb0b5', '#c2c7b4', '#a9c58a'];

export function lcdFace(rng: Rng, spec: FaceSpec): Face {
  const wantHeat = spec.unit === 'Gcal';
  const pool = MODELS.filter((m) => (spec.unit ? m.heat === wantHeat : true) && (spec.zone ? m.tariffs : true));
  const m = spec.model ? (MODELS.find((x) => x.model === spec.model) ?? { ...rng.pick(pool), model: spec.model }) : rng.pick(pool);
  const nDec = rng.pick(m.decimals);
  const positions = Math.max(rng.pick(m.positions), (spec.digits?.length ?? 0) + nDec);
  const nInt = positions - nDec;
  const digits = spec.digits ?? (m.heat ? randomDigits(rng, rng.int(1, 3)).padStart(nInt, '0') : randomDigits(rng, nInt));
  if (digits.length > nInt) throw new Error(`digits ${digits} do not fit ${nInt} integer positions`);
  const blanks = rng.chance(0.35);
  const shownInt = blanks ? String(Number(digits)).padStart(nInt, ' ') : digits.padStart(nInt, '0');
  const decimals = Array.from({ length: nDec }, () => String(rng.int(0, 9))).join('');
  const zone = spec.zone !== undefined ? spec.zone : m.tariffs && rng.chance(0.6) ? rng.pick(['t1', 't2'] as const) : null;

  const W = 1000;
  const H = Math.round(W * (m.heat ? rng.range(0.8, 1.05) : rng.range(1.15, 1.45)));
  const plastic = rng.pick(PLASTICS);
  const ink = parseInt(plastic.slice(1, 3), 16) < 170 ? '#f2f2f2' : rng.pick(['#111', '#1a1a1a', '#202a3a']);
  const p = plateText(rng, m.model, m.maker, spec, m.heat);
  const defs: string[] = [];
  const parts: string[] = [];
  const rx = W * rng.range(0.02, 0.08);
  parts.push(rect(0, 0, W, H, plastic, `rx="${rx}"`));
  defs.push(`<linearGradient id="edge" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.25"/><stop offset="0.5" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.25"/></linearGradient>`);
  parts.push(rect(W * 0.02, W * 0.02, W * 0.96, H - W * 0.04, 'none', `rx="${rx * 0.8}" stroke="url(#edge)" stroke-width="${W * 0.012}"`));
  const top = H * rng.range(0.04, 0.08);
  parts.push(logo(W / 2, top + W * 0.05, p.maker, W * rng.range(0.04, 0.055), rng.pick([ink, '#1d3f8a', '#0f6a3a']), rng));
  parts.push(text(W / 2, top + W * 0.12, p.model, { size: W * rng.range(0.045, 0.06), anchor: 'middle', weight: 'bold', fill: ink }));

  // The glass.
  const winW = W * rng.range(0.66, 0.84);
  const winX = (W - winW) / 2;
  const winY = top + W * 0.22;
  const cellW = (winW * 0.8) / positions;
  const digitH = cellW * rng.range(1.6, 1.9);
  const winH = digitH * rng.range(1.9, 2.3);
  const glass = rng.pick(GLASS);
  defs.push(`<linearGradient id="glass" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${shade(glass, 12)}"/><stop offset="1" stop-color="${shade(glass, -14)}"/></linearGradient>`);
  parts.push(rect(winX - W * 0.025, winY - W * 0.025, winW + W * 0.05, winH + W * 0.05, rng.pick(['#2b2b2b', '#5a5d60', shade(plastic, -60)]), `rx="${W * 0.015}"`));
  parts.push(rect(winX, winY, winW, winH, 'url(#glass)'));
  const segInk = rng.pick(['#141a14', '#1b1d22', '#222a20', '#0d0f10']);
  const faded = rng.chance(0.2);
  const ghost = rng.chance(0.55) ? rng.range(0.04, 0.13) : 0;
  const style = { thick: rng.range(0.14, 0.22), gap: rng.range(0.01, 0.03), sevenWithF: rng.chance(0.3), sixNoTail: rng.chance(0.15), nineNoTail: rng.chance(0.15) };
  const skew = rng.chance(0.75) ? -rng.range(4, 11) : 0;
  const dx0 = winX + winW * 0.05;
  const dy0 = winY + (winH - digitH) * rng.range(0.45, 0.62);
  const glyphs: string[] = [];
  const chars = shownInt + decimals;
  for (let i = 0; i < positions; i++) {
    const x = dx0 + i * cellW + cellW * 0.1;
    glyphs.push(digitSvg(chars[i] ?? ' ', x, dy0, cellW * 0.8, digitH, style, segInk, ghost));
    const dp = i === nInt - 1;
    if (dp || ghost > 0) {
      const r = cellW * style.thick * rng.range(0.8, 1.0);
      glyphs.push(`<rect x="${x + cellW * 0.86 - r / 2}" y="${dy0 + digitH - r}" width="${r}" height="${r}" fill="${segInk}" opacity="${dp ? 1 : ghost}"/>`);
    }
  }
  const centreX = dx0 + (positions * cellW) / 2, centreY = dy0 + digitH / 2;
  parts.push(`<g opacity="${faded ? rng.range(0.5, 0.7).toFixed(2) : rng.range(0.85, 0.97).toFixed(2)}" transform="translate(${centreX} ${centreY}) skewX(${skew.toFixed(1)}) translate(${-centreX} ${-centreY})">${glyphs.join('')}</g>`);

  // Unit and tariff markers on the glass.
  const unitText = m.heat ? rng.pick(['Гкал', 'GCal', 'Гкал']) : rng.pick(['кВт·ч', 'кВт ч', 'kWh', 'кВт·ч']);
  const smallH = digitH * 0.3;
  parts.push(text(dx0 + positions * cellW + cellW * 0.15, dy0 + digitH, unitText, { size: smallH, fill: segInk, family: 'DejaVu Sans Condensed' }));
  if (ghost > 0 && !m.heat) parts.push(text(dx0 + positions * cellW + cellW * 0.15, dy0 + digitH * 0.55, 'кВар', { size: smallH * 0.9, fill: segInk, family: 'DejaVu Sans Condensed', opacity: ghost }));
  const legendY = winY + (dy0 - winY) * 0.6;
  if (m.tariffs) {
    const style2 = rng.pick(['text', 'triangle'] as const);
    for (let t = 1; t <= 4; t++) {
      const tx = dx0 + (t - 1) * cellW * 1.2;
      const active = zone === `t${t}`;
      if (style2 === 'text') {
        if (active || ghost > 0) parts.push(text(tx, legendY, `T${t}`, { size: smallH, fill: segInk, weight: 'bold', opacity: active ? 0.95 : ghost }));
      } else {
        parts.push(text(tx, winY - W * 0.035, `T${t}`, { size: smallH * 0.8, fill: ink }));
        if (active || ghost > 0) parts.push(`<polygon points="${tx},${winY + W * 0.01} ${tx + smallH * 0.7},${winY + W * 0.01} ${tx + smallH * 0.35},${winY + W * 0.01 + smallH * 0.6}" fill="${segInk}" opacity="${active ? 0.95 : ghost}"/>`);
      }
    }
  }
  if (m.heat && rng.chance(0.6)) parts.push(text(dx0, legendY, rng.pick(['Q', 'E', 'ΣQ']), { size: smallH, fill: segInk, weight: 'bold' }));
  parts.push(windowWear(rng.fork('wear'), winX, winY, winW, winH));
  const gx = winX + winW * rng.range(0.1, 0.7);
  parts.push(`<polygon points="${gx},${winY} ${gx + winW * 0.15},${winY} ${gx + winW * 0.05},${winY + winH} ${gx - winW * 0.1},${winY + winH}" fill="#fff" opacity="${rng.range(0.02, 0.12).toFixed(2)}"/>`);

  // Buttons, LEDs, plate.
  const blockY = winY + winH + W * 0.11;
  if (rng.chance(0.7)) {
    const bx = W * rng.range(0.7, 0.8);
    parts.push(`<circle cx="${bx}" cy="${blockY}" r="${W * 0.035}" fill="${rng.pick(['#2f5fa8', '#333', '#b9b9b9', '#1f7a3f'])}"/>`);
    parts.push(text(bx, blockY + W * 0.075, rng.pick(['КАДР', 'ПРСМ', 'ВВОД', 'SET']), { size: W * 0.026, anchor: 'middle', fill: ink }));
  }
  const ledX = W * rng.range(0.7, 0.85), ledY = blockY + W * 0.17;
  if (!m.heat) {
    parts.push(`<circle cx="${ledX}" cy="${ledY}" r="${W * 0.014}" fill="${rng.pick(['#5a1010', '#e0342a', '#3a0d0d'])}"/>`);
    parts.push(text(ledX, ledY + W * 0.05, rng.pick([p.imp.split(' ')[0] ?? '3200', 'имп.', 'P']), { size: W * 0.025, anchor: 'middle', fill: ink }));
  }
  const block = plateBlock(rng, p, W * 0.09, blockY - W * 0.02, W * rng.range(0.52, 0.62), ink);
  parts.push(block.svg);
  const bcY = blockY + block.height + W * 0.01;
  if (bcY + W * 0.12 < H * 0.94 && rng.chance(0.6)) parts.push(barcode(rng, W * 0.09, bcY, W * 0.4, W * 0.1, rng.chance(0.6) ? p.serial : String(rng.int(1e8, 9e8)), ink === '#f2f2f2' ? '#111' : ink));
  parts.push(clutter(rng, W, H, ink, plastic));

  const notes = [`${positions} positions, ${nDec} decimals`, blanks ? 'leading blanks' : 'leading zeros', ghost > 0 ? 'ghost segments' : 'no ghost segments', `shown "${shownInt.trim()}.${decimals}"`];
  if (faded) notes.push('faded contrast');
  if (zone) notes.push(`tariff ${zone.toUpperCase()} shown`);
  return {
    width: W, height: H,
    defs: defs.join(''),
    body: parts.join(''),
    window: { x: winX, y: winY, w: winW, h: winH },
    serialBox: block.serialBox,
    label: { display: 'lcd', reading: Number(digits), digits: shownInt.trim(), serial: p.serial, model: m.model, zone, unit: m.heat ? 'Gcal' : 'kWh', notes },
  };
}
