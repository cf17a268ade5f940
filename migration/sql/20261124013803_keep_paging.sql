-- Modify "deliveries" table
ALTER TABLE "deliveries" ADD COLUMN "until_closed" boolean NOT NULL DEFAULT false;
