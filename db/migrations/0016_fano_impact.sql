CREATE TABLE "participation_published_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"plan_id" uuid,
	"figure" text NOT NULL,
	"value" integer NOT NULL,
	"qualifier" text DEFAULT 'exact' NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"plan_id" uuid,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"series_from_year" integer NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
DROP INDEX "spending_facts_unique";--> statement-breakpoint
ALTER TABLE "spending_facts" ADD COLUMN "nature" text;--> statement-breakpoint
ALTER TABLE "participation_published_figures" ADD CONSTRAINT "participation_published_figures_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_published_figures" ADD CONSTRAINT "participation_published_figures_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_reports" ADD CONSTRAINT "impact_reports_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_reports" ADD CONSTRAINT "impact_reports_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "participation_published_figures_unique" ON "participation_published_figures" USING btree ("ambito_id",coalesce("plan_id", '00000000-0000-0000-0000-000000000000'::uuid),"figure");--> statement-breakpoint
CREATE UNIQUE INDEX "impact_reports_ambito_year_unique" ON "impact_reports" USING btree ("ambito_id","year");--> statement-breakpoint
CREATE INDEX "impact_reports_status_idx" ON "impact_reports" USING btree ("ambito_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "spending_facts_unique" ON "spending_facts" USING btree ("ambito_id",coalesce("comune_id", '00000000-0000-0000-0000-000000000000'::uuid),"year","area_code","channel_code",coalesce("nature", ''));--> statement-breakpoint
ALTER TABLE "spending_facts" ADD CONSTRAINT "spending_facts_nature" CHECK ("spending_facts"."nature" is null or "spending_facts"."nature" in ('servizi', 'contributi', 'strutture'));