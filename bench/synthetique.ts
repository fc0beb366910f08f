/**
 * The national-scale SYNTHETIC set shared by the benchmarks: places in the standard, derived from
 * the real Bretagne rows, spread over French communes, marked "Lieu FICTIF". Deterministic.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { versCsvStandard } from "~/lieux/export/standard";
import { analyserFichier } from "~/lieux/import/analyse";
import type { FormatImport } from "~/lieux/import/lecture";
import type { LieuStandard } from "~/lieux/standard/lieu";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import { z } from "zod";

function communesNationales() {
  return z
    .array(z.object({ code: z.string(), nom: z.string(), type: z.string(), codesPostaux: z.array(z.string()).optional() }))
    .parse(JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@etalab/decoupage-administratif/data/communes.json"), "utf8")))
    .filter((c) => c.type === "commune-actuelle" && c.codesPostaux && c.codesPostaux.length > 0);
}

/** Deterministic pseudo-random numbers, so every run builds the same file. */
export function aleatoire(graine: number): () => number {
  let a = graine;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lieuxReels(): LieuStandard[] {
  const referentiel = chargerReferentiel();
  const sources: [FormatImport, string][] = [
    ["france-services", "france-services-2024-08-01-bretagne.csv"],
    ["aidants-connect", "aidants-connect-structures-2024-02-bretagne.csv"],
    ["cnfs-2022", "cnfs-lieux-2022-12-bretagne.json"],
  ];
  return sources.flatMap(([format, nom]) =>
    analyserFichier(readFileSync(new URL(`../reference-data/lieux/${nom}`, import.meta.url)), format, referentiel).acceptes.map((a) => a.lieu),
  );
}

export function lieuxSynthetiques(lignes: number): LieuStandard[] {
  const reels = lieuxReels();
  const communes = communesNationales();
  const hasard = aleatoire(2026);
  const lieux: LieuStandard[] = [];
  for (let i = 0; i < lignes; i++) {
    const base = reels[i % reels.length];
    const commune = communes[Math.floor(hasard() * communes.length)];
    if (!base || !commune) throw new Error("données de base manquantes");
    const lieu: LieuStandard = {
      ...base,
      id: `synthetique-${i}`,
      nom: `${base.nom} (${commune.nom})`,
      commune: commune.nom,
      code_postal: commune.codesPostaux?.[0] ?? "",
      code_insee: commune.code,
      source: "Jeu synthétique Passerelle (banc d'essai)",
      presentation_resume: "Lieu FICTIF généré pour un banc d'essai à partir d'un lieu réel de Bretagne.",
    };
    if (base.latitude !== undefined && base.longitude !== undefined && hasard() < 0.7) {
      lieu.latitude = Math.round((43 + hasard() * 7.5) * 1e5) / 1e5;
      lieu.longitude = Math.round((-4.5 + hasard() * 12) * 1e5) / 1e5;
    } else {
      delete lieu.latitude;
      delete lieu.longitude;
    }
    lieux.push(lieu);
  }
  return lieux;
}

/** Writes (once) `bench/out/lieux-synthetiques-<n>.csv` and returns its path. */
export function fichierSynthetique(lignes: number, options: { reconstruire?: boolean } = {}): string {
  const fichier = fileURLToPath(new URL(`./out/lieux-synthetiques-${lignes}.csv`, import.meta.url));
  if (existsSync(fichier) && !options.reconstruire) return fichier;
  mkdirSync(new URL("./out/", import.meta.url), { recursive: true });
  writeFileSync(fichier, versCsvStandard(lieuxSynthetiques(lignes)));
  console.error(`Fichier synthétique : ${lignes} lignes → ${fichier}`);
  return fichier;
}
