// Independent phone-photo renderer for the photos-holdout corpus.
// Draws Russian household meters (mechanical drum counters and seven-segment LCDs) as SVG,
// places them in a scene (wall / panel box / tiles / wood, wires, breakers), then simulates
// phone-photo conditions (rotation, shear "perspective", uneven light, glare, blur, motion blur,
// sensor noise, darkness, JPEG/PNG encoding). Deterministic: every random choice comes from a
// seeded PRNG in the spec.
import sharp from 'sharp';

export function rng(seed: number): () => number {
  let s = (seed >>> 0) || 1;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const F = `font-family="DejaVu Sans, Liberation Sans, sans-serif"`;

export type MeterKind = 'drum' | 'lcd';

export interface MeterFace {
  kind: MeterKind;
  model: string;          // e.g. "МЕРКУРИЙ 201.5"
  maker?: string;         // small line above the model
  serial: string;         // printed after "№"
  year: number;
  intPart: string;        // integer digits as shown on the counter, padded for drums (e.g. "04527")
  frac: string;           // tenths for drums (1 digit, red); decimals for LCD (1-3 digits)
  roll?: number;          // drum only: last integer drum rolled this fraction towards the next digit
  tariff?: 'Т1' | 'Т2';   // LCD tariff mark
  unit?: string;          // "кВт·ч" (default) or "Гкал"
  heat?: boolean;         // heat meter face (different labels)
  body?: 'light' | 'grey' | 'dark';
  lcdBlankLeading?: boolean; // LCD shows leading zeros as unlit segments
  condensed?: boolean;      // drum digits in a condensed face
}

export interface PhotoSpec {
  seed: number;
  face: MeterFace;
  W?: number; H?: number;       // frame, default 1600x1200
  fill: number;                 // meter height as fraction of frame height (0.2..0.95)
  rot: number;                  // degrees
  shearX?: number;              // degrees (perspective approximation)
  aspect?: number;              // horizontal squeeze, 1 = none
  cx?: number; cy?: number;     // meter centre as fraction of frame
  bg: 'wall' | 'panel' | 'tile' | 'wood';
  light?: 'even' | 'left' | 'right' | 'top' | 'spot';
  glare?: number;               // 0..1 opacity of a specular blob over the counter window
  glareSoft?: number;           // 0..1 small reflection elsewhere
  blur?: number;                // gaussian sigma in px
  motion?: number;              // horizontal motion blur length in px
  noise?: number;               // noise sigma (0..255 scale)
  dark?: number;                // brightness multiplier (1 = normal)
  quality?: number;             // JPEG quality
  format?: 'jpeg' | 'png';
  keystone?: [number, number];  // projective tilt of the phone: [horizontal, vertical] as a fraction of the frame
}

// ---------------------------------------------------------------- projective warp
// Solve the 3x3 homography mapping 4 points src -> dst (dst = H * src), by Gaussian elimination.
function homography(src: number[][], dst: number[][]): number[] {
  const A: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i], [u, v] = dst[i];
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let piv = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k < 9; k++) A[r][k] -= f * A[c][k];
    }
  }
  return [...A.map((row, i) => row[8] / row[i]), 1];
}

// Warps the whole frame as if the phone were tilted: each output pixel samples the source through the
// inverse mapping (output -> source), bilinear, edges clamped.
function warp(data: Buffer, W: number, H: number, ch: number, k: [number, number]): Buffer {
  const [kx, ky] = k;
  // the source quadrilateral lies inside the frame (narrower on the far side), so no pixel is sampled outside it
  const srcQuad = [
    [Math.max(0, ky) * W, Math.max(0, kx) * H], [W - Math.max(0, ky) * W, Math.max(0, -kx) * H],
    [W - Math.max(0, -ky) * W, H - Math.max(0, -kx) * H], [Math.max(0, -ky) * W, H - Math.max(0, kx) * H],
  ];
  const out = [[0, 0], [W, 0], [W, H], [0, H]];
  const h = homography(out, srcQuad);
  const res = Buffer.alloc(data.length);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const w = h[6] * x + h[7] * y + h[8];
      let sx = (h[0] * x + h[1] * y + h[2]) / w, sy = (h[3] * x + h[4] * y + h[5]) / w;
      sx = Math.min(W - 1.001, Math.max(0, sx)); sy = Math.min(H - 1.001, Math.max(0, sy));
      const x0 = Math.floor(sx), y0 = Math.floor(sy), fx = sx - x0, fy = sy - y0;
      const i00 = (y0 * W + x0) * ch, i10 = i00 + ch, i01 = i00 + W * ch, i11 = i01 + ch, o = (y * W + x) * ch;
      for (let c = 0; c < ch; c++) {
        res[o + c] = (data[i00 + c] * (1 - fx) + data[i10 + c] * fx) * (1 - fy) + (data[i01 + c] * (1 - fx) + data[i11 + c] * fx) * fy;
      }
    }
  }
  return res;
}

