import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { droitsDe } from "~/structures/droits.server";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { filtresBoiteDepuis, lireBoite, PAR_PAGE_BOITE, type FiltresBoite } from "./boite.server";
import { BREST, compteDeTest, lieuDeTest, orientationInseree, RENNES, structureDeTest } from "./tableaux-test-outils";

let c: Connexion;
const comptes: Record<"emetteur" | "recepteur" | "tiers" | "admin", string> = { emetteur: "", recepteur: "", tiers: "", admin: "" };
let emettrice = "";
let receptrice = "";
const JOUR = 86_400_000;
const DEBUT = new Date("2026-01-01T10:00:00Z");

beforeAll(async () => {
  c = await baseDeTest();
  comptes.emetteur = await compteDeTest(c.db, "emetteur@exemple.fr");
  comptes.recepteur = await compteDeTest(c.db, "recepteur@exemple.fr");
  comptes.tiers = await compteDeTest(c.db, "tiers@exemple.fr");
  comptes.admin = await compteDeTest(c.db, "admin@exemple.fr", "administrateur");
  emettrice = await structureDeTest(c.db, "Association Émettrice", "association", RENNES, [{ utilisateurId: comptes.emetteur, role: "prescripteur" }]);
  receptrice = await structureDeTest(c.db, "Centre social Réception", "centre_social", BREST, [{ utilisateurId: comptes.recepteur, role: "mediateur" }]);
  await structureDeTest(c.db, "Tierce", "autre", RENNES, [{ utilisateurId: comptes.tiers, role: "responsable" }]);
  const lieu = await lieuDeTest(c.db, "EPN de Brest", BREST, "Brest", receptrice);
  // 45 referrals, one per day: statuses cycle over envoyee, vue, acceptee; every third one about the CAF.
  const cycle = ["envoyee", "vue", "acceptee"] as const;
  for (let i = 0; i < 45; i++) {
    await orientationInseree(c.db, { lieuId: lieu, emettriceId: emettrice, destinataireId: receptrice, statut: cycle[i % 3] ?? "envoyee", envoyeeLe: new Date(DEBUT.getTime() + i * JOUR), demarches: i % 3 === 0 ? ["caf"] : ["impots"], personne: i === 44 ? { prenom: "Camille", telephone: "0600000000" } : null });
  }
});
afterAll(async () => c.fermer());

const droits = (qui: keyof typeof comptes) => droitsDe(c.db, { id: comptes[qui] }, referentiel);
const filtres = (f: Partial<FiltresBoite> = {}): FiltresBoite => ({ sens: "recues", structureId: receptrice, statuts: [], demarche: null, page: 1, ...f });
const codeErreur = (e: unknown) => (e instanceof ErreurPasserelle ? e.code : String(e));

