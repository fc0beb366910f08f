CREATE TABLE "imports_indicateurs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"format" text NOT NULL,
	"fichier" text NOT NULL,
	"lignes" integer NOT NULL,
	"valeurs" integer NOT NULL,
	"termine_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "valeurs_indicateurs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"niveau" text NOT NULL,
	"code" text NOT NULL,
	"commune" text,
	"indicateur" text NOT NULL,
	"valeur" double precision NOT NULL,
	"annee" integer NOT NULL,
	"source" text NOT NULL,
	"import_id" uuid NOT NULL,
	CONSTRAINT "valeurs_indicateurs_cle" UNIQUE("niveau","code","indicateur","annee")
);
--> statement-breakpoint
ALTER TABLE "valeurs_indicateurs" ADD CONSTRAINT "valeurs_indicateurs_import_id_imports_indicateurs_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports_indicateurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "valeurs_indicateurs_indicateur" ON "valeurs_indicateurs" USING btree ("indicateur");