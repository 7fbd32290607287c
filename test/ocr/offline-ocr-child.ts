// Run by tesseract-offline.test.ts in a child process without network, in an empty working directory:
// starts the real pool, reads one rendered digit line, prints one JSON line.
import { connect } from 'node:net';
import { createTesseractPool } from '../../src/ocr/tesseract-pool.js';
import { digitLinePng } from './make-images.js';

/** Proof that the sandbox is real: a TCP connection to a public address must fail. */
function probeNetwork(): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '151.101.1.229', port: 443, timeout: 3000 });
    socket.once('connect', () => { socket.destroy(); resolve('reachable'); });
    socket.once('timeout', () => { socket.destroy(); resolve('timeout'); });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

const network = await probeNetwork();
const png = await digitLinePng('0451273');
const pool = createTesseractPool({ size: 1, recycleAfter: 10, jobTimeoutMs: 20_000 });
const started = performance.now();
const result = await pool.recognise(png, { psm: 'line', whitelist: '0123456789' });
const ms = Math.round(performance.now() - started);
await pool.close();
process.stdout.write(JSON.stringify({ network, text: result.text, confidence: result.confidence, ms, cwd: process.cwd() }) + '\n');
