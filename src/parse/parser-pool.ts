// MIME parsing on worker threads, so the intake's main thread can store and apply one batch while the next is
// parsed. Same result as parseMessage (parse-message.ts) in-thread; a worker that dies is replaced and its jobs
// fail with PARSER_WORKER_EXITED (the intake records such a message as failed, it never disappears).
import { Worker } from 'node:worker_threads';
import type { ParsedMessage, ParseLimits } from './types.js';

export interface ParserPool {
  parse(raw: Buffer, limits: ParseLimits): Promise<ParsedMessage>;
  close(): Promise<void>;
}

interface Pending { resolve(p: ParsedMessage): void; reject(e: Error): void }
interface Slot { worker: Worker; pending: Map<number, Pending> }

export class ParserPoolError extends Error {
  constructor(readonly code: 'PARSER_WORKER_EXITED' | 'PARSER_POOL_CLOSED' | 'PARSE_FAILED', message: string) {
    super(message);
  }
}

const WORKER_MODULE = new URL(`./parser-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
const BOOT = new URL('./worker-boot.mjs', import.meta.url);

export function createParserPool(threads: number): ParserPool {
  let nextId = 1;
  let turn = 0;
  let closed = false;
  const slots: Slot[] = [];

  function start(index: number): Slot {
    const slot: Slot = { worker: new Worker(BOOT, { workerData: { module: WORKER_MODULE } }), pending: new Map() };
    slot.worker.unref();
    slot.worker.on('message', (msg: { id: number; parsed?: ParsedMessage; error?: { message: string } }) => {
      const job = slot.pending.get(msg.id);
      if (!job) return;
      slot.pending.delete(msg.id);
      if (msg.parsed) job.resolve(revive(msg.parsed));
      else job.reject(new ParserPoolError('PARSE_FAILED', msg.error?.message ?? 'parse failed'));
    });
    const fail = (why: string) => {
      for (const job of slot.pending.values()) job.reject(new ParserPoolError('PARSER_WORKER_EXITED', why));
      slot.pending.clear();
      if (!closed && slots[index] === slot) slots[index] = start(index);
    };
    slot.worker.on('error', (e) => fail(`parser worker failed: ${e.message}`));
    slot.worker.on('exit', (code) => fail(`parser worker exited with code ${code}`));
    return slot;
  }
  for (let i = 0; i < Math.max(1, threads); i++) slots.push(start(i));

  return {
    parse(raw, limits) {
      if (closed) return Promise.reject(new ParserPoolError('PARSER_POOL_CLOSED', 'the parser pool is closed'));
      // The least busy worker (ties in turn), so one slow message does not hold up the rest.
      const slot = slots.reduce((best, s, i) => (s.pending.size < best.pending.size || (s.pending.size === best.pending.size && i === turn % slots.length) ? s : best), slots[0]!);
      turn++;
      const id = nextId++;
      return new Promise<ParsedMessage>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, raw, limits });
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** Structured cloning turns Buffers into plain Uint8Arrays: give the attachments their Buffer methods back. */
function revive(parsed: ParsedMessage): ParsedMessage {
  for (const a of parsed.attachments) {
    const c = a.content as Uint8Array;
    a.content = Buffer.from(c.buffer, c.byteOffset, c.byteLength);
  }
  return parsed;
}
