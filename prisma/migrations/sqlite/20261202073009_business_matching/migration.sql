-- CreateTable
CREATE TABLE "MatchingSession" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "missionId" INTEGER NOT NULL,
    "days" TEXT NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "slotMinutes" INTEGER NOT NULL,
    "tableCount" INTEGER NOT NULL,
    "createdById" BIGINT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MatchingSession_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sessionId" INTEGER NOT NULL,
    "missionId" INTEGER NOT NULL,
    "slotStart" DATETIME NOT NULL,
    "day" TEXT NOT NULL,
    "tableNo" INTEGER NOT NULL,
    "buyerId" BIGINT NOT NULL,
    "exhibitorId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'REQUESTED',
    "note" TEXT,
    "outcome" TEXT,
    "saleReportId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME,
    CONSTRAINT "Meeting_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "MatchingSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingSlotClaim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sessionId" INTEGER NOT NULL,
    "slotStart" DATETIME NOT NULL,
    "party" TEXT NOT NULL,
    "meetingId" INTEGER NOT NULL
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
