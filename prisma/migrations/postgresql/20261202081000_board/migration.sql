-- AlterTable
ALTER TABLE "Mission" ADD COLUMN     "boardKey" TEXT,
ADD COLUMN     "boardPublic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "boardSlug" TEXT;

-- CreateTable
CREATE TABLE "BoardRevision" (
    "missionId" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BoardRevision_pkey" PRIMARY KEY ("missionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Mission_boardSlug_key" ON "Mission"("boardSlug");

-- AddForeignKey
ALTER TABLE "BoardRevision" ADD CONSTRAINT "BoardRevision_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
