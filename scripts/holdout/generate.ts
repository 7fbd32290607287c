// Writes test/corpora/holdout/: registry.csv plus NAME.eml / NAME.expected.json for every case.
// Usage: npx tsx scripts/holdout/generate.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildMessage } from "./mime.js";
import { REGISTRY, registryCsv } from "./registry.js";
import type { Case } from "./cases/case.js";
import { acceptCases } from "./cases/accept.js";
import { reviewCases } from "./cases/review.js";
import { rejectCases } from "./cases/reject.js";
import { ignoreCases } from "./cases/ignore.js";

const OUT_DIR = fileURLToPath(new URL("../../test/corpora/holdout/", import.meta.url));

/** Deterministic shuffle so file numbers do not reveal the decision group. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const swap = out[i] as T;
    out[i] = out[j] as T;
    out[j] = swap;
  }
  return out;
}

function main(): void {
  const cases: Case[] = shuffled([...acceptCases, ...reviewCases, ...rejectCases, ...ignoreCases], 20261120);
  const slugs = new Set<string>();
  for (const c of cases) {
    if (slugs.has(c.slug)) throw new Error(`duplicate slug ${c.slug}`);
    slugs.add(c.slug);
  }

  mkdirSync(OUT_DIR, { recursive: true });
  for (const file of readdirSync(OUT_DIR)) {
    if (/^h\d{3}-.*\.(eml|expected\.json)$/.test(file)) rmSync(join(OUT_DIR, file));
  }
  writeFileSync(join(OUT_DIR, "registry.csv"), registryCsv(REGISTRY));

  cases.forEach((c, i) => {
    const name = `h${String(i + 1).padStart(3, "0")}-${c.slug}`;
    const messageId = c.message.messageId ?? `${name}.${(i * 2654435761) % 1e9}@holdout.example`;
    writeFileSync(join(OUT_DIR, `${name}.eml`), buildMessage({ ...c.message, messageId }));
    writeFileSync(join(OUT_DIR, `${name}.expected.json`), JSON.stringify(c.expected, null, 2) + "\n");
  });
  console.log(`wrote ${cases.length} messages and registry.csv (${REGISTRY.length} meters) to ${OUT_DIR}`);
}

main();
