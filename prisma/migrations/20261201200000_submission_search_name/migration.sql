-- Issue 18: a full-name search ("ana souza") is one trigram condition on the name as it is read,
-- "first last", instead of a condition per word intersected (a pair of common names, or one with
-- a two-letter word such as "Sy", read tens of thousands of rows to find none). GENERATED ALWAYS from
-- the columns every writer sets, so every insert gets it; lower-cased and whitespace collapsed as the
-- search treats the text it is given (src/services/dashboards.ts), so it is matched with LIKE, about
-- four times cheaper per row than ILIKE where a search filters rows instead of using the index.
-- The old index first: adding a stored column rewrites the table and would rebuild it for nothing.
-- DropIndex
DROP INDEX "Submission_firstName_lastName_email_phone_idx";

-- AlterTable
ALTER TABLE "Submission"
  ADD COLUMN "searchName" TEXT GENERATED ALWAYS AS (lower(regexp_replace("firstName" || ' ' || "lastName", '\s+', ' ', 'g'))) STORED;

-- CreateIndex
CREATE INDEX "Submission_searchName_email_phone_idx" ON "Submission" USING GIN ("searchName" gin_trgm_ops, "email" gin_trgm_ops, "phone" gin_trgm_ops);
