// Seven-segment glyphs as polygons (not a font), the way LCD glass is etched.
export type Segment = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';
export const ALL: Segment[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

const DIGITS: Record<string, Segment[]> = {
  '0': ['a', 'b', 'c', 'd', 'e', 'f'], '1': ['b', 'c'], '2': ['a', 'b', 'g', 'e', 'd'], '3': ['a', 'b', 'g', 'c', 'd'],
  '4': ['f', 'g', 'b', 'c'], '5': ['a', 'f', 'g', 'c', 'd'], '6': ['a', 'f', 'g', 'e', 'd', 'c'], '7': ['a', 'b', 'c'],
  '8': ALL, '9': ['a', 'b', 'c', 'd', 'f', 'g'], '-': ['g'], ' ': [],
};

export interface GlyphStyle {
  /** Segment thickness as a share of the digit width. */
  thick: number;
  /** Gap between neighbouring segments, share of width. */
  gap: number;
  /** 7 drawn with the upper-left segment, 6 and 9 without their tails: meters differ. */
  sevenWithF: boolean;
  sixNoTail: boolean;
  nineNoTail: boolean;
}

export function segmentsOf(ch: string, st: GlyphStyle): Segment[] {
  let s = DIGITS[ch] ?? [];
  if (ch === '7' && st.sevenWithF) s = [...s, 'f'];
  if (ch === '6' && st.sixNoTail) s = s.filter((x) => x !== 'a');
  if (ch === '9' && st.nineNoTail) s = s.filter((x) => x !== 'd');
  return s;
}

/** Polygon points of one segment of a digit whose box is (x, y, w, h). */
export function segmentPolygon(seg: Segment, x: number, y: number, w: number, h: number, st: GlyphStyle): string {
  const t = w * st.thick, g = w * st.gap, ht = t / 2;
  const horiz = (x0: number, x1: number, yy: number): number[][] => [[x0, yy], [x0 + ht, yy - ht], [x1 - ht, yy - ht], [x1, yy], [x1 - ht, yy + ht], [x0 + ht, yy + ht]];
  const vert = (xx: number, y0: number, y1: number): number[][] => [[xx, y0], [xx + ht, y0 + ht], [xx + ht, y1 - ht], [xx, y1], [xx - ht, y1 - ht], [xx - ht, y0 + ht]];
  const l = x + ht, r = x + w - ht, top = y + ht, mid = y + h / 2, bot = y + h - ht;
  const pts = {
    a: horiz(l + g, r - g, top), g: horiz(l + g, r - g, mid), d: horiz(l + g, r - g, bot),
    f: vert(l, top + g, mid - g), b: vert(r, top + g, mid - g), e: vert(l, mid + g, bot - g), c: vert(r, mid + g, bot - g),
  }[seg];
  return pts.map(([px, py]) => `${px!.toFixed(1)},${py!.toFixed(1)}`).join(' ');
}

/** One digit: lit segments in `ink`, unlit ones as faint ghosts when `ghost` > 0. */
export function digitSvg(ch: string, x: number, y: number, w: number, h: number, st: GlyphStyle, ink: string, ghost: number): string {
  const lit = new Set(segmentsOf(ch, st));
  const out: string[] = [];
  for (const s of ALL) {
    if (lit.has(s)) out.push(`<polygon points="${segmentPolygon(s, x, y, w, h, st)}" fill="${ink}"/>`);
    else if (ghost > 0) out.push(`<polygon points="${segmentPolygon(s, x, y, w, h, st)}" fill="${ink}" opacity="${ghost.toFixed(3)}"/>`);
  }
  return out.join('');
}
