-- Issue 18: a recruiter's dashboard (the campaigns they recruit for) counted its period's metrics
-- from the submissions, every one of the last 30 days: with 12 campaigns over 1,000,000 submissions,
-- 125,000 index entries and 150-230 ms per page view. It now reads whole days from a per-campaign
-- count kept as SubmissionDayCount is (per agency), and counts only the partial first and last day.
-- CreateTable
CREATE TABLE "SubmissionCampaignDayCount" (
    "campaignId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "outcome" "Outcome" NOT NULL,
    "shard" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "SubmissionCampaignDayCount_pkey" PRIMARY KEY ("campaignId", "day", "outcome", "shard")
);

-- The same rules as endorse_count_submissions (migration 20261201200100): one upsert per statement,
-- rows taken in key order, `n = n + …` under the row lock, a shard per writing connection.
CREATE FUNCTION endorse_count_campaign_submissions() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "SubmissionCampaignDayCount" AS d ("campaignId", "day", "outcome", "shard", "n")
    SELECT "campaignId", date_trunc('day', "submittedAt"), "outcome", pg_backend_pid() % 4, count(*) FROM new_rows
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("campaignId", "day", "outcome", "shard") DO UPDATE SET "n" = d."n" + EXCLUDED."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "SubmissionCampaignDayCount" AS d ("campaignId", "day", "outcome", "shard", "n")
    SELECT "campaignId", date_trunc('day', "submittedAt"), "outcome", pg_backend_pid() % 4, -count(*) FROM old_rows
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("campaignId", "day", "outcome", "shard") DO UPDATE SET "n" = d."n" + EXCLUDED."n";
  ELSE
    INSERT INTO "SubmissionCampaignDayCount" AS d ("campaignId", "day", "outcome", "shard", "n")
    SELECT "campaignId", "day", "outcome", pg_backend_pid() % 4, sum(delta) FROM (
      SELECT "campaignId", date_trunc('day', "submittedAt") AS "day", "outcome", 1 AS delta FROM new_rows
      UNION ALL
      SELECT "campaignId", date_trunc('day', "submittedAt"), "outcome", -1 FROM old_rows
    ) changed
     GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("campaignId", "day", "outcome", "shard") DO UPDATE SET "n" = d."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Submission_campaign_count_insert" AFTER INSERT ON "Submission"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION endorse_count_campaign_submissions();
CREATE TRIGGER "Submission_campaign_count_delete" AFTER DELETE ON "Submission"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION endorse_count_campaign_submissions();
CREATE TRIGGER "Submission_campaign_count_update" AFTER UPDATE ON "Submission"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION endorse_count_campaign_submissions();

-- The submissions already there (the triggers, created first, hold off writers until this commits).
INSERT INTO "SubmissionCampaignDayCount" ("campaignId", "day", "outcome", "shard", "n")
SELECT "campaignId", date_trunc('day', "submittedAt"), "outcome", 0, count(*) FROM "Submission" GROUP BY 1, 2, 3;
