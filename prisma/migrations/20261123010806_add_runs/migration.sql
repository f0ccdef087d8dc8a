-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "procuratorSeats" INTEGER NOT NULL,
    "petitionerSeats" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'lobby',
    "speed" REAL NOT NULL,
    "simDay" REAL NOT NULL DEFAULT 0,
    "anchorAt" DATETIME,
    "horizonDays" INTEGER NOT NULL,
    "joinCode" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "checkpoint" TEXT,
    "checkpointSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "archivedAt" DATETIME,
    CONSTRAINT "Run_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Seat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "rejoinCode" TEXT NOT NULL,
    "holderHash" TEXT NOT NULL,
    "heldSince" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "joinRequestId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Seat_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SeatCase" (
    "runId" TEXT NOT NULL,
    "caseIndex" INTEGER NOT NULL,
    "seatId" TEXT NOT NULL,

    PRIMARY KEY ("runId", "caseIndex"),
    CONSTRAINT "SeatCase_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SeatCase_seatId_fkey" FOREIGN KEY ("seatId") REFERENCES "Seat" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RunEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "simDay" REAL NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "caseIndex" INTEGER,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "requestId" TEXT,
    CONSTRAINT "RunEvent_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JoinAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Run_joinCode_key" ON "Run"("joinCode");

-- CreateIndex
CREATE INDEX "Run_ownerId_createdAt_idx" ON "Run"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "Run_status_idx" ON "Run"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Seat_runId_number_key" ON "Seat"("runId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Seat_runId_rejoinCode_key" ON "Seat"("runId", "rejoinCode");

-- CreateIndex
CREATE UNIQUE INDEX "Seat_runId_joinRequestId_key" ON "Seat"("runId", "joinRequestId");

-- CreateIndex
CREATE INDEX "SeatCase_seatId_idx" ON "SeatCase"("seatId");

-- CreateIndex
CREATE UNIQUE INDEX "RunEvent_runId_seq_key" ON "RunEvent"("runId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "RunEvent_runId_requestId_key" ON "RunEvent"("runId", "requestId");

-- CreateIndex
CREATE INDEX "JoinAttempt_key_createdAt_idx" ON "JoinAttempt"("key", "createdAt");

-- CreateIndex
CREATE INDEX "JoinAttempt_createdAt_idx" ON "JoinAttempt"("createdAt");
