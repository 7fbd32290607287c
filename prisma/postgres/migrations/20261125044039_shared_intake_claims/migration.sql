-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "claimedUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "InboundMessage_mailbox_uidValidity_filedAt_id_idx" ON "InboundMessage"("mailbox", "uidValidity", "filedAt", "id");
