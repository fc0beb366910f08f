/**
 * Page weight benchmark: builds the app into a private folder, starts it on a fresh data folder
 * (the first start loads the real Bretagne data), opens /lieux?commune=29019 in Debian's Chromium
 * and counts the bytes that crossed the wire (compressed bodies and headers) until the page's
 * load event, then what loads after it (the map) until the network is
 * quiet. Prints one JSON line.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { get } from "node:http";
import path from "node:path";
import { chromium, type Request } from "playwright-core";

const CHEMIN = process.env.BENCH_URL ?? "/lieux?commune=29019";
const PORT = Number(process.env.BENCH_PORT ?? 4011);
const DOSSIER_BUILD = process.env.PASSERELLE_BUILD_DIR ?? "/tmp/passerelle-weight-build";
const RACINE = path.resolve(import.meta.dirname, "..");
/** After load, the map is considered loaded once nothing has moved on the network for this long. */
const CALME_MS = 3000;

function construire(): void {
  try {
    execFileSync("npx", ["react-router", "build"], { cwd: RACINE, env: { ...process.env, PASSERELLE_BUILD_DIR: DOSSIER_BUILD }, stdio: "pipe" });
  } catch (e) {
    const sortie = e instanceof Error && "stderr" in e ? String(e.stderr) : String(e);
    throw new Error(`La construction a échoué :\n${sortie}`);
  }
  // The server bundle imports react, react-router… by bare name: outside the project, Node finds
  // them only through a node_modules next to (or above) the build.
  const lien = path.join(DOSSIER_BUILD, "node_modules");
  if (!existsSync(lien)) symlinkSync(path.join(RACINE, "node_modules"), lien, "dir");
}

async function demarrer(): Promise<{ url: string; arreter: () => Promise<void> }> {
  const donnees = mkdtempSync(path.join(tmpdir(), "passerelle-weight-"));
  const serveur = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: RACINE,
    env: { ...process.env, PORT: String(PORT), PASSERELLE_DATA_DIR: donnees, PASSERELLE_BUILD_DIR: DOSSIER_BUILD, DATABASE_URL: "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let erreurs = "";
  serveur.stderr?.on("data", (d: Buffer) => (erreurs += d.toString()));
  const url = `http://127.0.0.1:${PORT}`;
  const limite = Date.now() + 180_000;
  for (;;) {
    const pret = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (pret) break;
    if (serveur.exitCode !== null || Date.now() > limite) {
      serveur.kill("SIGTERM");
      throw new Error(`Le serveur n'a pas démarré :\n${erreurs}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    arreter: async () => {
      serveur.kill("SIGTERM");
      if (serveur.exitCode === null) await new Promise((r) => serveur.once("exit", r));
      rmSync(donnees, { recursive: true, force: true });
    },
  };
}

/** Body bytes as sent on the wire (still compressed) for one GET with the browser's headers. */
function octetsRecus(url: string, entetes: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const acceptes = { "accept-encoding": entetes["accept-encoding"] ?? "gzip, deflate, br" };
    get(url, { headers: acceptes }, (reponse) => {
      let total = 0;
      reponse.on("data", (morceau: Buffer) => (total += morceau.length));
      reponse.on("end", () => resolve(total));
      reponse.on("error", reject);
    }).on("error", reject);
  });
}

interface Transfert {
  url: string;
  octets: number;
  apres: boolean;
}

interface Mesure {
  octetsAvantLoad: number;
  requetesAvantLoad: number;
  octetsApresLoad: number;
  requetesApresLoad: number;
  statut: number;
  detail: Transfert[];
}

async function mesurer(url: string): Promise<Mesure> {
  const navigateur = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    // A new context has an empty cache: this is a first visit.
    const page = await navigateur.newPage({ viewport: { width: 1280, height: 900 } });
    const fins: { url: string; octets: number; finMs: number }[] = [];
    let dernierEvenement = Date.now();
    // Playwright's events, unlike a page's CDP session, also see the map's web worker (its script
    // and the boundaries it fetches). Sizes are as received: compressed body plus headers.
    page.on("request", () => (dernierEvenement = Date.now()));
    const terminer = async (requete: Request, echec: boolean) => {
      dernierEvenement = Date.now();
      if (requete.url().startsWith("data:")) return;
      const tailles = await requete.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
      const t = requete.timing();
      const statut = (await requete.response())?.status();
      // Chromium reports no body size for a worker's own script: fetch it again as it was sent.
      const corps = tailles.responseBodySize === 0 && statut === 200 ? await octetsRecus(requete.url(), await requete.allHeaders()) : tailles.responseBodySize;
      fins.push({
        url: echec ? `${requete.url()} (échec)` : requete.url(),
        octets: corps + tailles.responseHeadersSize,
        finMs: t.startTime + Math.max(t.responseEnd, 0),
      });
    };
    page.on("requestfinished", (r) => void terminer(r, false));
    page.on("requestfailed", (r) => void terminer(r, true));
    const reponse = await page.goto(url, { waitUntil: "load" });
    const instantLoad = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType("navigation");
      return performance.timeOrigin + (navigation instanceof PerformanceNavigationTiming ? navigation.loadEventStart : performance.now());
    });
    while (Date.now() - dernierEvenement < CALME_MS) await new Promise((r) => setTimeout(r, 250));
    // Everything finished by the load event counts for the page budget; the rest is the map.
    const detail = fins.map((f) => ({ url: f.url, octets: f.octets, apres: f.finMs > instantLoad }));
    const avant = detail.filter((d) => !d.apres);
    const apres = detail.filter((d) => d.apres);
    const somme = (l: Transfert[]) => l.reduce((s, d) => s + d.octets, 0);
    return {
      octetsAvantLoad: somme(avant),
      requetesAvantLoad: avant.length,
      octetsApresLoad: somme(apres),
      requetesApresLoad: apres.length,
      statut: reponse?.status() ?? 0,
      detail,
    };
  } finally {
    await navigateur.close();
  }
}

if (process.env.BENCH_SANS_BUILD !== "1") construire();
const serveur = await demarrer();
try {
  const m = await mesurer(`${serveur.url}${CHEMIN}`);
  if (process.env.BENCH_DETAIL === "1") {
    for (const d of m.detail) console.error(`${d.apres ? "après" : "avant"} load  ${String(d.octets).padStart(8)}  ${d.url.replace(serveur.url, "")}`);
  }
  console.log(
    JSON.stringify({
      bench: "weight",
      url: CHEMIN,
      status: m.statut,
      bytes_until_load: m.octetsAvantLoad,
      kb_until_load: Math.round((m.octetsAvantLoad / 1024) * 10) / 10,
      requests: m.requetesAvantLoad,
      bytes_after_load: m.octetsApresLoad,
      kb_after_load: Math.round((m.octetsApresLoad / 1024) * 10) / 10,
      requests_after_load: m.requetesApresLoad,
      budget_kb: 150,
    }),
  );
} finally {
  await serveur.arreter();
}
