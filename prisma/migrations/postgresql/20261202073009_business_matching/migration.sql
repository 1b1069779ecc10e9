-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'HELD', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "MeetingOutcome" AS ENUM ('NOT_INTERESTED', 'FOLLOW_UP', 'DEAL');

-- CreateTable
CREATE TABLE "MatchingSession" (
    "id" SERIAL NOT NULL,
    "missionId" INTEGER NOT NULL,
    "days" TEXT NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "slotMinutes" INTEGER NOT NULL,
    "tableCount" INTEGER NOT NULL,
    "createdById" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MatchingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "missionId" INTEGER NOT NULL,
    "slotStart" TIMESTAMP(3) NOT NULL,
    "day" TEXT NOT NULL,
    "tableNo" INTEGER NOT NULL,
    "buyerId" BIGINT NOT NULL,
    "exhibitorId" INTEGER NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'REQUESTED',
    "note" TEXT,
    "outcome" "MeetingOutcome",
    "saleReportId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingSlotClaim" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "slotStart" TIMESTAMP(3) NOT NULL,
    "party" TEXT NOT NULL,
    "meetingId" INTEGER NOT NULL,

    CONSTRAINT "MeetingSlotClaim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MatchingSession_missionId_idx" ON "MatchingSession"("missionId");

-- CreateIndex
CREATE INDEX "Meeting_exhibitorId_slotStart_idx" ON "Meeting"("exhibitorId", "slotStart");

-- CreateIndex
CREATE INDEX "Meeting_buyerId_slotStart_idx" ON "Meeting"("buyerId", "slotStart");

-- CreateIndex
CREATE INDEX "Meeting_sessionId_day_idx" ON "Meeting"("sessionId", "day");

-- CreateIndex
CREATE INDEX "MeetingSlotClaim_meetingId_idx" ON "MeetingSlotClaim"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingSlotClaim_sessionId_slotStart_party_key" ON "MeetingSlotClaim"("sessionId", "slotStart", "party");

-- AddForeignKey
ALTER TABLE "MatchingSession" ADD CONSTRAINT "MatchingSession_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "MatchingSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
