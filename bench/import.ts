/**
 * Import benchmark: builds a national-scale SYNTHETIC file of 25,000 places in the standard CSV
 * (derived from the real Bretagne rows, spread over French communes), then imports it with
 * validation, dedup and storage into a fresh PGlite and a fresh PostgreSQL database, each in its
 * own process so peak memory is the import's. Prints one JSON line per database.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { versCsvStandard } from "~/lieux/export/standard";
import { analyserFichier } from "~/lieux/import/analyse";
import type { FormatImport } from "~/lieux/import/lecture";
import type { LieuStandard } from "~/lieux/standard/lieu";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import { z } from "zod";

const LIGNES = Number(process.env.BENCH_LIGNES ?? 25_000);
const FICHIER = new URL(`./out/lieux-synthetiques-${LIGNES}.csv`, import.meta.url);

const communesNationales = z
  .array(z.object({ code: z.string(), nom: z.string(), type: z.string(), codesPostaux: z.array(z.string()).optional() }))
  .parse(JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@etalab/decoupage-administratif/data/communes.json"), "utf8")))
  .filter((c) => c.type === "commune-actuelle" && c.codesPostaux && c.codesPostaux.length > 0);

/** Deterministic pseudo-random numbers, so every run imports the same file. */
function aleatoire(graine: number): () => number {
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

function construireFichier(): void {
  const reels = lieuxReels();
  const hasard = aleatoire(2026);
  const lieux: LieuStandard[] = [];
  for (let i = 0; i < LIGNES; i++) {
    const base = reels[i % reels.length];
    const commune = communesNationales[Math.floor(hasard() * communesNationales.length)];
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
  mkdirSync(new URL("./out/", import.meta.url), { recursive: true });
  writeFileSync(FICHIER, versCsvStandard(lieux));
  console.error(`Fichier synthétique : ${LIGNES} lignes dérivées de ${reels.length} lieux réels → ${FICHIER.pathname}`);
}

construireFichier();
for (const db of ["pglite", "postgres"]) {
  const sortie = execFileSync(process.execPath, ["--import", "tsx", new URL("./import-mesure.ts", import.meta.url).pathname, FICHIER.pathname, db], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  process.stdout.write(sortie);
}
