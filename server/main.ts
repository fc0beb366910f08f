import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import cluster from "node:cluster";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AppLoadContext, ServerBuild } from "react-router";
import { creerComptes } from "~/comptes/auth.server";
import { nomCookieSession } from "~/comptes/cookie-session.server";
import { monterComptes } from "~/comptes/express.server";
import { creerMessagerie, type Messagerie } from "~/platform/courriel/messagerie.server";
import { tachesFraicheur } from "~/lieux/fraicheur/taches.server";
import { tachesOrientations } from "~/orientation/suivi/taches.server";
import { tachesSignalements } from "~/lieux/signalements/conservation.server";
import { tachesConservation } from "~/platform/taches/conservation.server";
import { demarrerPlanificateur, type Tache } from "~/platform/taches/planificateur.server";
import { routeurApi } from "~/routes/api/express.server";
import { geocodeurDepuisEnv } from "~/lieux/recherche/geocodeur.server";
import { chargerSiVide } from "~/lieux/seed.server";
import { chargerIndicateursSiVide } from "~/diagnostic/indicateurs/seed.server";
import { lireConfig } from "~/platform/config.server";
import { optionsDepuisConfig, ouvrirConnexion, type BaseDeDonnees, type Connexion } from "~/platform/db/connexion.server";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import type { Referentiel } from "~/territoire/types";
import { protectionCsrf } from "./csrf";
import { entetesSecurite, nonceDe } from "./securite";

function estServerBuild(valeur: unknown): valeur is ServerBuild {
  return typeof valeur === "object" && valeur !== null && "routes" in valeur && "entry" in valeur;
}

const dev = process.argv.includes("--dev");
const config = lireConfig();
// Several app processes only on a PostgreSQL server: PGlite is one in-process database (decision 005).
const processus = config.databaseUrl && !dev ? Math.max(1, Number(process.env.PASSERELLE_PROCESSUS ?? 1) || 1) : 1;
if (processus > 1 && cluster.isPrimary) {
  // The primary migrates and seeds once, then only supervises; workers share the port.
  const preparation = await ouvrirConnexion(optionsDepuisConfig(config));
  await preparer(preparation);
  // The primary keeps this connection for the scheduled jobs: one job runner per deployment.
  const planificateur = await demarrerPlanificateur(preparation.db, taches(preparation.db, creerMessagerie(preparation.db, config), chargerReferentiel()));
  let arret = false;
  for (let i = 0; i < processus; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (!arret) console.error(`Processus ${worker.process.pid} arrêté (code ${code}).`);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(arret ? 0 : 1);
  });
  const arreterTous = () => {
    arret = true;
    void planificateur.stop({ graceful: false }).then(() => preparation.fermer());
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
  };
  process.on("SIGINT", arreterTous);
  process.on("SIGTERM", arreterTous);
} else {
  await servir();
}

/** Every module's scheduled jobs, run by one process per deployment. */
function taches(db: BaseDeDonnees, messagerie: Messagerie, referentiel: Referentiel): Tache[] {
  return [
    ...tachesFraicheur({ db, messagerie, referentiel, urlPublique: config.urlPublique, fraicheurMois: config.fraicheurMois }),
    ...tachesOrientations({ db, messagerie, referentiel, urlPublique: config.urlPublique, reglages: config.orientation }),
    ...tachesSignalements(db),
    ...tachesConservation(db, config.conservation),
  ];
}

