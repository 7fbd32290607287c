// `npm run mailserver -- start|stop|status|restart|reset`: the local Dovecot and SMTP sink for the demo, tests and CI.
import { ConfigError } from '../src/config.js';
import {
  mailServerStatus, resetMailData, restartDovecot, startMailServer, stopMailServer, type MailServerStatus,
} from './mailserver/index.js';

const USAGE = `usage: npm run mailserver -- <command>

  start    install Dovecot if missing, start Dovecot and the SMTP sink; returns once both answer
  stop     stop both and wait until their processes have exited
  status   one line per server; exit 0 if both run, 3 otherwise
  restart  restart Dovecot (dropping its connections) and start whatever is not running
  reset    stop both, delete every mailbox and the sink's .eml files
`;

const say = (line: string) => process.stdout.write(`${line}\n`);

function describe(s: MailServerStatus): string[] {
  const d = s.dovecot;
  const k = s.sink;
  const dovecotPorts = `${s.connection.host}:${d.imapPort} (imap, STARTTLS) ${s.connection.host}:${d.imapsPort} (imaps)`;
  return [
    `dovecot  ${d.running ? `running  pid ${d.pid}` : 'stopped'}  ${dovecotPorts}  ${d.version ? `v${d.version}` : 'not installed'}`,
    `sink     ${k.running ? `running  pid ${k.pid}` : 'stopped'}  ${s.connection.host}:${k.port} (smtp)  -> ${k.dir ?? s.connection.sinkDir}`,
  ];
}

async function main(command: string | undefined): Promise<number> {
  switch (command) {
    case 'start': {
      const r = await startMailServer({ say });
      if (!r.started.dovecot && !r.started.sink) say('already running');
      describe(r).forEach((l) => say(l));
      say(`user ${r.connection.user} / ${r.connection.password} (dev only)`);
      return 0;
    }
    case 'stop': {
      const r = await stopMailServer({ say });
      say(`dovecot ${r.dovecot ? 'stopped' : 'was not running'}; sink ${r.sink ? 'stopped' : 'was not running'}`);
      return 0;
    }
    case 'status': {
      const s = mailServerStatus();
      describe(s).forEach((l) => say(l));
      return s.dovecot.running && s.sink.running ? 0 : 3;
    }
    case 'restart': {
      await restartDovecot({ say });
      describe(await startMailServer({ say })).forEach((l) => say(l));
      return 0;
    }
    case 'reset': {
      await resetMailData({ say });
      say('stopped; mailboxes and sink messages deleted');
      return 0;
    }
    default:
      process.stderr.write(USAGE);
      return command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const err = e as Error & { code?: string };
    process.stderr.write(`mailserver: ${err.code ? `[${err.code}] ` : ''}${err.message}\n`);
    process.exitCode = e instanceof ConfigError ? 2 : 1;
  },
);
