// Puts a rendered meter face into a phone photo: placement and perspective, shadow, lighting, glare,
// optics (defocus, shake), white balance, sensor noise, phone sharpening and JPEG.
import sharp from 'sharp';
import type { Background } from './background.js';
import { renderBackground } from './background.js';
import type { Face } from './face.js';
import { faceSvg } from './face.js';
import type { Homography, Pt } from './geometry.js';
import { apply, homography, rotate } from './geometry.js';
import type { Rng } from './rng.js';

export type Unreadable = 'blur' | 'motion' | 'glare' | 'crop' | 'dark';

export interface Conditions {
  width: number;
  height: number;
  background: Background;
  /** Share of the frame's area the face covers. */
  fill: number;
  rotation: number;
  /** Keystone: relative shrink of the top (ky) / left (kx) edge against the opposite one. */
  kx: number;
  ky: number;
  /** Centre shift as a share of the frame. */
  dx: number;
  dy: number;
  shadow: { x: number; y: number; blur: number; strength: number };
  light: { exposure: number; gx: number; gy: number; vignette: number };
  band: { angle: number; offset: number; strength: number; soft: number } | null;
  /** Glare centre in face units relative to the window (0..1 across it), radius in window widths. */
  glare: { u: number; v: number; r: number; strength: number; aspect: number } | null;
  blur: number;
  motion: { length: number; angle: number } | null;
  wb: [number, number, number];
  /** Read noise and shot-noise factor, in 8-bit units, before the gain. */
  noise: number;
  gain: number;
  sharpen: boolean;
  quality: number;
  /** A messenger's earlier recompression at this quality, or null. */
  recompress: number | null;
  crop: 'left' | 'right' | 'top' | null;
  unreadable: Unreadable | null;
  /** Store sideways pixels with an EXIF orientation tag, as iPhones do. */
  exifOrientation: 1 | 6 | 8;
  camera: [string, string];
  /** Dirt and yellowing of the faceplate, 0..~0.3. */
  grime: number;
  /** Wires leaving the bottom of the meter. */
  wires: number;
  /** Meter seen through the cut-out of a cabinet door: hole margins in window widths / heights. */
  door: { mx: number; my: number; colour: string; sign: boolean } | null;
  /** Another meter on the same wall, beside this one: gap and vertical shift in face sizes. */
  neighbour: { side: 'left' | 'right'; gap: number; dy: number } | null;
}

const CAMERAS: [string, string][] = [
  ['Apple', 'iPhone 11'], ['Apple', 'iPhone 13'], ['Apple', 'iPhone 15 Pro'], ['Apple', 'iPhone XR'], ['samsung', 'SM-A525F'],
  ['samsung', 'SM-G991B'], ['Xiaomi', 'Redmi Note 8 Pro'], ['Xiaomi', '2201117TY'], ['HUAWEI', 'MAR-LX1M'], ['realme', 'RMX3085'], ['HONOR', 'ANY-NX1'],
];

