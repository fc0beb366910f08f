import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AppLoadContext, ServerBuild } from "react-router";
import { chargerSiVide } from "~/lieux/seed.server";
import { lireConfig } from "~/platform/config.server";
import { optionsDepuisConfig, ouvrirConnexion } from "~/platform/db/connexion.server";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import { entetesSecurite } from "./securite";

function estServerBuild(valeur: unknown): valeur is ServerBuild {
  return typeof valeur === "object" && valeur !== null && "routes" in valeur && "entry" in valeur;
}

const dev = process.argv.includes("--dev");
const config = lireConfig();
const connexion = await ouvrirConnexion(optionsDepuisConfig(config));
await connexion.migrer();
const referentiel = chargerReferentiel();
if (config.seedAuto) {
  const rapports = await chargerSiVide(connexion.db, referentiel);
  if (rapports) {
    for (const r of rapports) console.log(`Données chargées — ${r.source} : ${r.accepted} lieux acceptés, ${r.crees} créés, ${r.fusionnes} fusionnés.`);
  }
}
const contexte: AppLoadContext = { db: connexion.db, moteur: connexion.moteur, referentiel, config };

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(entetesSecurite);

if (dev) {
  const vite = await import("vite");
  const serveurVite = await vite.createServer({ server: { middlewareMode: true } });
  app.use(serveurVite.middlewares);
  app.all("/{*chemin}", async (req, res, next) => {
    try {
      const build = await serveurVite.ssrLoadModule("virtual:react-router/server-build");
      if (!estServerBuild(build)) throw new Error("Build serveur de React Router introuvable");
      await createRequestHandler({ build, getLoadContext: () => contexte })(req, res, next);
    } catch (e) {
      next(e);
    }
  });
} else {
  const dossierBuild = path.resolve(process.env.PASSERELLE_BUILD_DIR ?? "build");
  app.use("/assets", express.static(path.join(dossierBuild, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(dossierBuild, "client"), { maxAge: "1h" }));
  app.all(
    "/{*chemin}",
    createRequestHandler({
      build: () => import(pathToFileURL(path.join(dossierBuild, "server/index.js")).href),
      getLoadContext: () => contexte,
    }),
  );
}

const serveur = app.listen(config.port, config.host, () => {
  console.log(`Passerelle écoute sur http://localhost:${config.port} (base ${connexion.moteur}).`);
});

async function arreter(): Promise<void> {
  serveur.close();
  await connexion.fermer();
  process.exit(0);
}
process.on("SIGINT", () => void arreter());
process.on("SIGTERM", () => void arreter());
