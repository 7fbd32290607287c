-- CreateTable
CREATE TABLE "MessageSource" (
    "messageId" INTEGER NOT NULL,
    "raw" BYTEA NOT NULL,

    CONSTRAINT "MessageSource_pkey" PRIMARY KEY ("messageId")
);

-- AddForeignKey
ALTER TABLE "MessageSource" ADD CONSTRAINT "MessageSource_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "InboundMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The stored sources move into their own table before the column goes
INSERT INTO "MessageSource" ("messageId", "raw") SELECT "id", "raw" FROM "InboundMessage" WHERE "raw" IS NOT NULL;

-- AlterTable
ALTER TABLE "InboundMessage" DROP COLUMN "raw";
