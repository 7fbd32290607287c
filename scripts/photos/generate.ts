// CLI: npm run photos -- --out DIR --count N --seed S [--size 4032x3024]
// Writes DIR/NNN-drum.jpg … and DIR/labels.json (see README.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PhotoLabel } from './photo.js';
import { makePhoto } from './photo.js';
import { makeRng } from './rng.js';
import type { Unreadable } from './scene.js';

function usage(msg: string): never {
  process.stderr.write(`${msg}\nusage: npm run photos -- --out DIR --count N --seed S [--size 4032x3024] [--display drum|lcd] [--quality Q]\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' }, size: { type: 'string', default: '4032x3024' }, display: { type: 'string' }, quality: { type: 'string' } },
  });
  if (!values.out || !values.count || values.seed === undefined) usage('--out, --count and --seed are required');
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1) usage('--count must be a positive integer');
  const m = /^(\d+)x(\d+)$/.exec(values.size ?? '');
  if (!m) usage('--size must be WxH');
  const width = Number(m[1]), height = Number(m[2]);
  if (values.display && values.display !== 'drum' && values.display !== 'lcd') usage('--display must be drum or lcd');
  mkdirSync(values.out, { recursive: true });
  const rng = makeRng(`cli:${values.seed}`);
  const labels: PhotoLabel[] = [];
  // One photo in seven (~14%) unreadable, cycling through the kinds so even a small set has each of them.
  const kinds: Unreadable[] = ['blur', 'glare', 'dark', 'crop', 'motion'];
  let nextKind = 0;
  for (let i = 0; i < count; i++) {
    const display = (values.display as 'drum' | 'lcd' | undefined) ?? (rng.chance(0.5) ? 'drum' : 'lcd');
    const unreadable = i % 7 === 3 ? kinds[nextKind++ % kinds.length]! : null;
    const { jpeg, label } = await makePhoto(`${values.seed}:${i}`, { display, unreadable, width, height, ...(values.quality ? { quality: Number(values.quality) } : {}) });
    const file = `${String(i + 1).padStart(3, '0')}-${label.display}${label.reading === null ? '-unreadable' : ''}.jpg`;
    writeFileSync(join(values.out, file), jpeg);
    labels.push({ file, ...label });
    process.stdout.write(`${file} ${label.reading ?? 'null'} ${(jpeg.length / 1024).toFixed(0)} KB\n`);
  }
  writeFileSync(join(values.out, 'labels.json'), JSON.stringify(labels, null, 2) + '\n');
}

await main();
