-- AlterTable
ALTER TABLE "Seat" ADD COLUMN     "shareToken" TEXT,
ADD COLUMN     "sharedAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "Seat_shareToken_key" ON "Seat"("shareToken");
