import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journal_audit } from "~/platform/audit/audit.schema";
import { courriels } from "~/platform/courriel/courriels.schema";
import type { Connexion } from "~/platform/db/connexion.server";
import type { ServicesStructures } from "~/structures/contexte.server";
import { creerStructure, lireStructure } from "~/structures/structures.server";
import { coordinations, membres_structures } from "~/structures/structures.schema";
import { compte, RENNES_METROPOLE, saisie as saisieStructure, servicesDeTest } from "~/structures/test-outils";
import { baseDeTest } from "../../test/aide/base";
import { accesDe } from "./acces.server";
import { agregats, creerRemontee, detailRemontee, listerRemontees } from "./remontees.server";
import { reponses_remontees } from "./remontees.schema";
import type { SaisieRemontee } from "./saisie";
import { changerStatut, repondre } from "./suivi.server";

let c: Connexion;
let s: ServicesStructures;
type Compte = { id: string };
const p: Record<string, Compte> = {};
let epn = "";
let caf = "";
let brest = "";

const remontee = (modifs: Partial<SaisieRemontee> = {}): SaisieRemontee => ({
  structureId: null,
  operateur: "caf",
  demarche: "Actualisation trimestrielle RSA",
  theme: "connexion",
  description: "La page reste blanche après FranceConnect.",
  personnes: 12,
  portee: "commune",
  ...modifs,
});

async function membre(structureId: string, personne: Compte, role: "mediateur" | "responsable" | "prescripteur") {
  await c.db.insert(membres_structures).values({ structure_id: structureId, utilisateur_id: personne.id, role });
}

/** Mails sent to `adresse`, oldest first. */
async function boite(adresse: string) {
  return c.db.select().from(courriels).where(eq(courriels.destinataire, adresse)).orderBy(asc(courriels.cree_le), asc(courriels.id));
}

beforeAll(async () => {
  c = await baseDeTest();
  s = servicesDeTest(c.db);
  for (const nom of ["maelle", "resp", "presc_epn", "caf_resp", "paul", "cpam", "tiers", "coord_rm", "coord_29", "connecte"]) p[nom] = await compte(c.db, `${nom}@exemple.fr`);
  p.admin = await compte(c.db, "admin@exemple.fr", "administrateur");
  // The author's structure in Rennes: a médiatrice, its responsable, and a prescripteur (who may not post).
  epn = await creerStructure(s, p.resp ?? null, saisieStructure({ nom: "EPN du Blosne" }));
  await membre(epn, p.maelle ?? { id: "" }, "mediateur");
  await membre(epn, p.presc_epn ?? { id: "" }, "prescripteur");
  // The CAF: its creator is responsable, Paul a prescripteur; both are the CAF's correspondents.
  caf = await creerStructure(s, p.caf_resp ?? null, saisieStructure({ nom: "CAF d'Ille-et-Vilaine", type: "operateur_public", operateur: "caf" }));
  await membre(caf, p.paul ?? { id: "" }, "prescripteur");
  const cpam = await creerStructure(s, p.cpam ?? null, saisieStructure({ nom: "CPAM d'Ille-et-Vilaine", type: "operateur_public", operateur: "cpam" }));
  expect(cpam).toBeTruthy();
  brest = await creerStructure(s, p.tiers ?? null, saisieStructure({ nom: "Médiathèque de Brest", type: "mediatheque_bibliotheque", code_insee: "29019" }));
  await c.db.insert(coordinations).values([
    { utilisateur_id: p.coord_rm?.id ?? "", type_territoire: "epci", code: RENNES_METROPOLE },
    { utilisateur_id: p.coord_29?.id ?? "", type_territoire: "departement", code: "29" },
  ]);
});
afterAll(async () => c.fermer());

const qui = (nom: string): Compte => {
  const x = p[nom];
  if (!x) throw new Error(nom);
  return x;
};

