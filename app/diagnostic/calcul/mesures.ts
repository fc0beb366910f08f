import type { Composante, Mesure, ScoresIfn } from "../types";
import { INDICATEURS, MESURES, type CleIndicateur, type CleMesure } from "../indicateurs/vocabulaire";
import type { ValeurRetenue, ValeursIndexees } from "./valeurs";
import { formaterNombre } from "./textes";

const communes = (n: number) => `${formaterNombre(n)} commune${n > 1 ? "s" : ""}`;

const IFN = "le fichier de l'indice de fragilité numérique par commune et par EPCI (commande « npx passerelle indicateurs import --format ifn »)";
const CNAF = "le fichier CNAF des allocataires par commune ou par IRIS (commande « npx passerelle indicateurs import --format cnaf »)";

/** The file a coordinator imports to fill an indicator (reference-data/indicateurs/README.md says what is missing). */
export const FICHIER_A_IMPORTER: Record<CleIndicateur, string> = {
  pop_65_plus: "le fichier INSEE « base-cc-evol-struct-pop » du recensement, population par âge et par commune (commande « npx passerelle indicateurs import --format insee-population »)",
  sans_diplome_moins_65:
    "le nombre de personnes de moins de 65 ans non scolarisées sans diplôme ou avec le seul CEP, par commune (tableau détaillé du recensement INSEE par âge), au format générique (commande « npx passerelle indicateurs import --format generique », indicateur sans_diplome_moins_65)",
  sans_diplome_15_plus: "le fichier INSEE « base-cc-diplomes-formation » du recensement, par commune (commande « npx passerelle indicateurs import --format insee-diplomes »)",
  allocataires_rsa: CNAF,
  allocataires_ppa: CNAF,
  allocataires_aah: CNAF,
  demandeurs_emploi: "le fichier France Travail – DARES des demandeurs d'emploi (catégories A, B, C) par commune (commande « npx passerelle indicateurs import --format france-travail »)",
  ifn_total: IFN,
  ifn_no_thd: IFN,
  ifn_no_4g: IFN,
  ifn_pauvrete: IFN,
  ifn_65_plus: IFN,
  ifn_sans_diplome: IFN,
};

function sources(valeurs: readonly ValeurRetenue[]): string | null {
  const toutes = new Set(valeurs.flatMap((v) => v.source.split(" ; ")));
  return toutes.size > 0 ? [...toutes].sort().join(" ; ") : null;
}

/**
 * One count over a territory: the sum over its communes when every one is known; otherwise null,
 * with what is known (`nombre_partiel`) and why the rest is not.
 */
export function composante(indicateur: CleIndicateur, codes: readonly string[], v: ValeursIndexees): Composante {
  const connues = codes.flatMap((c) => v.communes.get(c)?.get(indicateur) ?? []);
  const somme = connues.reduce((s, x) => s + x.valeur, 0);
  const complet = connues.length === codes.length && codes.length > 0;
  const base = {
    indicateur,
    libelle: INDICATEURS[indicateur].libelle,
    nombre: complet ? somme : null,
    nombre_partiel: connues.length > 0 ? somme : null,
    communes_connues: connues.length,
    communes: codes.length,
    annee: connues.length > 0 ? Math.min(...connues.map((x) => x.annee)) : null,
    source: sources(connues),
  };
  return { ...base, raison: complet ? null : raison(indicateur, connues, codes.length, v) };
}

const IRIS = "seules les communes découpées en IRIS sont publiées";

