import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { droitsDe } from "~/structures/droits.server";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { douzeDerniersMois, tableauDeBord } from "./tableau-de-bord.server";
import { dureeEnClair } from "./tableaux";
import { BREST, compteDeTest, lieuDeTest, orientationInseree, RENNES, structureDeTest, type OrientationInseree } from "./tableaux-test-outils";

let c: Connexion;
let recepteur = "";
let emetteur = "";
let receptrice = "";
let emettrice = "";
const MAINTENANT = new Date("2026-06-15T12:00:00Z");

beforeAll(async () => {
  c = await baseDeTest();
  recepteur = await compteDeTest(c.db, "recepteur@exemple.fr");
  emetteur = await compteDeTest(c.db, "emetteur@exemple.fr");
  receptrice = await structureDeTest(c.db, "Centre social", "centre_social", BREST, [{ utilisateurId: recepteur, role: "mediateur" }]);
  emettrice = await structureDeTest(c.db, "Association", "association", RENNES, [{ utilisateurId: emetteur, role: "prescripteur" }]);
  const lieu = await lieuDeTest(c.db, "EPN de Brest", BREST, "Brest", receptrice);
  const autreLieu = await lieuDeTest(c.db, "Point numérique de Rennes", RENNES, "Rennes", emettrice);
  const recue = (o: Partial<OrientationInseree> & { envoyeeLe: Date }) => orientationInseree(c.db, { lieuId: lieu, emettriceId: emettrice, destinataireId: receptrice, ...o });
  await recue({ envoyeeLe: new Date("2026-06-01T08:00:00Z"), statut: "envoyee" });
  await recue({ envoyeeLe: new Date("2026-06-02T08:00:00Z"), statut: "vue", reponseApresHeures: 2 });
  await recue({ envoyeeLe: new Date("2026-05-10T08:00:00Z"), statut: "acceptee", reponseApresHeures: 10 });
  await recue({ envoyeeLe: new Date("2026-05-11T08:00:00Z"), statut: "prise_en_charge", reponseApresHeures: 24 });
  await recue({ envoyeeLe: new Date("2026-04-01T08:00:00Z"), statut: "cloturee", issue: "autonome", reponseApresHeures: 48, termineeLe: new Date("2026-04-20T08:00:00Z") });
  await recue({ envoyeeLe: new Date("2026-04-02T08:00:00Z"), statut: "cloturee", issue: "reorientee", reponseApresHeures: 100, termineeLe: new Date("2026-04-20T08:00:00Z") });
  await recue({ envoyeeLe: new Date("2026-03-01T08:00:00Z"), statut: "refusee", motifRefus: "complet", reponseApresHeures: 4 });
  await recue({ envoyeeLe: new Date("2026-03-02T08:00:00Z"), statut: "refusee", motifRefus: "hors_public", reponseApresHeures: 6 });
  await recue({ envoyeeLe: new Date("2026-02-01T08:00:00Z"), statut: "expiree" });
  await recue({ envoyeeLe: new Date("2026-01-01T12:00:00Z"), statut: "annulee" });
  // 23:00 in Paris on 30 June 2025: outside the 12 months (July 2025 – June 2026); 00:30 on 1 July: inside.
  await recue({ envoyeeLe: new Date("2025-06-30T21:00:00Z"), statut: "cloturee", issue: "sans_suite", reponseApresHeures: 1 });
  await recue({ envoyeeLe: new Date("2025-06-30T22:30:00Z"), statut: "refusee", motifRefus: "complet", reponseApresHeures: 8 });
  // Sent by the receiving structure: only in its « envoyées » dashboard.
  await orientationInseree(c.db, { lieuId: autreLieu, emettriceId: receptrice, destinataireId: emettrice, envoyeeLe: new Date("2026-06-03T08:00:00Z"), statut: "acceptee", reponseApresHeures: 3 });
});
afterAll(async () => c.fermer());

const droits = (id: string) => droitsDe(c.db, { id }, referentiel);