export function drawConditions(rng: Rng, width: number, height: number, unreadable: Unreadable | null, backgrounds: readonly Background[]): Conditions {
  const dim = rng.chance(0.25);
  const c: Conditions = {
    width, height,
    background: rng.pick(backgrounds),
    fill: rng.range(0.2, 0.7),
    rotation: rng.chance(0.7) ? rng.gauss() * 6 : rng.range(-20, 20),
    kx: rng.chance(0.6) ? rng.range(-0.1, 0.1) : 0,
    ky: rng.chance(0.7) ? rng.range(-0.12, 0.12) : 0,
    dx: rng.range(-0.08, 0.08),
    dy: rng.range(-0.08, 0.08),
    shadow: { x: rng.range(-0.03, 0.03), y: rng.range(0, 0.04), blur: rng.range(0.005, 0.03), strength: rng.range(0.2, 0.6) },
    light: { exposure: dim ? rng.range(0.45, 0.7) : rng.range(0.8, 1.1), gx: rng.range(-0.5, 0.5), gy: rng.range(-0.5, 0.5), vignette: rng.range(0, 0.5) },
    band: rng.chance(0.25) ? { angle: rng.range(0, 360), offset: rng.range(-0.3, 0.3), strength: rng.range(0.25, 0.55), soft: rng.range(0.01, 0.08) } : null,
    glare: rng.chance(0.35) ? { u: rng.range(-0.3, 1.3), v: rng.pick([rng.range(-2.5, -0.8), rng.range(1.8, 4)]), r: rng.range(0.08, 0.3), strength: rng.range(0.3, 0.9), aspect: rng.range(0.5, 2) } : null,
    blur: rng.chance(0.5) ? rng.range(0, 1.2) : rng.range(0.8, 2.2),
    motion: rng.chance(0.15) ? { length: rng.range(3, 8), angle: rng.range(0, 180) } : null,
    wb: [rng.range(0.88, 1.12), 1, rng.range(0.82, 1.12)],
    noise: dim ? rng.range(3, 7) : rng.range(0.8, 3),
    gain: dim ? rng.range(1.1, 1.5) : 1,
    sharpen: rng.chance(0.6),
    quality: rng.int(72, 92),
    recompress: rng.chance(0.15) ? rng.int(35, 60) : null,
    crop: null,
    unreadable,
    exifOrientation: 1,
    camera: rng.pick(CAMERAS),
    grime: rng.chance(0.6) ? rng.range(0.03, 0.2) : 0,
    wires: rng.chance(0.5) ? rng.int(2, 4) : 0,
    neighbour: rng.chance(0.25) ? { side: rng.pick(['left', 'right'] as const), gap: rng.range(0.04, 0.15), dy: rng.range(-0.25, 0.25) } : null,
    door: rng.chance(0.2) ? { mx: rng.range(0.12, 0.45), my: rng.range(0.4, 1.6), colour: rng.pick(['#8f9498', '#b9bcb5', '#5f6e63', '#7a8a9a', '#c8c4b2', '#4e5a66']), sign: rng.chance(0.6) } : null,
  };
  // Blur is in pixels of a 4032-wide frame; scale to the size asked for.
  const k = Math.max(width, height) / 4032;
  c.blur *= k * 2;
  if (c.motion) c.motion.length *= k * 2;
  switch (unreadable) {
    case 'blur': c.blur = rng.range(14, 24) * k; break;
    case 'motion': c.motion = { length: rng.range(70, 120) * k, angle: rng.range(-20, 20) }; break;
    case 'glare': c.glare = { u: rng.range(0.35, 0.65), v: rng.range(0.3, 0.7), r: rng.range(0.35, 0.5), strength: rng.range(2.5, 4), aspect: rng.range(0.35, 0.6) }; break;
    case 'crop': c.crop = rng.pick(['left', 'right', 'top'] as const); break;
    case 'dark': c.light.exposure = rng.range(0.05, 0.09); c.noise = rng.range(6, 9); c.gain = rng.range(0.9, 1.2); c.blur = rng.range(3, 6) * k; break;
    case null: break;
  }
  if (height > width && rng.chance(0.5)) c.exifOrientation = rng.chance(0.85) ? 6 : 8;
  return c;
}

/** Frame corners of the face in the photo, and its window's. */
function place(face: Face, c: Conditions, faceW: number, faceH: number): { h: Homography; quad: Pt[] } {
  const { width: W, height: H } = c;
  const s = faceW / face.width;
  const centre: Pt = [W / 2 + c.dx * W, H / 2 + c.dy * H];
  const hw = faceW / 2, hh = faceH / 2;
  // Keystone: one edge nearer the camera than the opposite one.
  const raw: Pt[] = [
    [-hw * (1 - c.ky), -hh * (1 - c.kx)], [hw * (1 - c.ky), -hh * (1 + c.kx)],
    [hw * (1 + c.ky), hh * (1 + c.kx)], [-hw * (1 + c.ky), hh * (1 - c.kx)],
  ];
  let quad = raw.map(([x, y]) => rotate([centre[0] + x, centre[1] + y], centre, c.rotation));
  const src: Pt[] = [[0, 0], [faceW, 0], [faceW, faceH], [0, faceH]];
  let h = homography(src, quad);
  const win = face.window;
  const winPts: Pt[] = [[win.x, win.y], [win.x + win.w, win.y], [win.x + win.w, win.y + win.h], [win.x, win.y + win.h]].map(([x, y]) => apply(h, [x! * s, y! * s]));
  const xs = winPts.map((p) => p[0]), ys = winPts.map((p) => p[1]);
  let shiftX = 0, shiftY = 0;
  if (c.crop) {
    // Cut the counter window by the frame edge: a part of the digits is simply not in the photo.
    const ww = Math.max(...xs) - Math.min(...xs);
    if (c.crop === 'left') shiftX = -Math.min(...xs) - ww * 0.45;
    if (c.crop === 'right') shiftX = W - Math.max(...xs) + ww * 0.45;
    if (c.crop === 'top') shiftY = -Math.min(...ys) - (Math.max(...ys) - Math.min(...ys)) * 0.55;
  } else {
    // Keep the whole window in the frame with a margin.
    const m = 0.04;
    if (Math.min(...xs) < W * m) shiftX = W * m - Math.min(...xs);
    if (Math.max(...xs) > W * (1 - m)) shiftX = W * (1 - m) - Math.max(...xs);
    if (Math.min(...ys) < H * m) shiftY = H * m - Math.min(...ys);
    if (Math.max(...ys) > H * (1 - m)) shiftY = H * (1 - m) - Math.max(...ys);
  }
  if (shiftX || shiftY) {
    quad = quad.map(([x, y]) => [x + shiftX, y + shiftY]);
    h = homography(src, quad);
  }
  return { h, quad };
}

