// One self-signed certificate for both servers, made once with openssl and kept under the data folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Layout } from './layout.js';

export function ensureCertificate(layout: Layout): void {
  if (fs.existsSync(layout.tlsKey) && fs.existsSync(layout.tlsCert)) return;
  fs.mkdirSync(path.dirname(layout.tlsKey), { recursive: true, mode: 0o700 });
  // Written beside the final names and renamed, so an interrupted run never leaves a key without its cert.
  const key = `${layout.tlsKey}.new`;
  const cert = `${layout.tlsCert}.new`;
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '3650',
    '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout', key, '-out', cert,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  fs.chmodSync(key, 0o600);
  fs.renameSync(cert, layout.tlsCert);
  fs.renameSync(key, layout.tlsKey);
}
