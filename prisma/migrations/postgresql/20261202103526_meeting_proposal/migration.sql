-- AlterEnum
ALTER TYPE "MeetingStatus" ADD VALUE 'PROPOSED';

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "requestedSlotStart" TIMESTAMP(3);
