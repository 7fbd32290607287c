-- CreateIndex
CREATE INDEX "Outbox_to_createdAt_idx" ON "Outbox"("to", "createdAt");
