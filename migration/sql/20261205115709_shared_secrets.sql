-- Secrets the processes generate once and share through the database
-- (package auth, SharedSecret): the action-link secret when
-- TOCSIN_ACTION_SECRET is not set. Written by hand, outside ent/schema:
-- no generated query or GraphQL field can reach it, and ent's diff leaves
-- tables it does not know alone.
CREATE TABLE "tocsin_secrets" ("name" character varying NOT NULL, "value" character varying NOT NULL, "created_at" timestamptz NOT NULL DEFAULT now(), PRIMARY KEY ("name"));
