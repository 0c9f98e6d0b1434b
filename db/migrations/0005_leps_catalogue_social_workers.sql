CREATE TABLE "leps_catalogue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalogue_version" text NOT NULL,
	"catalogue_title" text NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"legal_reference" text NOT NULL,
	"planning_act" text NOT NULL,
	"funding_text" text NOT NULL,
	"funding_sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"policy_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"priority" jsonb,
	"note" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_worker_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"comune_id" uuid,
	"code" text NOT NULL,
	"fte" double precision NOT NULL,
	"employer_kind" text NOT NULL,
	"employer_name" text NOT NULL,
	"contract" text NOT NULL,
	"funding_sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assignment" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "social_worker_posts" ADD CONSTRAINT "social_worker_posts_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_worker_posts" ADD CONSTRAINT "social_worker_posts_comune_id_comuni_id_fk" FOREIGN KEY ("comune_id") REFERENCES "public"."comuni"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "leps_catalogue_version_code_unique" ON "leps_catalogue" USING btree ("catalogue_version","code");--> statement-breakpoint
CREATE INDEX "leps_catalogue_position_idx" ON "leps_catalogue" USING btree ("catalogue_version","position");--> statement-breakpoint
CREATE INDEX "social_worker_posts_ambito_idx" ON "social_worker_posts" USING btree ("ambito_id","code");