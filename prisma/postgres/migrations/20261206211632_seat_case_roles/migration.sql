-- Edited by hand: existing rows take their seat's role (before this, a case had one seat).
-- AlterTable
ALTER TABLE "SeatCase" ADD COLUMN "role" TEXT;
UPDATE "SeatCase" sc SET "role" = s."role" FROM "Seat" s WHERE s."id" = sc."seatId";
ALTER TABLE "SeatCase" ALTER COLUMN "role" SET NOT NULL,
DROP CONSTRAINT "SeatCase_pkey",
ADD CONSTRAINT "SeatCase_pkey" PRIMARY KEY ("runId", "caseIndex", "role");
