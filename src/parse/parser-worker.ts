// Runs in a worker thread of parser-pool.ts: raw message in, ParsedMessage out. Attachment bytes are transferred
// back, not copied.
import { parentPort } from 'node:worker_threads';
import { parseMessage } from './parse-message.js';
import type { ParseLimits } from './types.js';

interface Job { id: number; raw: Uint8Array; limits: ParseLimits }

const port = parentPort;
if (!port) throw new Error('parser-worker.ts runs only as a worker thread');

port.on('message', (job: Job) => {
  const raw = Buffer.from(job.raw.buffer, job.raw.byteOffset, job.raw.byteLength);
  parseMessage(raw, job.limits).then(
    (parsed) => {
      // A transferred buffer must be whole and unshared: copy each attachment into its own.
      const transfer: ArrayBuffer[] = [];
      for (const a of parsed.attachments) {
        const own = new Uint8Array(a.content.byteLength);
        own.set(a.content);
        a.content = own as Buffer;
        transfer.push(own.buffer);
      }
      port.postMessage({ id: job.id, parsed }, transfer);
    },
    (e: unknown) => port.postMessage({ id: job.id, error: { message: String((e as Error)?.message ?? e), code: (e as { code?: string })?.code } }),
  );
});
