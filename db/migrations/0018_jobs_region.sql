CREATE TABLE "region_ambito_figures" (
	"ambito_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"figures" jsonb NOT NULL,
	"audit_mark" bigint NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_ambito_figures_ambito_id_year_pk" PRIMARY KEY("ambito_id","year")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"ambito_id" uuid,
	"region_code" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"input" "bytea",
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"step" text,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"result" jsonb,
	"issues" jsonb,
	"error" text,
	"requested_by" text NOT NULL,
	"requested_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "audit_log_ambito_idx";--> statement-breakpoint
ALTER TABLE "region_ambito_figures" ADD CONSTRAINT "region_ambito_figures_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "region_ambito_figures_region_idx" ON "region_ambito_figures" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "region_ambito_figures_year_idx" ON "region_ambito_figures" USING btree ("year");--> statement-breakpoint
CREATE INDEX "jobs_queue_idx" ON "jobs" USING btree ("created_at") WHERE "jobs"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "jobs_ambito_idx" ON "jobs" USING btree ("ambito_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "jobs_kind_idx" ON "jobs" USING btree ("kind","status");--> statement-breakpoint
CREATE INDEX "audit_log_ambito_idx" ON "audit_log" USING btree ("ambito_id","id");