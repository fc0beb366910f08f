import path from "node:path";
import { z } from "zod";
import { codeInsee, decimal, entier, lireCsv, liste, siren } from "./csv.server";
import { dossierReference } from "./dossier.server";
import { normaliserNom } from "./normaliser";
import type { Commune, Departement, Epci, Referentiel, Region, Territoire } from "./types";

/** Files of `reference-data/referentiel/` (see its README for their provenance). */
export const FICHIERS_REFERENTIEL = Object.freeze({
  communes: "communes-bretagne-2026.csv",
  deleguees: "communes-deleguees-associees-bretagne-2026.csv",
  epci: "epci-bretagne-2026.csv",
});

// The flattened CSVs carry no département or region names: these are the COG 2026 ones.
const REGION = { code: "53", nom: "Bretagne" };
const NOMS_DEPARTEMENTS: ReadonlyMap<string, string> = new Map([
  ["22", "Côtes-d'Armor"],
  ["29", "Finistère"],
  ["35", "Ille-et-Vilaine"],
  ["56", "Morbihan"],
]);

const ligneCommune = z.object({
  code_insee: codeInsee,
  nom: z.string().min(1),
  departement: z.string().refine((c) => NOMS_DEPARTEMENTS.has(c), "département breton attendu"),
  region: z.literal(REGION.code),
  population: entier,
  codes_postaux: liste(/^\d{5}$/, "code postal").refine((l) => l.length > 0, "au moins un code postal"),
  epci_code: z.union([z.literal(""), siren]),
  anciens_codes: liste(/^\d[\dAB]\d{3}$/, "code INSEE"),
  latitude: decimal,
  longitude: decimal,
});

const ligneDeleguee = z.object({
  code_insee: codeInsee,
  nom: z.string().min(1),
  type: z.enum(["commune-deleguee", "commune-associee"]),
  commune_de_rattachement: codeInsee,
});

const ligneEpci = z.object({
  epci_code: siren,
  nom: z.string().min(1),
  type: z.string().min(1),
  communes_codes: liste(/^\d[\dAB]\d{3}$/, "code INSEE"),
});

const cache = new Map<string, Referentiel>();

/**
 * The reference geography read from `<dossier>/referentiel/*.csv`, `dossier` being
 * the `reference-data/` folder (see `dossierReference` for the default).
 * Built once per folder: about 1,300 rows, kept in memory for the process lifetime.
 */
export function chargerReferentiel(dossier?: string): Referentiel {
  const racine = dossierReference(dossier);
  const existant = cache.get(racine);
  if (existant) return existant;
  const referentiel = construire(path.join(racine, "referentiel"));
  cache.set(racine, referentiel);
  return referentiel;
}

/** One name a commune answers to: its own, or that of a commune déléguée/associée. */
interface NomConnu {
  cle: string;
  cleSansArticle: string;
  commune: Commune;
  principal: boolean;
}

