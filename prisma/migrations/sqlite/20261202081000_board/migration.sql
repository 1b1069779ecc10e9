-- CreateTable
CREATE TABLE "BoardRevision" (
    "missionId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "changedAt" DATETIME NOT NULL,
    CONSTRAINT "BoardRevision_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Mission" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "originProvince" TEXT NOT NULL,
    "hostProvince" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "targetAmount" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "digestTime" TEXT NOT NULL DEFAULT '20:00',
    "reminderTime" TEXT,
    "registrationOpen" BOOLEAN NOT NULL DEFAULT true,
    "boardSlug" TEXT,
    "boardKey" TEXT,
    "boardPublic" BOOLEAN NOT NULL DEFAULT false,
    "createdById" BIGINT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Mission_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "TelegramUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Mission" ("city", "createdAt", "createdById", "digestTime", "endDate", "hostProvince", "id", "name", "originProvince", "registrationOpen", "reminderTime", "startDate", "status", "targetAmount", "timeZone", "updatedAt") SELECT "city", "createdAt", "createdById", "digestTime", "endDate", "hostProvince", "id", "name", "originProvince", "registrationOpen", "reminderTime", "startDate", "status", "targetAmount", "timeZone", "updatedAt" FROM "Mission";
DROP TABLE "Mission";
ALTER TABLE "new_Mission" RENAME TO "Mission";
CREATE UNIQUE INDEX "Mission_boardSlug_key" ON "Mission"("boardSlug");
CREATE INDEX "Mission_status_createdAt_idx" ON "Mission"("status", "createdAt");
CREATE INDEX "Mission_originProvince_endDate_idx" ON "Mission"("originProvince", "endDate");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
