ALTER TABLE "outbox" ADD COLUMN "secret" text;--> statement-breakpoint
-- Invitation and reset messages written before this column: their link's secret is found in the body, then removed
-- from the body of those already sent or whose link can no longer be used (the others lose it when sent or spent).
UPDATE "outbox" SET "secret" = substring("body" from '/accedi/nuova-password/([A-Za-z0-9_-]{20,100})') WHERE "topic" LIKE 'account:%';--> statement-breakpoint
UPDATE "outbox" SET "body" = replace("body", "secret", '•••'), "secret" = NULL
WHERE "secret" IS NOT NULL AND ("sent_at" IS NOT NULL OR NOT EXISTS (
  SELECT 1 FROM "account_links" l
  WHERE l."token_hash" = encode(sha256(convert_to("outbox"."secret", 'UTF8')), 'hex') AND l."used_at" IS NULL AND l."expires_at" > now()
));
