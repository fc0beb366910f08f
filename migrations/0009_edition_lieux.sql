CREATE TABLE "historique_lieux" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lieu_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"utilisateur_id" uuid,
	"avant" jsonb NOT NULL,
	"apres" jsonb NOT NULL,
	"restaure" uuid,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signalements" ADD COLUMN "origine" text DEFAULT 'formulaire' NOT NULL;--> statement-breakpoint
ALTER TABLE "signalements" ADD COLUMN "reponse" text;--> statement-breakpoint
ALTER TABLE "signalements" ADD COLUMN "traite_par" uuid;--> statement-breakpoint
ALTER TABLE "signalements" ADD COLUMN "modifie_le" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "historique_lieux" ADD CONSTRAINT "historique_lieux_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "historique_lieux_lieu_idx" ON "historique_lieux" USING btree ("lieu_id","version");