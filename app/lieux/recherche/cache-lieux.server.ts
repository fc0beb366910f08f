import { sql } from "drizzle-orm";
import { z } from "zod";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { lieux } from "../lieux.schema";
import { versLieuStandard } from "../lignes";
import { estSurRendezVous } from "./filtres";
import { COLONNES_LISTE } from "./requete.server";
import type { LieuTrouve } from "./resultat";

/** A place as every search shows it, before what depends on the search (distance, open now). */
export type LieuListe = Omit<LieuTrouve, "distance_km" | "ouvert_maintenant">;

/**
 * Places already turned into list items, by id and VERSION. A search first selects the matching
 * ids with their `version` (narrow, fast), then takes from here the rows whose version is still
 * the stored one and reads only the others: never stale, since every write bumps `version`
 * (importer, fusion). Reading and converting 20 full rows is most of a search's cost on PGlite.
 * Bounded; the oldest entries leave first. Entries are shared: callers must not mutate them.
 */
const CACHE = new Map<string, { version: number; lieu: LieuListe }>();
const TAILLE_MAX = 30_000;

const texte = z.string().nullable();
const liste = z.array(z.string());
/** A `lieux` row as PostgreSQL's json gives it (dates as ISO text): exactly the list columns. */
const ligneJson = z.object({
  id: z.string(),
  pivot: z.string(),
  nom: z.string(),
  commune: z.string(),
  code_postal: z.string(),
  code_insee: texte,
  adresse: z.string(),
  complement_adresse: texte,
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  position_approchee: z.boolean(),
  typologie: liste,
  telephone: texte,
  courriels: liste,
  site_web: liste,
  horaires: texte,
  presentation_resume: texte,
  presentation_detail: texte,
  source: texte,
  itinerance: liste,
  structure_parente: texte,
  date_maj: z.string(),
  services: liste,
  publics_specifiquement_adresses: liste,
  prise_en_charge_specifique: liste,
  frais_a_charge: liste,
  dispositif_programmes_nationaux: liste,
  formations_labels: liste,
  autres_formations_labels: liste,
  modalites_acces: liste,
  modalites_accompagnement: liste,
  fiche_acces_libre: texte,
  prise_rdv: texte,
  fusionne_dans: texte,
  version: z.number().int(),
  cree_le: z.coerce.date(),
  modifie_le: z.coerce.date(),
});
const lignesJson = z.array(ligneJson).nullable();

/**
 * The missing rows as ONE json text value: PGlite decoding 20 rows × 36 columns (text arrays
 * above all) cost 4.5 ms per search with a miss, the same rows as one json text 1.2 ms.
 */
function preparer(db: BaseDeDonnees) {
  const lignes = db
    .select(COLONNES_LISTE)
    .from(lieux)
    .where(sql`${lieux.id} = any(${sql.placeholder("ids")}::uuid[])`)
    .as("l");
  return db.select({ json: sql<string | null>`json_agg(l)::text` }).from(lignes).prepare("lieux_liste_par_ids");
}
const PREPAREES = new WeakMap<BaseDeDonnees, ReturnType<typeof preparer>>();

async function lireLignes(db: BaseDeDonnees, ids: string[]): Promise<z.infer<typeof ligneJson>[]> {
  let preparee = PREPAREES.get(db);
  if (!preparee) {
    preparee = preparer(db);
    PREPAREES.set(db, preparee);
  }
  const [r] = await preparee.execute({ ids });
  return lignesJson.parse(r?.json ? JSON.parse(r.json) : null) ?? [];
}

export async function lieuxParIds(db: BaseDeDonnees, demandes: readonly { id: string; version: number }[]): Promise<Map<string, LieuListe>> {
  const trouves = new Map<string, LieuListe>();
  const manquants: string[] = [];
  for (const d of demandes) {
    const connu = CACHE.get(d.id);
    if (connu && connu.version === d.version) trouves.set(d.id, connu.lieu);
    else manquants.push(d.id);
  }
  if (manquants.length === 0) return trouves;
  for (const ligne of await lireLignes(db, manquants)) {
    const lieu: LieuListe = {
      ...versLieuStandard({ ...ligne, provenance: {} }),
      id: ligne.id,
      position_approchee: ligne.position_approchee,
      sur_rendez_vous: estSurRendezVous(ligne.modalites_acces),
    };
    trouves.set(ligne.id, lieu);
    if (CACHE.size >= TAILLE_MAX) {
      const plusAncien = CACHE.keys().next();
      if (!plusAncien.done) CACHE.delete(plusAncien.value);
    }
    CACHE.set(ligne.id, { version: ligne.version, lieu });
  }
  return trouves;
}
