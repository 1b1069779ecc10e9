-- CreateTable
CREATE TABLE "MissionTotal" (
    "missionId" INTEGER NOT NULL,
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
    "voidedCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MissionTotal_pkey" PRIMARY KEY ("missionId")
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

    CONSTRAINT "DayTotal_pkey" PRIMARY KEY ("missionId","day")
);

-- CreateTable
CREATE TABLE "ExhibitorTotal" (
    "exhibitorId" INTEGER NOT NULL,
    "missionId" INTEGER NOT NULL,
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "amountRetail" BIGINT NOT NULL DEFAULT 0,
    "amountOrder" BIGINT NOT NULL DEFAULT 0,
    "amountLoi" BIGINT NOT NULL DEFAULT 0,
    "amountInvestment" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ExhibitorTotal_pkey" PRIMARY KEY ("exhibitorId")
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

    CONSTRAINT "ExhibitorDayTotal_pkey" PRIMARY KEY ("exhibitorId","day")
);

-- CreateIndex
CREATE INDEX "ExhibitorTotal_missionId_idx" ON "ExhibitorTotal"("missionId");

-- CreateIndex
CREATE INDEX "ExhibitorDayTotal_missionId_day_idx" ON "ExhibitorDayTotal"("missionId", "day");
