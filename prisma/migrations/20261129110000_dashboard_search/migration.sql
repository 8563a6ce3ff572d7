-- Dashboard search at scale: substring search (ILIKE '%…%') on the submission's names, email and
-- phone through trigram indexes, and a campaign's submissions by index. pg_trgm ships with
-- PostgreSQL (a trusted extension) and with PGlite (loaded by src/db/database.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Submission_firstName_lastName_email_phone_idx" ON "Submission" USING GIN ("firstName" gin_trgm_ops, "lastName" gin_trgm_ops, "email" gin_trgm_ops, "phone" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Submission_campaignId_submittedAt_idx" ON "Submission"("campaignId", "submittedAt");
