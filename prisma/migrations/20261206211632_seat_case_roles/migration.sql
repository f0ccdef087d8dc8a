-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SeatCase" (
    "runId" TEXT NOT NULL,
    "caseIndex" INTEGER NOT NULL,
    "seatId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("runId", "caseIndex", "role"),
    CONSTRAINT "SeatCase_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SeatCase_seatId_fkey" FOREIGN KEY ("seatId") REFERENCES "Seat" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Edited by hand: existing rows take their seat's role (before this, a case had one seat).
INSERT INTO "new_SeatCase" ("caseIndex", "runId", "seatId", "role")
SELECT sc."caseIndex", sc."runId", sc."seatId", s."role" FROM "SeatCase" sc JOIN "Seat" s ON s."id" = sc."seatId";
DROP TABLE "SeatCase";
ALTER TABLE "new_SeatCase" RENAME TO "SeatCase";
CREATE INDEX "SeatCase_seatId_idx" ON "SeatCase"("seatId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
