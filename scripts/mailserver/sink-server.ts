// The SMTP sink: accepts any mail (AUTH and STARTTLS optional) and saves each message as one .eml file.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface SinkOptions {
  dir: string;
  key: Buffer;
  cert: Buffer;
  maxBytes: number;
  onSaved?: (file: string, bytes: number, session: SMTPServerSession) => void;
}

export function createSinkServer(options: SinkOptions): SMTPServer {
  return new SMTPServer({
    name: 'localhost',
    banner: 'khab mail sink (dev)',
    size: options.maxBytes,
    key: options.key,
    cert: options.cert,
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth: (auth, _session, done) => done(null, { user: auth.username ?? 'anonymous' }),
    onData: (stream, session, done) => {
      saveMessage(stream, session, options).then(
        () => done(),
        (e: Error & { responseCode?: number }) => done(e),
      );
    },
  });
}

let counter = 0;

/** Unique and sortable by arrival: time, process, counter, random. */
export function sinkFileName(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '-');
  counter = (counter + 1) % 1_000_000;
  return `${stamp}-${process.pid}-${String(counter).padStart(6, '0')}-${randomBytes(4).toString('hex')}.eml`;
}

async function saveMessage(stream: SMTPServerDataStream, session: SMTPServerSession, options: SinkOptions): Promise<void> {
  fs.mkdirSync(options.dir, { recursive: true });
  const name = sinkFileName(new Date());
  // Written under a dot-name and renamed, so a reader never sees half a message.
  const temp = path.join(options.dir, `.${name}.part`);
  const out = fs.createWriteStream(temp, { flags: 'wx' });
  try {
    out.write(envelopeHeaders(session));
    await pipeline(stream, out);
    if (stream.sizeExceeded) {
      throw Object.assign(new Error(`message exceeds the ${options.maxBytes} byte limit`), { responseCode: 552 });
    }
    const final = path.join(options.dir, name);
    fs.renameSync(temp, final);
    options.onSaved?.(final, stream.byteLength, session);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

// Like a delivering MTA, record the envelope: Bcc recipients appear nowhere else.
function envelopeHeaders(session: SMTPServerSession): string {
  const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  const to = session.envelope.rcptTo.map((r) => `<${r.address}>`).join(', ');
  return `Return-Path: <${from}>\r\nX-Sink-Envelope-To: ${to}\r\n`;
}
