-- CreateTable
CREATE TABLE "RunCheckpoint" (
    "runId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "world" TEXT NOT NULL,

    CONSTRAINT "RunCheckpoint_pkey" PRIMARY KEY ("runId")
);

-- Each run keeps its saved world (written by hand: the columns are dropped below)
INSERT INTO "RunCheckpoint" ("runId", "seq", "world")
SELECT "id", "checkpointSeq", "checkpoint" FROM "Run" WHERE "checkpoint" IS NOT NULL;

-- AddForeignKey
ALTER TABLE "RunCheckpoint" ADD CONSTRAINT "RunCheckpoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Run" DROP COLUMN "checkpoint",
DROP COLUMN "checkpointSeq";
