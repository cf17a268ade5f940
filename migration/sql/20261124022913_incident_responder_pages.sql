-- Modify "alerts" table
ALTER TABLE "alerts" ADD COLUMN "page_user_id" bigint NULL;
-- Default severity levels (an admin edits them with updateSeverityLevel):
-- what each means and how often its incidents owe stakeholders an update.
INSERT INTO "severity_levels" ("level", "description", "update_cadence_minutes") VALUES
	('SEV1', 'Critical: a core service is down or data is at risk for many customers.', 30),
	('SEV2', 'Major: a core function is degraded or down for some customers.', 60),
	('SEV3', 'Minor: limited impact, a workaround exists.', 120),
	('SEV4', 'Low: cosmetic or internal-only impact.', 0)
ON CONFLICT ("level") DO NOTHING;
