CREATE TABLE "relances_fraicheur" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"lieu_id" uuid NOT NULL,
	"envoyee_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "relances_fraicheur" ADD CONSTRAINT "relances_fraicheur_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relances_fraicheur" ADD CONSTRAINT "relances_fraicheur_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "relances_fraicheur_utilisateur_idx" ON "relances_fraicheur" USING btree ("utilisateur_id","envoyee_le");