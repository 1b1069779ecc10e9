-- AlterTable
ALTER TABLE "MatchingSession" ADD COLUMN "deletedAt" DATETIME;
