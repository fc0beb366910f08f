import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journal_audit } from "~/platform/audit/audit.schema";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { lieux_structures, membres_structures } from "~/structures/structures.schema";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { monterEdition, type RoleEdition } from "../edition/test-outils";
import { lieux, signalements } from "../lieux.schema";
import { prendreEnCharge, tableauFraicheur } from "./tableau.server";

const GERE = "0e0e0e0e-0000-4000-8000-00000000f201";
const SANS = "0e0e0e0e-0000-4000-8000-00000000f202";
const FRAIS = "0e0e0e0e-0000-4000-8000-00000000f203";
const BREST = "0e0e0e0e-0000-4000-8000-00000000f204";
const MAINTENANT = new Date("2026-03-10T09:00:00Z");
let c: Connexion;
let ids: Record<RoleEdition, string>;
let structureId: string;

const lieu = (id: string, nom: string, date_maj: string, commune = "Rennes", code_insee = "35238") => ({ id, pivot: "00000000000000", nom, commune, code_postal: "35000", code_insee, adresse: "1 rue", date_maj });

beforeAll(async () => {
  c = await baseDeTest();
  ids = await monterEdition(c.db, GERE); // Rennes, 2024-01-01, run by a structure
  await c.db.insert(lieux).values([lieu(SANS, "Médiathèque", "2025-08-01"), lieu(FRAIS, "Tiers-lieu", "2026-01-15"), lieu(BREST, "EPN de Brest", "2024-05-01", "Brest", "29019")]);
  await c.db.insert(signalements).values([
    { lieu_id: GERE, categories: ["horaires"] },
    { lieu_id: SANS, categories: ["horaires"], statut: "en_cours" },
    { lieu_id: GERE, categories: ["horaires"], statut: "corrige" },
    { lieu_id: BREST, categories: ["horaires"] },
  ]);
  structureId = (await c.db.select().from(lieux_structures).where(eq(lieux_structures.lieu_id, GERE)))[0]?.structure_id ?? "";
});
afterAll(async () => c.fermer());

const code = (e: unknown) => (e instanceof ErreurPasserelle ? e.code : String(e));
const resume = async (role: RoleEdition, territoire = "") => {
  const t = await tableauFraicheur(c.db, referentiel, { id: ids[role] }, { territoire, fraicheurMois: 6 }, MAINTENANT);
  return { perimes: t.perimes.lieux.map((l) => l.nom), nbPerimes: t.perimes.total, sans: t.sansProprietaire.lieux.map((l) => l.nom), nbSans: t.sansProprietaire.total, ouverts: t.signalementsOuverts, territoire: t.territoire };
};

describe("tableau de fraîcheur", () => {
  it("le coordinateur de Rennes Métropole voit son territoire seulement", async () => {
    expect(await resume("coordinateur")).toEqual({ perimes: ["EPN du Blosne", "Médiathèque"], nbPerimes: 2, sans: ["Médiathèque", "Tiers-lieu"], nbSans: 2, ouverts: 2, territoire: "" });
    expect(await resume("coordinateur_ailleurs")).toEqual({ perimes: ["EPN de Brest"], nbPerimes: 1, sans: ["EPN de Brest"], nbSans: 1, ouverts: 1, territoire: "" });
    // A territory outside their scope is ignored.
    expect((await resume("coordinateur", "29")).nbPerimes).toBe(2);
  });

  it("l'administrateur voit la région, filtrable par département", async () => {
    expect(await resume("administrateur")).toMatchObject({ nbPerimes: 3, nbSans: 3, ouverts: 3 });
    expect(await resume("administrateur", "29")).toMatchObject({ perimes: ["EPN de Brest"], nbSans: 1, ouverts: 1, territoire: "29" });
  });

  it("réservé aux coordinations et aux administrateurs", async () => {
    expect(code(await resume("connecte").catch((e: unknown) => e))).toBe("interdit");
    expect(code(await resume("mediateur").catch((e: unknown) => e))).toBe("interdit");
  });
});

describe("prendre en charge un lieu sans structure", () => {
  it("avec une structure dont on est membre, par un coordinateur du territoire ; une seule fois", async () => {
    const prendre = (role: RoleEdition, lieuId: string) => prendreEnCharge(c.db, referentiel, { id: ids[role] }, { lieuId, structureId }).catch((e: unknown) => code(e));
    expect(await prendre("coordinateur", SANS)).toBe("interdit"); // not a member yet
    await c.db.insert(membres_structures).values({ structure_id: structureId, utilisateur_id: ids.coordinateur, role: "mediateur" });
    expect(await prendre("coordinateur_ailleurs", SANS)).toBe("interdit");
    expect(await prendre("mediateur", SANS)).toBe("interdit");
    expect(await prendre("coordinateur", SANS)).toBeUndefined();
    expect((await c.db.select().from(lieux_structures).where(eq(lieux_structures.lieu_id, SANS)))[0]?.structure_id).toBe(structureId);
    const j = await c.db.select().from(journal_audit).where(and(eq(journal_audit.action, "lieu.prendre_en_charge"), eq(journal_audit.objet_id, SANS)));
    expect(j.map((e) => [e.utilisateur_id, e.details])).toEqual([[ids.coordinateur, { structure_id: structureId }]]);
    expect(await prendre("coordinateur", SANS)).toBe("conflit");
    expect((await resume("coordinateur")).sans).toEqual(["Tiers-lieu"]);
  });
});
