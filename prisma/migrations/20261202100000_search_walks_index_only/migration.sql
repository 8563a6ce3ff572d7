-- Issue 18: a search the trigram index cannot narrow (part of a common name: "anto" is in 1 row of
-- 30) walks the scope's date index newest first and tests each row until 201 match: about 6,000
-- rows, each on its own table page (6,000 buffers, 9-10 ms over 1,000,000 submissions, most of them
-- read from outside PostgreSQL's buffers once the table outgrows them). With the id, the name and
-- the email in the index, the walk tests the index's own entries and never visits the table (90
-- buffers, under 2 ms); the id after the date gives the list's whole order (newest first, then id).
-- The outcome stays in them for the metrics, counted from the index alone.
-- DropIndex
DROP INDEX "Submission_agencyId_submittedAt_outcome_idx";

-- DropIndex
DROP INDEX "Submission_submittedAt_outcome_idx";

-- CreateIndex
CREATE INDEX "Submission_agencyId_submittedAt_id_outcome_searchName_email_idx" ON "Submission"("agencyId", "submittedAt", "id", "outcome", "searchName", "email");

-- CreateIndex
CREATE INDEX "Submission_submittedAt_id_outcome_searchName_email_idx" ON "Submission"("submittedAt", "id", "outcome", "searchName", "email");
