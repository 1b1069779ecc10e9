-- CreateIndex
CREATE INDEX "Meeting_missionId_status_idx" ON "Meeting"("missionId", "status");
