// Size-based rotation of pm2's log files, offline (pm2-logrotate is a module pm2 fetches from the network).
// A file over the limit is renamed to name.log.1 (older ones shift up to .N, the oldest is dropped); pm2 keeps
// writing to the renamed file until it is told to reopen its logs (`pm2 reloadLogs`), so no line is lost.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export interface RotateOptions {
  dir: string;
  maxBytes: number;
  keep: number;
}

/** Rotates every *.log in `dir` larger than maxBytes; returns the rotated files' names. */
export function rotateLogs({ dir, maxBytes, keep }: RotateOptions): string[] {
  if (!existsSync(dir)) return [];
  const rotated: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.log')).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).size <= maxBytes) continue;
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    renameSync(file, `${file}.1`);
    rotated.push(name);
  }
  return rotated;
}
