CREATE TABLE "service_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"macro_code" text NOT NULL,
	"macro_name" text NOT NULL,
	"description" text,
	"fnps_goal" text,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_year_funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_year_id" uuid NOT NULL,
	"ambito_id" uuid NOT NULL,
	"fund_code" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"users" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "service_year_funds_amount_non_negative" CHECK ("service_year_funds"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"ambito_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"users" integer,
	"spend_cents" bigint,
	"note" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "service_years_users_non_negative" CHECK ("service_years"."users" is null or "service_years"."users" >= 0),
	CONSTRAINT "service_years_spend_non_negative" CHECK ("service_years"."spend_cents" is null or "service_years"."spend_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type_code" text NOT NULL,
	"area_code" text NOT NULL,
	"target_group" text NOT NULL,
	"management" text NOT NULL,
	"comune_id" uuid,
	"provider_name" text NOT NULL,
	"provider_code" text,
	"access_point" text,
	"contact" text,
	"description" text,
	"leps_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "services_management" CHECK ("services"."management" in ('associata_ambito', 'singolo_comune', 'delega_asl', 'affidamento_terzo_settore', 'altro'))
);
--> statement-breakpoint
CREATE TABLE "data_request_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"ambito_id" uuid NOT NULL,
	"item" text NOT NULL,
	"state" text DEFAULT 'da_compilare' NOT NULL,
	"values" jsonb,
	"reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"channel" text,
	"return_note" text,
	"saved_by" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"validated_at" timestamp with time zone,
	"validated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "data_request_entries_state" CHECK ("data_request_entries"."state" in ('da_compilare', 'bozza', 'inviato', 'restituito', 'validato'))
);
--> statement-breakpoint
CREATE TABLE "data_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"ambito_id" uuid NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_request_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"ambito_id" uuid NOT NULL,
	"comune_id" uuid NOT NULL,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ambito_id" uuid NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"deadline" date NOT NULL,
	"items" jsonb NOT NULL,
	"message" text,
	"status" text DEFAULT 'aperta' NOT NULL,
	"template_version" text NOT NULL,
	"opened_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "data_requests_status" CHECK ("data_requests"."status" in ('aperta', 'chiusa'))
);
--> statement-breakpoint
ALTER TABLE "service_year_funds" ADD CONSTRAINT "service_year_funds_service_year_id_service_years_id_fk" FOREIGN KEY ("service_year_id") REFERENCES "public"."service_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_year_funds" ADD CONSTRAINT "service_year_funds_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_years" ADD CONSTRAINT "service_years_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_years" ADD CONSTRAINT "service_years_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_comune_id_comuni_id_fk" FOREIGN KEY ("comune_id") REFERENCES "public"."comuni"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request_entries" ADD CONSTRAINT "data_request_entries_request_id_data_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."data_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request_entries" ADD CONSTRAINT "data_request_entries_recipient_id_data_request_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."data_request_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request_entries" ADD CONSTRAINT "data_request_entries_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request_events" ADD CONSTRAINT "data_request_events_entry_id_data_request_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."data_request_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request_events" ADD CONSTRAINT "data_request_events_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request_recipients" ADD CONSTRAINT "data_request_recipients_request_id_data_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."data_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request_recipients" ADD CONSTRAINT "data_request_recipients_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request_recipients" ADD CONSTRAINT "data_request_recipients_comune_id_comuni_id_fk" FOREIGN KEY ("comune_id") REFERENCES "public"."comuni"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_ambito_id_ambiti_id_fk" FOREIGN KEY ("ambito_id") REFERENCES "public"."ambiti"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_types_code_unique" ON "service_types" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_year_funds_unique" ON "service_year_funds" USING btree ("service_year_id","fund_code");--> statement-breakpoint
CREATE INDEX "service_year_funds_ambito_idx" ON "service_year_funds" USING btree ("ambito_id","fund_code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_years_unique" ON "service_years" USING btree ("service_id","year");--> statement-breakpoint
CREATE INDEX "service_years_ambito_idx" ON "service_years" USING btree ("ambito_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "services_ambito_code_unique" ON "services" USING btree ("ambito_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "data_request_entries_unique" ON "data_request_entries" USING btree ("recipient_id","item");--> statement-breakpoint
CREATE INDEX "data_request_entries_request_idx" ON "data_request_entries" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "data_request_events_entry_idx" ON "data_request_events" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "data_request_recipients_unique" ON "data_request_recipients" USING btree ("request_id","comune_id");--> statement-breakpoint
CREATE INDEX "data_requests_ambito_idx" ON "data_requests" USING btree ("ambito_id","year");