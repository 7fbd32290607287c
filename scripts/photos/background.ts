// What is behind the meter: wallpaper, a painted stairwell wall, wood, a metal cabinet, a panel of
// breakers and wires, tiles. Drawn small and scaled up: a phone focused on the meter blurs them anyway.
import sharp from 'sharp';
import type { Rng } from './rng.js';
import { rect, shade } from './svg.js';

export const BACKGROUNDS = ['wallpaper', 'painted', 'stairwell', 'wood', 'cabinet', 'panel', 'tiles'] as const;
export type Background = (typeof BACKGROUNDS)[number];

function turbulence(id: string, freq: string, octaves: number, seed: number, matrix: string): string {
  return `<filter id="${id}" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="${freq}" numOctaves="${octaves}" seed="${seed}"/><feColorMatrix type="matrix" values="${matrix}"/></filter>`;
}

/** Grey noise of the given strength around mid grey, overlaid with soft-light style opacity. */
const GREY = (a: number): string => `0.33 0.33 0.33 0 0  0.33 0.33 0.33 0 0  0.33 0.33 0.33 0 0  0 0 0 0 ${a}`;

function svgFor(rng: Rng, kind: Background, w: number, h: number): string {
  const seed = rng.int(1, 9999);
  const defs: string[] = [];
  const body: string[] = [];
  switch (kind) {
    case 'wallpaper': {
      const base = rng.pick(['#e9e1cf', '#dfe6e3', '#efe7dc', '#d9cfc0', '#e6dde6', '#cfd8c8']);
      const motif = shade(base, -rng.int(18, 40));
      const s = rng.range(w / 30, w / 12);
      const style = rng.int(0, 2);
      const inner = style === 0
        ? rect(0, 0, s * 0.25, s, motif)
        : style === 1
          ? `<path d="M${s / 2} 0 L${s} ${s / 2} L${s / 2} ${s} L0 ${s / 2} Z" fill="none" stroke="${motif}" stroke-width="${s * 0.06}"/>`
          : `<circle cx="${s / 2}" cy="${s / 2}" r="${s * 0.18}" fill="${motif}"/><circle cx="0" cy="0" r="${s * 0.1}" fill="${motif}"/><circle cx="${s}" cy="${s}" r="${s * 0.1}" fill="${motif}"/>`;
      defs.push(`<pattern id="p" width="${s}" height="${s}" patternUnits="userSpaceOnUse">${inner}</pattern>`);
      defs.push(turbulence('n', '0.02', 3, seed, GREY(0.25)));
      body.push(rect(0, 0, w, h, base), rect(0, 0, w, h, 'url(#p)'), rect(0, 0, w, h, '#888', 'filter="url(#n)" opacity="0.5"'));
      break;
    }
    case 'painted': {
      const base = rng.pick(['#c9d3c0', '#d8d0bd', '#b9c6cf', '#e2ddd2', '#a9b89a', '#d4c2a8']);
      defs.push(turbulence('n', '0.008', 4, seed, GREY(0.5)));
      body.push(rect(0, 0, w, h, base), rect(0, 0, w, h, '#777', 'filter="url(#n)" opacity="0.35"'));
      break;
    }
    case 'stairwell': {
      // Dark oil paint below, whitewash above: the classic Russian stairwell.
      const low = rng.pick(['#3f6b4f', '#2f5564', '#5a6e3a', '#6b4a3a', '#3b4f7a']);
      const line = h * rng.range(0.35, 0.8);
      defs.push(turbulence('n', '0.01', 4, seed, GREY(0.6)));
      body.push(rect(0, 0, w, h, rng.pick(['#e3e2da', '#d6d8d2', '#ece6d8'])), rect(0, line, w, h - line, low), rect(0, line - 2, w, 3, shade(low, -30)), rect(0, 0, w, h, '#777', 'filter="url(#n)" opacity="0.4"'));
      break;
    }
    case 'wood': {
      const base = rng.pick(['#8a5a32', '#a8784a', '#6e4528', '#c09060', '#5c3b22']);
      defs.push(turbulence('n', `${rng.range(0.002, 0.006).toFixed(4)} ${rng.range(0.05, 0.12).toFixed(3)}`, 3, seed, GREY(0.9)));
      body.push(rect(0, 0, w, h, base), rect(0, 0, w, h, '#666', 'filter="url(#n)" opacity="0.55"'));
      const plank = w / rng.int(2, 5);
      for (let x = plank; x < w; x += plank) body.push(rect(x, 0, 2, h, shade(base, -50)));
      break;
    }
    case 'cabinet': {
      const base = rng.pick(['#a9adb0', '#c3c6c2', '#8e9499', '#d0d2cc', '#b8b9a8']);
      defs.push(`<linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${shade(base, 25)}"/><stop offset="1" stop-color="${shade(base, -35)}"/></linearGradient>`);
      defs.push(turbulence('n', '0.002 0.3', 2, seed, GREY(0.4)));
      body.push(rect(0, 0, w, h, 'url(#g)'), rect(0, 0, w, h, '#888', 'filter="url(#n)" opacity="0.3"'));
      const edge = w * rng.range(0.05, 0.2);
      body.push(rect(edge, 0, w * 0.01, h, shade(base, -60)));
      for (let i = 0; i < 6; i++) body.push(`<circle cx="${rng.range(0, w)}" cy="${rng.range(0, h)}" r="${w * 0.006}" fill="${shade(base, -50)}"/>`);
      break;
    }
    case 'panel': {
      // Breakers on a DIN rail, wires, other meters' edges.
      const base = rng.pick(['#9da2a6', '#c7c9c4', '#7d8489', '#b5b2a4']);
      body.push(rect(0, 0, w, h, base));
      const railY = h * rng.range(0.05, 0.25);
      body.push(rect(0, railY, w, h * 0.04, '#b8bcc0'));
      const bw = w * rng.range(0.045, 0.07);
      for (let x = rng.range(0, bw); x < w - bw; x += bw * 1.02) {
        body.push(rect(x, railY - h * 0.08, bw, h * 0.2, rng.pick(['#f1f1ee', '#e9e9e4', '#f4f2ea']), 'stroke="#999" stroke-width="1"'));
        body.push(rect(x + bw * 0.3, railY - h * 0.02, bw * 0.4, h * 0.05, '#222'));
      }
      const colours = ['#2a4fa0', '#7a4a22', '#e8e8e0', '#d8c21a', '#1d1d1d', '#b02020'];
      for (let i = 0; i < rng.int(4, 10); i++) {
        const x0 = rng.range(0, w), x1 = rng.range(0, w);
        const c = rng.pick(colours);
        body.push(`<path d="M${x0} ${h} C ${x0} ${h * 0.5}, ${x1} ${h * 0.6}, ${x1} ${railY + h * 0.12}" fill="none" stroke="${shade(c, -40)}" stroke-width="${w * 0.014}"/>`);
        body.push(`<path d="M${x0} ${h} C ${x0} ${h * 0.5}, ${x1} ${h * 0.6}, ${x1} ${railY + h * 0.12}" fill="none" stroke="${c}" stroke-width="${w * 0.009}"/>`);
      }
      break;
    }
    case 'tiles': {
      const base = rng.pick(['#f1f0ea', '#dfe9ee', '#e9e2d4', '#cfd9cc']);
      const s = w / rng.int(5, 10);
      defs.push(`<pattern id="p" width="${s}" height="${s}" patternUnits="userSpaceOnUse">${rect(0, 0, s, s, base)}${rect(0, 0, s, s * 0.02, '#9a9a94')}${rect(0, 0, s * 0.02, s, '#9a9a94')}</pattern>`);
      body.push(rect(0, 0, w, h, 'url(#p)'));
      break;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><defs>${defs.join('')}</defs>${body.join('')}</svg>`;
}

/** The background as raw RGB at the photo's size. */
export async function renderBackground(rng: Rng, kind: Background, width: number, height: number): Promise<Buffer> {
  const small = 4;
  const w = Math.ceil(width / small), h = Math.ceil(height / small);
  return sharp(Buffer.from(svgFor(rng, kind, w, h)))
    .flatten({ background: '#808080' })
    .resize(width, height, { fit: 'fill', kernel: 'cubic' })
    .blur(rng.range(0.6, 3))
    .removeAlpha()
    .raw()
    .toBuffer();
}
