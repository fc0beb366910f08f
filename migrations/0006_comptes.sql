CREATE TABLE "identites_externes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fournisseur" text NOT NULL,
	"id_chez_fournisseur" text NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"jeton_acces" text,
	"jeton_rafraichissement" text,
	"jeton_identite" text,
	"jeton_acces_expire_le" timestamp with time zone,
	"jeton_rafraichissement_expire_le" timestamp with time zone,
	"portee" text,
	"mot_de_passe" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "limites_requetes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cle" text NOT NULL,
	"nombre" integer NOT NULL,
	"derniere_requete" bigint NOT NULL,
	CONSTRAINT "limites_requetes_cle_unique" UNIQUE("cle")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jeton" text NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"adresse_ip" text,
	"agent_utilisateur" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_jeton_unique" UNIQUE("jeton")
);
--> statement-breakpoint
CREATE TABLE "utilisateurs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nom" text DEFAULT '' NOT NULL,
	"courriel" text NOT NULL,
	"courriel_verifie" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "utilisateurs_courriel_unique" UNIQUE("courriel"),
	CONSTRAINT "utilisateurs_role_ck" CHECK ("utilisateurs"."role" IN ('administrateur'))
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifiant" text NOT NULL,
	"valeur" text NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courriels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"destinataire" text NOT NULL,
	"sujet" text NOT NULL,
	"texte" text NOT NULL,
	"html" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"envoye_le" timestamp with time zone,
	"erreur" text
);
--> statement-breakpoint
ALTER TABLE "identites_externes" ADD CONSTRAINT "identites_externes_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identites_externes_utilisateur_idx" ON "identites_externes" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE UNIQUE INDEX "identites_externes_fournisseur_uk" ON "identites_externes" USING btree ("fournisseur","id_chez_fournisseur");--> statement-breakpoint
CREATE INDEX "sessions_utilisateur_idx" ON "sessions" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE INDEX "verifications_identifiant_idx" ON "verifications" USING btree ("identifiant");--> statement-breakpoint
CREATE INDEX "courriels_cree_le_idx" ON "courriels" USING btree ("cree_le" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "courriels_destinataire_idx" ON "courriels" USING btree (lower("destinataire"));