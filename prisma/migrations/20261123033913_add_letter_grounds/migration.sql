-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Letter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "seatId" TEXT NOT NULL,
    "caseIndex" INTEGER NOT NULL,
    "addressee" TEXT NOT NULL,
    "grounds" TEXT NOT NULL DEFAULT 'innocence',
    "carrier" TEXT NOT NULL DEFAULT 'self',
    "ask" TEXT NOT NULL DEFAULT 'release',
    "body" TEXT NOT NULL,
    "simDay" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Letter_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Letter_seatId_fkey" FOREIGN KEY ("seatId") REFERENCES "Seat" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Letter" ("addressee", "body", "caseIndex", "createdAt", "id", "runId", "seatId", "simDay") SELECT "addressee", "body", "caseIndex", "createdAt", "id", "runId", "seatId", "simDay" FROM "Letter";
DROP TABLE "Letter";
ALTER TABLE "new_Letter" RENAME TO "Letter";
CREATE INDEX "Letter_seatId_createdAt_idx" ON "Letter"("seatId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
