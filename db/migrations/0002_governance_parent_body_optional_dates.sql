ALTER TABLE "agreement_signatures" ALTER COLUMN "signed_on" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "governance_body_members" ALTER COLUMN "valid_from" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "governance_bodies" ADD COLUMN "parent_body_id" uuid;--> statement-breakpoint
ALTER TABLE "governance_bodies" ADD CONSTRAINT "governance_bodies_parent_body_id_governance_bodies_id_fk" FOREIGN KEY ("parent_body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE set null ON UPDATE no action;