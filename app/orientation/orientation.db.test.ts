import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, isNotNull, isNull, and } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lieux } from "~/lieux/lieux.schema";
import { chargerDonneesBretagne } from "~/lieux/seed.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../test/aide/base";
import { referentiel } from "../../test/aide/lieux";
import { codeCourt } from "./code-court";
import { codePourLieu, resoudreCodeCourt } from "./code-court.server";
import { lireParametresFiche, type ParametresFiche } from "./fiche";
import { fichePdf } from "./fiche-pdf.server";
import { chargerFiche } from "./fiche.server";
import { preparerOrientation } from "./orientation.server";

let c: Connexion;
let loudeac: string;
let autre: { id: string; nom: string };
const MAINTENANT = new Date("2025-06-03T10:00:00+02:00");
const DEMARCHES = "Aide aux démarches administratives";

beforeAll(async () => {
  c = await baseDeTest();
  await chargerDonneesBretagne(c.db, referentiel);
  const [l] = await c.db.select({ id: lieux.id }).from(lieux).where(eq(lieux.nom, "France services Loudéac"));
  loudeac = l?.id ?? "";
  const [a] = await c.db.select({ id: lieux.id, nom: lieux.nom }).from(lieux).where(and(isNull(lieux.fusionne_dans), eq(lieux.code_insee, "29019"))).limit(1);
  autre = a ?? { id: "", nom: "" };
}, 120_000);
afterAll(async () => c.fermer());

const parametres = (q: string): ParametresFiche => {
  const r = lireParametresFiche(new URLSearchParams(q));
  if (!r.success) throw new Error(r.error.message);
  return r.data;
};

