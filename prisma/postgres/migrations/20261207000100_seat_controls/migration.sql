-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "joinLocked" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Seat" ADD COLUMN     "removedAt" TIMESTAMP(3);
