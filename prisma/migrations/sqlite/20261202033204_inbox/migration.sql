-- CreateTable
CREATE TABLE "InboxUpdate" (
    "updateId" BIGINT NOT NULL PRIMARY KEY,
    "orderKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "lockedUntil" BIGINT,
    "receivedAt" BIGINT NOT NULL,
    "handledAt" BIGINT
);

-- CreateIndex
CREATE INDEX "InboxUpdate_status_orderKey_updateId_idx" ON "InboxUpdate"("status", "orderKey", "updateId");

-- CreateIndex
CREATE INDEX "InboxUpdate_status_handledAt_idx" ON "InboxUpdate"("status", "handledAt");
