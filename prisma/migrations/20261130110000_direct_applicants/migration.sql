-- Direct applicants (issue 19, "whichever came first"): people the employer's ATS registers from
-- other sources, the ALREADY_IN_SYSTEM outcome of an agency submission of them, and the rule that
-- says whether that blocks.

-- AlterEnum
ALTER TYPE "Outcome" ADD VALUE 'ALREADY_IN_SYSTEM';

-- CreateEnum
CREATE TYPE "ExternalSource" AS ENUM ('DIRECT', 'REFERRAL', 'VENDOR', 'OTHER');

-- AlterTable
ALTER TABLE "DuplicateRule" ADD COLUMN     "directApplicant" "MatchAction" NOT NULL DEFAULT 'FLAG';

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "externalCandidateId" TEXT,
ALTER COLUMN "candidateId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ExternalCandidate" (
    "id" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "source" "ExternalSource" NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ownedByAgencyId" TEXT,
    "ownedUntil" TIMESTAMP(3),

    CONSTRAINT "ExternalCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExternalCandidate_externalId_key" ON "ExternalCandidate"("externalId");

-- CreateIndex
CREATE INDEX "ExternalCandidate_phone_registeredAt_id_idx" ON "ExternalCandidate"("phone", "registeredAt", "id");

-- CreateIndex
CREATE INDEX "ExternalCandidate_email_registeredAt_id_idx" ON "ExternalCandidate"("email", "registeredAt", "id");

-- CreateIndex
CREATE INDEX "Submission_externalCandidateId_idx" ON "Submission"("externalCandidateId");

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_externalCandidateId_fkey" FOREIGN KEY ("externalCandidateId") REFERENCES "ExternalCandidate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalCandidate" ADD CONSTRAINT "ExternalCandidate_ownedByAgencyId_fkey" FOREIGN KEY ("ownedByAgencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;