describe("fiche d'orientation sur les vraies données", () => {
  it("donne pour chaque lieu choisi l'adresse, les horaires de la semaine, l'accès, le code et le lien", async () => {
    const fiche = await chargerFiche(c.db, parametres(`lieux=${loudeac}|${autre.id}&besoin=${DEMARCHES}&prenom=Maëlys`), "https://passerelle.example", MAINTENANT);
    expect(fiche.lieux.map((l) => l.nom)).toEqual(["France services Loudéac", autre.nom]);
    const [l] = fiche.lieux;
    expect(l?.adresse.at(-1)).toMatch(/^22600 Loud[ée]ac$/i);
    expect(l?.semaine.map((j) => j.jour)).toEqual(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]);
    expect(l?.semaine[0]?.date).toBe("2025-06-02");
    expect(l?.semaine.some((j) => j.plages.length > 0)).toBe(true);
    expect(l?.acces.length).toBeGreaterThan(0);
    expect(l?.code).toBe(codeCourt(loudeac));
    expect(l?.lien).toBe(`https://passerelle.example/lieux/${loudeac}`);
    expect(l?.lienCourt).toBe(`https://passerelle.example/l/${l?.code}`);
    expect(fiche.prenom).toBe("Maëlys");
    expect(fiche.aApporter.some((o) => /pièce d'identité/.test(o.objet))).toBe(true);
  });

  it("un lieu fusionné depuis est remplacé par le lieu qui l'a absorbé ; un lieu inconnu est introuvable", async () => {
    const [fusionne] = await c.db.select({ id: lieux.id, vers: lieux.fusionne_dans }).from(lieux).where(isNotNull(lieux.fusionne_dans)).limit(1);
    if (fusionne?.vers) {
      const fiche = await chargerFiche(c.db, parametres(`lieux=${fusionne.id}`), "http://x", MAINTENANT);
      expect(fiche.lieux[0]?.id).toBe(fusionne.vers);
    }
    await expect(chargerFiche(c.db, parametres("lieux=00000000-0000-4000-8000-000000000000"), "http://x", MAINTENANT)).rejects.toMatchObject({ code: "introuvable" });
  });

  it("le PDF est balisé (structure, langue fr-FR, titre) et son texte se lit avec les accents", async () => {
    const fiche = await chargerFiche(c.db, parametres(`lieux=${loudeac}|${autre.id}&besoin=${DEMARCHES}&prenom=Maëlys&structure=CCAS de Plœmeur`), "http://localhost", MAINTENANT);
    const pdf = await fichePdf(fiche);
    const brut = pdf.toString("latin1");
    expect(brut.startsWith("%PDF-1.7")).toBe(true);
    expect(brut).toContain("/StructTreeRoot");
    expect(brut).toContain("/Lang (fr-FR)");
    expect(brut).toMatch(/\/Marked true/);
    expect(brut).toMatch(/\/DisplayDocTitle true/);
    const dossier = mkdtempSync(path.join(tmpdir(), "fiche-pdf-"));
    const fichier = path.join(dossier, "fiche.pdf");
    writeFileSync(fichier, pdf);
    const texte = execFileSync("pdftotext", ["-enc", "UTF-8", fichier, "-"]).toString("utf8").replace(/\s+/g, " ");
    expect(texte).toContain("France services Loudéac");
    // pdftotext drops a dash where a line breaks: compare without dashes.
    const sansTirets = (t: string) => t.replace(/\s*-\s*/g, " ");
    expect(sansTirets(texte)).toContain(sansTirets(autre.nom));
    expect(texte).toContain(codeCourt(loudeac));
    expect(texte).toContain("Maëlys");
    expect(texte).toContain("CCAS de Plœmeur");
    expect(texte).toContain("Ce qu'il faut apporter");
    const infos = execFileSync("pdfinfo", [fichier]).toString("utf8");
    expect(infos).toMatch(/Title:\s+Fiche d'orientation/);
    expect(infos).toMatch(/Tagged:\s+yes/);
    expect(infos).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });
});

describe("codes courts", () => {
  it("retrouve un lieu par son code, quelle que soit la façon de l'écrire", async () => {
    const code = codeCourt(loudeac);
    expect(await resoudreCodeCourt(c.db, code)).toEqual({ statut: "trouve", id: loudeac });
    expect(await resoudreCodeCourt(c.db, code.toLowerCase().replace("-", " "))).toEqual({ statut: "trouve", id: loudeac });
    expect(await resoudreCodeCourt(c.db, "zzzz")).toEqual({ statut: "inconnu" });
  });

  it("un code partagé par deux lieux ne mène à aucun des deux ; la fiche imprime alors un code plus long", async () => {
    const [ligne] = await c.db.select().from(lieux).where(eq(lieux.id, autre.id));
    if (!ligne) throw new Error("lieu absent");
    const jumeau = `${autre.id.slice(0, 9)}ffff-4fff-8fff-ffffffffffff`;
    await c.db.insert(lieux).values({ ...ligne, id: jumeau, nom: "Lieu jumeau (test)" });
    expect(await resoudreCodeCourt(c.db, codeCourt(autre.id))).toEqual({ statut: "ambigu" });
    const long = await codePourLieu(c.db, autre.id);
    expect(long).toBe(codeCourt(autre.id, 12));
    expect(await resoudreCodeCourt(c.db, long)).toEqual({ statut: "trouve", id: autre.id });
    await c.db.delete(lieux).where(eq(lieux.id, jumeau));
  });
});

describe("questionnaire sur les vraies données", () => {
  const orienter = (q: string) => preparerOrientation(c.db, referentiel, new URLSearchParams(q), { maintenant: MAINTENANT });

  it("compte les lieux à chaque étape et liste les plus proches à la fin", async () => {
    const etape2 = await orienter(`services=${DEMARCHES}&etape=2`);
    const etape3 = await orienter(`services=${DEMARCHES}&ou=Brest&rayon_km=30&etape=3`);
    const fin = await orienter(`services=${DEMARCHES}&ou=Brest&rayon_km=30&etape=resultats`);
    if (etape2.type !== "ecran" || etape3.type !== "ecran" || fin.type !== "ecran") throw new Error("écran attendu");
    expect(etape2.etat.total).toBeGreaterThan(100);
    expect(etape3.etat.total).toBeGreaterThan(0);
    expect(etape3.etat.total).toBeLessThan(etape2.etat.total ?? 0);
    expect(fin.etat.parcours.vue).toBe("resultats");
    expect(fin.etat.lieux.length).toBe(Math.min(20, fin.etat.total ?? 0));
    const distances = fin.etat.lieux.map((l) => l.distance_km ?? 0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("une commune inconnue ramène à l'étape 2 avec le message sur le champ", async () => {
    const r = await orienter(`services=${DEMARCHES}&ou=Zzyzx&etape=3`);
    if (r.type !== "ecran") throw new Error("écran attendu");
    expect(r.etat.parcours.vue).toBe(2);
    expect(r.etat.parcours.erreurs[0]?.champ).toBe("ou");
    expect(r.etat.parcours.criteres.ou).toBe("Zzyzx");
  });

  it("à zéro lieu, propose les réponses à retirer qui donnent des lieux", async () => {
    const r = await orienter(`services=${DEMARCHES}&ou=Brest&rayon_km=5&prise_en_charge=Surdité&prise_en_charge=Déficience visuelle&publics=Femmes&quand=week_end&etape=resultats`);
    if (r.type !== "ecran") throw new Error("écran attendu");
    expect(r.etat.total).toBe(0);
    expect(r.etat.suggestions.length).toBeGreaterThan(0);
    for (const s of r.etat.suggestions) expect(s.total).toBeGreaterThan(0);
    expect(r.etat.suggestions[0]?.lien).toContain("etape=resultats");
  });

  it("la fiche demande 1 à 3 lieux cochés", async () => {
    const base = `services=${DEMARCHES}&ou=Brest&etape=fiche`;
    const ok = await orienter(`${base}&lieux=${loudeac}`);
    expect(ok).toEqual({ type: "redirection", vers: `/orientation/fiche?lieux=${loudeac}&besoin=${encodeURIComponent(DEMARCHES).replace(/%20/g, "+")}` });
    const aucun = await orienter(base);
    if (aucun.type !== "ecran") throw new Error("écran attendu");
    expect(aucun.etat.parcours.vue).toBe("resultats");
    expect(aucun.etat.parcours.erreurs[0]?.champ).toBe("choix-lieux");
    const ids = aucun.etat.lieux.slice(0, 4).map((l) => l.id);
    const trop = await orienter(`${base}&${ids.map((id) => `lieux=${id}`).join("&")}`);
    if (trop.type !== "ecran") throw new Error("écran attendu");
    expect(trop.etat.parcours.erreurs[0]?.message).toMatch(/4 lieux/);
    expect(trop.etat.choisis).toEqual(ids);
  });
});