// ---------------------------------------------------------------- seven segments
const SEGS: Record<string, string> = {
  '0': 'abcdef', '1': 'bc', '2': 'abged', '3': 'abgcd', '4': 'fgbc',
  '5': 'afgcd', '6': 'afgedc', '7': 'abc', '8': 'abcdefg', '9': 'abcdfg', ' ': '', '-': 'g',
};

function segPolys(x: number, y: number, w: number, h: number, t: number): Record<string, string> {
  const g = t * 0.18; // gap between segments
  const hseg = (x0: number, x1: number, yc: number) => {
    const a = x0 + g, b = x1 - g;
    return [[a, yc], [a + t / 2, yc - t / 2], [b - t / 2, yc - t / 2], [b, yc], [b - t / 2, yc + t / 2], [a + t / 2, yc + t / 2]];
  };
  const vseg = (xc: number, y0: number, y1: number) => {
    const a = y0 + g, b = y1 - g;
    return [[xc, a], [xc + t / 2, a + t / 2], [xc + t / 2, b - t / 2], [xc, b], [xc - t / 2, b - t / 2], [xc - t / 2, a + t / 2]];
  };
  const L = x + t / 2, R = x + w - t / 2, T = y + t / 2, M = y + h / 2, B = y + h - t / 2;
  const P = (pts: number[][]) => pts.map(p => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(' ');
  return {
    a: P(hseg(L, R, T)), g: P(hseg(L, R, M)), d: P(hseg(L, R, B)),
    f: P(vseg(L, T, M)), b: P(vseg(R, T, M)), e: P(vseg(L, M, B)), c: P(vseg(R, M, B)),
  };
}

function sevenSeg(ch: string, x: number, y: number, w: number, h: number, t: number, on: string, off: string): string {
  const polys = segPolys(x, y, w, h, t);
  const lit = SEGS[ch] ?? '';
  return Object.entries(polys).map(([k, p]) => `<polygon points="${p}" fill="${lit.includes(k) ? on : off}"/>`).join('');
}

// ---------------------------------------------------------------- meter faces (local 500 x 720)
export const MW = 500, MH = 720;

function screws(): string {
  return [[40, 40], [460, 40], [40, 680], [460, 680]].map(([x, y]) =>
    `<circle cx="${x}" cy="${y}" r="11" fill="#9a9a9a" stroke="#555" stroke-width="2"/><line x1="${x - 7}" y1="${y}" x2="${x + 7}" y2="${y}" stroke="#444" stroke-width="3"/>`).join('');
}

function bodyColours(b: MeterFace['body']) {
  if (b === 'dark') return { body: '#3b3d40', plate: '#e9e7df', edge: '#202124' };
  if (b === 'grey') return { body: '#b9bcbc', plate: '#f1f0ea', edge: '#7d8080' };
  return { body: '#e4e2da', plate: '#f7f6f0', edge: '#a3a197' };
}

function plateText(f: MeterFace, y0: number): string {
  const unit = f.unit ?? 'кВт·ч';
  const lines = f.heat
    ? [`№ ${f.serial}`, `${f.year} г.`, 'Qmax 1,5 м³/ч  t 5…90 °C', 'Тепловычислитель класс С', `ЕДИНИЦЫ: ${unit}, м³, ч`]
    : [`№ ${f.serial}`, `${f.year} г.    5-60 А    230 В  50 Гц`, '1600 имп/кВт·ч', 'Класс точности 1', 'ГОСТ 31818.11-2012'];
  return lines.map((l, i) => `<text x="70" y="${y0 + i * 30}" ${F} font-size="${i === 0 ? 23 : 19}" font-weight="${i === 0 ? 'bold' : 'normal'}" fill="#222">${esc(l)}</text>`).join('');
}

export function drumFace(f: MeterFace): { svg: string; win: { x: number; y: number; w: number; h: number } } {
  const c = bodyColours(f.body ?? 'light');
  const n = f.intPart.length + 1;
  const cw = Math.min(50, 340 / n), ch = 74;
  const wx = (MW - n * cw - 16) / 2 - 20, wy = 190;
  const ww = n * cw + 16, wh = ch + 16;
  let cells = '';
  const roll = f.roll ?? 0;
  const digits = f.intPart.split('').map(Number);
  for (let i = 0; i < n; i++) {
    const x = wx + 8 + i * cw, y = wy + 8;
    const red = i === n - 1;
    const d = red ? Number(f.frac[0] ?? '0') : digits[i];
    // the last integer drum may be part-way; when it is, the tenths drum is rolling 9->0 too
    const isLastInt = i === n - 2;
    let r = 0;
    if (roll > 0 && isLastInt) r = roll;
    if (roll > 0 && red) r = roll;
    const base = red && roll > 0 ? 9 : d;
    cells += `<g clip-path="url(#cell${i})"><rect x="${x}" y="${y}" width="${cw - 3}" height="${ch}" fill="${red ? '#a5161b' : '#121212'}"/>`;
    const fs = ch * 0.78;
    const tx = x + (cw - 3) / 2;
    const ty = y + ch / 2 + fs * 0.36;
    const DF = f.condensed ? `font-family="DejaVu Sans Condensed, DejaVu Sans" font-stretch="condensed"` : F;
    cells += `<text x="${tx}" y="${ty - r * ch}" ${DF} font-size="${fs}" font-weight="bold" text-anchor="middle" fill="#f3f3ee">${base}</text>`;
    cells += `<text x="${tx}" y="${ty + (1 - r) * ch}" ${DF} font-size="${fs}" font-weight="bold" text-anchor="middle" fill="#f3f3ee">${(base + 1) % 10}</text>`;
    cells += `<text x="${tx}" y="${ty - (1 + r) * ch}" ${DF} font-size="${fs}" font-weight="bold" text-anchor="middle" fill="#f3f3ee">${(base + 9) % 10}</text>`;
    cells += `<rect x="${x}" y="${y}" width="${cw - 3}" height="${ch}" fill="url(#drumShade)"/></g>`;
  }
  const clips = Array.from({ length: n }, (_, i) =>
    `<clipPath id="cell${i}"><rect x="${wx + 8 + i * cw}" y="${wy + 8}" width="${cw - 3}" height="${ch}"/></clipPath>`).join('');
  const unit = f.unit ?? 'кВт·ч';
  const svg = `
  <defs>${clips}
    <linearGradient id="drumShade" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#000" stop-opacity="0.75"/><stop offset="0.22" stop-color="#000" stop-opacity="0"/>
      <stop offset="0.78" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.75"/>
    </linearGradient>
    <linearGradient id="cover" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#fff" stop-opacity="0.18"/><stop offset="0.5" stop-color="#fff" stop-opacity="0"/>
      <stop offset="1" stop-color="#fff" stop-opacity="0.08"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="${MW - 8}" height="${MH - 8}" rx="26" fill="${c.body}" stroke="${c.edge}" stroke-width="6"/>
  <rect x="30" y="60" width="${MW - 60}" height="440" rx="10" fill="${c.plate}" stroke="#888" stroke-width="2"/>
  ${f.maker ? `<text x="70" y="108" ${F} font-size="18" fill="#333">${esc(f.maker)}</text>` : ''}
  <text x="70" y="150" ${F} font-size="34" font-weight="bold" fill="#1a1a1a">${esc(f.model)}</text>
  <rect x="${wx - 6}" y="${wy - 6}" width="${ww + 12}" height="${wh + 12}" rx="4" fill="#6d6d6d"/>
  <rect x="${wx}" y="${wy}" width="${ww}" height="${wh}" fill="#050505"/>
  ${cells}
  <text x="${wx + ww + 10}" y="${wy + wh - 10}" ${F} font-size="22" fill="#222">${esc(unit)}</text>
  <text x="${wx + ww - 30}" y="${wy + wh + 26}" ${F} font-size="16" fill="#222">×1</text>
  <circle cx="410" cy="${wy + wh + 62}" r="9" fill="#5b1010" stroke="#333"/>
  <text x="392" y="${wy + wh + 92}" ${F} font-size="13" fill="#333">имп.</text>
  ${plateText(f, wy + wh + 60)}
  <rect x="30" y="520" width="${MW - 60}" height="170" rx="8" fill="${c.body}" stroke="${c.edge}" stroke-width="3"/>
  <rect x="210" y="600" width="80" height="40" rx="5" fill="#d8d3c0" stroke="#777"/>
  <circle cx="250" cy="620" r="8" fill="#c02020"/>
  ${screws()}
  <rect x="30" y="60" width="${MW - 60}" height="440" rx="10" fill="url(#cover)"/>`;
  return { svg, win: { x: wx, y: wy, w: ww, h: wh } };
}

export function lcdFace(f: MeterFace): { svg: string; win: { x: number; y: number; w: number; h: number } } {
  const c = bodyColours(f.body ?? 'light');
  const unit = f.unit ?? 'кВт·ч';
  const nInt = f.intPart.length, nFrac = f.frac.length;
  const n = nInt + nFrac;
  const px = 58, py = 190, pw = MW - 116, ph = 150;
  const dw = Math.min(40, (pw - 40) / (n + 0.4)), dh = dw * 1.75, t = dw * 0.2;
  const x0 = px + (pw - n * dw - 0.4 * dw) / 2, y0 = py + 46;
  const on = '#18211a', off = 'rgba(40,60,40,0.09)';
  let digits = '';
  let leading = true;
  const shown = (f.intPart + f.frac).split('');
  for (let i = 0; i < n; i++) {
    let ch = shown[i];
    if (i < nInt - 1 && ch === '0' && leading && f.lcdBlankLeading) ch = ' ';
    else leading = false;
    const x = x0 + i * dw + (i >= nInt ? 0.4 * dw : 0);
    digits += `<g transform="translate(${x + dw * 0.1},${y0}) skewX(-7) translate(${-x - dw * 0.1},${-y0})">${sevenSeg(ch, x + dw * 0.1, y0, dw * 0.82, dh, t, on, off)}</g>`;
  }
  // decimal point after the integer part
  const dpx = x0 + nInt * dw + 0.12 * dw, dpy = y0 + dh - t * 0.5;
  digits += `<rect x="${dpx}" y="${dpy - t * 0.5}" width="${t * 1.1}" height="${t * 1.1}" fill="${on}"/>`;
  const tariff = f.tariff ? `<text x="${px + 14}" y="${py + 30}" ${F} font-size="22" font-weight="bold" fill="${on}">${f.tariff}</text>` : '';
  const ghosts = ['Т1', 'Т2', 'Т3', 'Т4'].filter(x => x !== f.tariff).map((x, i) =>
    `<text x="${px + 60 + i * 40}" y="${py + 30}" ${F} font-size="18" fill="rgba(40,60,40,0.10)">${x}</text>`).join('');
  const svg = `
  <defs>
    <linearGradient id="lcd" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#b7c6a3"/><stop offset="0.6" stop-color="#a6b893"/><stop offset="1" stop-color="#93a580"/>
    </linearGradient>
    <linearGradient id="cover" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#fff" stop-opacity="0.16"/><stop offset="0.5" stop-color="#fff" stop-opacity="0"/>
      <stop offset="1" stop-color="#fff" stop-opacity="0.07"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="${MW - 8}" height="${MH - 8}" rx="26" fill="${c.body}" stroke="${c.edge}" stroke-width="6"/>
  <rect x="30" y="60" width="${MW - 60}" height="440" rx="10" fill="${c.plate}" stroke="#888" stroke-width="2"/>
  ${f.maker ? `<text x="70" y="104" ${F} font-size="18" fill="#333">${esc(f.maker)}</text>` : ''}
  <text x="70" y="148" ${F} font-size="32" font-weight="bold" fill="#1a1a1a">${esc(f.model)}</text>
  <rect x="${px - 10}" y="${py - 10}" width="${pw + 20}" height="${ph + 20}" rx="8" fill="#2e2e2e"/>
  <rect x="${px}" y="${py}" width="${pw}" height="${ph}" rx="3" fill="url(#lcd)"/>
  ${tariff}${ghosts}
  ${digits}
  <text x="${px + pw - 12}" y="${py + ph - 10}" ${F} font-size="20" text-anchor="end" fill="${on}">${esc(unit)}</text>
  ${f.heat ? '' : `<rect x="${px + pw - 70}" y="84" width="60" height="30" rx="15" fill="#555"/><text x="${px + pw - 40}" y="105" ${F} font-size="14" text-anchor="middle" fill="#eee">КН</text>`}
  ${plateText(f, py + ph + 50)}
  <rect x="30" y="520" width="${MW - 60}" height="170" rx="8" fill="${c.body}" stroke="${c.edge}" stroke-width="3"/>
  <rect x="210" y="600" width="80" height="40" rx="5" fill="#d8d3c0" stroke="#777"/>
  <circle cx="250" cy="620" r="8" fill="#2050c0"/>
  ${screws()}
  <rect x="30" y="60" width="${MW - 60}" height="440" rx="10" fill="url(#cover)"/>`;
  return { svg, win: { x: px, y: py, w: pw, h: ph } };
}

// ---------------------------------------------------------------- scenes
function background(bg: PhotoSpec['bg'], W: number, H: number, r: () => number): string {
  if (bg === 'panel') {
    let s = `<rect width="${W}" height="${H}" fill="#8e9497"/>`;
    s += `<rect x="${W * 0.04}" y="${H * 0.03}" width="${W * 0.92}" height="${H * 0.94}" fill="#a7adb0" stroke="#6f7578" stroke-width="${W * 0.01}"/>`;
    // DIN rail with breakers to the right
    const ry = H * (0.12 + r() * 0.1);
    s += `<rect x="${W * 0.64}" y="${ry}" width="${W * 0.3}" height="${H * 0.05}" fill="#c9c9c9" stroke="#777"/>`;
    for (let i = 0; i < 5; i++) {
      const bx = W * 0.65 + i * W * 0.055;
      s += `<rect x="${bx}" y="${ry - H * 0.08}" width="${W * 0.05}" height="${H * 0.21}" rx="4" fill="#f2f2ef" stroke="#999"/>`;
      s += `<rect x="${bx + W * 0.015}" y="${ry - H * 0.01}" width="${W * 0.02}" height="${H * 0.05}" fill="${i === 2 ? '#2c6fd0' : '#333'}"/>`;
    }
    return s;
  }
  if (bg === 'tile') {
    let s = `<rect width="${W}" height="${H}" fill="#d9d4c7"/>`;
    const step = 140 + Math.floor(r() * 60);
    for (let x = 0; x < W; x += step) s += `<line x1="${x}" y1="0" x2="${x}" y2="${H}" stroke="#b3ad9f" stroke-width="5"/>`;
    for (let y = 0; y < H; y += step) s += `<line x1="0" y1="${y}" x2="${W}" y2="${y}" stroke="#b3ad9f" stroke-width="5"/>`;
    return s;
  }
  if (bg === 'wood') {
    let s = `<rect width="${W}" height="${H}" fill="#8a5a33"/>`;
    for (let i = 0; i < 60; i++) {
      const y = r() * H;
      s += `<path d="M0 ${y} C ${W * 0.3} ${y + 20 - r() * 40}, ${W * 0.6} ${y + 20 - r() * 40}, ${W} ${y + 10 - r() * 20}" stroke="#6d4426" stroke-opacity="0.5" stroke-width="${2 + r() * 5}" fill="none"/>`;
    }
    for (let x = W * 0.2; x < W; x += W * 0.25) s += `<line x1="${x}" y1="0" x2="${x}" y2="${H}" stroke="#4a2d17" stroke-width="6"/>`;
    return s;
  }
  // painted wall, slightly uneven, with a cable channel
  const hue = ['#cfc8b5', '#bfc9c2', '#d6cdbd', '#b8bec9'][Math.floor(r() * 4)];
  let s = `<rect width="${W}" height="${H}" fill="${hue}"/>`;
  for (let i = 0; i < 25; i++) {
    s += `<ellipse cx="${r() * W}" cy="${r() * H}" rx="${50 + r() * 250}" ry="${30 + r() * 120}" fill="#000" fill-opacity="${0.015 + r() * 0.03}"/>`;
  }
  s += `<rect x="0" y="${H * 0.08}" width="${W}" height="${H * 0.035}" fill="#eeeeea" stroke="#aaa"/>`;
  return s;
}

function wires(W: number, H: number, r: () => number, bx: number, by: number): string {
  const cols = ['#1d1d1d', '#8a1b1b', '#1d3f8a', '#cfcf3a'];
  let s = '';
  for (let i = 0; i < 4; i++) {
    const x = bx + (i - 1.5) * 14;
    s += `<path d="M${x} ${by} C ${x + (r() - 0.5) * 200} ${by + H * 0.2}, ${x + (r() - 0.5) * 400} ${by + H * 0.3}, ${x + (r() - 0.5) * 600} ${H + 20}" stroke="${cols[i]}" stroke-width="${9 + r() * 4}" fill="none" stroke-linecap="round"/>`;
  }
  return s;
}

export interface Frame { svg: string; W: number; H: number }

export function sceneSvg(p: PhotoSpec): Frame {
  const W = p.W ?? 1600, H = p.H ?? 1200;
  const r = rng(p.seed * 7919 + 13);
  const face = p.face.kind === 'drum' ? drumFace(p.face) : lcdFace(p.face);
  const s = (p.fill * H) / MH;
  const cx = (p.cx ?? 0.5) * W, cy = (p.cy ?? 0.5) * H;
  const tf = `translate(${cx},${cy}) rotate(${p.rot}) skewX(${p.shearX ?? 0}) scale(${s * (p.aspect ?? 1)},${s}) translate(${-MW / 2},${-MH / 2})`;
  // glare blob centred on the counter window (in meter coords, transformed with the meter)
  const wcx = face.win.x + face.win.w / 2, wcy = face.win.y + face.win.h / 2;
  const glare = p.glare ? `
    <g transform="${tf}"><ellipse cx="${wcx + 10}" cy="${wcy}" rx="${face.win.w * 0.55}" ry="${face.win.h * 0.9}" fill="#ffffff" fill-opacity="${p.glare}" filter="url(#soft)"/>
    <ellipse cx="${wcx - 20}" cy="${wcy - 5}" rx="${face.win.w * 0.4}" ry="${face.win.h * 0.55}" fill="#ffffff" fill-opacity="${Math.min(1, p.glare + 0.1)}" filter="url(#soft2)"/></g>` : '';
  const glareSoft = p.glareSoft ? `<g transform="${tf}"><ellipse cx="380" cy="110" rx="90" ry="40" fill="#fff" fill-opacity="${p.glareSoft}" filter="url(#soft)"/></g>` : '';
  let light = '';
  const L = p.light ?? 'even';
  if (L === 'left') light = `<rect width="${W}" height="${H}" fill="url(#lgL)"/>`;
  if (L === 'right') light = `<rect width="${W}" height="${H}" fill="url(#lgR)"/>`;
  if (L === 'top') light = `<rect width="${W}" height="${H}" fill="url(#lgT)"/>`;
  if (L === 'spot') light = `<rect width="${W}" height="${H}" fill="url(#spot)"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs>
    <filter id="soft" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="18"/></filter>
    <filter id="soft2" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="6"/></filter>
    <filter id="shadow" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="14"/></filter>
    <linearGradient id="lgL" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#000" stop-opacity="0.55"/><stop offset="0.7" stop-color="#000" stop-opacity="0"/></linearGradient>
    <linearGradient id="lgR" x1="1" y1="0" x2="0" y2="0"><stop offset="0" stop-color="#000" stop-opacity="0.5"/><stop offset="0.6" stop-color="#000" stop-opacity="0"/></linearGradient>
    <linearGradient id="lgT" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.25"/><stop offset="0.5" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.45"/></linearGradient>
    <radialGradient id="spot" cx="${(p.cx ?? 0.5) + 0.05}" cy="${(p.cy ?? 0.5) - 0.05}" r="0.6"><stop offset="0" stop-color="#fff" stop-opacity="0.12"/><stop offset="0.5" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.65"/></radialGradient>
  </defs>
  ${background(p.bg, W, H, r)}
  ${wires(W, H, r, cx + (r() - 0.5) * 40, cy + (p.fill * H) / 2 - 10)}
  <g transform="translate(18,22)" opacity="0.45"><g transform="${tf}" filter="url(#shadow)"><rect x="0" y="0" width="${MW}" height="${MH}" rx="26" fill="#000"/></g></g>
  <g transform="${tf}">${face.svg}</g>
  ${glare}${glareSoft}
  ${light}
</svg>`;
  return { svg, W, H };
}

// ---------------------------------------------------------------- non-meter pictures
export function receiptSvg(seed: number): Frame {
  const W = 1200, H = 1600;
  const r = rng(seed);
  const items = [['Хлеб Бородинский', '54,90'], ['Молоко 3,2% 0,9л', '98,50'], ['Яйцо С1 10шт', '129,00'],
    ['Сыр Российский 200г', '219,99'], ['Пакет-майка', '7,00'], ['Бананы 1,124 кг', '168,60']];
  let y = 360, lines = '';
  for (const [n, p] of items) {
    lines += `<text x="330" y="${y}" font-family="DejaVu Sans Mono" font-size="30" fill="#333">${esc(n)}</text><text x="870" y="${y}" font-family="DejaVu Sans Mono" font-size="30" text-anchor="end" fill="#333">${p}</text>`;
    y += 56;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <rect width="${W}" height="${H}" fill="#6b4b33"/>
  <g transform="rotate(${-6 + r() * 4} 600 800)">
  <rect x="290" y="120" width="620" height="1250" fill="#f4f2ec"/>
  <text x="600" y="200" font-family="DejaVu Sans Mono" font-size="34" text-anchor="middle" fill="#222">ООО "САМБЕРИ"</text>
  <text x="600" y="245" font-family="DejaVu Sans Mono" font-size="24" text-anchor="middle" fill="#333">г. Хабаровск, ул. Ленина 57</text>
  <text x="600" y="290" font-family="DejaVu Sans Mono" font-size="24" text-anchor="middle" fill="#333">КАССОВЫЙ ЧЕК / ПРИХОД</text>
  ${lines}
  <text x="330" y="${y + 40}" font-family="DejaVu Sans Mono" font-size="36" font-weight="bold" fill="#111">ИТОГ</text>
  <text x="870" y="${y + 40}" font-family="DejaVu Sans Mono" font-size="36" font-weight="bold" text-anchor="end" fill="#111">677,99</text>
  <text x="330" y="${y + 100}" font-family="DejaVu Sans Mono" font-size="24" fill="#333">ФН 7281440500123456</text>
  <text x="330" y="${y + 140}" font-family="DejaVu Sans Mono" font-size="24" fill="#333">ФД 48213  ФП 3920114587</text>
  <text x="330" y="${y + 180}" font-family="DejaVu Sans Mono" font-size="24" fill="#333">21.11.26 18:42</text>
  </g></svg>`;
  return { svg, W, H };
}

export function catSvg(seed: number): Frame {
  const W = 1600, H = 1200;
  const r = rng(seed);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <defs><radialGradient id="fur" cx="0.4" cy="0.35" r="0.7"><stop offset="0" stop-color="#e8a25a"/><stop offset="1" stop-color="#9c5a22"/></radialGradient></defs>
  <rect width="${W}" height="${H}" fill="#7f8fa6"/>
  <rect y="${H * 0.7}" width="${W}" height="${H * 0.3}" fill="#5c4a3a"/>
  <ellipse cx="800" cy="820" rx="420" ry="230" fill="url(#fur)"/>
  <circle cx="${760 + r() * 20}" cy="520" r="230" fill="url(#fur)"/>
  <polygon points="580,400 620,200 720,330" fill="#b66d2c"/><polygon points="820,330 930,200 950,410" fill="#b66d2c"/>
  <ellipse cx="690" cy="510" rx="42" ry="30" fill="#d7e05a"/><ellipse cx="850" cy="510" rx="42" ry="30" fill="#d7e05a"/>
  <ellipse cx="690" cy="510" rx="10" ry="27" fill="#111"/><ellipse cx="850" cy="510" rx="10" ry="27" fill="#111"/>
  <polygon points="750,590 790,590 770,615" fill="#d77a8a"/>
  <path d="M770 615 q -30 40 -70 20 M770 615 q 30 40 70 20" stroke="#4a2a10" stroke-width="5" fill="none"/>
  ${[0, 1, 2].map(i => `<line x1="640" y1="${600 + i * 18}" x2="470" y2="${570 + i * 30}" stroke="#eee" stroke-width="3"/><line x1="900" y1="${600 + i * 18}" x2="1070" y2="${570 + i * 30}" stroke="#eee" stroke-width="3"/>`).join('')}
  ${Array.from({ length: 9 }, (_, i) => `<path d="M${560 + i * 60} 700 q 20 120 -10 260" stroke="#8a4c1a" stroke-width="14" fill="none" stroke-opacity="0.6"/>`).join('')}
  <path d="M1200 900 C 1400 850, 1420 650, 1300 600" stroke="#b66d2c" stroke-width="60" fill="none" stroke-linecap="round"/>
  </svg>`;
  return { svg, W, H };
}

// ---------------------------------------------------------------- photo pipeline
export async function renderPhoto(frame: Frame, p: Partial<PhotoSpec> & { seed: number }): Promise<Buffer> {
  const { W, H } = frame;
  let raw = await sharp(Buffer.from(frame.svg), { density: 72 }).resize(W, H).flatten({ background: '#808080' })
    .removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (p.keystone) raw = { data: warp(raw.data, W, H, raw.info.channels, p.keystone), info: raw.info };
  if (p.blur && p.blur > 0.3) raw = await sharp(raw.data, { raw: raw.info }).blur(p.blur).raw().toBuffer({ resolveWithObject: true });
  if (p.motion && p.motion > 1) {
    const n = Math.round(p.motion) | 1;
    raw = await sharp(raw.data, { raw: raw.info })
      .convolve({ width: n, height: 3, kernel: Array.from({ length: n * 3 }, (_, i) => (Math.floor(i / n) === 1 ? 1 : 0)), scale: n })
      .raw().toBuffer({ resolveWithObject: true });
  }
  const data = raw.data, ch = raw.info.channels;
  const r = rng(p.seed * 31 + 7);
  const sigma = p.noise ?? 4;
  const dark = p.dark ?? 1;
  // vignette + darkness + gaussian-ish sensor noise (sum of uniforms); stronger noise in dark frames
  for (let y = 0; y < H; y++) {
    const dy = (y / H - 0.5) * 2;
    for (let x = 0; x < W; x++) {
      const dx = (x / W - 0.5) * 2;
      const vig = 1 - 0.18 * (dx * dx + dy * dy) / 2;
      const nz = (r() + r() + r() - 1.5) * 2 * sigma;
      const i = (y * W + x) * ch;
      for (let c = 0; c < 3; c++) {
        const v = data[i + c] * vig * dark + nz + (c === 2 ? nz * 0.3 : 0);
        data[i + c] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
  const out = sharp(data, { raw: raw.info });
  if (p.format === 'png') return out.png({ compressionLevel: 9, palette: true, colours: 96, dither: 0.4 }).toBuffer();
  return out.jpeg({ quality: p.quality ?? 82, chromaSubsampling: '4:2:0' }).toBuffer();
}

export async function meterPhoto(p: PhotoSpec): Promise<Buffer> {
  return renderPhoto(sceneSvg(p), p);
}
