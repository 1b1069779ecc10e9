-- AlterTable
ALTER TABLE "MatchingSession" ADD COLUMN     "deletedAt" TIMESTAMP(3);
