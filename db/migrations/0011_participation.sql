CREATE TABLE "participation_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"ambito_id" uuid NOT NULL,
	"organisation_name" text NOT NULL,
	"fiscal_code" text NOT NULL,
	"legal_form" text NOT NULL,
	"runts_number" text,
	"policy_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"table_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"password_hash" text,
	"status" text DEFAULT 'in_esame' NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"organisation_id" uuid,
	"user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"plan_id" uuid,
	"table_id" uuid,
	"title" text NOT NULL,
	"summary" text,
	"procedure" text NOT NULL,
	"procedure_act" text,
	"starts_on" date,
	"ends_on" date,
	"beneficiaries" text,
	"beneficiaries_count" integer,
	"sdg_goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"lead_organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_meeting_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reply" text NOT NULL,
	"attendee_name" text,
	"note" text,
	"replied_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_need_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"linked_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"plan_id" uuid,
	"table_id" uuid,
	"category" text,
	"statement" text NOT NULL,
	"target_group" text,
	"policy_area" text,
	"comune_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_kind" text NOT NULL,
	"meeting_id" uuid,
	"questionnaire_id" uuid,
	"source_note" text,
	"evidence" text,
	"priority" text,
	"organisation_id" uuid,
	"merged_into_id" uuid,
	"merged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"period_start_year" integer NOT NULL,
	"period_end_year" integer NOT NULL,
	"table_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"privacy_notice" text NOT NULL,
	"retention" text NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_path_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"template_key" text,
	"name" text NOT NULL,
	"description" text,
	"inputs" text,
	"outputs" text,
	"closing_body_id" uuid,
	"closing_body_name" text,
	"planned_from" date,
	"planned_to" date,
	"started_on" date,
	"closed_on" date,
	"closing_act" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_project_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_project_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text
);
--> statement-breakpoint
CREATE TABLE "participation_project_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"funding_source" text NOT NULL,
	"year" integer,
	"amount_cents" bigint NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "participation_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"organisation_id" uuid,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"hidden_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_proposal_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"linked_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"table_id" uuid,
	"meeting_id" uuid,
	"organisation_id" uuid,
	"need_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'bozza' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"outcome" text,
	"outcome_reasons" text,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"hidden_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"help" text,
	"required" boolean DEFAULT false NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scale_min" integer,
	"scale_max" integer,
	"scale_min_label" text,
	"scale_max_label" text,
	"published_shares" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"respondent_key" text NOT NULL,
	"organisation_id" uuid,
	"user_id" uuid,
	"respondent_name" text,
	"respondent_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"table_id" uuid,
	"call_id" uuid,
	"title" text NOT NULL,
	"intro" text,
	"audience" text NOT NULL,
	"public_token" text,
	"respondent" text NOT NULL,
	"status" text DEFAULT 'bozza' NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"personal_data_purpose" text,
	"retention" text NOT NULL,
	"published_respondents" integer,
	"published_source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"table_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"body_member_id" uuid,
	"application_id" uuid,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"left_on" date,
	"left_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"plan_id" uuid,
	"period_start_year" integer NOT NULL,
	"period_end_year" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"theme" text,
	"policy_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"referent_person_id" uuid,
	"referent_name" text,
	"objectives" text,
	"method" text,
	"calendar" text,
	"places" text,
	"body_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "participation_applications" ADD CONSTRAINT "participation_applications_call_id_participation_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."participation_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_applications" ADD CONSTRAINT "participation_applications_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_applications" ADD CONSTRAINT "participation_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_projects" ADD CONSTRAINT "participation_projects_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_projects" ADD CONSTRAINT "participation_projects_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_projects" ADD CONSTRAINT "participation_projects_table_id_participation_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."participation_tables"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_projects" ADD CONSTRAINT "participation_projects_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_meeting_replies" ADD CONSTRAINT "participation_meeting_replies_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_meeting_replies" ADD CONSTRAINT "participation_meeting_replies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_need_objectives" ADD CONSTRAINT "participation_need_objectives_need_id_participation_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."participation_needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_need_objectives" ADD CONSTRAINT "participation_need_objectives_objective_id_plan_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."plan_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_needs" ADD CONSTRAINT "participation_needs_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_needs" ADD CONSTRAINT "participation_needs_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_needs" ADD CONSTRAINT "participation_needs_table_id_participation_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."participation_tables"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_needs" ADD CONSTRAINT "participation_needs_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_needs" ADD CONSTRAINT "participation_needs_questionnaire_id_participation_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."participation_questionnaires"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_needs" ADD CONSTRAINT "participation_needs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_needs" ADD CONSTRAINT "participation_needs_merged_into_id_participation_needs_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."participation_needs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_calls" ADD CONSTRAINT "participation_calls_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_path_steps" ADD CONSTRAINT "participation_path_steps_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_path_steps" ADD CONSTRAINT "participation_path_steps_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_path_steps" ADD CONSTRAINT "participation_path_steps_closing_body_id_governance_bodies_id_fk" FOREIGN KEY ("closing_body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_project_objectives" ADD CONSTRAINT "participation_project_objectives_project_id_participation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."participation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_project_objectives" ADD CONSTRAINT "participation_project_objectives_objective_id_plan_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."plan_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_project_partners" ADD CONSTRAINT "participation_project_partners_project_id_participation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."participation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_project_partners" ADD CONSTRAINT "participation_project_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_project_resources" ADD CONSTRAINT "participation_project_resources_project_id_participation_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."participation_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_comments" ADD CONSTRAINT "participation_comments_proposal_id_participation_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."participation_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_comments" ADD CONSTRAINT "participation_comments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_proposal_objectives" ADD CONSTRAINT "participation_proposal_objectives_proposal_id_participation_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."participation_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_proposal_objectives" ADD CONSTRAINT "participation_proposal_objectives_objective_id_plan_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."plan_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_proposals" ADD CONSTRAINT "participation_proposals_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_proposals" ADD CONSTRAINT "participation_proposals_table_id_participation_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."participation_tables"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_proposals" ADD CONSTRAINT "participation_proposals_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_proposals" ADD CONSTRAINT "participation_proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_proposals" ADD CONSTRAINT "participation_proposals_need_id_participation_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."participation_needs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_answers" ADD CONSTRAINT "participation_answers_response_id_participation_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."participation_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_answers" ADD CONSTRAINT "participation_answers_question_id_participation_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."participation_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_questions" ADD CONSTRAINT "participation_questions_questionnaire_id_participation_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."participation_questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_responses" ADD CONSTRAINT "participation_responses_questionnaire_id_participation_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."participation_questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_responses" ADD CONSTRAINT "participation_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_questionnaires" ADD CONSTRAINT "participation_questionnaires_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_questionnaires" ADD CONSTRAINT "participation_questionnaires_table_id_participation_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."participation_tables"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_questionnaires" ADD CONSTRAINT "participation_questionnaires_call_id_participation_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."participation_calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_members" ADD CONSTRAINT "participation_members_table_id_participation_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."participation_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_members" ADD CONSTRAINT "participation_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_members" ADD CONSTRAINT "participation_members_body_member_id_governance_body_members_id_fk" FOREIGN KEY ("body_member_id") REFERENCES "public"."governance_body_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_members" ADD CONSTRAINT "participation_members_application_id_participation_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."participation_applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_tables" ADD CONSTRAINT "participation_tables_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_tables" ADD CONSTRAINT "participation_tables_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_tables" ADD CONSTRAINT "participation_tables_referent_person_id_people_id_fk" FOREIGN KEY ("referent_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_tables" ADD CONSTRAINT "participation_tables_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participation_applications_call_idx" ON "participation_applications" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_applications_call_fiscal_code_unique" ON "participation_applications" USING btree ("call_id","fiscal_code") WHERE "participation_applications"."status" <> 'ritirata';--> statement-breakpoint
CREATE INDEX "participation_projects_ambito_idx" ON "participation_projects" USING btree ("ambito_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_meeting_replies_unique" ON "participation_meeting_replies" USING btree ("meeting_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_need_objectives_unique" ON "participation_need_objectives" USING btree ("need_id","objective_id");--> statement-breakpoint
CREATE INDEX "participation_needs_ambito_idx" ON "participation_needs" USING btree ("ambito_id");--> statement-breakpoint
CREATE INDEX "participation_calls_ambito_idx" ON "participation_calls" USING btree ("ambito_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_path_steps_position_unique" ON "participation_path_steps" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_project_objectives_unique" ON "participation_project_objectives" USING btree ("project_id","objective_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_project_partners_unique" ON "participation_project_partners" USING btree ("project_id","organisation_id");--> statement-breakpoint
CREATE INDEX "participation_comments_proposal_idx" ON "participation_comments" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_proposal_objectives_unique" ON "participation_proposal_objectives" USING btree ("proposal_id","objective_id");--> statement-breakpoint
CREATE INDEX "participation_proposals_ambito_idx" ON "participation_proposals" USING btree ("ambito_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_answers_unique" ON "participation_answers" USING btree ("response_id","question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_questions_position_unique" ON "participation_questions" USING btree ("questionnaire_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_responses_respondent_unique" ON "participation_responses" USING btree ("questionnaire_id","respondent_key");--> statement-breakpoint
CREATE INDEX "participation_questionnaires_ambito_idx" ON "participation_questionnaires" USING btree ("ambito_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_questionnaires_token_unique" ON "participation_questionnaires" USING btree ("public_token");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_members_table_organisation_unique" ON "participation_members" USING btree ("table_id","organisation_id");--> statement-breakpoint
CREATE INDEX "participation_tables_ambito_idx" ON "participation_tables" USING btree ("ambito_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_tables_body_unique" ON "participation_tables" USING btree ("body_id");