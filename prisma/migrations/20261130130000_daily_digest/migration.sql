-- The daily digest (issue 19): the opt-out choice per user, and one claimed run per user and
-- local day, unique so that several instances send one digest between them.

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'DIGEST';

-- CreateTable
CREATE TABLE "DigestPreference" (
    "userId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "items" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_userId_localDate_key" ON "DigestRun"("userId", "localDate");

-- CreateIndex
CREATE INDEX "DigestRun_localDate_idx" ON "DigestRun"("localDate");