function gaussTable(rng: Rng): Float32Array {
  const t = new Float32Array(1 << 16);
  for (let i = 0; i < t.length; i++) t[i] = rng.gauss();
  return t;
}

export async function renderPhoto(face: Face, c: Conditions, rng: Rng, neighbour: Face | null = null): Promise<Buffer> {
  const { width: W, height: H } = c;
  const bg = await renderBackground(rng.fork('bg'), c.background, W, H);
  const faceW = Math.round(Math.sqrt((c.fill * W * H * face.width) / face.height));
  const facePng = await sharp(Buffer.from(faceSvg(face, faceW))).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const fw = facePng.info.width, fh = facePng.info.height;
  const fpx = facePng.data;
  const { h, quad } = place(face, c, fw, fh);

  // Grime: a coarse random field over the face, smoothed by bilinear lookup.
  const G = 7;
  const grid = Array.from({ length: (G + 1) * (G + 1) }, () => rng.next() ** 2);
  const grime = (u: number, v: number): number => {
    const gx = Math.min(G - 1e-6, Math.max(0, (u / fw) * G)), gy = Math.min(G - 1e-6, Math.max(0, (v / fh) * G));
    const ix = Math.floor(gx), iy = Math.floor(gy), sx = gx - ix, sy = gy - iy;
    const fx = sx * sx * (3 - 2 * sx), fy = sy * sy * (3 - 2 * sy);
    const at = (a: number, b: number): number => grid[b * (G + 1) + a]!;
    return (at(ix, iy) * (1 - fx) + at(ix + 1, iy) * fx) * (1 - fy) + (at(ix, iy + 1) * (1 - fx) + at(ix + 1, iy + 1) * fx) * fy;
  };

  // Warp the face (and a neighbour's meter beside it on the same wall) into one layer, premultiplied.
  const layer = new Float32Array(W * H * 3);
  const alpha = new Uint8Array(W * H);
  if (neighbour && c.neighbour) {
    const n = await sharp(Buffer.from(faceSvg(neighbour, (neighbour.width * fw) / face.width))).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const nw = n.info.width, nh = n.info.height;
    const gap = c.neighbour.gap * fw;
    // Beside the meter on the side where the frame has room.
    c.neighbour.side = quad.reduce((a, q) => a + q[0], 0) / 4 < W / 2 ? 'right' : 'left';
    const ox = c.neighbour.side === 'right' ? fw + gap : -gap - nw, oy = c.neighbour.dy * fh;
    const nquad: Pt[] = [[ox, oy], [ox + nw, oy], [ox + nw, oy + nh], [ox, oy + nh]].map((pt) => apply(h, pt as Pt));
    if (warp(n.data, nw, nh, nquad, W, H, layer, alpha, () => 1) < W * H * 0.01) c.neighbour = null;
  }
  const dirt = (u: number, v: number): number => (c.grime > 0 ? 1 - c.grime * grime(u, v) : 1);
  warp(fpx, fw, fh, quad, W, H, layer, alpha, dirt);

  // Cast shadow: the face's silhouette, shifted and blurred, darkens the wall.
  const offX = Math.round(c.shadow.x * W), offY = Math.round(c.shadow.y * H);
  const moved = Buffer.alloc(W * H);
  for (let y = Math.max(0, offY); y < Math.min(H, H + offY); y++) {
    for (let x = Math.max(0, offX); x < Math.min(W, W + offX); x++) moved[y * W + x] = alpha[(y - offY) * W + (x - offX)]!;
  }
  const shifted = await sharp(moved, { raw: { width: W, height: H, channels: 1 } }).blur(Math.max(0.5, c.shadow.blur * W)).raw().toBuffer();

  const win = face.window;
  const s = fw / face.width;
  if (c.wires > 0) await drawOver(bg, W, H, wiresSvg(rng, quad, c.wires, W, H));
  const door = c.door ? await renderOverlay(doorSvg(rng, c, h, face, s)) : null;
  // Unreadable blur and shake are sized on the digits as photographed, so they really erase them.
  const winPx = win.h * s * Math.sqrt(Math.abs(h[0]! * h[4]! - h[1]! * h[3]!));
  if (c.unreadable === 'blur') c.blur = Math.max(c.blur, winPx * 0.3);
  if (c.unreadable === 'motion' && c.motion) c.motion.length = Math.max(c.motion.length, winPx * 1.3);
  const glare = c.glare ? apply(h, [(win.x + c.glare.u * win.w) * s, (win.y + c.glare.v * win.h) * s]) : null;
  const glareR = c.glare ? c.glare.r * win.w * s * Math.sqrt(Math.abs(h[0]! * h[4]! - h[1]! * h[3]!)) : 1;
  if (glare && c.glare && !c.unreadable) {
    // A readable photo may have glare near the window but must not wash out its digits.
    let worst = 0;
    for (let i = 0; i <= 6; i++) {
      for (let j = 0; j <= 2; j++) {
        const [px, py] = apply(h, [(win.x + (win.w * i) / 6) * s, (win.y + (win.h * j) / 2) * s]);
        const gx = (px - glare[0]) / (glareR * c.glare.aspect), gy = (py - glare[1]) / glareR;
        worst = Math.max(worst, 255 * c.glare.strength * Math.exp(-(gx * gx + gy * gy) * 2));
      }
    }
    if (worst > 60) c.glare.strength *= 60 / worst;
  }
  const bandN: Pt | null = c.band ? [Math.cos((c.band.angle * Math.PI) / 180), Math.sin((c.band.angle * Math.PI) / 180)] : null;
  const scene = Buffer.alloc(W * H * 3);
  const diag = Math.hypot(W, H) / 2;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const p = y * W + x;
      const a = alpha[p]! / 255;
      const shadow = 1 - c.shadow.strength * (shifted[p]! / 255) * (1 - a);
      let light = c.light.exposure * (1 + c.light.gx * (x / W - 0.5) + c.light.gy * (y / H - 0.5));
      const r = Math.hypot(x - W / 2, y - H / 2) / diag;
      light *= 1 - c.light.vignette * r * r;
      if (c.band && bandN) {
        const d = ((x - W / 2) * bandN[0] + (y - H / 2) * bandN[1]) / diag - c.band.offset;
        light *= 1 - c.band.strength / (1 + Math.exp(-d / c.band.soft));
      }
      const da = door ? door[p * 4 + 3]! / 255 : 0;
      let add = 0;
      if (glare && c.glare) {
        const gx = (x - glare[0]) / (glareR * c.glare.aspect), gy = (y - glare[1]) / glareR;
        // Glossy surfaces (the meter, a painted door) reflect more than the wall.
        add = 255 * c.glare.strength * Math.exp(-(gx * gx + gy * gy) * 2) * (0.3 + 0.7 * Math.max(a, da));
      }
      for (let ch = 0; ch < 3; ch++) {
        let v = layer[p * 3 + ch]! + bg[p * 3 + ch]! * (1 - a) * shadow;
        if (door && da > 0) v = v * (1 - da) + door[p * 4 + ch]! * da;
        scene[p * 3 + ch] = Math.max(0, Math.min(255, v * light + add));
      }
    }
  }

  let img = sharp(scene, { raw: { width: W, height: H, channels: 3 } });
  if (c.blur > 0.3) img = img.blur(c.blur);
  let optics: Buffer = await img.raw().toBuffer();
  if (c.motion) optics = await motionBlur(optics, W, H, c.motion.length, c.motion.angle);

  // Sensor: white balance, shot and read noise, gain. Noise is mostly luminance, partly chroma.
  const gt = gaussTable(rng.fork('noise'));
  let st = rng.int(1, 1 << 30);
  const out = Buffer.alloc(W * H * 3);
  for (let p = 0; p < W * H; p++) {
    st ^= st << 13; st ^= st >>> 17; st ^= st << 5;
    const lum = gt[st & 0xffff]!;
    for (let ch = 0; ch < 3; ch++) {
      st ^= st << 13; st ^= st >>> 17; st ^= st << 5;
      const v = optics[p * 3 + ch]! * c.wb[ch]!;
      const sigma = c.noise * (0.6 + Math.sqrt(v / 255));
      out[p * 3 + ch] = Math.max(0, Math.min(255, (v + sigma * (0.75 * lum + 0.5 * gt[(st >>> 8) & 0xffff]!)) * c.gain));
    }
  }
  let final = sharp(out, { raw: { width: W, height: H, channels: 3 } });
  if (c.sharpen) final = final.sharpen({ sigma: 1 + Math.max(W, H) / 4032, m1: 0.5, m2: 2 });
  // Sideways pixels plus an orientation tag, as phones store portrait shots.
  if (c.exifOrientation !== 1) final = final.rotate(c.exifOrientation === 6 ? -90 : 90);
  if (c.recompress) final = sharp(await final.jpeg({ quality: c.recompress }).toBuffer());
  return final
    .withExif({ IFD0: { Make: c.camera[0], Model: c.camera[1] } })
    .withMetadata({ orientation: c.exifOrientation })
    .jpeg({ quality: c.quality, chromaSubsampling: '4:2:0' })
    .toBuffer();
}

