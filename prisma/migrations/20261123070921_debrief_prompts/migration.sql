-- AlterTable
ALTER TABLE "Run" ADD COLUMN "debriefPrompts" TEXT;
