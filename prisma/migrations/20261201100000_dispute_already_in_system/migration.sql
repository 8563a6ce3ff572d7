-- Issue 19: ALREADY_IN_SYSTEM is disputable. The person is held by the employer's own ATS record,
-- not by an agency: a dispute names one holder or the other, never both, never neither.
ALTER TABLE "Dispute" ALTER COLUMN "candidateId" DROP NOT NULL;
ALTER TABLE "Dispute" ALTER COLUMN "ownerAgencyId" DROP NOT NULL;
ALTER TABLE "Dispute" ADD COLUMN "externalCandidateId" TEXT;
-- An agency holder comes with its candidate; the ATS record's dispute gets a candidate only when a
-- transfer creates one.
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_one_holder"
  CHECK (num_nonnulls("ownerAgencyId", "externalCandidateId") = 1 AND ("ownerAgencyId" IS NULL OR "candidateId" IS NOT NULL));

-- CreateIndex
CREATE INDEX "Dispute_externalCandidateId_idx" ON "Dispute"("externalCandidateId");

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_externalCandidateId_fkey" FOREIGN KEY ("externalCandidateId") REFERENCES "ExternalCandidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A transfer supersedes the ATS record: from then on it counts against no submission.
ALTER TABLE "ExternalCandidate" ADD COLUMN "supersededAt" TIMESTAMP(3);

-- The duplicate check's applicant branches stay index-only with the new predicate
-- (`"supersededAt" IS NULL` is an index condition between the key and the registeredAt range).
DROP INDEX "ExternalCandidate_phone_registeredAt_id_idx";
DROP INDEX "ExternalCandidate_emailKey_registeredAt_id_idx";
CREATE INDEX "ExternalCandidate_phone_supersededAt_registeredAt_id_idx" ON "ExternalCandidate"("phone", "supersededAt", "registeredAt", "id");
CREATE INDEX "ExternalCandidate_emailKey_supersededAt_registeredAt_id_idx" ON "ExternalCandidate"("emailKey", "supersededAt", "registeredAt", "id");