/** Inverse-maps every photo pixel inside `quad` to the face image and blends it into layer/alpha. */
function warp(fpx: Buffer, fw: number, fh: number, quad: Pt[], W: number, H: number, layer: Float32Array, alpha: Uint8Array, dirt: (u: number, v: number) => number): number {
  let drawn = 0;
  const inv = homography(quad, [[0, 0], [fw, 0], [fw, fh], [0, fh]]);
  const x0 = Math.max(0, Math.floor(Math.min(...quad.map((p) => p[0])))), x1 = Math.min(W - 1, Math.ceil(Math.max(...quad.map((p) => p[0]))));
  const y0 = Math.max(0, Math.floor(Math.min(...quad.map((p) => p[1])))), y1 = Math.min(H - 1, Math.ceil(Math.max(...quad.map((p) => p[1]))));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const [u, v] = apply(inv, [x + 0.5, y + 0.5]);
      const uu = u - 0.5, vv = v - 0.5;
      if (uu < -1 || vv < -1 || uu > fw || vv > fh) continue;
      const iu = Math.floor(uu), iv = Math.floor(vv);
      const fu = uu - iu, fv = vv - iv;
      let r = 0, g = 0, b = 0, a = 0;
      for (let k = 0; k < 4; k++) {
        const su = iu + (k & 1), sv = iv + (k >> 1);
        if (su < 0 || sv < 0 || su >= fw || sv >= fh) continue;
        const wgt = ((k & 1) ? fu : 1 - fu) * ((k >> 1) ? fv : 1 - fv);
        const o = (sv * fw + su) * 4;
        const pa = (fpx[o + 3]! / 255) * wgt;
        r += fpx[o]! * pa; g += fpx[o + 1]! * pa; b += fpx[o + 2]! * pa; a += pa;
      }
      if (a <= 0) continue;
      const p = y * W + x;
      const d = dirt(uu, vv);
      layer[p * 3] = r * d; layer[p * 3 + 1] = g * d; layer[p * 3 + 2] = b * d * (0.75 + 0.25 * d);
      alpha[p] = Math.round(Math.min(1, a) * 255);
      drawn++;
    }
  }
  return drawn;
}

