import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utilisateurs } from "~/comptes/comptes.schema";
import { journal_audit } from "~/platform/audit/audit.schema";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { historiqueLieux, lieux } from "../lieux.schema";
import { historiqueDe } from "./historique.server";
import { modifierLieu, restaurerVersion } from "./modifier.server";
import { monterEdition, ROLES_EDITION, type RoleEdition } from "./test-outils";

const LIEU = "0e0e0e0e-0000-4000-8000-000000000001";
let c: Connexion;
let ids: Record<RoleEdition, string>;

beforeAll(async () => {
  c = await baseDeTest();
  ids = await monterEdition(c.db, LIEU);
});
afterAll(async () => c.fermer());

const version = async () => (await c.db.select({ v: lieux.version }).from(lieux).where(eq(lieux.id, LIEU)))[0]?.v ?? 0;
const code = (e: unknown) => (e instanceof ErreurPasserelle ? e.code : String(e));

describe("modifierLieu", () => {
  it("écrit les champs changés, monte la version, note la provenance, l'historique et le journal", async () => {
    const r = await modifierLieu(c.db, referentiel, {
      lieuId: LIEU,
      versionAttendue: 1,
      modifications: { nom: "EPN du Blosne (Maison de quartier)", horaires: "Mo-Fr 09:00-12:00,14:00-18:00; PH off", services: ["Aide aux démarches administratives"] },
      utilisateur: { id: ids.mediateur },
    });
    expect(r.type).toBe("modifie");
    if (r.type !== "modifie") return;
    // `services` is unchanged: only the two real changes count.
    expect(r.champs).toEqual(["nom", "horaires"]);
    expect(r.lieu).toMatchObject({ version: 2, nom: "EPN du Blosne (Maison de quartier)", horaires: "Mo-Fr 09:00-12:00,14:00-18:00; PH off" });
    expect(r.lieu.date_maj).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.lieu.date_maj > "2024-01-01").toBe(true);
    expect(r.lieu.provenance.nom).toMatchObject({ source: "passerelle", par: ids.mediateur });
    expect(r.lieu.provenance.horaires).toMatchObject({ source: "passerelle", par: ids.mediateur });
    const [h] = await c.db.select().from(historiqueLieux).where(eq(historiqueLieux.lieu_id, LIEU));
    expect(h).toMatchObject({
      version: 2,
      utilisateur_id: ids.mediateur,
      avant: { nom: "EPN du Blosne", horaires: "Mo-Fr 09:00-12:00" },
      apres: { nom: "EPN du Blosne (Maison de quartier)", horaires: "Mo-Fr 09:00-12:00,14:00-18:00; PH off" },
      restaure: null,
    });
    const audit = await c.db.select().from(journal_audit).where(eq(journal_audit.action, "lieu.modifier"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ utilisateur_id: ids.mediateur, objet_type: "lieu", objet_id: LIEU, details: { champs: ["nom", "horaires"] } });
  });

  it("refuse les valeurs invalides, champ par champ, en français, sans rien écrire", async () => {
    const r = await modifierLieu(c.db, referentiel, {
      lieuId: LIEU,
      versionAttendue: 2,
      modifications: { nom: "", code_postal: "352", adresse: "10 rue de Suède", horaires: "lundi 9h-12h", services: ["Réparer des vélos"] },
      utilisateur: { id: ids.responsable },
    });
    expect(r.type).toBe("invalide");
    if (r.type !== "invalide") return;
    // The new address alone was fine: only the four bad fields are named.
    expect(r.erreurs.map((e) => e.champ)).toEqual(["nom", "code_postal", "horaires", "services"]);
    expect(r.erreurs.find((e) => e.champ === "nom")?.message).toBe("Champ obligatoire « nom » vide.");
    expect(r.erreurs.find((e) => e.champ === "code_postal")?.message).toMatch(/^Code postal « 352 » /);
    expect(r.erreurs.find((e) => e.champ === "horaires")?.message).toMatch(/^Horaires « lundi 9h-12h » hors du format OpenStreetMap : .* Forme corrigée proposée : « Mo 09:00-12:00 »\.$/);
    expect(await version()).toBe(2);
  });

  it("une version périmée est un conflit qui rend le lieu enregistré, sans écrire", async () => {
    const r = await modifierLieu(c.db, referentiel, { lieuId: LIEU, versionAttendue: 1, modifications: { nom: "Autre nom" }, utilisateur: { id: ids.mediateur } });
    expect(r.type).toBe("conflit");
    if (r.type !== "conflit") return;
    expect(r.actuel).toMatchObject({ version: 2, nom: "EPN du Blosne (Maison de quartier)" });
    expect(await version()).toBe(2);
  });

  it("restaurer une version réapplique ses valeurs d'avant comme une nouvelle modification", async () => {
    const [h] = await c.db.select().from(historiqueLieux).where(eq(historiqueLieux.version, 2));
    const r = await restaurerVersion(c.db, referentiel, { lieuId: LIEU, versionAttendue: 2, historiqueId: h?.id ?? "", utilisateur: { id: ids.responsable } });
    expect(r.type).toBe("modifie");
    if (r.type !== "modifie") return;
    expect(r.lieu).toMatchObject({ version: 3, nom: "EPN du Blosne", horaires: "Mo-Fr 09:00-12:00" });
    const hist = await historiqueDe(c.db, LIEU);
    expect(hist.map((e) => [e.version, e.qui, e.restaure])).toEqual([
      [3, "Camille responsable", h?.id],
      [2, "Camille mediateur", null],
    ]);
    expect(hist[0]?.changements).toEqual([
      { champ: "nom", avant: "EPN du Blosne (Maison de quartier)", apres: "EPN du Blosne" },
      { champ: "horaires", avant: "Mo-Fr 09:00-12:00,14:00-18:00; PH off", apres: "Mo-Fr 09:00-12:00" },
    ]);
    // Restoring against a stale version is a conflict like any edit.
    const perime = await restaurerVersion(c.db, referentiel, { lieuId: LIEU, versionAttendue: 2, historiqueId: h?.id ?? "", utilisateur: { id: ids.responsable } });
    expect(perime.type).toBe("conflit");
  });

  it("droits : membres (médiateur, responsable), coordinateur de l'EPCI, administrateur ; personne d'autre", async () => {
    const obtenu: Record<string, string> = {};
    for (const role of ROLES_EDITION) {
      const r = await modifierLieu(c.db, referentiel, { lieuId: LIEU, versionAttendue: await version(), modifications: { telephone: `02 99 00 00 ${String(ROLES_EDITION.indexOf(role)).padStart(2, "0")}` }, utilisateur: { id: ids[role] } }).catch(code);
      obtenu[role] = typeof r === "string" ? r : r.type;
    }
    const anonyme = await modifierLieu(c.db, referentiel, { lieuId: LIEU, versionAttendue: await version(), modifications: { nom: "X" }, utilisateur: null }).catch(code);
    expect({ ...obtenu, anonyme }).toEqual({
      anonyme: "non_authentifie",
      connecte: "interdit",
      mediateur: "modifie",
      responsable: "modifie",
      prescripteur: "interdit",
      coordinateur: "modifie",
      coordinateur_ailleurs: "interdit",
      administrateur: "modifie",
    });
    expect(await version()).toBe(7);
  });

  it("un lieu inconnu ou fusionné est introuvable ; un compte supprimé reste dans l'historique", async () => {
    await expect(modifierLieu(c.db, referentiel, { lieuId: "0e0e0e0e-0000-4000-8000-000000000999", versionAttendue: 1, modifications: {}, utilisateur: { id: ids.administrateur } }).catch(code)).resolves.toBe("introuvable");
    await c.db.delete(utilisateurs).where(eq(utilisateurs.id, ids.mediateur));
    const hist = await historiqueDe(c.db, LIEU);
    expect(hist.find((e) => e.version === 2)?.qui).toBe("compte supprimé");
  });
});
