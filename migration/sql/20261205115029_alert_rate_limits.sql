-- Modify "integrations" table
ALTER TABLE "integrations" ALTER COLUMN "rate_limit_per_minute" SET DEFAULT 6000, ALTER COLUMN "rate_limit_burst" SET DEFAULT 2000;
-- The limit now counts alerts, not requests: integrations still at the old
-- defaults (600 requests a minute, burst 100) get the new ones, so a storm
-- that used to pass in 20 requests is not throttled after the upgrade.
-- Limits someone chose are kept.
UPDATE "integrations" SET "rate_limit_per_minute" = 6000, "rate_limit_burst" = 2000 WHERE "rate_limit_per_minute" = 600 AND "rate_limit_burst" = 100;
