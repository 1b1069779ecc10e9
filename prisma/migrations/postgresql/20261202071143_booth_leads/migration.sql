-- AlterTable
ALTER TABLE "Exhibitor" ADD COLUMN     "boothCode" TEXT;

-- CreateTable
CREATE TABLE "Lead" (
    "id" SERIAL NOT NULL,
    "missionId" INTEGER NOT NULL,
    "exhibitorId" INTEGER NOT NULL,
    "visitorId" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "score" INTEGER,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Lead_visitorId_idx" ON "Lead"("visitorId");

-- CreateIndex
CREATE INDEX "Lead_missionId_createdAt_idx" ON "Lead"("missionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Lead_exhibitorId_visitorId_key" ON "Lead"("exhibitorId", "visitorId");

-- CreateIndex
CREATE UNIQUE INDEX "Exhibitor_boothCode_key" ON "Exhibitor"("boothCode");

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_exhibitorId_fkey" FOREIGN KEY ("exhibitorId") REFERENCES "Exhibitor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_visitorId_fkey" FOREIGN KEY ("visitorId") REFERENCES "TelegramUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
