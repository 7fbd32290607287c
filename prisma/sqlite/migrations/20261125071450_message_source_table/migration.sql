-- CreateTable
CREATE TABLE "MessageSource" (
    "messageId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "raw" BLOB NOT NULL,
    CONSTRAINT "MessageSource_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "InboundMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The stored sources move into their own table before the column goes
INSERT INTO "MessageSource" ("messageId", "raw") SELECT "id", "raw" FROM "InboundMessage" WHERE "raw" IS NOT NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InboundMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "mailbox" TEXT,
    "uidValidity" BIGINT,
    "uid" BIGINT,
    "messageIdHeader" TEXT,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "receivedAt" DATETIME,
    "dateHeader" DATETIME,
    "fromAddress" TEXT,
    "subject" TEXT,
    "state" TEXT NOT NULL DEFAULT 'received',
    "decision" TEXT,
    "reasons" TEXT,
    "explanation" TEXT,
    "outcomeFolder" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "duplicateOfId" INTEGER,
    "decidedAt" DATETIME,
    "filedAt" DATETIME,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "rawPurgedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "InboundMessage_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "InboundMessage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_InboundMessage" ("attempts", "claimedBy", "claimedUntil", "createdAt", "dateHeader", "decidedAt", "decision", "duplicateOfId", "error", "explanation", "filedAt", "fromAddress", "id", "mailbox", "messageIdHeader", "outcomeFolder", "rawPurgedAt", "reasons", "receivedAt", "sha256", "size", "state", "subject", "uid", "uidValidity", "updatedAt") SELECT "attempts", "claimedBy", "claimedUntil", "createdAt", "dateHeader", "decidedAt", "decision", "duplicateOfId", "error", "explanation", "filedAt", "fromAddress", "id", "mailbox", "messageIdHeader", "outcomeFolder", "rawPurgedAt", "reasons", "receivedAt", "sha256", "size", "state", "subject", "uid", "uidValidity", "updatedAt" FROM "InboundMessage";
DROP TABLE "InboundMessage";
ALTER TABLE "new_InboundMessage" RENAME TO "InboundMessage";
CREATE INDEX "InboundMessage_messageIdHeader_sha256_idx" ON "InboundMessage"("messageIdHeader", "sha256");
CREATE INDEX "InboundMessage_sha256_idx" ON "InboundMessage"("sha256");
CREATE INDEX "InboundMessage_state_idx" ON "InboundMessage"("state");
CREATE INDEX "InboundMessage_mailbox_uidValidity_filedAt_id_idx" ON "InboundMessage"("mailbox", "uidValidity", "filedAt", "id");
CREATE UNIQUE INDEX "InboundMessage_mailbox_uidValidity_uid_key" ON "InboundMessage"("mailbox", "uidValidity", "uid");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
