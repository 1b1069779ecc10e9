-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "outcomeAskedAt" TIMESTAMP(3);
