CREATE TABLE "account_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	CONSTRAINT "account_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "calendar_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_links_secret_hash_unique" UNIQUE("secret_hash")
);
--> statement-breakpoint
CREATE TABLE "oidc_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"redirect_to" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "fiscal_code" text;--> statement-breakpoint
ALTER TABLE "account_links" ADD CONSTRAINT "account_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_links" ADD CONSTRAINT "calendar_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_links_user_idx" ON "account_links" USING btree ("user_id","purpose");--> statement-breakpoint
CREATE INDEX "calendar_links_user_idx" ON "calendar_links" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "oidc_requests_expires_idx" ON "oidc_requests" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_fiscal_code_unique" ON "users" USING btree (upper("fiscal_code")) WHERE "users"."fiscal_code" is not null;--> statement-breakpoint
DO $$
BEGIN
  CREATE UNIQUE INDEX "ambito_comuni_comune_from_unique" ON "ambito_comuni" USING btree ("ambito_id","comune_id","valid_from");
EXCEPTION WHEN unique_violation THEN
  RAISE WARNING 'ambito_comuni_comune_from_unique non creato: un comune risulta due volte nello stesso Ambito dalla stessa data. Correggere i dati e creare l''indice a mano.';
END $$;--> statement-breakpoint
DO $$
BEGIN
  CREATE UNIQUE INDEX "agreements_ambito_period_unique" ON "agreements" USING btree ("ambito_id","period_start_year","period_end_year");
EXCEPTION WHEN unique_violation THEN
  RAISE WARNING 'agreements_ambito_period_unique non creato: un Ambito ha due accordi per lo stesso periodo. Correggere i dati e creare l''indice a mano.';
END $$;--> statement-breakpoint
-- Memberships recorded twice cannot be merged here (votes and attendance refer to either): if any exist the index is
-- left out with a warning, and the commands' lock still prevents new ones. The other new indexes likewise: a
-- duplicate already stored must not stop the server from starting.
DO $$
BEGIN
  CREATE UNIQUE INDEX "governance_body_members_person_from_unique" ON "governance_body_members" USING btree ("body_id","person_id",coalesce("valid_from", '-infinity'::date));
EXCEPTION WHEN unique_violation THEN
  RAISE WARNING 'governance_body_members_person_from_unique non creato: una persona risulta iscritta due volte allo stesso organo dalla stessa data. Correggere i dati e creare l''indice a mano.';
END $$;--> statement-breakpoint
DO $$
BEGIN
  CREATE UNIQUE INDEX "leps_catalogue_version_name_unique" ON "leps_catalogue" USING btree ("catalogue_version","name");
EXCEPTION WHEN unique_violation THEN
  RAISE WARNING 'leps_catalogue_version_name_unique non creato: due voci del catalogo LEPS hanno lo stesso nome nella stessa versione. Correggere i dati e creare l''indice a mano.';
END $$;--> statement-breakpoint
-- The same post recorded twice by concurrent requests (issue 16, finding 4): the copies identical in every column the
-- user wrote go, the oldest stays; the unique index is then created.
DELETE FROM "social_worker_posts" AS later USING "social_worker_posts" AS earlier
WHERE later."ambito_id" = earlier."ambito_id" AND later."code" = earlier."code" AND later."valid_from" = earlier."valid_from"
  AND later."comune_id" IS NOT DISTINCT FROM earlier."comune_id" AND later."fte" = earlier."fte"
  AND later."employer_kind" = earlier."employer_kind" AND later."employer_name" = earlier."employer_name"
  AND later."contract" = earlier."contract" AND later."funding_sources" IS NOT DISTINCT FROM earlier."funding_sources"
  AND later."assignment" IS NOT DISTINCT FROM earlier."assignment" AND later."valid_to" IS NOT DISTINCT FROM earlier."valid_to"
  AND (later."created_at", later."id") > (earlier."created_at", earlier."id");--> statement-breakpoint
DO $$
BEGIN
  CREATE UNIQUE INDEX "social_worker_posts_code_from_unique" ON "social_worker_posts" USING btree ("ambito_id","code","valid_from");
EXCEPTION WHEN unique_violation THEN
  RAISE WARNING 'social_worker_posts_code_from_unique non creato: due posti di assistente sociale hanno lo stesso codice dalla stessa data con dati diversi. Correggere i dati e creare l''indice a mano.';
END $$;--> statement-breakpoint
DO $$
BEGIN
  CREATE UNIQUE INDEX "participation_tables_name_unique" ON "participation_tables" USING btree ("ambito_id","period_start_year","period_end_year",lower(btrim("name")));
EXCEPTION WHEN unique_violation THEN
  RAISE WARNING 'participation_tables_name_unique non creato: due tavoli dello stesso Ambito e periodo hanno lo stesso nome. Correggere i dati e creare l''indice a mano.';
END $$;