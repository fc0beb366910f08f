CREATE TABLE "signalements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lieu_id" uuid NOT NULL,
	"categories" text[] NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"courriel" text,
	"statut" text DEFAULT 'nouveau' NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signalements_message_ck" CHECK (length("signalements"."message") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "signalements" ADD CONSTRAINT "signalements_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signalements_lieu_idx" ON "signalements" USING btree ("lieu_id");