CREATE TABLE "plan_variations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision_id" uuid,
	"note" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "adoption_override_reason" text;--> statement-breakpoint
ALTER TABLE "plan_variations" ADD CONSTRAINT "plan_variations_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_variations_number_unique" ON "plan_variations" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "plan_variations_plan_idx" ON "plan_variations" USING btree ("plan_id","status");