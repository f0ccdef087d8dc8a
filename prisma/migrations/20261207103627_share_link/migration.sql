-- AlterTable
ALTER TABLE "Seat" ADD COLUMN "shareToken" TEXT;
ALTER TABLE "Seat" ADD COLUMN "sharedAt" DATETIME;

-- CreateIndex
CREATE UNIQUE INDEX "Seat_shareToken_key" ON "Seat"("shareToken");
