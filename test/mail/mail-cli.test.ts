// `cli mail append` through the real CLI, and appendFiles' INTERNALDATE from the Date header.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { MailboxClient } from '../../src/mail/index.js';
import { toCrlf } from '../../src/mail/append-files.js';
import { headerDate } from '../../src/mail/header-date.js';
import { ensureMailServer, imapSettings, testLog, uniqueName } from './helpers.js';

const run = promisify(execFile);
const cli = (args: string[]) => run(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'mail', ...args], {
  cwd: PROJECT_ROOT, env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn' },
});
const samples = ['accept-date-obsolete-gmt-zone-rambler.eml', 'accept-date-without-weekday-samsung.eml'].map((f) => path.join(PROJECT_ROOT, 'samples', f));

beforeAll(ensureMailServer);

describe('cli mail append', () => {
  it('appends the files in order to a folder it creates, INTERNALDATE from the Date header', async () => {
    const folder = uniqueName('cli');
    const { stdout } = await cli(['append', '--folder', folder, '--date-from-header', ...samples]);
    expect(stdout).toBe(`appended 2 message(s) to ${folder}\n`);

    const client = new MailboxClient(imapSettings({ IMAP_MAILBOX: folder }), testLog().log);
    try {
      await client.connect();
      const fetched = await client.fetch(await client.listUids());
      expect(fetched).toHaveLength(2);
      fetched.forEach((m, i) => {
        const raw = readFileSync(samples[i]!);
        expect(raw.includes('\r')).toBe(false); // the samples have bare LF; IMAP carries CRLF
        expect(m.source.equals(toCrlf(raw))).toBe(true);
        expect(m.internalDate?.toISOString()).toBe(headerDate(raw)!.toISOString());
      });
    } finally {
      await client.close();
    }
  });

  it('appends nothing when a file is missing, and exits 2 on bad usage', async () => {
    const folder = uniqueName('cli-missing');
    const missing = await run(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'mail', 'append', '--folder', folder, samples[0]!, '/nonexistent.eml'], {
      cwd: PROJECT_ROOT, env: { PATH: process.env['PATH'] ?? '' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(missing).toMatchObject({ code: 2 });
    expect((missing as { stderr: string }).stderr).toContain('/nonexistent.eml');
    await expect(cli(['append'])).rejects.toMatchObject({ code: 2 });
    await expect(cli(['fetch'])).rejects.toMatchObject({ code: 2 });

    const client = new MailboxClient(imapSettings({ IMAP_MAILBOX: folder }), testLog().log);
    await expect(client.connect()).rejects.toMatchObject({ code: 'IMAP_MAILBOX' });
  });
});
