-- Issue 18: the planner chooses between the trigram index (fetch every match, sort them) and a walk
-- of the scope's date index (newest first, until 201 match) by how many rows it expects a LIKE to
-- match, which it reads off the column's statistics. With the default 100 entries, over 1,000,000
-- submissions of 300,000 different names, it expected 793 rows for "%ndra%" where 14,036 matched,
-- and fetched and sorted them all (38 ms) instead of walking (3 ms). A thousand entries bring its
-- guesses within a factor of about two; ANALYZE then samples 300,000 rows instead of 30,000.
ALTER TABLE "Submission" ALTER COLUMN "searchName" SET STATISTICS 1000;
ALTER TABLE "Submission" ALTER COLUMN "email" SET STATISTICS 1000;
ALTER TABLE "SearchName" ALTER COLUMN "name" SET STATISTICS 1000;
