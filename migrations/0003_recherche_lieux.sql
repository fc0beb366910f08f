-- Search around a point: a GiST index on the position as a PostgreSQL point (longitude, latitude).
-- A bounding box in degrees finds the candidates through it; earthdistance's `<@>` (great-circle
-- distance between two points, C code) then trims the box's corners and sorts. Cheaper per row
-- than ll_to_earth/earth_box, which evaluate a SQL function on every candidate (3× slower on PGlite).
CREATE INDEX IF NOT EXISTS "lieux_point_gist_idx" ON "lieux" USING gist (point("longitude", "latitude")) WHERE "fusionne_dans" IS NULL AND "latitude" IS NOT NULL AND "longitude" IS NOT NULL;
--> statement-breakpoint
-- Searches without a centre list places by commune then name.
CREATE INDEX IF NOT EXISTS "lieux_commune_nom_idx" ON "lieux" USING btree ("commune", "nom", "id") WHERE "fusionne_dans" IS NULL;
