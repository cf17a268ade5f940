-- Drop index "alert_status_last_occurred_at" from table: "alerts"
DROP INDEX "alert_status_last_occurred_at";
-- Modify "alerts" table
ALTER TABLE "alerts" ADD COLUMN "escalation_due_at" timestamptz NULL;
-- Create index "alert_status_first_occurred_at" to table: "alerts"
CREATE INDEX "alert_status_first_occurred_at" ON "alerts" ("status", "first_occurred_at");
-- Drop index "ingestrequest_processed_at" from table: "ingest_requests"
DROP INDEX "ingestrequest_processed_at";
-- Create index "ingestrequest_processed_at" to table: "ingest_requests"
CREATE INDEX "ingestrequest_processed_at" ON "ingest_requests" USING brin ("processed_at");
-- Drop index "timelineevent_incident_id_id" from table: "timeline_events"
DROP INDEX "timelineevent_incident_id_id";
-- Create index "timelineevent_incident_id_id" to table: "timeline_events"
CREATE INDEX "timelineevent_incident_id_id" ON "timeline_events" ("incident_id", "id") WHERE (incident_id IS NOT NULL);
