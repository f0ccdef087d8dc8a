-- AlterTable
ALTER TABLE "User" DROP COLUMN "sessionVersion";

-- AlterTable
ALTER TABLE "JoinAttempt" ADD COLUMN     "runId" TEXT;

-- CreateTable
CREATE TABLE "InstructorSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InstructorSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InstructorSession_userId_idx" ON "InstructorSession"("userId");

-- CreateIndex
CREATE INDEX "InstructorSession_expiresAt_idx" ON "InstructorSession"("expiresAt");

-- CreateIndex
CREATE INDEX "JoinAttempt_runId_createdAt_idx" ON "JoinAttempt"("runId", "createdAt");

-- AddForeignKey
ALTER TABLE "InstructorSession" ADD CONSTRAINT "InstructorSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