/** One app process: its database connection, the reference geography, Express and React Router. */
async function servir(): Promise<void> {
  const options = optionsDepuisConfig(config);
  // The embedded database on its own thread: HTTP and the engine each get a core (decision 013).
  const connexion = await ouvrirConnexion(options.moteur === "pglite" ? { ...options, fil: true } : options);
  if (cluster.isPrimary) await preparer(connexion);
  const referentiel = chargerReferentiel();
  const messagerie = creerMessagerie(connexion.db, config);
  const comptes = creerComptes(connexion.db, config, messagerie);
  const contexte: AppLoadContext = { db: connexion.db, moteur: connexion.moteur, referentiel, config, geocodeur: geocodeurDepuisEnv(), comptes, messagerie };
  // The daily reminders run in the primary only (with workers, the supervising primary runs them).
  const planificateur = processus === 1 ? await demarrerPlanificateur(connexion.db, taches(connexion.db, messagerie, referentiel)) : undefined;

  const app = express();
  app.disable("x-powered-by");
  // API answers (a search page ≈ 20 KB of JSON) at gzip level 1: 0.08 ms instead of 0.10 ms for 10 %
  // more bytes; pages keep the default level (their weight budget). One compression per request.
  const compressionApi = compression({ level: 1 });
  const compressionPages = compression();
  app.use((req, res, next) => (req.path.startsWith("/api/") ? compressionApi : compressionPages)(req, res, next));
  if (config.proxiesDeConfiance !== undefined) app.set("trust proxy", config.proxiesDeConfiance);
  app.use(entetesSecurite({ styleCarte: config.styleCarte, dev }));
  // Before better-auth, the API and React Router: every unsafe request from another site stops here.
  app.use(protectionCsrf(config.urlPublique, nomCookieSession(config.urlPublique)));
  monterComptes(app, comptes);
  app.use("/api/v1", routeurApi(contexte));

  if (dev) {
    const vite = await import("vite");
    const serveurVite = await vite.createServer({ server: { middlewareMode: true } });
    app.use(serveurVite.middlewares);
    app.all("/{*chemin}", async (req, res, next) => {
      try {
        const build = await serveurVite.ssrLoadModule("virtual:react-router/server-build");
        if (!estServerBuild(build)) throw new Error("Build serveur de React Router introuvable");
        await createRequestHandler({ build, getLoadContext: (_req, r) => ({ ...contexte, nonce: nonceDe(r) }) })(req, res, next);
      } catch (e) {
        next(e);
      }
    });
  } else {
    const dossierBuild = path.resolve(process.env.PASSERELLE_BUILD_DIR ?? "build");
    app.use("/assets", express.static(path.join(dossierBuild, "client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(dossierBuild, "client"), { maxAge: "1h" }));
    // Imported once: a `build` function is called on every request, and each dynamic import()
    // then goes through tsx's loader hooks on another thread (≈0.3 ms of the main thread per request).
    const build: unknown = await import(pathToFileURL(path.join(dossierBuild, "server/index.js")).href);
    if (!estServerBuild(build)) throw new Error("Build serveur de React Router introuvable");
    // The CSP nonce of this response reaches React Router's inline scripts through the load context.
    app.all("/{*chemin}", createRequestHandler({ build, getLoadContext: (_req, r) => ({ ...contexte, nonce: nonceDe(r) }) }));
  }

  const serveur = app.listen(config.port, config.host, () => {
    if (cluster.isPrimary || cluster.worker?.id === 1) console.log(`Passerelle écoute sur http://localhost:${config.port} (base ${connexion.moteur}, ${processus} processus).`);
  });

  async function arreter(): Promise<void> {
    serveur.close();
    await planificateur?.stop({ graceful: false, wait: true });
    await connexion.fermer();
    process.exit(0);
  }
  process.on("SIGINT", () => void arreter());
  process.on("SIGTERM", () => void arreter());
}

/** Migrations and the first seed, once per deployment start (the primary when there are workers). */
async function preparer(connexion: Connexion): Promise<void> {
  await connexion.migrer();
  if (config.seedAuto) {
    const rapports = await chargerSiVide(connexion.db, chargerReferentiel());
    if (rapports) {
      for (const r of rapports) console.log(`Données chargées — ${r.source} : ${r.accepted} lieux acceptés, ${r.crees} créés, ${r.fusionnes} fusionnés.`);
    }
    const indicateurs = await chargerIndicateursSiVide(connexion.db, chargerReferentiel());
    if (indicateurs) console.log(`Indicateurs chargés — ${indicateurs.map((r) => `${r.fichier} : ${r.valeurs} valeurs`).join(" ; ")}.`);
  }
}
