// Writes samples/NAME.eml + NAME.expected.json for every case in scripts/samples/cases/.
// Run: npx tsx scripts/samples/build-samples.ts   (then check with scripts/samples/check-samples.ts)
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from './clients.js';
import { buildHeaders } from './clients.js';
import type { SampleCase } from './compose.js';
import { clientBody } from './compose.js';
import { renderMessage } from './mime.js';
import { acceptCases } from './cases/accept.js';
import { reviewCases } from './cases/review.js';
import { rejectCases } from './cases/reject.js';
import { ignoreCases } from './cases/ignore.js';
import { photoCases } from './cases/photo.js';

const CRLF_CLIENTS = new Set<Client>(['gmail', 'gmailAndroid', 'outlook', 'exchange', 'outlookCom', 'mailru', 'outlookExpress', 'thebat']);

export function renderCase(c: SampleCase): Buffer {
  if ('rawHeaders' in c) return renderMessage(c.rawHeaders, c.body, c.eol ?? '\r\n');
  const { headers } = buildHeaders(c.client, c.env, c.name);
  const body = c.body ?? clientBody(c.client, c.name, c.text ?? '', c.bodyOptions);
  return renderMessage(headers, body, c.eol ?? (CRLF_CLIENTS.has(c.client) ? '\r\n' : '\n'));
}

function main(): void {
  const outDir = fileURLToPath(new URL('../../samples/', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  const cases = [...acceptCases, ...reviewCases, ...rejectCases, ...ignoreCases, ...photoCases];
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`duplicate sample name ${c.name}`);
    if (!c.name.startsWith(c.expected.decision + '-')) throw new Error(`${c.name}: name must start with ${c.expected.decision}-`);
    names.add(c.name);
  }
  // Stale outputs of renamed cases would otherwise linger as unlabelled samples.
  for (const f of readdirSync(outDir)) {
    const m = /^(.*)\.(eml|expected\.json)$/.exec(f);
    if (m && !names.has(m[1]!)) unlinkSync(join(outDir, f));
  }
  for (const c of cases) {
    writeFileSync(join(outDir, `${c.name}.eml`), renderCase(c));
    writeFileSync(join(outDir, `${c.name}.expected.json`), JSON.stringify(c.expected, null, 2) + '\n');
  }
  const count = (d: string): number => cases.filter((c) => c.expected.decision === d).length;
  console.log(`wrote ${cases.length} samples: accept=${count('accept')} review=${count('review')} reject=${count('reject')} ignore=${count('ignore')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
