CREATE TABLE "measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"comune_id" uuid,
	"value_number" double precision,
	"value_boolean" boolean,
	"value_text" text,
	"numerator" double precision,
	"denominator" double precision,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "measurements_indicator_period_comune_unique" UNIQUE NULLS NOT DISTINCT("indicator_id","period","comune_id")
);
--> statement-breakpoint
CREATE TABLE "objective_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"realisation_statements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"realisation_notes" text,
	"published_grade" jsonb,
	"users_evaluation" text,
	"resource_adequacy_text" text,
	"resource_adequacy_level" text,
	"spending_text" text,
	"spending_class" text,
	"spending_percent" double precision,
	"spending_budgeted_cents" bigint,
	"spending_paid_cents" bigint,
	"critical_issues" text,
	"need_answered" text,
	"need_answered_text" text,
	"continuity_with_previous" text,
	"reproposed" text,
	"reproposed_text" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "objective_evaluations_objective_unique" UNIQUE("objective_id")
);
--> statement-breakpoint
CREATE TABLE "monitoring_period_locks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"period" text NOT NULL,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text NOT NULL,
	"note" text,
	CONSTRAINT "monitoring_period_locks_unique" UNIQUE("plan_id","period")
);
--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_comune_id_comuni_id_fk" FOREIGN KEY ("comune_id") REFERENCES "public"."comuni"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_evaluations" ADD CONSTRAINT "objective_evaluations_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_evaluations" ADD CONSTRAINT "objective_evaluations_objective_id_plan_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."plan_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_period_locks" ADD CONSTRAINT "monitoring_period_locks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measurements_plan_period_idx" ON "measurements" USING btree ("plan_id","period");--> statement-breakpoint
CREATE INDEX "objective_evaluations_plan_idx" ON "objective_evaluations" USING btree ("plan_id");