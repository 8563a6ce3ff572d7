-- The dashboards list blocked submissions (outcome filter `blocked`) from their audit rows, newest
-- first: an index by action and time walks them without reading the rest of the audit log.
-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");
