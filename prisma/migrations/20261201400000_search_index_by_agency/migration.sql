-- An agency's search looked up every agency's matches in the trigram index and dropped the others'
-- rows from the table: a common full name read 2,200 rows for the 370 of the largest agency
-- (27 ms over 1,000,000). With the agency as the index's first column (btree_gin), the index
-- answers both at once (13 ms); a search over every agency uses the trigram columns alone.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- DropIndex
DROP INDEX "Submission_searchName_email_phone_idx";

-- CreateIndex
CREATE INDEX "Submission_agencyId_searchName_email_phone_idx" ON "Submission" USING GIN ("agencyId" text_ops, "searchName" gin_trgm_ops, "email" gin_trgm_ops, "phone" gin_trgm_ops);
