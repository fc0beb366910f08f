import { SERVICES } from "~/lieux/standard/enumerations";
import { ErreurPasserelle } from "~/platform/erreurs";
import { estTypeTerritoire } from "~/territoire/pages/page-territoire.server";
import type { Referentiel } from "~/territoire/types";
import type { CommuneEloignee, LigneDiagnostic, RapportDiagnostic } from "../types";
import { comparer, type Pair } from "./ecarts";
import { arrondi, libelleService } from "./offre";
import { cleTerritoire, pairsDe } from "./territoires";
import type { Agregat, TableauDiagnostic } from "./tableau";
import { formaterNombre } from "./textes";

const parNom = (a: LigneDiagnostic, b: LigneDiagnostic) => a.nom.localeCompare(b.nom, "fr") || a.code.localeCompare(b.code);

/** The key of the territory asked for, or `introuvable`. A former commune code leads to the current commune. */
export function territoireDemande(referentiel: Referentiel, type: string, code: string): string {
  const t = estTypeTerritoire(type) ? referentiel.territoire(code) : undefined;
  if (!t || t.type !== type) {
    throw new ErreurPasserelle("introuvable", `Aucun territoire « ${type} » de code « ${code} » : type region, departement, epci ou commune, puis le code (53, 29, SIREN de l'EPCI, code INSEE).`);
  }
  return cleTerritoire(t.type, t.code);
}

export function agregatDe(tableau: TableauDiagnostic, referentiel: Referentiel, type: string, code: string): Agregat {
  const agregat = tableau.territoires.get(territoireDemande(referentiel, type, code));
  if (!agregat) throw new ErreurPasserelle("introuvable", "Ce territoire n'existe pas.");
  return agregat;
}

function pairs(tableau: TableauDiagnostic, cles: readonly string[]): Pair[] {
  return cles.flatMap((k) => tableau.territoires.get(k)?.pair ?? []);
}

/** One territory's report, picked from the computed region: its figures, its peers ranked, its communes. */
export function rapportDepuisTableau(tableau: TableauDiagnostic, referentiel: Referentiel, type: string, code: string): RapportDiagnostic {
  const a = agregatDe(tableau, referentiel, type, code);
  const d = a.diagnostic;
  const p = pairsDe(referentiel, d);
  const comparaison = comparer(pairs(tableau, p.cles), p.description);

  let communes: LigneDiagnostic[];
  const criteres = [...comparaison.criteres];
  if (d.type === "epci" || d.type === "commune") {
    // The communes are the peers (or one of them): the same rows, the same scores.
    const dans = new Set(a.territoire.communes.map((c) => c.code));
    communes = comparaison.lignes.filter((l) => dans.has(l.code)).sort(parNom);
  } else {
    const n = formaterNombre(a.territoire.communes.length);
    const entre = comparer(
      pairs(
        tableau,
        a.territoire.communes.map((c) => cleTerritoire("commune", c.code)),
      ),
      `les ${n} communes ${d.type === "region" ? "de la région" : "du département"} ${d.nom}`,
    );
    communes = entre.lignes.sort(parNom);
    const besoin = entre.criteres.find((c) => c.startsWith("Besoin"));
    criteres.push(`Dans la liste des communes, besoin, offre et écart comparent les ${n} communes du territoire entre elles, selon les mêmes règles.${besoin ? ` ${besoin}` : ""}`);
  }

  return {
    ...d,
    comparaison: { niveau: p.niveau, lignes: comparaison.lignes, criteres },
    communes,
    communes_eloignees: eloignees(tableau, a),
    donnees_a_jour_le: tableau.donneesAJourLe,
  };
}

/** Communes of the territory beyond the threshold from the nearest place offering a service, farthest first. */
function eloignees(tableau: TableauDiagnostic, a: Agregat): CommuneEloignee[] {
  const liste: CommuneEloignee[] = [];
  for (const c of a.territoire.communes) {
    const distances = tableau.distances.get(c.code);
    for (const service of SERVICES) {
      const proche = distances?.parService.get(service);
      if (!proche || proche.km <= tableau.seuilKm) continue;
      liste.push({
        code: c.code,
        nom: c.nom,
        population: c.population,
        service,
        libelle: libelleService(service),
        distance_km: arrondi(proche.km, 1) ?? proche.km,
        lieu_le_plus_proche: { id: proche.element.id, nom: proche.element.nom, commune: proche.element.nomCommune },
      });
    }
  }
  return liste.sort((x, y) => y.distance_km - x.distance_km || x.nom.localeCompare(y.nom, "fr") || x.service.localeCompare(y.service, "fr"));
}
