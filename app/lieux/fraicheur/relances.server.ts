import { and, asc, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { utilisateurs } from "~/comptes/comptes.schema";
import type { Messagerie } from "~/platform/courriel/messagerie.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { coordinations, lieux_structures, membres_structures } from "~/structures/structures.schema";
import type { Referentiel } from "~/territoire/types";
import { dateLimiteFraicheur } from "../fiche/fraicheur";
import { lieux } from "../lieux.schema";
import { courrielRelance } from "./courriel";
import { relances_fraicheur } from "./fraicheur.schema";

export interface ServicesRelances {
  db: BaseDeDonnees;
  messagerie: Messagerie;
  referentiel: Referentiel;
  urlPublique: string;
  fraicheurMois: number;
}

/** A person is reminded at most once in this many days, whatever the number of places. */
export const JOURS_ENTRE_RELANCES = 30;
/** Roles of a structure that may edit its places (droits.server.ts), hence confirm them. */
const ROLES_PROPRIETAIRES = ["mediateur", "responsable"];

interface LieuPerime {
  id: string;
  nom: string;
  commune: string;
  code_insee: string | null;
}

/**
 * The daily job: places not confirmed for N months, grouped by the people who should check them
 * (the editing members of the structure running the place; without any, the coordinators of its
 * territory), one mail per person not reminded in the last 30 days. Returns what it sent.
 */
export async function relancerFraicheur(s: ServicesRelances, maintenant = new Date()): Promise<{ courriels: number; lieux: number }> {
  const limite = dateLimiteFraicheur(maintenant, s.fraicheurMois);
  const perimes: LieuPerime[] = await s.db
    .select({ id: lieux.id, nom: lieux.nom, commune: lieux.commune, code_insee: lieux.code_insee })
    .from(lieux)
    .where(and(isNull(lieux.fusionne_dans), lte(lieux.date_maj, limite)))
    .orderBy(asc(lieux.nom), asc(lieux.id));
  if (perimes.length === 0) return { courriels: 0, lieux: 0 };

  const ids = perimes.map((l) => l.id);
  const membres = await s.db
    .select({ lieu: lieux_structures.lieu_id, utilisateur: membres_structures.utilisateur_id })
    .from(lieux_structures)
    .innerJoin(membres_structures, eq(membres_structures.structure_id, lieux_structures.structure_id))
    .where(and(inArray(lieux_structures.lieu_id, ids), inArray(membres_structures.role, ROLES_PROPRIETAIRES)));
  const coordinateurs = await s.db.select({ utilisateur: coordinations.utilisateur_id, code: coordinations.code }).from(coordinations);
  const communesDe = new Map<string, Set<string>>();
  for (const c of coordinateurs) {
    const communes = communesDe.get(c.utilisateur) ?? new Set<string>();
    for (const code of s.referentiel.territoire(c.code)?.communes ?? []) communes.add(code);
    communesDe.set(c.utilisateur, communes);
  }

  // Person → places to check, in the places' order.
  const aRelancer = new Map<string, LieuPerime[]>();
  const ajouter = (utilisateur: string, lieu: LieuPerime) => aRelancer.set(utilisateur, [...(aRelancer.get(utilisateur) ?? []), lieu]);
  for (const lieu of perimes) {
    const proprietaires = [...new Set(membres.filter((m) => m.lieu === lieu.id).map((m) => m.utilisateur))];
    if (proprietaires.length > 0) for (const u of proprietaires) ajouter(u, lieu);
    else if (lieu.code_insee) for (const [u, communes] of communesDe) if (communes.has(lieu.code_insee)) ajouter(u, lieu);
  }
  if (aRelancer.size === 0) return { courriels: 0, lieux: 0 };

  const depuis = new Date(maintenant.getTime() - JOURS_ENTRE_RELANCES * 24 * 3600 * 1000);
  const recentes = await s.db.selectDistinct({ u: relances_fraicheur.utilisateur_id }).from(relances_fraicheur).where(gt(relances_fraicheur.envoyee_le, depuis));
  const dejaRelances = new Set(recentes.map((r) => r.u));
  const personnes = await s.db.select({ id: utilisateurs.id, courriel: utilisateurs.courriel, nom: utilisateurs.nom }).from(utilisateurs).where(inArray(utilisateurs.id, [...aRelancer.keys()]));

  let courriels = 0;
  const lieuxRelances = new Set<string>();
  for (const p of personnes.sort((a, b) => a.courriel.localeCompare(b.courriel))) {
    const ses = aRelancer.get(p.id) ?? [];
    if (dejaRelances.has(p.id) || ses.length === 0) continue;
    // Remembered before sending: an SMTP failure keeps the mail in the outbox rather than resending daily.
    await s.db.insert(relances_fraicheur).values(ses.map((l) => ({ utilisateur_id: p.id, lieu_id: l.id, envoyee_le: maintenant })));
    const lien = (id: string) => new URL(`/lieux/${id}#fraicheur`, s.urlPublique).href;
    await s.messagerie
      .envoyer(courrielRelance({ destinataire: p.courriel, nom: p.nom, mois: s.fraicheurMois, lieux: ses.map((l) => ({ nom: l.nom, commune: l.commune, lien: lien(l.id) })) }))
      // No address in the log (DESIGN §8): the outbox row says who.
      .catch((e: unknown) => console.error("Relance de fraîcheur non envoyée :", e instanceof Error ? e.message : e));
    courriels += 1;
    for (const l of ses) lieuxRelances.add(l.id);
  }
  return { courriels, lieux: lieuxRelances.size };
}
