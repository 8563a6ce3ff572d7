-- Issue 18: the statistics targets of migration 20261202300000 take effect at the next ANALYZE,
-- which autovacuum starts only after about a tenth of the table changed (100,000 rows of
-- 1,000,000): until then the planner kept the old guesses. Gathered here, once (about 3 s at
-- 1,000,000 submissions).
ANALYZE "Submission" ("searchName", "email");
ANALYZE "SearchName";
