// Small SVG building helpers shared by the meter faces and backgrounds.
export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface TextOpts {
  size: number;
  family?: string;
  weight?: 'normal' | 'bold';
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  stretch?: 'normal' | 'condensed';
  italic?: boolean;
  spacing?: number;
  opacity?: number;
}

export function text(x: number, y: number, s: string, o: TextOpts): string {
  const attrs = [
    `x="${x.toFixed(1)}"`, `y="${y.toFixed(1)}"`, `font-size="${o.size.toFixed(1)}"`,
    `font-family="${o.family ?? 'DejaVu Sans'}"`, `fill="${o.fill ?? '#111'}"`,
    `text-anchor="${o.anchor ?? 'start'}"`,
  ];
  if (o.weight === 'bold') attrs.push('font-weight="bold"');
  if (o.stretch === 'condensed') attrs.push('font-stretch="condensed"');
  if (o.italic) attrs.push('font-style="italic"');
  if (o.spacing) attrs.push(`letter-spacing="${o.spacing.toFixed(1)}"`);
  if (o.opacity !== undefined) attrs.push(`opacity="${o.opacity.toFixed(2)}"`);
  return `<text ${attrs.join(' ')}>${esc(s)}</text>`;
}

export function rect(x: number, y: number, w: number, h: number, fill: string, extra = ''): string {
  return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}" ${extra}/>`;
}

export function svgDoc(w: number, h: number, vbW: number, vbH: number, body: string, defs = ''): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(w)}" height="${Math.round(h)}" viewBox="0 0 ${vbW} ${vbH}"><defs>${defs}</defs>${body}</svg>`;
}

/** `#rrggbb` shifted in brightness by `d` (-255..255). */
export function shade(hex: string, d: number): string {
  const n = parseInt(hex.slice(1), 16);
  const c = (v: number): string => Math.max(0, Math.min(255, Math.round(v + d))).toString(16).padStart(2, '0');
  return `#${c((n >> 16) & 255)}${c((n >> 8) & 255)}${c(n & 255)}`;
}
