// HEIC (HEVC in HEIF: iPhone and many Android photos) → RGBA. sharp's libheif has no HEVC decoder, so
// libheif compiled to wasm (heic-decode) does it, in a throw-away thread: a wasm heap never shrinks, and a
// 12 MP photo would leave ~200 MB of it in this process for good. The thread also makes a time limit possible.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface DecodedHeic {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, rotation (irot/imir) already applied by libheif. */
  data: Uint8Array;
}

const HEIC_DECODE = createRequire(import.meta.url).resolve('heic-decode');

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(${JSON.stringify(HEIC_DECODE)})({ buffer: workerData })
  .then(({ width, height, data }) => parentPort.postMessage({ width, height, data }, [data.buffer]))
  .catch((e) => parentPort.postMessage({ error: String((e && e.message) || e) }));
`;

type Reply = DecodedHeic | { error: string };

/** libheif reports its reasons on the console: keep them (briefly) for the detail, off our stdout. */
function captureOutput(worker: Worker): () => string {
  let text = '';
  for (const stream of [worker.stdout, worker.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (text = (text + chunk).slice(0, 2000)));
  }
  return () => (/message: '([^'\\]*)/.exec(text)?.[1] ?? text.split('\n')[0] ?? '').trim();
}

export function decodeHeic(bytes: Buffer, timeoutMs: number): Promise<DecodedHeic> {
  const input = new Uint8Array(bytes); // a copy with its own buffer, handed over without another copy
  const worker = new Worker(SOURCE, { eval: true, workerData: input, transferList: [input.buffer], stdout: true, stderr: true });
  const output = captureOutput(worker);
  let timer: NodeJS.Timeout | undefined;
  return new Promise<DecodedHeic>((resolve, reject) => {
    const fail = (reason: string): void => reject(new Error([reason, output()].filter(Boolean).join(': ')));
    timer = setTimeout(() => fail(`HEIC decoding took over ${timeoutMs} ms`), timeoutMs);
    worker.once('message', (reply: Reply) => ('error' in reply ? fail(reply.error) : resolve(reply)));
    worker.once('error', (e) => fail(e.message));
    // after a reply this is a no-op: the promise is settled
    worker.once('exit', (code) => fail(`HEIC decoder exited (${code})`));
  }).finally(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
}
