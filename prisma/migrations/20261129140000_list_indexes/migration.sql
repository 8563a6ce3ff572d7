-- The dashboards list blocked submissions (outcome filter `blocked`) from their audit rows, newest
-- first: an index by action and time walks them without reading the rest of the audit log.
-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- A stage filter finds the candidates at that stage by index: recruiters filter their campaigns'
-- candidates by stage, and without it the planner read every candidate to find the few at one.
-- CreateIndex
CREATE INDEX "Candidate_stage_idx" ON "Candidate"("stage");
