-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN "claimedBy" TEXT;
ALTER TABLE "InboundMessage" ADD COLUMN "claimedUntil" DATETIME;

-- CreateIndex
CREATE INDEX "InboundMessage_mailbox_uidValidity_filedAt_id_idx" ON "InboundMessage"("mailbox", "uidValidity", "filedAt", "id");
