-- AlterTable
ALTER TABLE "MatchingSession" ADD COLUMN "deletedAt" DATETIME;

-- CreateIndex
CREATE INDEX "Meeting_missionId_idx" ON "Meeting"("missionId");
