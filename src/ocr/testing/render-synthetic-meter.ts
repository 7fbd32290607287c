// Synthetic meter photos for tests and experiments: an SVG faceplate with a drum or LCD counter, decoys
// (serial, ratings, year), rotated, blurred and glared with sharp. Deliberately plain: real photos are
// the target, these only check that the pipeline holds together.
import sharp from 'sharp';
import type { RawImage } from '../types.js';

export interface SyntheticMeter {
  kind: 'drum' | 'drum-dark-digits' | 'lcd';
  /** Integer digits shown ("012345"). */
  digits: string;
  /** Decimal digits shown (red drums / after the LCD point). */
  decimals: string;
  serial: string;
  angleDeg: number;
  blurSigma: number;
  /** Width of the meter body as a fraction of the frame width. */
  fill: number;
  glare: boolean;
  /** The last integer drum caught between its digit and the next one (the reading keeps the lower digit). */
  turning?: boolean;
  /** How many of the last integer drums turn together (2: a 9 going to 0 carries into the drum before it). */
  turningDrums?: number;
  width?: number;
  height?: number;
}

const SEGMENTS: Record<string, string> = {
  '0': 'abcdef', '1': 'bc', '2': 'abdeg', '3': 'abcdg', '4': 'bcfg', '5': 'acdfg', '6': 'acdefg', '7': 'abc', '8': 'abcdefg', '9': 'abcdfg',
};

export async function renderSyntheticMeter(m: SyntheticMeter): Promise<RawImage> {
  const W = m.width ?? 1600, H = m.height ?? 1200;
  const svg = meterSvg(m, W, H);
  let img = sharp(Buffer.from(svg)).flatten({ background: '#777' });
  if (m.angleDeg !== 0) {
    const rotated = await img.rotate(m.angleDeg, { background: '#6b6f73' }).png().toBuffer({ resolveWithObject: true });
    const { width, height } = rotated.info;
    img = sharp(rotated.data).extract({ left: Math.floor((width - W) / 2), top: Math.floor((height - H) / 2), width: W, height: H });
  }
  if (m.blurSigma > 0.3) img = sharp(await img.png().toBuffer()).blur(m.blurSigma);
  const jpeg = await img.jpeg({ quality: 82 }).toBuffer();
  const { data, info } = await sharp(jpeg).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

function meterSvg(m: SyntheticMeter, W: number, H: number): string {
  const bw = Math.round(W * m.fill), bh = Math.round(bw * 0.95);
  const bx = Math.round((W - bw) / 2), by = Math.round((H - bh) / 2);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">`,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#8a7f70"/><stop offset="1" stop-color="#4d5560"/></linearGradient>`,
    `<radialGradient id="glare"><stop offset="0" stop-color="#fff" stop-opacity="0.85"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>`,
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>`,
    `<rect x="${W * 0.05}" y="${H * 0.1}" width="${W * 0.12}" height="${H * 0.7}" fill="#3a3a3a"/>`,
    `<rect x="${bx}" y="${by}" width="${bw}" height="${bh}" rx="${bw * 0.04}" fill="#dcdcd6" stroke="#999" stroke-width="4"/>`,
    text(bx + bw * 0.08, by + bh * 0.1, bw * 0.05, 'МЕРКУРИЙ 201.5', '#222'),
  ];
  const dx = bx + bw * 0.12, dy = by + bh * 0.2, dw = bw * 0.76, dh = bh * 0.2;
  parts.push(m.kind === 'lcd' ? lcdSvg(m, dx, dy, dw, dh) : drumSvg(m, dx, dy, dw, dh));
  parts.push(text(bx + bw * 0.08, by + bh * 0.55, bw * 0.042, `№ ${m.serial}`, '#111'));
  parts.push(text(bx + bw * 0.08, by + bh * 0.65, bw * 0.035, '5(60) А   220 В   50 Гц', '#222'));
  parts.push(text(bx + bw * 0.08, by + bh * 0.74, bw * 0.035, '3200 imp/kWh', '#222'));
  parts.push(text(bx + bw * 0.7, by + bh * 0.74, bw * 0.035, '2019', '#222'));
  if (m.glare) parts.push(`<ellipse cx="${dx + dw * 0.3}" cy="${dy + dh * 0.4}" rx="${dw * 0.25}" ry="${dh * 0.7}" fill="url(#glare)"/>`);
  parts.push('</svg>');
  return parts.join('\n');
}

