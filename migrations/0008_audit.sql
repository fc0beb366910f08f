CREATE TABLE "journal_audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "journal_audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"utilisateur_id" uuid,
	"action" text NOT NULL,
	"objet_type" text NOT NULL,
	"objet_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "journal_audit_cree_le_idx" ON "journal_audit" USING btree ("cree_le" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "journal_audit_action_idx" ON "journal_audit" USING btree ("action","cree_le" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "journal_audit_utilisateur_idx" ON "journal_audit" USING btree ("utilisateur_id","cree_le" DESC NULLS LAST);