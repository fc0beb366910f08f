CREATE TABLE "doublons" (
	"lieu_a" uuid NOT NULL,
	"lieu_b" uuid NOT NULL,
	"score" real NOT NULL,
	"signaux" jsonb NOT NULL,
	"statut" text DEFAULT 'a_revoir' NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"decide_le" timestamp with time zone,
	CONSTRAINT "doublons_lieu_a_lieu_b_pk" PRIMARY KEY("lieu_a","lieu_b"),
	CONSTRAINT "doublons_ordre_ck" CHECK ("doublons"."lieu_a" < "doublons"."lieu_b")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"format" text NOT NULL,
	"fichier" text NOT NULL,
	"enregistrements" integer NOT NULL,
	"acceptes" integer NOT NULL,
	"rejetes" integer NOT NULL,
	"crees" integer NOT NULL,
	"modifies" integer NOT NULL,
	"fusionnes" integer NOT NULL,
	"termine_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lieux" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pivot" text NOT NULL,
	"nom" text NOT NULL,
	"commune" text NOT NULL,
	"code_postal" text NOT NULL,
	"code_insee" text,
	"adresse" text NOT NULL,
	"complement_adresse" text,
	"latitude" double precision,
	"longitude" double precision,
	"position_approchee" boolean DEFAULT false NOT NULL,
	"typologie" text[] DEFAULT '{}'::text[] NOT NULL,
	"telephone" text,
	"courriels" text[] DEFAULT '{}'::text[] NOT NULL,
	"site_web" text[] DEFAULT '{}'::text[] NOT NULL,
	"horaires" text,
	"presentation_resume" text,
	"presentation_detail" text,
	"source" text,
	"itinerance" text[] DEFAULT '{}'::text[] NOT NULL,
	"structure_parente" text,
	"date_maj" date NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"publics_specifiquement_adresses" text[] DEFAULT '{}'::text[] NOT NULL,
	"prise_en_charge_specifique" text[] DEFAULT '{}'::text[] NOT NULL,
	"frais_a_charge" text[] DEFAULT '{}'::text[] NOT NULL,
	"dispositif_programmes_nationaux" text[] DEFAULT '{}'::text[] NOT NULL,
	"formations_labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"autres_formations_labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"modalites_acces" text[] DEFAULT '{}'::text[] NOT NULL,
	"modalites_accompagnement" text[] DEFAULT '{}'::text[] NOT NULL,
	"fiche_acces_libre" text,
	"prise_rdv" text,
	"provenance" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fusionne_dans" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lieux_latitude_ck" CHECK ("lieux"."latitude" is null or "lieux"."latitude" between -90 and 90),
	CONSTRAINT "lieux_longitude_ck" CHECK ("lieux"."longitude" is null or "lieux"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "lieux_sources" (
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"lieu_id" uuid NOT NULL,
	"donnees" jsonb NOT NULL,
	"empreinte" text NOT NULL,
	"date_maj" date NOT NULL,
	"importe_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lieux_sources_source_source_id_pk" PRIMARY KEY("source","source_id")
);
--> statement-breakpoint
ALTER TABLE "doublons" ADD CONSTRAINT "doublons_lieu_a_lieux_id_fk" FOREIGN KEY ("lieu_a") REFERENCES "public"."lieux"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doublons" ADD CONSTRAINT "doublons_lieu_b_lieux_id_fk" FOREIGN KEY ("lieu_b") REFERENCES "public"."lieux"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lieux_sources" ADD CONSTRAINT "lieux_sources_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lieux_code_insee_idx" ON "lieux" USING btree ("code_insee");--> statement-breakpoint
CREATE INDEX "lieux_pivot_idx" ON "lieux" USING btree ("pivot");--> statement-breakpoint
CREATE INDEX "lieux_sources_lieu_idx" ON "lieux_sources" USING btree ("lieu_id");