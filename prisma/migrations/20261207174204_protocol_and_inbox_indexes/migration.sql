-- CreateIndex
CREATE INDEX "Letter_runId_caseIndex_idx" ON "Letter"("runId", "caseIndex");

-- CreateIndex
CREATE INDEX "RunEvent_runId_actor_type_seq_idx" ON "RunEvent"("runId", "actor", "type", "seq");