describe("boîte des orientations", () => {
  it("la structure destinataire voit ses orientations reçues, les plus récentes d'abord, 20 par page, avec les compteurs par statut", async () => {
    const b = await lireBoite(c.db, await droits("recepteur"), filtres());
    expect(b.total).toBe(45);
    expect(b.compteurs).toEqual({ envoyee: 15, vue: 15, acceptee: 15, prise_en_charge: 0, cloturee: 0, refusee: 0, expiree: 0, annulee: 0 });
    expect(b.lignes).toHaveLength(PAR_PAGE_BOITE);
    expect(b.lignes[0]?.envoyeeLe).toEqual(new Date(DEBUT.getTime() + 44 * JOUR));
    expect(b.lignes[0]).toMatchObject({ statut: "acceptee", lieu: { nom: "EPN de Brest", commune: "Brest" }, structureEmettrice: "Association Émettrice", structureDestinataire: "Centre social Réception", demarches: ["impots"] });
    // Dates strictly decreasing across the page; no personal field in a row.
    const dates = b.lignes.map((l) => l.envoyeeLe.getTime());
    expect(dates).toEqual([...dates].sort((x, y) => y - x));
    expect(JSON.stringify(b.lignes)).not.toContain("Camille");
    const page3 = await lireBoite(c.db, await droits("recepteur"), filtres({ page: 3 }));
    expect(page3.lignes).toHaveLength(5);
    expect(page3.lignes.at(-1)?.envoyeeLe).toEqual(DEBUT);
  });

  it("filtre par statut et par démarche ; le total suit les filtres, les compteurs de l'onglet non", async () => {
    const acceptees = await lireBoite(c.db, await droits("recepteur"), filtres({ statuts: ["acceptee"] }));
    expect(acceptees.total).toBe(15);
    expect(acceptees.lignes.every((l) => l.statut === "acceptee")).toBe(true);
    const caf = await lireBoite(c.db, await droits("recepteur"), filtres({ demarche: "caf" }));
    expect(caf.total).toBe(15);
    expect(caf.lignes.every((l) => l.demarches.includes("caf"))).toBe(true);
    expect(caf.compteurs.envoyee).toBe(15);
    // i % 3 === 0 is both « caf » and « envoyee »: the intersection with « vue » is empty.
    const vide = await lireBoite(c.db, await droits("recepteur"), filtres({ demarche: "caf", statuts: ["vue", "acceptee"] }));
    expect(vide).toMatchObject({ total: 0, lignes: [] });
    const deux = await lireBoite(c.db, await droits("recepteur"), filtres({ statuts: ["vue", "acceptee"], page: 2 }));
    expect(deux.total).toBe(30);
    expect(deux.lignes).toHaveLength(10);
  });

  it("la structure émettrice voit les mêmes orientations dans ses envoyées ; personne d'autre", async () => {
    const envoyees = await lireBoite(c.db, await droits("emetteur"), filtres({ sens: "envoyees", structureId: emettrice }));
    expect(envoyees.total).toBe(45);
    const recuesVides = await lireBoite(c.db, await droits("emetteur"), filtres({ structureId: emettrice }));
    expect(recuesVides.total).toBe(0);
    // Not a member: refused, administrators included; anonymous: sign in first.
    expect(codeErreur(await lireBoite(c.db, await droits("emetteur"), filtres()).catch((e: unknown) => e))).toBe("interdit");
    expect(codeErreur(await lireBoite(c.db, await droits("tiers"), filtres()).catch((e: unknown) => e))).toBe("interdit");
    expect(codeErreur(await lireBoite(c.db, await droits("admin"), filtres()).catch((e: unknown) => e))).toBe("interdit");
    expect(codeErreur(await lireBoite(c.db, null, filtres()).catch((e: unknown) => e))).toBe("non_authentifie");
    // The page is written into the SQL: anything but an integer of 1 to 500 is refused, even past the types.
    expect(codeErreur(await lireBoite(c.db, await droits("recepteur"), filtres({ page: 1.5 })).catch((e: unknown) => e))).toBe("entree_invalide");
  });

  it("lit les filtres d'une adresse et nomme chaque paramètre invalide", () => {
    const u = (q: string) => new URL(`http://passerelle.test/orientations?${q}`);
    expect(filtresBoiteDepuis(u(""), [receptrice])).toEqual({ sens: "recues", structureId: receptrice, statuts: [], demarche: null, page: 1 });
    expect(filtresBoiteDepuis(u(`sens=envoyees&structure=${emettrice}&statut=vue,acceptee&statut=vue&demarche=caf&page=2`), [receptrice])).toEqual({ sens: "envoyees", structureId: emettrice, statuts: ["vue", "acceptee"], demarche: "caf", page: 2 });
    expect(filtresBoiteDepuis(u("sens=autre&structure=x&statut=perdue&demarche=banque&page=0"), [receptrice])).toEqual({
      erreurs: { sens: expect.any(String), structure: expect.any(String), statut: expect.any(String), demarche: expect.any(String), page: expect.any(String) },
    });
    expect(filtresBoiteDepuis(u(""), [])).toEqual({ erreurs: { structure: expect.any(String) } });
  });
});
