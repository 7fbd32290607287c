// The photos attached to the photo sample emails (scripts/samples/cases/photo.ts): fixed meters and readings
// that match samples/registry.csv. Writes samples/photos/email/NAME.{jpg,png,heic} + labels.json.
// Run: npx tsx scripts/photos/email-photos.ts   (the HEIC needs heif-enc from libheif-examples)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { PhotoLabel, PhotoRequest } from './photo.js';
import { makePhoto } from './photo.js';

interface EmailPhoto extends Omit<PhotoRequest, 'width' | 'height'> {
  name: string;
  format: 'jpg' | 'png' | 'heic';
}

export const EMAIL_PHOTOS: EmailPhoto[] = [
  { name: 'IMG_5172', format: 'jpg', display: 'drum', model: 'МЕРКУРИЙ 201.5', serial: '36018844', digits: '022871', unreadable: null },
  { name: 'IMG_20261122_191544', format: 'jpg', display: 'lcd', model: 'СЕ102 R5.1 145-A', serial: '01120457', digits: '041877', zone: null, unreadable: null },
  { name: 'photo_2026-11-23_10-41-07', format: 'jpg', display: 'drum', model: 'СО-505', serial: '0734519', digits: '15820', unreadable: null },
  { name: 'IMG_20261121_202310', format: 'jpg', display: 'drum', model: 'НЕВА 101 1S0', serial: '5521907', digits: '031544', unreadable: 'blur' },
  { name: 'IMG_5208', format: 'jpg', display: 'drum', model: 'МЕРКУРИЙ 201.2', serial: '011879944', digits: '007512', unreadable: null, door: false },
  { name: 'IMG_20261124_084512', format: 'jpg', display: 'lcd', model: 'МЕРКУРИЙ 200.02', serial: '20458817', digits: '051986', zone: null, unreadable: null, door: false },
  { name: 'IMG_5230', format: 'jpg', display: 'lcd', model: 'МЕРКУРИЙ 230 ART-01', serial: '009123745', digits: '018611', zone: 't1', unreadable: null },
  { name: 'Screenshot_20261122-183005', format: 'png', display: 'drum', model: 'СЕ101 R5 145 M6', serial: '04417720', digits: '009455', unreadable: null },
  { name: 'teplo', format: 'jpg', display: 'lcd', model: 'ПУЛЬСАР', unit: 'Gcal', serial: '771204', digits: '00041', zone: null, unreadable: null },
  { name: 'IMG_5251', format: 'heic', display: 'drum', model: 'СО-И446', serial: '31560478', digits: '064190', unreadable: null },
];

async function main(): Promise<void> {
  const out = fileURLToPath(new URL('../../samples/photos/email/', import.meta.url));
  mkdirSync(out, { recursive: true });
  const labels: PhotoLabel[] = [];
  for (const p of EMAIL_PHOTOS) {
    // No neighbour's meter in these: each email case is about one meter.
    const { jpeg, label } = await makePhoto(`email:${p.name}`, { ...p, neighbour: false, width: 1280, height: 960 });
    const file = `${p.name}.${p.format === 'heic' ? 'HEIC' : p.format}`;
    if (p.format === 'jpg') writeFileSync(join(out, file), jpeg);
    if (p.format === 'png') {
      // A screenshot of the gallery app: status bar, black margins, the photo scaled to the width.
      const photo = await sharp(jpeg).rotate().resize({ width: 720 }).toBuffer({ resolveWithObject: true });
      const top = Math.round((1600 - photo.info.height) / 2);
      const bar = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="720" height="60"><rect width="720" height="60" fill="#000"/><text x="24" y="40" font-size="26" font-family="DejaVu Sans" fill="#fff">18:30</text><text x="696" y="40" font-size="24" font-family="DejaVu Sans" fill="#fff" text-anchor="end">4G  67%</text></svg>`);
      const png = await sharp({ create: { width: 720, height: 1600, channels: 3, background: '#000' } })
        .composite([{ input: photo.data, top, left: 0 }, { input: bar, top: 0, left: 0 }])
        .png({ compressionLevel: 9, palette: false })
        .toBuffer();
      writeFileSync(join(out, file), png);
    }
    if (p.format === 'heic') {
      const tmp = join(out, '.tmp.jpg');
      writeFileSync(tmp, jpeg);
      try {
        execFileSync('heif-enc', ['-q', '55', '-o', join(out, file), tmp], { stdio: 'pipe' });
      } finally {
        rmSync(tmp, { force: true });
      }
    }
    labels.push({ file, ...label });
    console.log(`${file} ${label.reading ?? 'null'} ${(readFileSync(join(out, file)).length / 1024).toFixed(0)} KB`);
  }
  writeFileSync(join(out, 'labels.json'), JSON.stringify(labels, null, 2) + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
