-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'DISPUTE_OPENED';
ALTER TYPE "NotificationKind" ADD VALUE 'DISPUTE_DECIDED';

-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('OPEN', 'UPHELD', 'TRANSFERRED');

-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL,
    "ref" SERIAL NOT NULL,
    "outcome" TEXT NOT NULL,
    "submissionId" TEXT,
    "blockedAuditId" TEXT,
    "candidateId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "openedById" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "ownerAgencyId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "evidenceFileId" TEXT,
    "status" "DisputeStatus" NOT NULL DEFAULT 'OPEN',
    "decidedById" TEXT,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "ownershipUntil" TIMESTAMP(3),
    "openKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Dispute_ref_key" ON "Dispute"("ref");

-- CreateIndex
CREATE UNIQUE INDEX "Dispute_openKey_key" ON "Dispute"("openKey");

-- CreateIndex
CREATE INDEX "Dispute_status_createdAt_idx" ON "Dispute"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Dispute_agencyId_createdAt_idx" ON "Dispute"("agencyId", "createdAt");

-- CreateIndex
CREATE INDEX "Dispute_campaignId_createdAt_idx" ON "Dispute"("campaignId", "createdAt");

-- CreateIndex
CREATE INDEX "Dispute_candidateId_idx" ON "Dispute"("candidateId");

-- CreateIndex
CREATE INDEX "Dispute_submissionId_idx" ON "Dispute"("submissionId");

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_evidenceFileId_fkey" FOREIGN KEY ("evidenceFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