async function renderOverlay(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer();
}

/** Paints an SVG overlay onto a raw RGB buffer in place. */
async function drawOver(rgb: Buffer, W: number, H: number, svg: string): Promise<void> {
  const o = await renderOverlay(svg);
  for (let p = 0; p < W * H; p++) {
    const a = o[p * 4 + 3]! / 255;
    if (a === 0) continue;
    for (let ch = 0; ch < 3; ch++) rgb[p * 3 + ch] = Math.round(rgb[p * 3 + ch]! * (1 - a) + o[p * 4 + ch]! * a);
  }
}

function wiresSvg(rng: Rng, quad: Pt[], n: number, W: number, H: number): string {
  const [bl, br] = [quad[3]!, quad[2]!];
  const width = Math.hypot(br[0] - bl[0], br[1] - bl[1]) * rng.range(0.04, 0.07);
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = 0.2 + (0.6 * (i + 0.5)) / n + rng.range(-0.05, 0.05);
    const x = bl[0] + (br[0] - bl[0]) * t, y = bl[1] + (br[1] - bl[1]) * t - width;
    const ex = x + rng.range(-0.15, 0.15) * W;
    const c = rng.pick(['#2a4fa0', '#7a4a22', '#e8e8e0', '#1d1d1d', '#b02020', '#c9b21a']);
    const d = `M${x.toFixed(0)} ${y.toFixed(0)} C ${x.toFixed(0)} ${(y + H * 0.2).toFixed(0)}, ${ex.toFixed(0)} ${(y + H * 0.1).toFixed(0)}, ${ex.toFixed(0)} ${H + width}`;
    paths.push(`<path d="${d}" fill="none" stroke="#000" stroke-opacity="0.35" stroke-width="${width * 1.3}" transform="translate(${width * 0.4} ${width * 0.3})"/>`);
    paths.push(`<path d="${d}" fill="none" stroke="${c}" stroke-width="${width}"/>`);
    paths.push(`<path d="${d}" fill="none" stroke="#fff" stroke-opacity="0.25" stroke-width="${width * 0.25}" transform="translate(${-width * 0.2} 0)"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${paths.join('')}</svg>`;
}

/** A painted steel door in front of the meter with a rectangular cut-out over the counter window. */
function doorSvg(rng: Rng, c: Conditions, h: Homography, face: Face, s: number): string {
  const { width: W, height: H } = c;
  const d = c.door!;
  const win = face.window;
  const hole: Pt[] = [
    [win.x - win.w * d.mx, win.y - win.h * d.my], [win.x + win.w * (1 + d.mx), win.y - win.h * d.my],
    [win.x + win.w * (1 + d.mx), win.y + win.h * (1 + d.my)], [win.x - win.w * d.mx, win.y + win.h * (1 + d.my)],
  ].map(([x, y]) => apply(h, [x! * s, y! * s]));
  // The door is nearer the camera than the meter: the hole looks a little larger and shifted.
  const cx = hole.reduce((a, p) => a + p[0], 0) / 4, cy = hole.reduce((a, p) => a + p[1], 0) / 4;
  const k = 1.04, ox = rng.range(-0.02, 0.02) * W, oy = rng.range(-0.02, 0.02) * H;
  const pts = hole.map(([x, y]) => [cx + (x - cx) * k + ox, cy + (y - cy) * k + oy] as Pt);
  const poly = pts.map(([x, y]) => `${x.toFixed(0)} ${y.toFixed(0)}`).join(' L');
  const edge = Math.max(3, W * 0.006);
  let sign = '';
  if (d.sign) {
    const sx = pts[1]![0] + W * 0.05, sy = pts[1]![1] + H * 0.02, r = W * 0.04;
    sign = `<polygon points="${sx},${sy - r} ${sx + r},${sy + r * 0.8} ${sx - r},${sy + r * 0.8}" fill="#f3c600" stroke="#111" stroke-width="${r * 0.08}"/><path d="M${sx + r * 0.1} ${sy - r * 0.45} L${sx - r * 0.25} ${sy + r * 0.2} L${sx + r * 0.05} ${sy + r * 0.15} L${sx - r * 0.1} ${sy + r * 0.65} L${sx + r * 0.3} ${sy} L${sx} ${sy + r * 0.05} Z" fill="#111"/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><linearGradient id="d" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.12"/><stop offset="1" stop-color="#000" stop-opacity="0.2"/></linearGradient></defs>` +
    `<path d="M0 0 L${W} 0 L${W} ${H} L0 ${H} Z M${poly} Z" fill="${d.colour}" fill-rule="evenodd"/>` +
    `<path d="M0 0 L${W} 0 L${W} ${H} L0 ${H} Z M${poly} Z" fill="url(#d)" fill-rule="evenodd"/>` +
    `<path d="M${poly} Z" fill="none" stroke="#1a1a1a" stroke-opacity="0.7" stroke-width="${edge}"/>${sign}</svg>`;
}

async function motionBlur(px: Buffer, W: number, H: number, length: number, angle: number): Promise<Buffer> {
  const n = Math.max(3, Math.round(length) | 1);
  const kernel = new Array<number>(n * n).fill(0);
  const a = (angle * Math.PI) / 180;
  for (let i = 0; i < n * 4; i++) {
    const t = (i / (n * 4 - 1) - 0.5) * (n - 1);
    const kx = Math.round((n - 1) / 2 + t * Math.cos(a)), ky = Math.round((n - 1) / 2 + t * Math.sin(a));
    kernel[ky * n + kx]! += 1;
  }
  const sum = kernel.reduce((x, y) => x + y, 0);
  return sharp(px, { raw: { width: W, height: H, channels: 3 } }).convolve({ width: n, height: n, kernel, scale: sum }).raw().toBuffer();
}
