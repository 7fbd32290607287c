// Process entry of the SMTP sink, started detached by sink-control.ts; everything it needs comes as arguments.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { stageLogger } from '../../src/log.js';
import { createSinkServer } from './sink-server.js';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    dir: { type: 'string' },
    key: { type: 'string' },
    cert: { type: 'string' },
    'max-bytes': { type: 'string' },
  },
});
const { host, port, dir, key, cert } = values;
const maxBytes = Number(values['max-bytes']);
if (!host || !port || !dir || !key || !cert || !Number.isInteger(maxBytes)) {
  throw new Error('usage: sink.ts --host H --port P --dir DIR --key KEY --cert CERT --max-bytes N');
}

const log = stageLogger('mail-sink', { dir });
fs.mkdirSync(dir, { recursive: true });
const server = createSinkServer({
  dir,
  key: fs.readFileSync(key),
  cert: fs.readFileSync(cert),
  maxBytes,
  onSaved: (file, bytes, session) => log.info({ file, bytes, rcpt: session.envelope.rcptTo.length }, 'message saved'),
});
server.on('error', (e) => {
  log.error({ err: e }, 'sink server error');
  // A listen failure (port taken) leaves nothing to serve; other errors are per-connection.
  if ((e as NodeJS.ErrnoException).syscall === 'listen') process.exit(1);
});
server.listen(Number(port), host, () => log.info({ host, port: Number(port) }, 'sink listening'));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    log.info({ signal }, 'sink stopping');
    // Open sessions (a client mid-transfer) would keep close() waiting; a test sink need not drain them.
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2_000).unref();
  });
}
