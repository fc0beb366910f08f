import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { lieux } from "../lieux.schema";
import { estChampListe } from "./champs";
import { CHAMPS_FORMULAIRE, LISTES_LIBRES } from "./formulaire";
import { depuisHoraires } from "./horaires-grille";
import { etatDepuisLieu, traiterEdition, type EtatEdition } from "./page.server";
import { monterEdition, type RoleEdition } from "./test-outils";

/** The edit page's POSTs as a browser without JavaScript sends them. */
const LIEU = "0a0a0a0a-0000-4000-8000-000000000001";
let c: Connexion;
let ids: Record<RoleEdition, string>;

beforeAll(async () => {
  c = await baseDeTest();
  ids = await monterEdition(c.db, LIEU);
});
afterAll(async () => c.fermer());

const lu = async () => {
  const [l] = await c.db.select().from(lieux).where(eq(lieux.id, LIEU));
  if (!l) throw new Error("lieu absent");
  return l;
};

/** The form as the page renders it from `etat`, with `changer` applied to the posted fields. */
function formulaire(etat: EtatEdition, changer: Record<string, string> = {}, intention = "enregistrer"): FormData {
  const f = new FormData();
  f.set("intention", intention);
  f.set("version", String(etat.version));
  f.set("origine", JSON.stringify(etat.origine));
  for (const champ of CHAMPS_FORMULAIRE) {
    const v = etat.texte[champ];
    if (champ === "horaires") continue;
    if (LISTES_LIBRES.some((l) => l === champ)) f.set(champ, v.split("|").join("\n"));
    else if (estChampListe(champ)) for (const x of v.split("|").filter((x) => x !== "")) f.append(champ, x);
    else f.set(champ, v);
  }
  const g = depuisHoraires(etat.texte.horaires);
  f.set("horaires_mode", "grille");
  f.set("horaires", etat.texte.horaires);
  g?.jours.forEach((plages, i) => plages.forEach((p, n) => (f.set(`h_${i}_${n + 1}_debut`, p.debut), f.set(`h_${i}_${n + 1}_fin`, p.fin))));
  if (g?.fermeJoursFeries) f.set("h_feries", "on");
  for (const [k, v] of Object.entries(changer)) f.set(k, v);
  return f;
}

describe("page de modification", () => {
  it("une erreur garde la saisie et nomme le champ", async () => {
    const etat = etatDepuisLieu(await lu());
    const r = await traiterEdition(c.db, referentiel, LIEU, { id: ids.mediateur }, formulaire(etat, { nom: "", telephone: "02 99 11 22 33" }));
    expect(r.type).toBe("invalide");
    if (r.type !== "invalide") return;
    expect(r.etat.erreurs).toEqual({ nom: ["Champ obligatoire « nom » vide."] });
    expect(r.etat.texte.telephone).toBe("02 99 11 22 33");
    expect((await lu()).version).toBe(1);
  });

  it("prévisualise les horaires de la grille en mots, sans rien écrire", async () => {
    const etat = etatDepuisLieu(await lu());
    expect(etat.apercu).toEqual({ ok: true, texte: "Du lundi au vendredi : 9 h – 12 h." });
    const r = await traiterEdition(c.db, referentiel, LIEU, { id: ids.mediateur }, formulaire(etat, { h_5_1_debut: "10:00", h_5_1_fin: "12:30", h_feries: "on" }, "previsualiser"));
    expect(r.type === "apercu" ? r.etat.apercu : null).toEqual({ ok: true, texte: "Du lundi au vendredi : 9 h – 12 h. Samedi : 10 h – 12 h 30. Fermé les jours fériés." });
    expect(r.type === "apercu" ? r.etat.texte.horaires : null).toBe("Mo-Fr 09:00-12:00; Sa 10:00-12:30; PH off");
    expect((await lu()).version).toBe(1);
  });

  it("la grille écrit opening_hours ; un mode expert illisible reçoit le message de la bibliothèque", async () => {
    const etat = etatDepuisLieu(await lu());
    const expert = await traiterEdition(c.db, referentiel, LIEU, { id: ids.mediateur }, formulaire(etat, { horaires_mode: "expert", horaires: "lundi 9h-12h" }));
    expect(expert.type === "invalide" ? expert.etat.erreurs.horaires?.[0] : "").toMatch(/^Horaires « lundi 9h-12h » hors du format OpenStreetMap : Veuillez utiliser l'abréviation anglaise "Mo" pour "lundi"\./);
    const r = await traiterEdition(c.db, referentiel, LIEU, { id: ids.mediateur }, formulaire(etat, { h_5_1_debut: "10:00", h_5_1_fin: "12:30", h_feries: "on" }));
    expect(r).toEqual({ type: "redirection", vers: `/lieux/${LIEU}?modification=enregistree` });
    expect(await lu()).toMatchObject({ version: 2, horaires: "Mo-Fr 09:00-12:00; Sa 10:00-12:30; PH off" });
  });

  it("deux modifications concurrentes : la seconde voit les deux versions, garde sa saisie et peut l'enregistrer sans écraser la première", async () => {
    const depart = etatDepuisLieu(await lu());
    const premiere = await traiterEdition(c.db, referentiel, LIEU, { id: ids.mediateur }, formulaire(depart, { telephone: "02 99 11 22 33", nom: "EPN Blosne" }));
    expect(premiere.type).toBe("redirection");
    const seconde = await traiterEdition(c.db, referentiel, LIEU, { id: ids.responsable }, formulaire(depart, { nom: "Espace numérique du Blosne" }));
    expect(seconde.type).toBe("conflit");
    if (seconde.type !== "conflit") return;
    expect(seconde.differences).toEqual([{ champ: "nom", vous: "Espace numérique du Blosne", actuelle: "EPN Blosne" }]);
    expect(seconde.etat.version).toBe(3);
    expect(seconde.etat.texte.nom).toBe("Espace numérique du Blosne");
    // "Keep mine": the same form, now based on version 3.
    const garder = await traiterEdition(c.db, referentiel, LIEU, { id: ids.responsable }, formulaire(seconde.etat));
    expect(garder.type).toBe("redirection");
    expect(await lu()).toMatchObject({ version: 4, nom: "Espace numérique du Blosne", telephone: "+33299112233" });
  });
});
