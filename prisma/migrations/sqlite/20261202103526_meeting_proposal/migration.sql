-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "requestedSlotStart" DATETIME;
