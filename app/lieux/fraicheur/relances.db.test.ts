import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courriels } from "~/platform/courriel/courriels.schema";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import type { Connexion } from "~/platform/db/connexion.server";
import { baseDeTest } from "../../../test/aide/base";
import { referentiel } from "../../../test/aide/lieux";
import { monterEdition, type RoleEdition } from "../edition/test-outils";
import { lieux } from "../lieux.schema";
import { demarrerPlanificateur } from "~/platform/taches/planificateur.server";
import { CRON_RELANCES, FILE_RELANCES, tachesFraicheur } from "./taches.server";
import { relancerFraicheur, type ServicesRelances } from "./relances.server";

const GERE = "0e0e0e0e-0000-4000-8000-00000000f101";
const SANS_PROPRIETAIRE = "0e0e0e0e-0000-4000-8000-00000000f102";
const FRAIS = "0e0e0e0e-0000-4000-8000-00000000f103";
let c: Connexion;
let s: ServicesRelances;

const lieu = (id: string, nom: string, date_maj: string) => ({ id, pivot: "00000000000000", nom, commune: "Rennes", code_postal: "35000", code_insee: "35238", adresse: "1 rue de Paris", date_maj });

beforeAll(async () => {
  c = await baseDeTest();
  await monterEdition(c.db, GERE); // date_maj 2024-01-01, run by a structure
  await c.db.insert(lieux).values([lieu(SANS_PROPRIETAIRE, "Médiathèque des Champs Libres", "2025-08-01"), lieu(FRAIS, "Tiers-lieu du Thabor", "2026-01-15")]);
  s = { db: c.db, messagerie: creerMessagerie(c.db, { smtpUrl: undefined, expediteur: "Passerelle <test@exemple.fr>" }), referentiel, urlPublique: "https://passerelle.exemple.fr", fraicheurMois: 6 };
});
afterAll(async () => c.fermer());

const boite = async () => (await c.db.select().from(courriels)).sort((a, b) => a.destinataire.localeCompare(b.destinataire));
const courrielDe = (role: RoleEdition) => `${role}-${GERE.slice(0, 8)}@exemple.fr`;

describe("relances de fraîcheur", () => {
  it("un courriel par propriétaire d'un lieu périmé ; le coordinateur pour le lieu sans structure ; rien pour le lieu frais", async () => {
    // 10 March 2026, 6 months: stale up to 10 September 2025 — the Blosne (2024) and the Médiathèque (August 2025), not the Thabor.
    expect(await relancerFraicheur(s, new Date("2026-03-10T06:00:00Z"))).toEqual({ courriels: 3, lieux: 2 });
    const b = await boite();
    expect(b.map((m) => [m.destinataire, m.sujet])).toEqual([
      [courrielDe("coordinateur"), "Un lieu à vérifier sur Passerelle : Médiathèque des Champs Libres"],
      [courrielDe("mediateur"), "Un lieu à vérifier sur Passerelle : EPN du Blosne"],
      [courrielDe("responsable"), "Un lieu à vérifier sur Passerelle : EPN du Blosne"],
    ]);
    const mediateur = b[1];
    expect(mediateur?.texte).toContain(`https://passerelle.exemple.fr/lieux/${GERE}#fraicheur`);
    expect(mediateur?.texte).toContain("depuis 6 mois ou plus");
    expect(mediateur?.html).toContain(`href="https://passerelle.exemple.fr/lieux/${GERE}#fraicheur"`);
    for (const m of b) expect(m.texte).not.toContain(FRAIS);
    expect(b.map((m) => m.destinataire)).not.toContain(courrielDe("prescripteur"));
    expect(b.map((m) => m.destinataire)).not.toContain(courrielDe("coordinateur_ailleurs"));
  });

  it("pas deux fois en 30 jours ; de nouveau après", async () => {
    expect(await relancerFraicheur(s, new Date("2026-04-08T06:00:00Z"))).toEqual({ courriels: 0, lieux: 0 });
    expect(await boite()).toHaveLength(3);
    expect(await relancerFraicheur(s, new Date("2026-04-10T06:00:00Z"))).toEqual({ courriels: 3, lieux: 2 });
    expect(await boite()).toHaveLength(6);
  });

  it("le démarrage enregistre la planification quotidienne dans pg-boss", async () => {
    const boss = await demarrerPlanificateur(s.db, tachesFraicheur(s));
    try {
      const planifs = await boss.getSchedules();
      expect(planifs.map((p) => [p.name, p.cron, p.options?.tz])).toEqual([[FILE_RELANCES, CRON_RELANCES, "Europe/Paris"]]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
