CREATE TABLE "plan_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"format" text NOT NULL,
	"locale" text NOT NULL,
	"source" text NOT NULL,
	"snapshot_id" uuid,
	"adoption" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"step" text,
	"plan_version_label" text,
	"plan_sha256" text,
	"content" "bytea",
	"bytes" integer,
	"file_sha256" text,
	"pages" integer,
	"error" text,
	"requested_by" text NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_documents_plan_idx" ON "plan_documents" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_documents_status_idx" ON "plan_documents" USING btree ("status","created_at");