CREATE TABLE "budget_carry_overs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"action_id" uuid,
	"fund_code" text NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"decision_date" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "budget_carry_overs_amount_positive" CHECK ("budget_carry_overs"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "budget_cut_offs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"action_id" uuid,
	"fund_code" text NOT NULL,
	"year" integer,
	"measure" text NOT NULL,
	"cut_off_date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"previous_cents" bigint,
	"reason" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "budget_cut_offs_measure" CHECK ("budget_cut_offs"."measure" in ('budgeted', 'committed', 'paid')),
	CONSTRAINT "budget_cut_offs_amount_non_negative" CHECK ("budget_cut_offs"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fund_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"fund_code" text NOT NULL,
	"year" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"act" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "fund_allocations_amount_non_negative" CHECK ("fund_allocations"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funding_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_code" text,
	"legal_basis" text,
	"active_from" date,
	"active_to" date,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"comune_id" uuid,
	"year" integer NOT NULL,
	"area_code" text NOT NULL,
	"users" integer,
	"spend_cents" bigint,
	"note" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spending_area_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_classification" text NOT NULL,
	"to_classification" text NOT NULL,
	"from_area" text NOT NULL,
	"to_area" text NOT NULL,
	"fit" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spending_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"classification_code" text NOT NULL,
	"classification_name" text NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spending_facts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"comune_id" uuid,
	"year" integer NOT NULL,
	"area_code" text NOT NULL,
	"channel_code" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"note" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "spending_facts_amount_non_negative" CHECK ("spending_facts"."amount_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "budget_carry_overs" ADD CONSTRAINT "budget_carry_overs_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_carry_overs" ADD CONSTRAINT "budget_carry_overs_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_carry_overs" ADD CONSTRAINT "budget_carry_overs_objective_id_plan_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."plan_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_carry_overs" ADD CONSTRAINT "budget_carry_overs_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_cut_offs" ADD CONSTRAINT "budget_cut_offs_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_cut_offs" ADD CONSTRAINT "budget_cut_offs_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_cut_offs" ADD CONSTRAINT "budget_cut_offs_objective_id_plan_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."plan_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_cut_offs" ADD CONSTRAINT "budget_cut_offs_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_users" ADD CONSTRAINT "service_users_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_users" ADD CONSTRAINT "service_users_comune_id_comuni_id_fk" FOREIGN KEY ("comune_id") REFERENCES "public"."comuni"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spending_facts" ADD CONSTRAINT "spending_facts_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spending_facts" ADD CONSTRAINT "spending_facts_comune_id_comuni_id_fk" FOREIGN KEY ("comune_id") REFERENCES "public"."comuni"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_carry_overs_plan_idx" ON "budget_carry_overs" USING btree ("plan_id","objective_id","fund_code");--> statement-breakpoint
CREATE INDEX "budget_cut_offs_plan_idx" ON "budget_cut_offs" USING btree ("plan_id","objective_id","fund_code","year","measure","cut_off_date");--> statement-breakpoint
CREATE INDEX "fund_allocations_ambito_idx" ON "fund_allocations" USING btree ("ambito_id","fund_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_sources_code_unique" ON "funding_sources" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_users_unique" ON "service_users" USING btree ("ambito_id",coalesce("comune_id", '00000000-0000-0000-0000-000000000000'::uuid),"year","area_code");--> statement-breakpoint
CREATE UNIQUE INDEX "spending_area_mappings_unique" ON "spending_area_mappings" USING btree ("from_classification","to_classification","from_area");--> statement-breakpoint
CREATE UNIQUE INDEX "spending_areas_code_unique" ON "spending_areas" USING btree ("classification_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "spending_facts_unique" ON "spending_facts" USING btree ("ambito_id",coalesce("comune_id", '00000000-0000-0000-0000-000000000000'::uuid),"year","area_code","channel_code");--> statement-breakpoint
CREATE INDEX "spending_facts_ambito_year_idx" ON "spending_facts" USING btree ("ambito_id","year");