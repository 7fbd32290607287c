// One labelled photo from a seed: a meter face, the shooting conditions, the JPEG and its label.
import { BACKGROUNDS } from './background.js';
import { drumFace } from './drum.js';
import { lcdFace } from './lcd.js';
import type { Face, FaceSpec, Label } from './face.js';
import { makeRng } from './rng.js';
import type { Unreadable } from './scene.js';
import { drawConditions, renderPhoto } from './scene.js';

export interface PhotoLabel {
  file: string;
  display: 'drum' | 'lcd';
  reading: number | null;
  digits: string | null;
  serial: string | null;
  model: string;
  zone: 't1' | 't2' | null;
  unit: 'kWh' | 'Gcal';
  notes: string;
}

export interface PhotoRequest extends FaceSpec {
  /** Force an unreadable photo of this kind; undefined draws it (~15%), null forbids it. */
  unreadable?: Unreadable | null;
  width: number;
  height: number;
  /** Let the generator turn the frame to portrait (when the meter is tall). */
  allowPortrait?: boolean;
  /** false: no neighbour's meter beside this one. */
  neighbour?: boolean;
  /** false: no cabinet door in front (keeps the faceplate serial visible). */
  door?: boolean;
  /** Final JPEG quality; drawn (72..92) when absent. */
  quality?: number;
}

function serialInHole(face: Face, d: { mx: number; my: number }): boolean {
  const w = face.window, b = face.serialBox;
  return b.x >= w.x - w.w * d.mx && b.x + b.w <= w.x + w.w * (1 + d.mx) && b.y + b.h <= w.y + w.h * (1 + d.my);
}

const UNREADABLE: Unreadable[] = ['blur', 'motion', 'glare', 'crop', 'dark'];

export async function makePhoto(seed: string, req: PhotoRequest): Promise<{ jpeg: Buffer; label: Omit<PhotoLabel, 'file'> }> {
  const rng = makeRng(seed);
  const display = req.display ?? 'drum';
  const face = display === 'lcd' ? lcdFace(rng.fork('face'), req) : drumFace(rng.fork('face'), req);
  const unreadable = req.unreadable !== undefined ? req.unreadable : rng.chance(0.15) ? rng.pick(UNREADABLE) : null;
  let { width, height } = req;
  const portrait = req.allowPortrait !== false && face.height > face.width * 1.1 && rng.chance(0.6);
  if (portrait && width > height) [width, height] = [height, width];
  const cond = drawConditions(rng.fork('conditions'), width, height, unreadable, BACKGROUNDS);
  if (req.quality) cond.quality = req.quality;
  if (req.door === false) cond.door = null;
  if (req.neighbour === false) cond.neighbour = null;
  // A neighbour's meter on the same wall: its digits are in the photo but they are not the label.
  let neighbour = null;
  if (cond.neighbour && !cond.door) {
    const nr = rng.fork('neighbour');
    neighbour = nr.chance(0.5) ? lcdFace(nr, {}) : drumFace(nr, {});
  }
  const jpeg = await renderPhoto(face, cond, rng.fork('render'), neighbour);
  const l: Label = face.label;
  const notes = [...l.notes, `background ${cond.background}`, `rotation ${cond.rotation.toFixed(1)}°`, `fill ${(cond.fill * 100).toFixed(0)}%`];
  if (cond.exifOrientation !== 1) notes.push(`stored sideways, EXIF orientation ${cond.exifOrientation}`);
  if (neighbour && cond.neighbour) notes.push(`a neighbour's ${neighbour.label.display} meter partly in frame on the ${cond.neighbour!.side} (shows ${neighbour.label.digits}, serial ${neighbour.label.serial}; not the label)`);
  if (cond.glare && !unreadable) notes.push('glare beside the window');
  if (cond.motion && !unreadable) notes.push('slight shake');
  if (cond.recompress) notes.push(`recompressed (q${cond.recompress} then q${cond.quality})`);
  const serialVisible = !cond.door || serialInHole(face, cond.door);
  if (cond.door) notes.push(`seen through the cut-out of a cabinet door${serialVisible ? '' : '; serial hidden'}`);
  if (cond.grime > 0.15) notes.push('dirty faceplate');
  if (unreadable) notes.push(`UNREADABLE: ${unreadable}; printed reading ${l.digits}, serial ${l.serial}`);
  return {
    jpeg,
    label: {
      display,
      reading: unreadable ? null : l.reading,
      digits: unreadable ? null : l.digits,
      serial: unreadable || !serialVisible ? null : l.serial,
      model: l.model,
      zone: l.zone,
      unit: l.unit,
      notes: notes.join('; '),
    },
  };
}
