import { and, count, desc, eq, gte, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { lieux } from "~/lieux/lieux.schema";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { exiger, type Droits } from "~/structures/droits.server";
import { structures } from "~/structures/structures.schema";
import type { Referentiel } from "~/territoire/types";
import { orientations } from "./orientations.schema";
import { debutDuMoisParis, douzeDerniersMois } from "./tableau-de-bord.server";
import { LIEUX_MAX, SANS_COMPTE } from "./tableaux";

/**
 * The coordinators' view of referrals (issue 5, point 7): flows between KINDS of structures and per
 * receiving place of a territory, over the last 12 months — counts and delays only (no code, no
 * person, no structure name), to see which links work and where referrals die. A referral is in
 * scope when its receiving place's commune OR its sending structure's commune is in the territory.
 * Coordinators see their EPCI/départements; hub administrators the region, with a selector.
 */


export interface Chiffres {
  total: number;
  acceptees: number;
  refusees: number;
  expirees: number;
  annulees: number;
  sansReponse: number;
  /** Median hours to the first answer; null when none was answered. */
  medianeHeures: number | null;
}
export interface LienFlux extends Chiffres {
  typeEmettrice: string;
  typeDestinataire: string;
}
export interface LieuFlux extends Chiffres {
  lieuId: string;
  nom: string;
  commune: string;
}
export interface VueFlux {
  territoires: { code: string; libelle: string }[];
  territoire: string;
  depuis: string;
  total: Chiffres;
  liens: LienFlux[];
  lieux: LieuFlux[];
  nbLieux: number;
}

function territoiresDe(droits: Droits, referentiel: Referentiel): { code: string; libelle: string }[] {
  const libelle = (code: string) => {
    const t = referentiel.territoire(code);
    return t ? `${t.type === "departement" ? "Département" : "EPCI"} : ${t.nom}` : code;
  };
  const codes = droits.administrateur ? [...referentiel.departements().map((d) => d.code), ...referentiel.epcis().map((e) => e.code)] : droits.coordinations.map((c) => c.code);
  return codes.map((code) => ({ code, libelle: libelle(code) }));
}

const emettrice = alias(structures, "emettrice");
const destinataire = alias(structures, "destinataire");
const delai = sql`extract(epoch from (${orientations.repondue_le} - ${orientations.envoyee_le})) / 3600.0`;
const chiffres = {
  total: count(),
  acceptees: sql<number>`count(*) filter (where ${orientations.statut} in ('acceptee', 'prise_en_charge', 'cloturee'))`.mapWith(Number),
  refusees: sql<number>`count(*) filter (where ${orientations.statut} = 'refusee')`.mapWith(Number),
  expirees: sql<number>`count(*) filter (where ${orientations.statut} = 'expiree')`.mapWith(Number),
  annulees: sql<number>`count(*) filter (where ${orientations.statut} = 'annulee')`.mapWith(Number),
  sansReponse: sql<number>`count(*) filter (where ${orientations.repondue_le} is null)`.mapWith(Number),
  mediane: sql<unknown>`percentile_cont(0.5) within group (order by ${delai}) filter (where ${orientations.repondue_le} is not null)`,
};
function versChiffres(l: { total: number; acceptees: number; refusees: number; expirees: number; annulees: number; sansReponse: number; mediane: unknown }): Chiffres {
  const { mediane, ...nombres } = l;
  return { ...nombres, medianeHeures: mediane === null || mediane === undefined ? null : Math.round(Number(mediane) * 10) / 10 };
}

export async function fluxOrientations(db: BaseDeDonnees, referentiel: Referentiel, droits: Droits | null, demande: { territoire: string }, maintenant = new Date()): Promise<VueFlux> {
  exiger(droits, droits !== null && (droits.administrateur || droits.coordinations.length > 0), "Cette page est réservée aux coordinations territoriales et aux administrateurs.");
  const territoires = territoiresDe(droits, referentiel);
  const territoire = territoires.some((t) => t.code === demande.territoire) ? demande.territoire : "";
  // null: the whole region (administrators without a chosen territory).
  const communes = territoire !== "" ? (referentiel.territoire(territoire)?.communes ?? []) : droits.administrateur ? null : [...droits.communesCoordonnees];
  const depuis = douzeDerniersMois(maintenant)[0] ?? "";
  const fenetre = gte(orientations.envoyee_le, debutDuMoisParis(depuis));
  const dans = (colonne: typeof lieux.code_insee | typeof emettrice.code_insee): SQL => inArray(colonne, communes && communes.length > 0 ? communes : [""]);
  const perimetre: SQL[] = [fenetre, ...(communes === null ? [] : [or(dans(lieux.code_insee), dans(emettrice.code_insee)) ?? sql`false`])];
  const lieuxDuTerritoire: SQL[] = [fenetre, ...(communes === null ? [] : [dans(lieux.code_insee)])];
  // A literal, not a parameter: the same text in SELECT and GROUP BY.
  const typeDestinataire = sql<string>`coalesce(${destinataire.type}, ${sql.raw(`'${SANS_COMPTE}'`)})`;

  const [[total], liens, parLieu, [nbLieux]] = await Promise.all([
    db.select(chiffres).from(orientations).innerJoin(lieux, eq(lieux.id, orientations.lieu_id)).innerJoin(emettrice, eq(emettrice.id, orientations.structure_emettrice_id)).where(and(...perimetre)),
    db
      .select({ typeEmettrice: emettrice.type, typeDestinataire, ...chiffres })
      .from(orientations)
      .innerJoin(lieux, eq(lieux.id, orientations.lieu_id))
      .innerJoin(emettrice, eq(emettrice.id, orientations.structure_emettrice_id))
      .leftJoin(destinataire, eq(destinataire.id, orientations.structure_destinataire_id))
      .where(and(...perimetre))
      .groupBy(emettrice.type, typeDestinataire)
      .orderBy(desc(count()), emettrice.type),
    db
      .select({ lieuId: lieux.id, nom: lieux.nom, commune: lieux.commune, ...chiffres })
      .from(orientations)
      .innerJoin(lieux, eq(lieux.id, orientations.lieu_id))
      .where(and(...lieuxDuTerritoire))
      .groupBy(lieux.id, lieux.nom, lieux.commune)
      .orderBy(desc(count()), lieux.nom)
      .limit(LIEUX_MAX),
    db.select({ n: sql<number>`count(distinct ${orientations.lieu_id})`.mapWith(Number) }).from(orientations).innerJoin(lieux, eq(lieux.id, orientations.lieu_id)).where(and(...lieuxDuTerritoire)),
  ]);
  const vide = { total: 0, acceptees: 0, refusees: 0, expirees: 0, annulees: 0, sansReponse: 0, mediane: null };
  return {
    territoires,
    territoire,
    depuis,
    total: versChiffres(total ?? vide),
    liens: liens.map(({ typeEmettrice, typeDestinataire: td, ...c }) => ({ typeEmettrice, typeDestinataire: td, ...versChiffres(c) })),
    lieux: parLieu.map(({ lieuId, nom, commune, ...c }) => ({ lieuId, nom, commune, ...versChiffres(c) })),
    nbLieux: nbLieux?.n ?? 0,
  };
}
