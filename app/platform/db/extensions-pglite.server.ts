import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

/** The PostgreSQL extensions the migrations create (0000_extensions.sql), as PGlite loads them. */
export const EXTENSIONS_PGLITE = { cube, earthdistance, fuzzystrmatch, pg_trgm, unaccent };
