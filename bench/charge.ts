/**
 * Open-loop load generator: `node --import tsx bench/charge.ts <base-url> <rate> <seconds> <points.json>`.
 * Requests leave on a fixed clock whatever the answers do, so a slow server makes requests queue
 * and their latency — measured from the SCHEDULED time — shows it. Prints one JSON line.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import { SERVICES, PUBLICS_SPECIFIQUEMENT_ADRESSES } from "~/lieux/standard/enumerations";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import { aleatoire } from "./synthetique";

const [base, tauxBrut, dureeBrute, fichierPoints] = process.argv.slice(2);
if (!base || !tauxBrut || !dureeBrute || !fichierPoints) throw new Error("usage : charge.ts URL TAUX SECONDES POINTS.json");
const url = new URL(base);
if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error("boucle locale seulement");
const taux = Number(tauxBrut);
const duree = Number(dureeBrute);
const points: { lat: number; lon: number }[] = JSON.parse(readFileSync(fichierPoints, "utf8"));
const communes = chargerReferentiel().communes().map((c) => c.code);
const hasard = aleatoire(taux * 7919 + duree);
const un = <T>(liste: readonly T[]): T => {
  const v = liste[Math.floor(hasard() * liste.length)];
  if (v === undefined) throw new Error("liste vide");
  return v;
};

/** A realistic mix: around a Breton commune or a point; a need, a public, open now; sometimes page 2 or another radius. */
function requete(): string {
  const p = new URLSearchParams();
  if (hasard() < 0.5) p.set("commune", un(communes));
  else {
    const pt = un(points);
    p.set("lat", (pt.lat + (hasard() - 0.5) * 0.05).toFixed(4));
    p.set("lon", (pt.lon + (hasard() - 0.5) * 0.05).toFixed(4));
  }
  if (hasard() < 0.4) p.append("services", un(SERVICES));
  if (hasard() < 0.15) p.append("services", un(SERVICES));
  if (hasard() < 0.15) p.set("publics", un(PUBLICS_SPECIFIQUEMENT_ADRESSES));
  if (hasard() < 0.2) p.set("ouvert_maintenant", "1");
  if (hasard() < 0.1) p.set("rendez_vous", "sans");
  if (hasard() < 0.15) p.set("rayon_km", un(["10", "50"]));
  if (hasard() < 0.1) p.set("page", "2");
  return `/api/v1/lieux?${p.toString()}`;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const latences: number[] = [];
let erreurs = 0;
let envoyees = 0;

function envoyer(chemin: string, prevu: number): void {
  envoyees++;
  const req = http.request(
    { host: url.hostname, port: url.port, path: chemin, agent, headers: { "accept-encoding": "gzip", accept: "application/json" } },
    (res) => {
      res.on("data", () => {});
      res.on("end", () => {
        if (res.statusCode === 200) latences.push(performance.now() - prevu);
        else if (erreurs++ < 3) console.error(`  ${res.statusCode} ${chemin}`);
      });
    },
  );
  req.setTimeout(30_000, () => req.destroy());
  req.on("error", () => erreurs++);
  req.end();
}

const total = Math.round(taux * duree);
const chemins = Array.from({ length: total }, requete);
const debut = performance.now() + 50;
let suivante = 0;
await new Promise<void>((fini) => {
  const tic = () => {
    const maintenant = performance.now();
    // Every request whose time has come leaves now, stamped with its scheduled time.
    while (suivante < total && debut + (suivante * 1000) / taux <= maintenant) {
      envoyer(chemins[suivante] ?? "/", debut + (suivante * 1000) / taux);
      suivante++;
    }
    if (suivante < total) setTimeout(tic, Math.max(0, debut + (suivante * 1000) / taux - performance.now()));
    else fini();
  };
  tic();
});
// Wait for the stragglers (bounded).
const limite = performance.now() + 30_000;
while (latences.length + erreurs < envoyees && performance.now() < limite) await new Promise((r) => setTimeout(r, 20));
agent.destroy();

latences.sort((a, b) => a - b);
const centile = (q: number) => Math.round((latences[Math.min(latences.length - 1, Math.floor(q * latences.length))] ?? NaN) * 10) / 10;
console.log(
  JSON.stringify({ rate: taux, seconds: duree, sent: envoyees, ok: latences.length, errors: envoyees - latences.length, p50_ms: centile(0.5), p95_ms: centile(0.95), p99_ms: centile(0.99), max_ms: centile(1) }),
);
