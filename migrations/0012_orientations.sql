CREATE TABLE "conditions_orientation" (
	"lieu_id" uuid PRIMARY KEY NOT NULL,
	"public_accueilli" text DEFAULT '' NOT NULL,
	"modalites" text[] DEFAULT '{}'::text[] NOT NULL,
	"courriel_orientation" text,
	"telephone_orientation" text,
	"a_apporter" text DEFAULT '' NOT NULL,
	"delais" text DEFAULT '' NOT NULL,
	"accepte_orientations" boolean DEFAULT true NOT NULL,
	"modifie_par" uuid,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conditions_orientation_modalites_ck" CHECK ("conditions_orientation"."modalites" <@ ARRAY['passerelle', 'courriel', 'telephone', 'fiche_prescription', 'sans_rendez_vous']::text[])
);
--> statement-breakpoint
CREATE TABLE "evenements_orientations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"orientation_id" uuid NOT NULL,
	"evenement" text NOT NULL,
	"utilisateur_id" uuid,
	"par_lien" boolean DEFAULT false NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evenements_orientations_evenement_ck" CHECK ("evenements_orientations"."evenement" IN ('envoyee', 'vue', 'acceptee', 'prise_en_charge', 'cloturee', 'refusee', 'expiree', 'annulee', 'relance', 'lien_envoye', 'lien_renouvele', 'donnees_lues', 'donnees_effacees'))
);
--> statement-breakpoint
CREATE TABLE "liens_orientations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"orientation_id" uuid NOT NULL,
	"hash_jeton" text NOT NULL,
	"courriel" text NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orientations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"lieu_id" uuid NOT NULL,
	"structure_destinataire_id" uuid,
	"structure_emettrice_id" uuid NOT NULL,
	"emetteur_id" uuid,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"demarches" text[] DEFAULT '{}'::text[] NOT NULL,
	"urgence" text DEFAULT 'normale' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"statut" text DEFAULT 'envoyee' NOT NULL,
	"rdv_le" timestamp with time zone,
	"issue" text,
	"reorientee_vers_lieu_id" uuid,
	"reorientee_vers" text,
	"motif_refus" text,
	"note_destinataire" text DEFAULT '' NOT NULL,
	"personne_prenom" text,
	"personne_telephone" text,
	"personne_courriel" text,
	"consentement_mode" text,
	"consentement_par" uuid,
	"consentement_le" timestamp with time zone,
	"donnees_effacees_le" timestamp with time zone,
	"envoyee_le" timestamp with time zone DEFAULT now() NOT NULL,
	"repondue_le" timestamp with time zone,
	"terminee_le" timestamp with time zone,
	"derniere_relance_le" timestamp with time zone,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orientations_statut_ck" CHECK ("orientations"."statut" IN ('envoyee', 'vue', 'acceptee', 'prise_en_charge', 'cloturee', 'refusee', 'expiree', 'annulee')),
	CONSTRAINT "orientations_urgence_ck" CHECK ("orientations"."urgence" IN ('normale', 'rapide', 'urgente')),
	CONSTRAINT "orientations_issue_ck" CHECK ("orientations"."issue" IS NULL OR "orientations"."issue" IN ('autonome', 'suivi_en_cours', 'reorientee', 'sans_suite')),
	CONSTRAINT "orientations_motif_ck" CHECK ("orientations"."motif_refus" IS NULL OR "orientations"."motif_refus" IN ('hors_public', 'hors_service', 'complet', 'hors_territoire', 'deja_accompagnee', 'injoignable', 'autre')),
	CONSTRAINT "orientations_demarches_ck" CHECK ("orientations"."demarches" <@ ARRAY['caf', 'ameli', 'impots', 'france_travail', 'ants', 'msa', 'retraite', 'autre']::text[]),
	CONSTRAINT "orientations_message_ck" CHECK (length("orientations"."message") <= 1000 AND length("orientations"."note_destinataire") <= 2000),
	CONSTRAINT "orientations_consentement_ck" CHECK (("orientations"."personne_prenom" IS NULL AND "orientations"."personne_telephone" IS NULL AND "orientations"."personne_courriel" IS NULL) OR ("orientations"."consentement_mode" IN ('oral', 'ecrit', 'formulaire_signe') AND "orientations"."consentement_le" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "remontees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operateur" text NOT NULL,
	"demarche" text NOT NULL,
	"theme" text NOT NULL,
	"description" text NOT NULL,
	"personnes_concernees" integer DEFAULT 1 NOT NULL,
	"type_territoire" text NOT NULL,
	"code_territoire" text NOT NULL,
	"statut" text DEFAULT 'ouverte' NOT NULL,
	"auteur_id" uuid,
	"structure_id" uuid NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	"close_le" timestamp with time zone,
	"close_par" uuid,
	CONSTRAINT "remontees_operateur_ck" CHECK ("remontees"."operateur" IN ('caf', 'cpam', 'france_travail', 'dgfip', 'ants', 'msa', 'carsat', 'autre')),
	CONSTRAINT "remontees_theme_ck" CHECK ("remontees"."theme" IN ('connexion', 'justificatif', 'erreur_technique', 'accessibilite', 'delai', 'information', 'autre')),
	CONSTRAINT "remontees_statut_ck" CHECK ("remontees"."statut" IN ('ouverte', 'en_cours', 'close')),
	CONSTRAINT "remontees_territoire_ck" CHECK ("remontees"."type_territoire" IN ('commune', 'epci', 'departement')),
	CONSTRAINT "remontees_personnes_ck" CHECK ("remontees"."personnes_concernees" BETWEEN 1 AND 100000),
	CONSTRAINT "remontees_textes_ck" CHECK (length("remontees"."description") <= 3000 AND length("remontees"."demarche") <= 200)
);
--> statement-breakpoint
CREATE TABLE "reponses_remontees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"remontee_id" uuid NOT NULL,
	"auteur_id" uuid,
	"structure_id" uuid NOT NULL,
	"texte" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reponses_remontees_texte_ck" CHECK (length("reponses_remontees"."texte") BETWEEN 1 AND 3000)
);
--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "operateur" text;--> statement-breakpoint
ALTER TABLE "conditions_orientation" ADD CONSTRAINT "conditions_orientation_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conditions_orientation" ADD CONSTRAINT "conditions_orientation_modifie_par_utilisateurs_id_fk" FOREIGN KEY ("modifie_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evenements_orientations" ADD CONSTRAINT "evenements_orientations_orientation_id_orientations_id_fk" FOREIGN KEY ("orientation_id") REFERENCES "public"."orientations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evenements_orientations" ADD CONSTRAINT "evenements_orientations_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liens_orientations" ADD CONSTRAINT "liens_orientations_orientation_id_orientations_id_fk" FOREIGN KEY ("orientation_id") REFERENCES "public"."orientations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientations" ADD CONSTRAINT "orientations_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientations" ADD CONSTRAINT "orientations_structure_destinataire_id_structures_id_fk" FOREIGN KEY ("structure_destinataire_id") REFERENCES "public"."structures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientations" ADD CONSTRAINT "orientations_structure_emettrice_id_structures_id_fk" FOREIGN KEY ("structure_emettrice_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientations" ADD CONSTRAINT "orientations_emetteur_id_utilisateurs_id_fk" FOREIGN KEY ("emetteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientations" ADD CONSTRAINT "orientations_reorientee_vers_lieu_id_lieux_id_fk" FOREIGN KEY ("reorientee_vers_lieu_id") REFERENCES "public"."lieux"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientations" ADD CONSTRAINT "orientations_consentement_par_utilisateurs_id_fk" FOREIGN KEY ("consentement_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remontees" ADD CONSTRAINT "remontees_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remontees" ADD CONSTRAINT "remontees_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remontees" ADD CONSTRAINT "remontees_close_par_utilisateurs_id_fk" FOREIGN KEY ("close_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reponses_remontees" ADD CONSTRAINT "reponses_remontees_remontee_id_remontees_id_fk" FOREIGN KEY ("remontee_id") REFERENCES "public"."remontees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reponses_remontees" ADD CONSTRAINT "reponses_remontees_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reponses_remontees" ADD CONSTRAINT "reponses_remontees_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evenements_orientations_orientation_idx" ON "evenements_orientations" USING btree ("orientation_id","le");--> statement-breakpoint
CREATE UNIQUE INDEX "liens_orientations_hash_uk" ON "liens_orientations" USING btree ("hash_jeton");--> statement-breakpoint
CREATE INDEX "liens_orientations_orientation_idx" ON "liens_orientations" USING btree ("orientation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orientations_code_uk" ON "orientations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "orientations_recues_idx" ON "orientations" USING btree ("structure_destinataire_id","statut","envoyee_le" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orientations_envoyees_idx" ON "orientations" USING btree ("structure_emettrice_id","statut","envoyee_le" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orientations_lieu_idx" ON "orientations" USING btree ("lieu_id","envoyee_le" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orientations_en_attente_idx" ON "orientations" USING btree ("envoyee_le") WHERE "orientations"."statut" IN ('envoyee', 'vue');--> statement-breakpoint
CREATE INDEX "orientations_a_effacer_idx" ON "orientations" USING btree ("terminee_le") WHERE "orientations"."terminee_le" IS NOT NULL AND "orientations"."donnees_effacees_le" IS NULL;--> statement-breakpoint
CREATE INDEX "remontees_operateur_idx" ON "remontees" USING btree ("operateur","statut","cree_le" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "remontees_structure_idx" ON "remontees" USING btree ("structure_id","cree_le" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "reponses_remontees_remontee_idx" ON "reponses_remontees" USING btree ("remontee_id","cree_le");--> statement-breakpoint
CREATE INDEX "structures_operateur_idx" ON "structures" USING btree ("operateur");