function text(x: number, y: number, size: number, s: string, fill: string): string {
  return `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${size}" fill="${fill}">${s}</text>`;
}

function drumSvg(m: SyntheticMeter, x: number, y: number, w: number, h: number): string {
  const n = m.digits.length + m.decimals.length;
  const cell = Math.min(w / (n + 1), h * 0.75);
  const dark = m.kind === 'drum';
  const out = [`<rect x="${x}" y="${y}" width="${cell * (n + 0.6)}" height="${h}" fill="#151515"/>`];
  [...m.digits, ...m.decimals].forEach((d, i) => {
    const cx = x + cell * 0.3 + i * cell;
    const red = i >= m.digits.length;
    const fill = red ? '#b3161b' : dark ? '#2a2a2a' : '#f2f2ee';
    out.push(`<rect x="${cx + cell * 0.06}" y="${y + h * 0.12}" width="${cell * 0.88}" height="${h * 0.76}" fill="${fill}"/>`);
    const ink = red || dark ? '#f4f4f4' : '#111';
    const glyph = (t: string, dy: number) => `<text x="${cx + cell / 2}" y="${y + h * 0.72 + dy}" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="${h * 0.55}" fill="${ink}">${t}</text>`;
    if (m.turning && i < m.digits.length && i >= m.digits.length - (m.turningDrums ?? 1)) {
      // Half-way between d and d+1: d slides out at the top, d+1 comes in from below, clipped by the drum face.
      const id = `turn${i}`;
      out.push(`<clipPath id="${id}"><rect x="${cx + cell * 0.06}" y="${y + h * 0.12}" width="${cell * 0.88}" height="${h * 0.76}"/></clipPath>`);
      out.push(`<g clip-path="url(#${id})">${glyph(d, -h * 0.3)}${glyph(String((Number(d) + 1) % 10), h * 0.45)}</g>`);
      return;
    }
    out.push(glyph(d, 0));
  });
  return out.join('\n');
}

function lcdSvg(m: SyntheticMeter, x: number, y: number, w: number, h: number): string {
  const out = [`<rect x="${x - 8}" y="${y - 8}" width="${w + 16}" height="${h + 16}" fill="#333"/>`, `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#a9b5a0"/>`];
  const n = m.digits.length + m.decimals.length;
  const dh = h * 0.55;
  const pitch = Math.min((w * 0.85) / n, dh * 0.8);
  const dw = pitch * 0.7, t = dh * 0.11;
  const top = y + h * 0.25;
  out.push(`<g transform="translate(0 0)" fill="#1d2320">`);
  [...m.digits, ...m.decimals].forEach((d, i) => {
    const left = x + w * 0.08 + i * pitch;
    out.push(`<g transform="translate(${left} ${top}) skewX(-8)">${segments(SEGMENTS[d]!, dw, dh, t)}</g>`);
  });
  if (m.decimals.length > 0) {
    const px = x + w * 0.08 + m.digits.length * pitch - Math.tan((8 * Math.PI) / 180) * dh - pitch * 0.15 - t / 2;
    out.push(`<rect x="${px}" y="${top + dh - t}" width="${t}" height="${t}"/>`);
  }
  out.push(`</g>`);
  out.push(text(x + w * 0.02, y + h * 0.2, h * 0.14, 'T1', '#1d2320'));
  out.push(text(x + w * 0.85, y + h * 0.95, h * 0.14, 'kWh', '#1d2320'));
  return out.join('\n');
}

function segments(on: string, w: number, h: number, t: number): string {
  const g = t * 0.25, hv = h / 2 - t / 2 - 2 * g;
  const r: Record<string, [number, number, number, number]> = {
    a: [t + g, 0, w - 2 * t - 2 * g, t], b: [w - t, t / 2 + g, t, hv], c: [w - t, h / 2 + g, t, hv],
    d: [t + g, h - t, w - 2 * t - 2 * g, t], e: [0, h / 2 + g, t, hv], f: [0, t / 2 + g, t, hv], g: [t + g, h / 2 - t / 2, w - 2 * t - 2 * g, t],
  };
  return [...on].map((s) => { const [a, b, c, d] = r[s]!; return `<rect x="${a}" y="${b}" width="${c}" height="${d}"/>`; }).join('');
}