function raison(indicateur: CleIndicateur, connues: readonly ValeurRetenue[], total: number, v: ValeursIndexees): string {
  const presence = v.presents.get(indicateur);
  if (!presence) {
    const tousAges = indicateur === "sans_diplome_moins_65" && v.presents.has("sans_diplome_15_plus");
    return `Donnée non importée : importer ${FICHIER_A_IMPORTER[indicateur]}.${tousAges ? " Seul le nombre de non-diplômés de 15 ans et plus, tous âges confondus, est importé ; la mesure demande celui des moins de 65 ans." : ""}`;
  }
  if (connues.length === 0) {
    const source = [...presence.sources].sort().join(" ; ");
    const ici = total === 1 ? "cette commune" : `les ${communes(total)} de ce territoire`;
    return `Non publié pour ${ici} : la source « ${source} » ne donne de valeur que pour ${communes(presence.communes)} de la région${presence.depuisIris ? ` (${IRIS})` : ""}.`;
  }
  // Which communes the source publishes, when all the known values were summed from IRIS.
  const pourquoi = connues.every((x) => x.depuisIris) ? ` (${sources(connues) ?? "source"} : ${IRIS})` : "";
  return `Connu pour ${communes(connues.length)} sur ${formaterNombre(total)}${pourquoi}.`;
}

/** A measure: the sum of its inputs only when every one is known; never an estimate. */
export function mesure(cle: CleMesure, composantes: readonly Composante[], population: number): Mesure {
  const manquantes = composantes.filter((c) => c.nombre === null);
  const total = manquantes.length === 0 ? composantes.reduce((s, c) => s + (c.nombre ?? 0), 0) : null;
  const annees = composantes.flatMap((c) => (c.annee === null ? [] : [c.annee]));
  const toutes = new Set(composantes.flatMap((c) => (c.source === null ? [] : c.source.split(" ; "))));
  return {
    mesure: cle,
    libelle: MESURES[cle].libelle,
    nombre: total,
    taux: total !== null && population > 0 ? total / population : null,
    annee: annees.length > 0 ? Math.min(...annees) : null,
    source: toutes.size > 0 ? [...toutes].sort().join(" ; ") : null,
    raison: manquantes.length === 0 ? null : `Non calculée, faute de : ${manquantes.map((c) => `« ${c.libelle} » (${etat(c)})`).join(" ; ")}.`,
    composantes: [...composantes],
  };
}

/** A missing input in a few words; its own `raison` says the rest (what to import, which source). */
function etat(c: Composante): string {
  if (c.communes_connues > 0) return `connue pour ${communes(c.communes_connues)} sur ${formaterNombre(c.communes)}`;
  return c.raison?.startsWith("Donnée non importée") ? "donnée non importée" : "non publiée pour ce territoire";
}

/** The two measures of a territory made of these communes. */
export function mesures(codes: readonly string[], population: number, v: ValeursIndexees): Record<CleMesure, Mesure> {
  const de = (cle: CleMesure) =>
    mesure(
      cle,
      MESURES[cle].composantes.map((i) => composante(i, codes, v)),
      population,
    );
  return { fragilite: de("fragilite"), exposition: de("exposition") };
}

const CLES_IFN = {
  total: "ifn_total",
  no_thd: "ifn_no_thd",
  no_4g: "ifn_no_4g",
  pauvrete: "ifn_pauvrete",
  plus_65: "ifn_65_plus",
  sans_diplome: "ifn_sans_diplome",
} as const satisfies Record<string, CleIndicateur>;

/** The published IFN scores of one commune or one EPCI, as published (never averaged). */
export function scoresIfn(valeurs: ReadonlyMap<CleIndicateur, ValeurRetenue> | undefined): ScoresIfn | null {
  const lues = Object.values(CLES_IFN).flatMap((c) => valeurs?.get(c) ?? []);
  const premiere = valeurs?.get("ifn_total") ?? lues[0];
  if (!premiere) return null;
  const score = (c: CleIndicateur) => valeurs?.get(c)?.valeur ?? null;
  return {
    total: score(CLES_IFN.total),
    no_thd: score(CLES_IFN.no_thd),
    no_4g: score(CLES_IFN.no_4g),
    pauvrete: score(CLES_IFN.pauvrete),
    plus_65: score(CLES_IFN.plus_65),
    sans_diplome: score(CLES_IFN.sans_diplome),
    annee: premiere.annee,
    source: premiere.source,
  };
}
