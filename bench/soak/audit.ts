// "Nothing lost", checked after the daemon has exited, from what it left behind rather than from what it says:
// the database read with plain SQL (not through the repositories under test; SQLite only, like the rest of the
// soak) and the mailbox read with imapflow directly (src/mail is the daemon's side of the conversation).
import Database from 'better-sqlite3';
import { ImapFlow } from 'imapflow';
import type { IntakeSettings } from '../../src/intake/run-intake.js';
import { folders } from '../../src/intake/run-intake.js';

export interface Audit {
  rows: number;
  states: Record<string, number>;
  decisions: Record<string, number>;
  /** rows not in a final state with a folder and a filed time */
  unfinished: number;
  /** appended Message-IDs with no row, with more than one row; rows for mail we never appended */
  missing: string[];
  storedTwice: string[];
  strangers: number;
  readings: number;
  /** (message, meter) pairs with more than one reading; readings of messages not accepted */
  readingsTwice: number;
  readingsNotAccepted: number;
  outbox: Record<string, number>;
  /** messages with more than one reply */
  repliedTwice: number;
  reviewItems: number;
  /** messages per outcome folder as the database records them, and as the IMAP server counts them */
  folderRows: Record<string, number>;
  imap: Record<string, number>;
}

const bare = (id: string | null): string => (id ?? '').trim().replace(/^<|>$/g, '');

function countBy(db: Database.Database, sql: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of db.prepare(sql).all() as { k: string | null; n: number }[]) out[r.k ?? 'null'] = r.n;
  return out;
}

function auditDatabase(file: string, appendedIds: readonly string[]): Omit<Audit, 'imap'> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    const ids = db.prepare('SELECT "messageIdHeader" AS m FROM "InboundMessage"').all() as { m: string | null }[];
    const seen = new Map<string, number>();
    for (const { m } of ids) seen.set(bare(m), (seen.get(bare(m)) ?? 0) + 1);
    const wanted = new Set(appendedIds);
    return {
      rows: ids.length,
      states: countBy(db, 'SELECT "state" AS k, count(*) AS n FROM "InboundMessage" GROUP BY 1'),
      decisions: countBy(db, 'SELECT "decision" AS k, count(*) AS n FROM "InboundMessage" GROUP BY 1'),
      unfinished: one(`SELECT count(*) AS n FROM "InboundMessage"
        WHERE "state" NOT IN ('filed', 'failed', 'duplicate') OR "outcomeFolder" IS NULL OR "filedAt" IS NULL`),
      missing: appendedIds.filter((id) => !seen.has(id)),
      storedTwice: [...seen].filter(([, n]) => n > 1).map(([id]) => id),
      strangers: [...seen.keys()].filter((id) => !wanted.has(id)).length,
      readings: one('SELECT count(*) AS n FROM "Reading"'),
      readingsTwice: one('SELECT count(*) AS n FROM (SELECT 1 FROM "Reading" GROUP BY "messageId", "meterId" HAVING count(*) > 1)'),
      readingsNotAccepted: one(`SELECT count(*) AS n FROM "Reading" r JOIN "InboundMessage" m ON m."id" = r."messageId"
        WHERE m."decision" IS NOT 'accept'`),
      outbox: countBy(db, 'SELECT "status" AS k, count(*) AS n FROM "Outbox" GROUP BY 1'),
      repliedTwice: one('SELECT count(*) AS n FROM (SELECT 1 FROM "Outbox" WHERE "messageId" IS NOT NULL GROUP BY "messageId" HAVING count(*) > 1)'),
      reviewItems: one('SELECT count(*) AS n FROM "ReviewItem"'),
      folderRows: countBy(db, 'SELECT "outcomeFolder" AS k, count(*) AS n FROM "InboundMessage" GROUP BY 1'),
    };
  } finally {
    db.close();
  }
}

/** Messages in the intake mailbox and in each outcome folder (STATUS; a folder never created counts 0). */
export async function folderCounts(s: IntakeSettings): Promise<Record<string, number>> {
  const imap = new ImapFlow({
    host: s.IMAP_HOST, port: s.IMAP_PORT, secure: s.IMAP_TLS, doSTARTTLS: s.IMAP_TLS ? undefined : s.IMAP_STARTTLS,
    tls: { rejectUnauthorized: s.IMAP_TLS_VERIFY }, auth: { user: s.IMAP_USER, pass: s.IMAP_PASSWORD }, logger: false,
  });
  await imap.connect();
  try {
    const out: Record<string, number> = {};
    for (const folder of [s.IMAP_MAILBOX, ...new Set(Object.values(folders(s)))]) {
      const st = await imap.status(folder, { messages: true }).catch(() => null);
      out[folder] = st ? st.messages ?? 0 : 0;
    }
    return out;
  } finally {
    await imap.logout();
  }
}

export async function audit(sqliteFile: string, s: IntakeSettings, appendedIds: readonly string[]): Promise<Audit> {
  return { ...auditDatabase(sqliteFile, appendedIds), imap: await folderCounts(s) };
}

/** Every way the run can have lost, doubled or stranded a message; empty when nothing was lost. */
export function problems(a: Audit, s: IntakeSettings, appended: number): string[] {
  const inFolders = Object.entries(a.imap).filter(([f]) => f !== s.IMAP_MAILBOX).reduce((n, [, c]) => n + c, 0);
  const folderMismatch = Object.entries(a.imap).filter(([f, n]) => f !== s.IMAP_MAILBOX && (a.folderRows[f] ?? 0) !== n);
  return [
    a.rows !== appended && `${a.rows} messages stored, ${appended} appended`,
    a.missing.length > 0 && `${a.missing.length} appended messages never stored (first: ${a.missing.slice(0, 3).join(', ')})`,
    a.storedTwice.length > 0 && `${a.storedTwice.length} messages stored more than once (first: ${a.storedTwice.slice(0, 3).join(', ')})`,
    a.strangers > 0 && `${a.strangers} stored messages were not appended by this run`,
    a.unfinished > 0 && `${a.unfinished} messages not in a final state (filed/failed/duplicate with folder and filed time)`,
    (a.imap[s.IMAP_MAILBOX] ?? 0) !== 0 && `${a.imap[s.IMAP_MAILBOX]} messages left in ${s.IMAP_MAILBOX}`,
    inFolders !== appended && `${inFolders} messages in the outcome folders, ${appended} appended`,
    folderMismatch.length > 0 && `folders disagree with the database: ${folderMismatch.map(([f, n]) => `${f} ${n} on IMAP, ${a.folderRows[f] ?? 0} stored`).join('; ')}`,
    a.readingsTwice > 0 && `${a.readingsTwice} (message, meter) pairs with more than one reading`,
    a.readingsNotAccepted > 0 && `${a.readingsNotAccepted} readings of messages that were not accepted`,
    a.repliedTwice > 0 && `${a.repliedTwice} messages with more than one reply`,
  ].filter((p): p is string => typeof p === 'string');
}
