-- CreateTable
CREATE TABLE "MissionTotal" (
    "missionId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "timeZone" TEXT NOT NULL,
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "amountRetail" BIGINT NOT NULL DEFAULT 0,
    "amountOrder" BIGINT NOT NULL DEFAULT 0,
    "amountLoi" BIGINT NOT NULL DEFAULT 0,
    "amountInvestment" BIGINT NOT NULL DEFAULT 0,
    "amountSell" BIGINT NOT NULL DEFAULT 0,
    "amountBuy" BIGINT NOT NULL DEFAULT 0,
    "verifiedAmount" BIGINT NOT NULL DEFAULT 0,
    "answeredCount" INTEGER NOT NULL DEFAULT 0,
    "answeredCommitted" BIGINT NOT NULL DEFAULT 0,
    "answeredRealised" BIGINT NOT NULL DEFAULT 0,
    "voidedCount" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "DayTotal" (
    "missionId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "amountRetail" BIGINT NOT NULL DEFAULT 0,
    "amountOrder" BIGINT NOT NULL DEFAULT 0,
    "amountLoi" BIGINT NOT NULL DEFAULT 0,
    "amountInvestment" BIGINT NOT NULL DEFAULT 0,

    PRIMARY KEY ("missionId", "day")
);

-- CreateTable
CREATE TABLE "ExhibitorTotal" (
    "exhibitorId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "missionId" INTEGER NOT NULL,
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "amountRetail" BIGINT NOT NULL DEFAULT 0,
    "amountOrder" BIGINT NOT NULL DEFAULT 0,
    "amountLoi" BIGINT NOT NULL DEFAULT 0,
    "amountInvestment" BIGINT NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ExhibitorDayTotal" (
    "exhibitorId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "missionId" INTEGER NOT NULL,
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "amountRetail" BIGINT NOT NULL DEFAULT 0,
    "amountOrder" BIGINT NOT NULL DEFAULT 0,
    "amountLoi" BIGINT NOT NULL DEFAULT 0,
    "amountInvestment" BIGINT NOT NULL DEFAULT 0,

    PRIMARY KEY ("exhibitorId", "day")
);

-- CreateIndex
CREATE INDEX "ExhibitorTotal_missionId_idx" ON "ExhibitorTotal"("missionId");

-- CreateIndex
CREATE INDEX "ExhibitorDayTotal_missionId_day_idx" ON "ExhibitorDayTotal"("missionId", "day");
