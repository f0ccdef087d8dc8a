-- CreateTable
CREATE TABLE "RunCheckpoint" (
    "runId" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "world" TEXT NOT NULL,
    CONSTRAINT "RunCheckpoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Each run keeps its saved world (written by hand: the columns below are dropped)
INSERT INTO "RunCheckpoint" ("runId", "seq", "world")
SELECT "id", "checkpointSeq", "checkpoint" FROM "Run" WHERE "checkpoint" IS NOT NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT,
    "title" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "procuratorSeats" INTEGER NOT NULL,
    "petitionerSeats" INTEGER NOT NULL,
    "deskFiles" INTEGER NOT NULL DEFAULT 6,
    "computerHelps" BOOLEAN NOT NULL DEFAULT false,
    "prologue" BOOLEAN NOT NULL DEFAULT false,
    "epilogue" BOOLEAN NOT NULL DEFAULT false,
    "joinLocked" BOOLEAN NOT NULL DEFAULT false,
    "notice" TEXT,
    "noticeAt" DATETIME,
    "eyesUp" BOOLEAN NOT NULL DEFAULT false,
    "lessonEndsAt" DATETIME,
    "restartPause" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'lobby',
    "speed" REAL NOT NULL,
    "simDay" REAL NOT NULL DEFAULT 0,
    "anchorAt" DATETIME,
    "horizonDays" INTEGER NOT NULL,
    "joinCode" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "archivedAt" DATETIME,
    "scenarioJson" TEXT,
    "debriefPrompts" TEXT,
    "startedFrom" TEXT,
    CONSTRAINT "Run_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Run" ("anchorAt", "archivedAt", "computerHelps", "createdAt", "debriefPrompts", "deskFiles", "endedAt", "epilogue", "eyesUp", "horizonDays", "id", "joinCode", "joinLocked", "lessonEndsAt", "notice", "noticeAt", "ownerId", "petitionerSeats", "procuratorSeats", "prologue", "restartPause", "scenarioId", "scenarioJson", "seed", "seq", "simDay", "speed", "startedAt", "startedFrom", "status", "title", "updatedAt", "version") SELECT "anchorAt", "archivedAt", "computerHelps", "createdAt", "debriefPrompts", "deskFiles", "endedAt", "epilogue", "eyesUp", "horizonDays", "id", "joinCode", "joinLocked", "lessonEndsAt", "notice", "noticeAt", "ownerId", "petitionerSeats", "procuratorSeats", "prologue", "restartPause", "scenarioId", "scenarioJson", "seed", "seq", "simDay", "speed", "startedAt", "startedFrom", "status", "title", "updatedAt", "version" FROM "Run";
DROP TABLE "Run";
ALTER TABLE "new_Run" RENAME TO "Run";
CREATE UNIQUE INDEX "Run_joinCode_key" ON "Run"("joinCode");
CREATE INDEX "Run_ownerId_createdAt_idx" ON "Run"("ownerId", "createdAt");
CREATE INDEX "Run_startedFrom_createdAt_idx" ON "Run"("startedFrom", "createdAt");
CREATE INDEX "Run_status_idx" ON "Run"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
