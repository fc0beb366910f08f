CREATE TABLE "limites_signalements" (
	"cle" text PRIMARY KEY NOT NULL,
	"debut" timestamp with time zone DEFAULT now() NOT NULL,
	"nombre" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "limites_signalements_debut_idx" ON "limites_signalements" USING btree ("debut");