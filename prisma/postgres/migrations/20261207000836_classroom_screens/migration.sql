-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "eyesUp" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lessonEndsAt" TIMESTAMP(3),
ADD COLUMN     "notice" TEXT,
ADD COLUMN     "noticeAt" TIMESTAMP(3),
ADD COLUMN     "restartPause" BOOLEAN NOT NULL DEFAULT false;
