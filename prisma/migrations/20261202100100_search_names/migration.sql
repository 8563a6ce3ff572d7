-- Issue 18: a full-name search ("maria santos") found its rows through the submissions' trigram
-- index, then read each match from the table to sort them by date: 2,780 rows on 2,672 table pages
-- for a common name over 1,000,000 submissions, most of them read from outside PostgreSQL's
-- buffers, 4.5 ms of index and table time at best. People are submitted again and again under the
-- same few names, so the full names are far fewer than the submissions (600 in the benchmark's
-- 1,000,000): the search now finds the names that match in a table of every name, by trigram, and
-- each name's submissions from an index by name, agency and date, which holds what the page needs
-- to sort them (the id and the date) and the outcome it may be filtered by: 30 index pages, 0.6 ms;
-- 0.2 ms in the largest agency.

-- CreateTable
CREATE TABLE "SearchName" (
    "name" TEXT NOT NULL,

    CONSTRAINT "SearchName_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "SearchName_name_idx" ON "SearchName" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Submission_searchName_agencyId_submittedAt_id_outcome_idx" ON "Submission"("searchName", "agencyId", "submittedAt", "id", "outcome");

-- Kept by the database in the transaction that writes the submissions, whoever writes them (the
-- services, seeds, tests), as SubmissionDayCount is. A name already there costs one look-up of its
-- key; a new one is inserted in name order, so two writers of the same new names wait for each
-- other instead of deadlocking. A name is never removed: one whose submissions are gone finds none.
CREATE FUNCTION endorse_record_search_names() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchName" ("name")
  SELECT DISTINCT "searchName" FROM new_rows WHERE "searchName" IS NOT NULL ORDER BY 1
  ON CONFLICT ("name") DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Submission_search_names_insert" AFTER INSERT ON "Submission"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION endorse_record_search_names();
CREATE TRIGGER "Submission_search_names_update" AFTER UPDATE ON "Submission"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION endorse_record_search_names();

-- The names submitted so far (the trigger holds off new submissions until this commits).
INSERT INTO "SearchName" ("name")
SELECT DISTINCT "searchName" FROM "Submission" WHERE "searchName" IS NOT NULL
ON CONFLICT ("name") DO NOTHING;
