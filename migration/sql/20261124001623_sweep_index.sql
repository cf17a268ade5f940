-- Create index "alert_escalation_due_at" to table: "alerts"
CREATE INDEX "alert_escalation_due_at" ON "alerts" ("escalation_due_at") WHERE (escalation_due_at IS NOT NULL);
