-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "outcomeAskedAt" DATETIME;
