-- Issue 18: the dashboards' period metrics read whole days from a per-agency, per-day, per-outcome
-- count instead of counting every submission of the period (about 125,000 index entries per page
-- view of an owner's all-agency view at 1,000,000 submissions); only the period's partial first and
-- last day are counted from the submissions.
-- CreateTable
CREATE TABLE "SubmissionDayCount" (
    "agencyId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "outcome" "Outcome" NOT NULL,
    "shard" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "SubmissionDayCount_pkey" PRIMARY KEY ("agencyId", "day", "outcome", "shard")
);

-- CreateIndex
CREATE INDEX "SubmissionDayCount_day_idx" ON "SubmissionDayCount"("day");

-- Kept by the database in the transaction that writes the submissions, whoever writes them (the
-- services, seeds, tests): one upsert per statement, its rows grouped by key and taken in key order
-- (no deadlock between two statements), and `n = n + …` under the row lock, so concurrent
-- submissions never lose a count. A day is UTC midnight, as the dashboards compute it.
-- The row lock is held until the writer commits, so one row per agency and day would queue every
-- submission of a busy agency behind the previous one's commit (4 writers to one agency: 284
-- inserts/s against 775 without the count). Each connection writes its own shard of the count
-- (backend pid mod 4), and readers add the shards up.
CREATE FUNCTION endorse_count_submissions() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "SubmissionDayCount" AS d ("agencyId", "day", "outcome", "shard", "n")
    SELECT "agencyId", date_trunc('day', "submittedAt"), "outcome", pg_backend_pid() % 4, count(*) FROM new_rows
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("agencyId", "day", "outcome", "shard") DO UPDATE SET "n" = d."n" + EXCLUDED."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "SubmissionDayCount" AS d ("agencyId", "day", "outcome", "shard", "n")
    SELECT "agencyId", date_trunc('day', "submittedAt"), "outcome", pg_backend_pid() % 4, -count(*) FROM old_rows
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("agencyId", "day", "outcome", "shard") DO UPDATE SET "n" = d."n" + EXCLUDED."n";
  ELSE
    INSERT INTO "SubmissionDayCount" AS d ("agencyId", "day", "outcome", "shard", "n")
    SELECT "agencyId", "day", "outcome", pg_backend_pid() % 4, sum(delta) FROM (
      SELECT "agencyId", date_trunc('day', "submittedAt") AS "day", "outcome", 1 AS delta FROM new_rows
      UNION ALL
      SELECT "agencyId", date_trunc('day', "submittedAt"), "outcome", -1 FROM old_rows
    ) changed
     GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("agencyId", "day", "outcome", "shard") DO UPDATE SET "n" = d."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Submission_count_insert" AFTER INSERT ON "Submission"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION endorse_count_submissions();
CREATE TRIGGER "Submission_count_delete" AFTER DELETE ON "Submission"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION endorse_count_submissions();
CREATE TRIGGER "Submission_count_update" AFTER UPDATE ON "Submission"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION endorse_count_submissions();

-- The submissions already there (the triggers, created first, hold off writers until this commits).
INSERT INTO "SubmissionDayCount" ("agencyId", "day", "outcome", "shard", "n")
SELECT "agencyId", date_trunc('day', "submittedAt"), "outcome", 0, count(*) FROM "Submission" GROUP BY 1, 2, 3;
