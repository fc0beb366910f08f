import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journal_audit } from "~/platform/audit/audit.schema";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { monterEdition, type RoleEdition } from "../edition/test-outils";
import { historiqueLieux, lieux } from "../lieux.schema";
import { confirmerLieu } from "./confirmer.server";

const LIEU = "0e0e0e0e-0000-4000-8000-00000000f001";
let c: Connexion;
let ids: Record<RoleEdition, string>;

beforeAll(async () => {
  c = await baseDeTest();
  ids = await monterEdition(c.db, LIEU);
});
afterAll(async () => c.fermer());

const code = (e: unknown) => (e instanceof ErreurPasserelle ? e.code : String(e));

describe("confirmerLieu", () => {
  it("refuse qui ne peut pas modifier le lieu", async () => {
    expect(code(await confirmerLieu(c.db, referentiel, { lieuId: LIEU, utilisateur: null }).catch((e: unknown) => e))).toBe("non_authentifie");
    expect(code(await confirmerLieu(c.db, referentiel, { lieuId: LIEU, utilisateur: { id: ids.prescripteur } }).catch((e: unknown) => e))).toBe("interdit");
    expect(code(await confirmerLieu(c.db, referentiel, { lieuId: LIEU, utilisateur: { id: ids.coordinateur_ailleurs } }).catch((e: unknown) => e))).toBe("interdit");
  });

  it("le médiateur confirme : date du jour, version + 1, provenance, historique, journal ; une seconde fois ne change rien", async () => {
    const maintenant = new Date("2026-03-10T09:00:00Z");
    const r = await confirmerLieu(c.db, referentiel, { lieuId: LIEU, utilisateur: { id: ids.mediateur } }, maintenant);
    expect(r).toEqual({ type: "confirme", date_maj: "2026-03-10" });
    const [l] = await c.db.select().from(lieux).where(eq(lieux.id, LIEU));
    expect(l).toMatchObject({ date_maj: "2026-03-10", version: 2 });
    expect(l?.provenance.date_maj).toEqual({ source: "passerelle", date: "2026-03-10T09:00:00.000Z" });
    expect(l?.provenance.nom).toEqual({ source: "dora", date: "2024-01-01" });
    const h = await c.db.select().from(historiqueLieux).where(eq(historiqueLieux.lieu_id, LIEU));
    expect(h.map((e) => [e.version, e.avant, e.apres, e.utilisateur_id])).toEqual([[2, { date_maj: "2024-01-01" }, { date_maj: "2026-03-10" }, ids.mediateur]]);
    const j = await c.db.select().from(journal_audit).where(and(eq(journal_audit.action, "lieu.confirmer"), eq(journal_audit.objet_id, LIEU)));
    expect(j.map((e) => [e.utilisateur_id, e.details])).toEqual([[ids.mediateur, { avant: "2024-01-01", apres: "2026-03-10" }]]);

    expect(await confirmerLieu(c.db, referentiel, { lieuId: LIEU, utilisateur: { id: ids.coordinateur } }, new Date("2026-03-10T15:00:00Z"))).toEqual({ type: "deja_confirme", date_maj: "2026-03-10" });
    const [apres] = await c.db.select({ v: lieux.version }).from(lieux).where(eq(lieux.id, LIEU));
    expect(apres?.v).toBe(2);
  });
});
