-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "retryAt" TIMESTAMP(3),
ADD COLUMN     "retryRound" INTEGER NOT NULL DEFAULT 0;
