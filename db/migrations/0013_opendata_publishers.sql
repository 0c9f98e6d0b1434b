CREATE TABLE "opendata_publishers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"publisher_name" text NOT NULL,
	"publisher_ipa_code" text NOT NULL,
	"rights_holder_name" text NOT NULL,
	"rights_holder_ipa_code" text NOT NULL,
	"contact_email" text NOT NULL,
	"update_frequency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opendata_publishers" ADD CONSTRAINT "opendata_publishers_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "opendata_publishers_ambito_unique" ON "opendata_publishers" USING btree ("ambito_id");