-- Drop index "alert_service_id_status" from table: "alerts"
DROP INDEX "alert_service_id_status";
-- Modify "alerts" table
ALTER TABLE "alerts" ADD COLUMN "request_id" character varying NULL;
-- Create index "alert_request_id" to table: "alerts"
CREATE UNIQUE INDEX "alert_request_id" ON "alerts" ("request_id") WHERE (request_id IS NOT NULL);
