CREATE TABLE "coordinations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"type_territoire" text NOT NULL,
	"code" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coordinations_type_ck" CHECK ("coordinations"."type_territoire" IN ('epci', 'departement'))
);
--> statement-breakpoint
CREATE TABLE "demandes_adhesion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" uuid NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"statut" text DEFAULT 'en_attente' NOT NULL,
	"decidee_par" uuid,
	"decidee_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demandes_adhesion_statut_ck" CHECK ("demandes_adhesion"."statut" IN ('en_attente', 'acceptee', 'refusee'))
);
--> statement-breakpoint
CREATE TABLE "invitations_structures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" uuid NOT NULL,
	"courriel" text NOT NULL,
	"role" text NOT NULL,
	"hash_jeton" text NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"invite_par" uuid,
	"acceptee_le" timestamp with time zone,
	"acceptee_par" uuid,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_structures_role_ck" CHECK ("invitations_structures"."role" IN ('mediateur', 'responsable', 'prescripteur'))
);
--> statement-breakpoint
CREATE TABLE "lieux_structures" (
	"lieu_id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membres_structures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" uuid NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"role" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membres_structures_role_ck" CHECK ("membres_structures"."role" IN ('mediateur', 'responsable', 'prescripteur'))
);
--> statement-breakpoint
CREATE TABLE "structures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"siret" text,
	"nom" text NOT NULL,
	"type" text NOT NULL,
	"adresse" text DEFAULT '' NOT NULL,
	"code_insee" text NOT NULL,
	"reseau" text DEFAULT '' NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "structures_type_ck" CHECK ("structures"."type" IN ('association', 'collectivite_territoriale', 'mediatheque_bibliotheque', 'centre_social', 'espace_france_services', 'operateur_public', 'entreprise', 'autre')),
	CONSTRAINT "structures_siret_ck" CHECK ("structures"."siret" IS NULL OR "structures"."siret" ~ '^[0-9]{14}$')
);
--> statement-breakpoint
ALTER TABLE "coordinations" ADD CONSTRAINT "coordinations_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes_adhesion" ADD CONSTRAINT "demandes_adhesion_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes_adhesion" ADD CONSTRAINT "demandes_adhesion_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes_adhesion" ADD CONSTRAINT "demandes_adhesion_decidee_par_utilisateurs_id_fk" FOREIGN KEY ("decidee_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations_structures" ADD CONSTRAINT "invitations_structures_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations_structures" ADD CONSTRAINT "invitations_structures_invite_par_utilisateurs_id_fk" FOREIGN KEY ("invite_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations_structures" ADD CONSTRAINT "invitations_structures_acceptee_par_utilisateurs_id_fk" FOREIGN KEY ("acceptee_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lieux_structures" ADD CONSTRAINT "lieux_structures_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lieux_structures" ADD CONSTRAINT "lieux_structures_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membres_structures" ADD CONSTRAINT "membres_structures_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membres_structures" ADD CONSTRAINT "membres_structures_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coordinations_uk" ON "coordinations" USING btree ("utilisateur_id","type_territoire","code");--> statement-breakpoint
CREATE UNIQUE INDEX "demandes_adhesion_en_attente_uk" ON "demandes_adhesion" USING btree ("structure_id","utilisateur_id") WHERE "demandes_adhesion"."statut" = 'en_attente';--> statement-breakpoint
CREATE INDEX "demandes_adhesion_utilisateur_idx" ON "demandes_adhesion" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_structures_hash_uk" ON "invitations_structures" USING btree ("hash_jeton");--> statement-breakpoint
CREATE INDEX "invitations_structures_structure_idx" ON "invitations_structures" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "invitations_structures_courriel_idx" ON "invitations_structures" USING btree ("courriel");--> statement-breakpoint
CREATE INDEX "lieux_structures_structure_idx" ON "lieux_structures" USING btree ("structure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "membres_structures_uk" ON "membres_structures" USING btree ("structure_id","utilisateur_id");--> statement-breakpoint
CREATE INDEX "membres_structures_utilisateur_idx" ON "membres_structures" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE UNIQUE INDEX "structures_siret_uk" ON "structures" USING btree ("siret");--> statement-breakpoint
CREATE INDEX "structures_code_insee_idx" ON "structures" USING btree ("code_insee");