import type { LigneDiagnostic, RapportDiagnostic } from "../types";
import { construireCarte, type Carte } from "./carte";
import { formes, type Forme } from "./geometrie.server";
import type { IndicateurCarte } from "./indicateurs-carte";
import { titresTableaux } from "./colonnes";

/** Each row's shape in its own layer: a comparison of EPCIs may also hold an island commune outside any EPCI. */
function formesDeLignes(lignes: readonly LigneDiagnostic[]): Forme[] {
  return lignes.flatMap((l) => (l.type === "commune" ? formes("communes", [l.code]) : l.type === "epci" ? formes("epci", [l.code]) : []));
}

/**
 * The maps of a diagnostic, over the shipped boundaries:
 * - region, département: its communes, then its EPCIs (the comparison);
 * - EPCI: its communes;
 * - commune: the communes of its EPCI (the comparison), the commune outlined.
 */
export function cartesDiagnostic(r: RapportDiagnostic, indicateur: IndicateurCarte, largeur = 1000): Carte[] {
  const titres = titresTableaux(r);
  const cartes: (Carte | null)[] = [];
  if (r.type === "commune") {
    const lignes = r.comparaison.lignes.length > 0 ? r.comparaison.lignes : r.communes;
    const moi = formes("communes", [r.code])[0];
    cartes.push(
      construireCarte({
        id: "carte-communes",
        // The three island communes outside any EPCI are compared with nobody: only they are drawn.
        titre: r.parents.some((p) => p.type === "epci") ? `${indicateur.libelle} : ${r.nom} et les communes de son intercommunalité` : `${indicateur.libelle} : ${r.nom}`,
        unites: "communes",
        tableau: r.comparaison.lignes.length > 0 ? titres.comparaison : titres.communes,
        formes: formesDeLignes(lignes),
        lignes,
        indicateur,
        ...(moi ? { enEvidence: { geometrie: moi.geometrie, nom: r.nom } } : {}),
        largeur,
      }),
    );
    return cartes.filter((c) => c !== null);
  }
  const reperes = r.type === "region" ? formes("departements", ["22", "29", "35", "56"]).map((f) => f.geometrie) : [];
  cartes.push(
    construireCarte({
      id: "carte-communes",
      titre: `${indicateur.libelle}, par commune : ${r.nom}`,
      unites: "communes",
      tableau: titres.communes,
      formes: formesDeLignes(r.communes),
      lignes: r.communes,
      indicateur,
      reperes,
      largeur,
    }),
  );
  if ((r.type === "region" || r.type === "departement") && r.comparaison.niveau === "epci") {
    cartes.push(
      construireCarte({
        id: "carte-epci",
        titre: `${indicateur.libelle}, par intercommunalité : ${r.nom}`,
        unites: "intercommunalités",
        tableau: titres.comparaison,
        formes: formesDeLignes(r.comparaison.lignes),
        lignes: r.comparaison.lignes,
        indicateur,
        largeur,
      }),
    );
  }
  return cartes.filter((c) => c !== null);
}
