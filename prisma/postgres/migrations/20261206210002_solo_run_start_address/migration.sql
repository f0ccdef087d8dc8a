-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "startedFrom" TEXT;

-- CreateIndex
CREATE INDEX "Run_startedFrom_createdAt_idx" ON "Run"("startedFrom", "createdAt");
