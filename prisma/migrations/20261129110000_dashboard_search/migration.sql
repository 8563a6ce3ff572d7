-- Dashboard search at scale: substring search (ILIKE '%…%') on the submission's names, email and
-- phone through trigram indexes, and a campaign's submissions by index. pg_trgm ships with
-- PostgreSQL (a trusted extension) and with PGlite (loaded by src/db/database.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Submission_firstName_lastName_email_phone_idx" ON "Submission" USING GIN ("firstName" gin_trgm_ops, "lastName" gin_trgm_ops, "email" gin_trgm_ops, "phone" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Submission_campaignId_submittedAt_idx" ON "Submission"("campaignId", "submittedAt");

-- The dashboards' metrics count a period's outcomes from the index alone: the outcome becomes the
-- last key of the scope indexes, and owners' all-agency view gets one by time.
-- DropIndex
DROP INDEX "Submission_submittedById_submittedAt_idx";

-- DropIndex
DROP INDEX "Submission_agencyId_submittedAt_idx";

-- CreateIndex
CREATE INDEX "Submission_submittedById_submittedAt_outcome_idx" ON "Submission"("submittedById", "submittedAt", "outcome");

-- CreateIndex
CREATE INDEX "Submission_agencyId_submittedAt_outcome_idx" ON "Submission"("agencyId", "submittedAt", "outcome");

-- CreateIndex
CREATE INDEX "Submission_submittedAt_outcome_idx" ON "Submission"("submittedAt", "outcome");
