-- AlterTable
ALTER TABLE "ReviewItem" ADD COLUMN     "searchText" TEXT;

-- CreateIndex
CREATE INDEX "ReviewItem_status_searchText_idx" ON "ReviewItem"("status", "searchText");
