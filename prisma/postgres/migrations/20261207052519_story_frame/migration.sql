-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "epilogue" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "prologue" BOOLEAN NOT NULL DEFAULT false;
