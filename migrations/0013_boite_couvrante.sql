-- The inbox indexes carry `demarches`: the count of a tab filtered by démarche reads only the index
-- instead of one heap page per referral (a structure with 92,000 sent referrals: 125 ms → 17 ms,
-- bench:orientations). Drizzle cannot declare INCLUDE, so the schema keeps the key columns only.
DROP INDEX IF EXISTS "orientations_recues_idx";
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "orientations_recues_idx" ON "orientations" ("structure_destinataire_id", "statut", "envoyee_le" DESC NULLS LAST) INCLUDE ("demarches");
--> statement-breakpoint
DROP INDEX IF EXISTS "orientations_envoyees_idx";
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "orientations_envoyees_idx" ON "orientations" ("structure_emettrice_id", "statut", "envoyee_le" DESC NULLS LAST) INCLUDE ("demarches");
