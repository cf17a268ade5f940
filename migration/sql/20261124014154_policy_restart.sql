-- Modify "alerts" table
ALTER TABLE "alerts" ADD COLUMN "escalation_first_round" bigint NOT NULL DEFAULT 0;