describe("remontées de terrain", () => {
  let id = "";

  it("l'opérateur d'une structure est enregistré et relu", async () => {
    expect(await lireStructure(c.db, s.referentiel, caf)).toMatchObject({ type: "operateur_public", operateur: "caf" });
    expect(await lireStructure(c.db, s.referentiel, epn)).toMatchObject({ type: "association", operateur: null });
  });

  it("seuls les médiateur·rices et responsables d'une structure en font ; un·e prescripteur·rice seul·e, non", async () => {
    await expect(creerRemontee(s, null, remontee())).rejects.toMatchObject({ code: "non_authentifie" });
    await expect(creerRemontee(s, qui("connecte"), remontee())).rejects.toMatchObject({ code: "interdit" });
    await expect(creerRemontee(s, qui("presc_epn"), remontee())).rejects.toMatchObject({ code: "interdit" });
    await expect(creerRemontee(s, qui("paul"), remontee())).rejects.toMatchObject({ code: "interdit" });
    // Another structure than theirs: refused on the field.
    await expect(creerRemontee(s, qui("maelle"), remontee({ structureId: brest }))).rejects.toMatchObject({ code: "entree_invalide", details: [{ champ: "structure" }] });
    const r = await creerRemontee(s, qui("maelle"), remontee());
    id = r.id;
    expect(r.prevenus).toBe(2);
    const [entree] = await c.db.select().from(journal_audit).where(and(eq(journal_audit.action, "remontee.creer"), eq(journal_audit.objet_id, id)));
    expect(entree).toMatchObject({ utilisateur_id: qui("maelle").id, details: { operateur: "caf", theme: "connexion", structure_id: epn, type_territoire: "commune", code_territoire: "35238" } });
  });

  it("les correspondant·es de la CAF sont prévenu·es, sans la description ; pas la CPAM, pas l'autrice", async () => {
    for (const adresse of ["paul@exemple.fr", "caf_resp@exemple.fr"]) {
      const [m, ...autres] = await boite(adresse);
      expect(autres).toEqual([]);
      expect(m?.sujet).toBe("Remontée de terrain : CAF, « Actualisation trimestrielle RSA »");
      expect(m?.texte).toContain(`http://passerelle.test/remontees/${id}`);
      expect(m?.texte).toContain("EPN du Blosne");
      expect(m?.texte).not.toContain("page reste blanche");
    }
    expect(await boite("cpam@exemple.fr")).toEqual([]);
    expect(await boite("maelle@exemple.fr")).toEqual([]);
  });

  it("territoire : la commune de la structure, son EPCI ou son département", async () => {
    const epci = await creerRemontee(s, qui("resp"), remontee({ portee: "epci", operateur: "cpam", theme: "delai", personnes: 5 }));
    const dep = await creerRemontee(s, qui("resp"), remontee({ portee: "departement", operateur: "caf", theme: "connexion", personnes: 30 }));
    const admin = await accesDe(c.db, s.referentiel, qui("admin"));
    if (!admin) throw new Error("admin");
    const lignes = await listerRemontees(s, admin, {});
    expect(lignes.find((l) => l.id === epci.id)?.territoire).toEqual({ type: "epci", code: RENNES_METROPOLE, nom: "Rennes Métropole" });
    expect(lignes.find((l) => l.id === dep.id)?.territoire).toEqual({ type: "departement", code: "35", nom: "Ille-et-Vilaine" });
  });

  it("le détail : structure autrice (tout rôle), correspondant·es, coordination du territoire, administrateurs ; personne d'autre", async () => {
    const lisent = { maelle: true, resp: true, presc_epn: true, paul: true, caf_resp: true, admin: true, coord_rm: true, cpam: false, tiers: false, coord_29: false, connecte: false };
    for (const [nom, lit] of Object.entries(lisent)) {
      const r = await detailRemontee(s, qui(nom), id).then(
        () => true,
        (e: unknown) => (typeof e === "object" && e !== null && "code" in e && e.code === "interdit" ? false : e),
      );
      expect({ nom, lit: r }).toEqual({ nom, lit });
      const a = await accesDe(c.db, s.referentiel, qui(nom));
      if (!a) throw new Error(nom);
      expect({ nom, liste: (await listerRemontees(s, a, {})).some((l) => l.id === id) }).toEqual({ nom, liste: lit });
    }
    await expect(detailRemontee(s, null, id)).rejects.toMatchObject({ code: "non_authentifie" });
    await expect(detailRemontee(s, qui("admin"), "pas-un-uuid")).rejects.toMatchObject({ code: "introuvable" });
  });

  it("la coordination d'un EPCI lit ce qui est dans son EPCI, pas ce qui déborde sur le département", async () => {
    const a = await accesDe(c.db, s.referentiel, qui("coord_rm"));
    if (!a) throw new Error("coord");
    expect((await listerRemontees(s, a, {})).map((l) => l.territoire.type).sort()).toEqual(["commune", "epci"]);
  });

  it("prise en compte puis clôture par un·e correspondant·e ; la clôture exige une réponse ; chaque étape prévient l'autre partie", async () => {
    await expect(changerStatut(s, qui("maelle"), id, "en_cours", "")).rejects.toMatchObject({ code: "interdit" });
    await expect(changerStatut(s, qui("admin"), id, "en_cours", "")).rejects.toMatchObject({ code: "interdit" });
    await expect(changerStatut(s, qui("cpam"), id, "en_cours", "")).rejects.toMatchObject({ code: "interdit" });
    await expect(repondre(s, qui("tiers"), id, "Chez nous aussi.")).rejects.toMatchObject({ code: "interdit" });
    await expect(repondre(s, qui("presc_epn"), id, "Précision")).rejects.toMatchObject({ code: "interdit" });

    expect(await repondre(s, qui("paul"), id, "Nous regardons avec l'équipe nationale.")).toBe("operateur");
    expect((await boite("maelle@exemple.fr")).map((m) => m.sujet)).toEqual(["Remontée « Actualisation trimestrielle RSA » : nouveau message"]);
    expect(await boite("presc_epn@exemple.fr")).toEqual([]);
    expect(await repondre(s, qui("maelle"), id, "Cela touche aussi les personnes sans FranceConnect.")).toBe("auteur");
    expect((await boite("paul@exemple.fr")).at(-1)?.texte).toContain("a ajouté une précision");
    await expect(repondre(s, qui("maelle"), id, "Rappelez-moi au 06 12 34 56 78")).rejects.toMatchObject({ code: "entree_invalide", details: [{ champ: "reponse" }] });

    await changerStatut(s, qui("paul"), id, "en_cours", "");
    await expect(changerStatut(s, qui("paul"), id, "en_cours", "")).rejects.toMatchObject({ code: "conflit" });
    await expect(changerStatut(s, qui("caf_resp"), id, "close", "  ")).rejects.toMatchObject({ code: "entree_invalide", details: [{ champ: "reponse" }] });
    await changerStatut(s, qui("caf_resp"), id, "close", "Corrigé dans la version du 20 novembre.");
    expect((await boite("maelle@exemple.fr")).map((m) => m.sujet).slice(1)).toEqual([
      "Remontée « Actualisation trimestrielle RSA » : prise en compte",
      "Remontée « Actualisation trimestrielle RSA » : close",
    ]);

    const d = await detailRemontee(s, qui("maelle"), id);
    expect(d).toMatchObject({ statut: "close", peutRepondre: false, peutPreciser: false, suivants: [] });
    expect(d.closeLe).toBeInstanceOf(Date);
    expect(d.fil.map((m) => [m.cote, m.structure, m.texte])).toEqual([
      ["operateur", "CAF d'Ille-et-Vilaine", "Nous regardons avec l'équipe nationale."],
      ["auteur", "EPN du Blosne", "Cela touche aussi les personnes sans FranceConnect."],
      ["operateur", "CAF d'Ille-et-Vilaine", "Corrigé dans la version du 20 novembre."],
    ]);
    // Closed is final: no more answers, details or status.
    await expect(repondre(s, qui("paul"), id, "Encore un mot.")).rejects.toMatchObject({ code: "conflit" });
    await expect(repondre(s, qui("maelle"), id, "Encore un mot.")).rejects.toMatchObject({ code: "conflit" });
    await expect(changerStatut(s, qui("paul"), id, "en_cours", "")).rejects.toMatchObject({ code: "conflit" });
    expect(await c.db.select().from(reponses_remontees).where(eq(reponses_remontees.remontee_id, id))).toHaveLength(3);

    const journal = await c.db.select({ action: journal_audit.action, details: journal_audit.details }).from(journal_audit).where(and(eq(journal_audit.objet_id, id), inArray(journal_audit.action, ["remontee.repondre", "remontee.statut"]))).orderBy(asc(journal_audit.id));
    expect(journal).toEqual([
      { action: "remontee.repondre", details: { cote: "operateur" } },
      { action: "remontee.repondre", details: { cote: "auteur" } },
      { action: "remontee.statut", details: { de: "ouverte", vers: "en_cours", reponse: false } },
      { action: "remontee.statut", details: { de: "en_cours", vers: "close", reponse: true } },
    ]);
  });

  it("les chiffres par opérateur et thème, comptés à la main", async () => {
    // So far: CAF/connexion ×2 (12 people, closed; 30 people, open), CPAM/délai ×1 (5, open). Add a CAF/justificatif taken into account.
    const j = await creerRemontee(s, qui("maelle"), remontee({ theme: "justificatif", personnes: 7 }));
    await changerStatut(s, qui("paul"), j.id, "en_cours", "");
    expect(await agregats(c.db)).toEqual([
      { operateur: "caf", theme: "connexion", ouvertes: 1, en_cours: 0, closes: 1, personnes_concernees: 42 },
      { operateur: "caf", theme: "justificatif", ouvertes: 0, en_cours: 1, closes: 0, personnes_concernees: 7 },
      { operateur: "cpam", theme: "delai", ouvertes: 1, en_cours: 0, closes: 0, personnes_concernees: 5 },
    ]);
    expect(await agregats(c.db, { operateur: "cpam" })).toEqual([{ operateur: "cpam", theme: "delai", ouvertes: 1, en_cours: 0, closes: 0, personnes_concernees: 5 }]);
    expect(await agregats(c.db, { theme: "justificatif" })).toHaveLength(1);
    // The status filter narrows the list, not the counts.
    const a = await accesDe(c.db, s.referentiel, qui("paul"));
    if (!a) throw new Error("paul");
    expect((await listerRemontees(s, a, { statut: "en_cours" })).map((l) => l.id)).toEqual([j.id]);
    expect((await listerRemontees(s, a, {})).map((l) => l.operateur)).toEqual(["caf", "caf", "caf"]);
  });
});
