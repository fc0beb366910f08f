import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { droitsDe } from "~/structures/droits.server";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { fluxOrientations } from "./flux.server";
import { BREST, compteDeTest, coordinateurDeTest, lieuDeTest, orientationInseree, RENNES, RENNES_METROPOLE, structureDeTest, type OrientationInseree } from "./tableaux-test-outils";

let c: Connexion;
const qui = { coordinateur: "", admin: "", mediateur: "" };
const codes: string[] = [];
const MAINTENANT = new Date("2026-06-15T12:00:00Z");

beforeAll(async () => {
  c = await baseDeTest();
  qui.coordinateur = await coordinateurDeTest(c.db, "coordination@exemple.fr", "epci", RENNES_METROPOLE);
  qui.admin = await compteDeTest(c.db, "admin@exemple.fr", "administrateur");
  qui.mediateur = await compteDeTest(c.db, "mediateur@exemple.fr");
  const a = await structureDeTest(c.db, "Association rennaise", "association", RENNES, [{ utilisateurId: qui.mediateur, role: "mediateur" }]);
  const b = await structureDeTest(c.db, "Centre social brestois", "centre_social", BREST);
  const fs = await structureDeTest(c.db, "France services de Brest", "espace_france_services", BREST);
  const lb = await lieuDeTest(c.db, "EPN de Brest", BREST, "Brest", b);
  const lr = await lieuDeTest(c.db, "Point numérique de Rennes", RENNES, "Rennes", a);
  const l3 = await lieuDeTest(c.db, "Bibliothèque sans compte", BREST, "Brest");
  const o = async (x: Partial<OrientationInseree> & Pick<OrientationInseree, "lieuId" | "emettriceId" | "destinataireId">) => codes.push((await orientationInseree(c.db, { envoyeeLe: new Date("2026-05-01T08:00:00Z"), ...x })).code);
  await o({ lieuId: lb, emettriceId: a, destinataireId: b, statut: "acceptee", reponseApresHeures: 10 });
  await o({ lieuId: lb, emettriceId: a, destinataireId: b, statut: "refusee", motifRefus: "complet", reponseApresHeures: 2 });
  await o({ lieuId: l3, emettriceId: a, destinataireId: null, statut: "expiree" });
  await o({ lieuId: lr, emettriceId: fs, destinataireId: a, statut: "envoyee" });
  await o({ lieuId: lb, emettriceId: fs, destinataireId: b, statut: "acceptee", reponseApresHeures: 5 });
  // More than 12 months ago: left out everywhere.
  await o({ lieuId: lb, emettriceId: a, destinataireId: b, statut: "annulee", envoyeeLe: new Date("2024-05-01T08:00:00Z") });
});
afterAll(async () => c.fermer());

const voir = async (id: string, territoire = "") => fluxOrientations(c.db, referentiel, await droitsDe(c.db, { id }, referentiel), { territoire }, MAINTENANT);

describe("flux d'orientations pour les coordinations", () => {
  it("coordination de Rennes Métropole : orientations dont le lieu OU la structure qui oriente est du territoire, par types de structures", async () => {
    const v = await voir(qui.coordinateur);
    expect(v.depuis).toBe("2025-07");
    expect(v.total).toEqual({ total: 4, acceptees: 1, refusees: 1, expirees: 1, annulees: 0, sansReponse: 2, medianeHeures: 6 });
    expect(v.liens).toEqual([
      { typeEmettrice: "association", typeDestinataire: "centre_social", total: 2, acceptees: 1, refusees: 1, expirees: 0, annulees: 0, sansReponse: 0, medianeHeures: 6 },
      { typeEmettrice: "association", typeDestinataire: "sans_compte", total: 1, acceptees: 0, refusees: 0, expirees: 1, annulees: 0, sansReponse: 1, medianeHeures: null },
      { typeEmettrice: "espace_france_services", typeDestinataire: "association", total: 1, acceptees: 0, refusees: 0, expirees: 0, annulees: 0, sansReponse: 1, medianeHeures: null },
    ]);
    // Places: only those of the territory.
    expect(v.lieux.map((l) => [l.nom, l.total])).toEqual([["Point numérique de Rennes", 1]]);
    expect(v.nbLieux).toBe(1);
    // Counts and delays only: no code of a referral, no structure name.
    const texte = JSON.stringify(v);
    for (const code of codes) expect(texte).not.toContain(code);
    expect(texte).not.toContain("Association rennaise");
  });

  it("administrateur : la région, ou un territoire choisi", async () => {
    const region = await voir(qui.admin);
    expect(region.total.total).toBe(5);
    expect(region.lieux.map((l) => [l.nom, l.total, l.medianeHeures])).toEqual([
      ["EPN de Brest", 3, 5],
      ["Bibliothèque sans compte", 1, null],
      ["Point numérique de Rennes", 1, null],
    ]);
    const finistere = await voir(qui.admin, "29");
    expect(finistere).toMatchObject({ territoire: "29", total: { total: 5 }, nbLieux: 2 });
    // A coordinator cannot pick a territory outside their scope: back to their own.
    expect((await voir(qui.coordinateur, "29")).territoire).toBe("");
  });

  it("403 pour les autres", async () => {
    const e = await voir(qui.mediateur).catch((x: unknown) => x);
    expect(e instanceof ErreurPasserelle ? e.code : e).toBe("interdit");
  });
});