function construire(dossier: string): Referentiel {
  const fichier = (nom: string) => path.join(dossier, nom);

  const communes = lireCsv(fichier(FICHIERS_REFERENTIEL.communes), ligneCommune).map(
    (l): Commune =>
      Object.freeze({
        code: l.code_insee,
        nom: l.nom,
        departement: l.departement,
        region: l.region,
        population: l.population,
        codesPostaux: l.codes_postaux,
        ...(l.epci_code === "" ? {} : { epci: l.epci_code }),
        anciensCodes: l.anciens_codes,
        latitude: l.latitude,
        longitude: l.longitude,
      }),
  );
  const parCode = new Map(communes.map((c) => [c.code, c]));
  // Former codes and communes déléguées lead to the current commune.
  const parAncienCode = new Map<string, Commune>();
  const noms: NomConnu[] = communes.map((c) => nomConnu(c.nom, c, true));
  for (const c of communes) for (const ancien of c.anciensCodes) parAncienCode.set(ancien, c);
  for (const d of lireCsv(fichier(FICHIERS_REFERENTIEL.deleguees), ligneDeleguee)) {
    const commune = parCode.get(d.commune_de_rattachement);
    if (!commune) {
      throw new Error(`${fichier(FICHIERS_REFERENTIEL.deleguees)}: ${d.code_insee} rattachée à ${d.commune_de_rattachement}, absente de ${FICHIERS_REFERENTIEL.communes}`);
    }
    if (!parCode.has(d.code_insee)) parAncienCode.set(d.code_insee, commune);
    noms.push(nomConnu(d.nom, commune, false));
  }

  const epcis = lireCsv(fichier(FICHIERS_REFERENTIEL.epci), ligneEpci).map((l): Epci => {
    const membres = communes.filter((c) => c.epci === l.epci_code);
    // The EPCI file also lists members outside Bretagne (Redon, Cap Atlantique): ignore those,
    // but the Breton ones must agree with the communes file or one of the two is stale.
    const attendus = l.communes_codes.filter((code) => NOMS_DEPARTEMENTS.has(code.slice(0, 2)));
    if (attendus.length !== membres.length || !attendus.every((code) => parCode.get(code)?.epci === l.epci_code)) {
      throw new Error(`${fichier(FICHIERS_REFERENTIEL.epci)}: les communes de ${l.epci_code} ne correspondent pas à la colonne epci_code de ${FICHIERS_REFERENTIEL.communes}`);
    }
    return Object.freeze({
      code: l.epci_code,
      nom: l.nom,
      type: l.type,
      // Sum of the 2026 commune populations: the DGCL figures of the EPCI file are another vintage.
      population: somme(membres),
      departements: [...new Set(membres.map((c) => c.departement))].sort(),
      communes: membres.map((c) => c.code),
    });
  });
  const parSiren = new Map(epcis.map((e) => [e.code, e]));
  const orpheline = communes.find((c) => c.epci !== undefined && !parSiren.has(c.epci));
  if (orpheline) {
    throw new Error(`${fichier(FICHIERS_REFERENTIEL.communes)}: EPCI ${orpheline.epci} de ${orpheline.code} absent de ${FICHIERS_REFERENTIEL.epci}`);
  }

  const departements: Departement[] = [...NOMS_DEPARTEMENTS].map(([code, nom]) =>
    Object.freeze({ code, nom, population: somme(communes.filter((c) => c.departement === code)) }),
  );
  const region: Region = Object.freeze({ ...REGION, population: somme(communes) });

  const parCodePostal = new Map<string, Commune[]>();
  for (const c of communes) {
    for (const cp of c.codesPostaux) parCodePostal.set(cp, [...(parCodePostal.get(cp) ?? []), c]);
  }
  for (const liste of parCodePostal.values()) liste.sort(parPopulation);

  /** Distinct communes answering to `cle` (compared without article if asked), own names first. */
  const parNom = (cle: string, horsArticle: boolean): Commune[] =>
    unique(
      noms
        .filter((n) => (horsArticle ? n.cleSansArticle : n.cle) === cle)
        .sort((a, b) => Number(b.principal) - Number(a.principal))
        .map((n) => n.commune),
    );

  const commune = (code: string): Commune | undefined => {
    const c = code.trim();
    return parCode.get(c) ?? parAncienCode.get(c);
  };

  return {
    communes: () => communes,
    epcis: () => epcis,
    departements: () => departements,
    region: () => region,
    commune,
    communesParCodePostal: (cp) => [...(parCodePostal.get(cp.trim()) ?? [])],
    epci: (code) => parSiren.get(code.trim()),
    departement: (code) => departements.find((d) => d.code === code.trim()),

    rechercherCommunes(nom, limite = 20) {
      const requete = normaliserNom(nom);
      if (requete === "") return [];
      // Rank: exact name, exact délégué name, prefix, délégué prefix, then a later word.
      const rangs = new Map<Commune, number>();
      for (const n of noms) {
        const rang = n.cle === requete ? 0 : n.cle.startsWith(requete) ? 2 : n.cle.includes(` ${requete}`) ? 4 : undefined;
        if (rang === undefined) continue;
        const r = rang === 4 ? rang : rang + (n.principal ? 0 : 1);
        rangs.set(n.commune, Math.min(r, rangs.get(n.commune) ?? r));
      }
      return [...rangs]
        .sort(([a, ra], [b, rb]) => ra - rb || parPopulation(a, b))
        .slice(0, limite)
        .map(([c]) => c);
    },

    resoudreCommune(codePostal, nom) {
      const cle = nom === undefined ? "" : cleNomSource(nom);
      const cp = codePostal?.trim() ?? "";
      const duCodePostal = parCodePostal.get(cp) ?? [];
      // The exact key first, then without article: some sources write "Faouët" or "Faouët (Le)".
      const passes = cle === "" ? [] : [parNom(cle, false), parNom(sansArticle(cle), true)];
      for (const trouvees of passes) {
        const trouvee = trouvees.find((c) => duCodePostal.includes(c));
        if (trouvee) return trouvee;
      }
      if (duCodePostal.length === 1) return duCodePostal[0];
      // Postal code absent, CEDEX or not matching the name: the name alone, only when it is
      // unambiguous (in the postal code's département if it has one, else in the region).
      const departement = NOMS_DEPARTEMENTS.has(cp.slice(0, 2)) ? cp.slice(0, 2) : undefined;
      for (const trouvees of passes) {
        const candidates = trouvees.filter((c) => departement === undefined || c.departement === departement);
        if (candidates.length > 0) return candidates.length === 1 ? candidates[0] : undefined;
      }
      return undefined;
    },

    territoire(code): Territoire | undefined {
      const c = code.trim();
      if (c === region.code) return { type: "region", code: c, nom: region.nom, communes: communes.map((x) => x.code) };
      if (c.length === 2) {
        const d = NOMS_DEPARTEMENTS.get(c);
        if (d === undefined) return undefined;
        return { type: "departement", code: c, nom: d, communes: communes.filter((x) => x.departement === c).map((x) => x.code) };
      }
      if (/^\d{9}$/.test(c)) {
        const e = parSiren.get(c);
        return e && { type: "epci", code: e.code, nom: e.nom, communes: [...e.communes] };
      }
      const trouvee = c.length === 5 ? commune(c) : undefined;
      return trouvee && { type: "commune", code: trouvee.code, nom: trouvee.nom, communes: [trouvee.code] };
    },
  };
}

function nomConnu(nom: string, commune: Commune, principal: boolean): NomConnu {
  const cle = normaliserNom(nom);
  return { cle, cleSansArticle: sansArticle(cle), commune, principal };
}

/** Names as written in source files, without suffixes seen there ("Cedex 9", "- Commune nouvelle"). */
function cleNomSource(nom: string): string {
  return normaliserNom(nom).replace(/ (cedex( \d+)?|commune nouvelle)$/, "");
}

/** "le faouet" and "faouet le" both give "faouet". */
function sansArticle(cle: string): string {
  return cle.replace(/^(le|la|les|l) /, "").replace(/ (le|la|les|l)$/, "");
}

function somme(communes: readonly Commune[]): number {
  return communes.reduce((total, c) => total + c.population, 0);
}

function parPopulation(a: Commune, b: Commune): number {
  return b.population - a.population || a.nom.localeCompare(b.nom, "fr");
}

function unique<T>(valeurs: T[]): T[] {
  return [...new Set(valeurs)];
}
