-- Issue 18: a recruiter's dashboard (the campaigns they recruit for) read the table where the
-- agencies' views read only indexes. Its metrics counted the period's partial days from the
-- (campaignId, submittedAt) index, then each row's outcome from the table (3,884 rows for one day of
-- 12 campaigns over 1,000,000 submissions, 8 ms); its search walked every agency's date index and
-- read each row's campaign from the table. Both indexes now hold what is read.
-- DropIndex
DROP INDEX "Submission_campaignId_submittedAt_idx";

-- DropIndex
DROP INDEX "Submission_submittedAt_id_outcome_searchName_email_idx";

-- CreateIndex
CREATE INDEX "Submission_campaignId_submittedAt_outcome_idx" ON "Submission"("campaignId", "submittedAt", "outcome");

-- CreateIndex
CREATE INDEX "Submission_submittedAt_id_outcome_search_campaign_idx" ON "Submission"("submittedAt", "id", "outcome", "searchName", "email", "campaignId");