describe("tableau de bord des orientations", () => {
  it("les 12 derniers mois de Paris, le mois en cours compris", () => {
    expect(douzeDerniersMois(MAINTENANT)).toEqual(["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    // 23:30 UTC on 31 December is already January in Paris.
    expect(douzeDerniersMois(new Date("2025-12-31T23:30:00Z")).at(-1)).toBe("2026-01");
  });

  it("reçues : compteurs, délai de première réponse (médiane, p90), acceptation, motifs, issues, expiration — calculés à la main", async () => {
    const t = await tableauDeBord(c.db, await droits(recepteur), receptrice, "recues", MAINTENANT);
    expect(t.depuis).toBe("2025-07");
    expect(t.total).toBe(11);
    expect(t.compteurs).toEqual({ envoyee: 1, vue: 1, acceptee: 1, prise_en_charge: 1, cloturee: 2, refusee: 3, expiree: 1, annulee: 1 });
    // Delays 2, 4, 6, 8, 10, 24, 48, 100 h: median (8 + 10) / 2 = 9; p90 at rank 6.3: 48 + 0.3 × 52 = 63.6.
    expect(t.attente).toEqual({ medianeHeures: 9, p90Heures: 63.6, repondues: 8 });
    // Accepted or beyond 4 (acceptée, prise en charge, 2 clôturées) ÷ (4 + 3 refused).
    expect(t.tauxAcceptation).toBeCloseTo(4 / 7, 10);
    expect(t.motifsRefus).toMatchObject({ complet: 2, hors_public: 1, hors_service: 0 });
    expect(t.issues).toEqual({ autonome: 1, suivi_en_cours: 0, reorientee: 1, sans_suite: 0 });
    expect(t.cloturees).toBe(2);
    expect(t.partExpirees).toBeCloseTo(1 / 11, 10);
    const parMois = Object.fromEntries(t.mois.map((m) => [m.mois, m]));
    expect(t.mois).toHaveLength(12);
    expect(parMois["2026-06"]).toEqual({ mois: "2026-06", envoyees: 2, acceptees: 0, refusees: 0, expirees: 0, medianeHeures: 2 });
    expect(parMois["2026-05"]).toEqual({ mois: "2026-05", envoyees: 2, acceptees: 2, refusees: 0, expirees: 0, medianeHeures: 17 });
    expect(parMois["2026-04"]).toMatchObject({ acceptees: 2, medianeHeures: 74 });
    expect(parMois["2026-03"]).toMatchObject({ refusees: 2, medianeHeures: 5 });
    expect(parMois["2026-02"]).toMatchObject({ envoyees: 1, expirees: 1, medianeHeures: null });
    expect(parMois["2025-07"]).toMatchObject({ envoyees: 1, refusees: 1, medianeHeures: 8 });
    expect(parMois["2025-10"]).toMatchObject({ envoyees: 0, medianeHeures: null });
  });

  it("envoyées : seulement ce que la structure a envoyé", async () => {
    const t = await tableauDeBord(c.db, await droits(recepteur), receptrice, "envoyees", MAINTENANT);
    expect(t).toMatchObject({ total: 1, tauxAcceptation: 1, partExpirees: 0, attente: { medianeHeures: 3, repondues: 1 } });
    const vide = await tableauDeBord(c.db, await droits(emetteur), emettrice, "recues", new Date("2030-01-01T00:00:00Z"));
    expect(vide).toMatchObject({ total: 0, tauxAcceptation: null, partExpirees: null, attente: { medianeHeures: null, p90Heures: null, repondues: 0 } });
  });

  it("réservé aux membres de la structure", async () => {
    const e = await tableauDeBord(c.db, await droits(emetteur), receptrice, "recues", MAINTENANT).catch((x: unknown) => x);
    expect(e instanceof ErreurPasserelle ? e.code : e).toBe("interdit");
    const anonyme = await tableauDeBord(c.db, null, receptrice, "recues", MAINTENANT).catch((x: unknown) => x);
    expect(anonyme instanceof ErreurPasserelle ? anonyme.code : anonyme).toBe("non_authentifie");
  });

  it("durées en clair", () => {
    expect([dureeEnClair(null), dureeEnClair(9), dureeEnClair(47.6), dureeEnClair(63.6)]).toEqual(["—", "9 h", "48 h", "2,7 jours"]);
  });
});
