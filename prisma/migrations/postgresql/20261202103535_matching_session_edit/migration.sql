-- AlterTable
ALTER TABLE "MatchingSession" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Meeting_missionId_idx" ON "Meeting"("missionId");
