// Writes prisma/{sqlite,postgres}/schema.prisma from prisma/models.prisma. The two files differ only
// in the datasource block, so one set of models serves both databases.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MODELS_PATH, PROVIDERS, generatedDir, providerDir, schemaPath, type Provider } from './providers.js';

// The literal url line must stay: without it (or with an unset env()) the Prisma CLI tries to
// download a query engine. The real URL reaches Prisma through the driver adapter only.
const DATASOURCE: Record<Provider, string> = {
  sqlite: 'provider = "sqlite"\n  url      = "file:unused"',
  postgres: 'provider = "postgresql"\n  url      = "postgresql://unused"',
};

export function renderSchema(provider: Provider, models: string): string {
  const output = path.relative(providerDir(provider), generatedDir(provider)).split(path.sep).join('/');
  return `// GENERATED from prisma/models.prisma by \`npm run db -- generate\`: edit models.prisma instead.

datasource db {
  ${DATASOURCE[provider]}
}

generator client {
  provider            = "prisma-client"
  output              = "${output}"
  engineType          = "client"
  moduleFormat        = "esm"
  importFileExtension = "js"
}

${models.trim()}
`;
}

/** Returns the schema files whose content changed. */
export async function writeSchemas(): Promise<string[]> {
  const models = await readFile(MODELS_PATH, 'utf8');
  const changed: string[] = [];
  for (const provider of PROVIDERS) {
    const file = schemaPath(provider);
    const text = renderSchema(provider, models);
    const old = await readFile(file, 'utf8').catch(() => null);
    if (old === text) continue;
    await writeFile(file, text);
    changed.push(file);
  }
  return changed;
}
