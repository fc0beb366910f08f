import { and, asc, eq, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import { journaliser } from "~/platform/audit/journal.server";
import type { Tache } from "~/platform/taches/planificateur.server";
import { courrielRelance } from "./courriels";
import { creerLien } from "./liens.server";
import { adresseDuLien, adressesMembres, envoiDe, envoyerSansEchec, lienOrientation, prevenirAutreCote } from "./notifier.server";
import { evenements_orientations, orientations } from "./orientations.schema";
import type { ServicesOrientations } from "./services.server";
import { STATUTS_EN_ATTENTE } from "./vocabulaire";

/**
 * The three daily jobs of tracked referrals (issue 5, points 4 and 6): reminders to receivers,
 * expiry of unanswered referrals, erasure of the person's details after the final status. Each takes
 * `maintenant` (tests and `npx passerelle orientations taches --le …` move the clock) and works in
 * batches through the partial indexes of orientations.schema.ts. Counts only in their summaries.
 */

const JOUR = 24 * 3600 * 1000;
const LOT = 500;
const avant = (maintenant: Date, jours: number) => new Date(maintenant.getTime() - jours * JOUR);
const enAttente = () => inArray(orientations.statut, [...STATUTS_EN_ATTENTE]);

/** Waiting referrals not reminded (nor sent) for `relanceJours` days: one mail round, event "relance". */
export async function relancerOrientations(s: ServicesOrientations, maintenant: Date = new Date()): Promise<{ relances: number }> {
  const seuil = avant(maintenant, s.reglages.relanceJours);
  let relances = 0;
  for (;;) {
    const lot = await s.db
      .select({ id: orientations.id, structureId: orientations.structure_destinataire_id, envoyeeLe: orientations.envoyee_le })
      .from(orientations)
      .where(and(enAttente(), lte(orientations.envoyee_le, seuil), or(isNull(orientations.derniere_relance_le), lte(orientations.derniere_relance_le, seuil))))
      .orderBy(asc(orientations.envoyee_le))
      .limit(LOT);
    for (const o of lot) {
      // Claimed by a conditional update first: two runs at once remind once.
      const pris = await s.db.transaction(async (tx) => {
        const r = await tx
          .update(orientations)
          .set({ derniere_relance_le: maintenant })
          .where(and(eq(orientations.id, o.id), enAttente(), or(isNull(orientations.derniere_relance_le), lte(orientations.derniere_relance_le, seuil))))
          .returning({ id: orientations.id });
        if (r.length > 0) await tx.insert(evenements_orientations).values({ orientation_id: o.id, evenement: "relance", le: maintenant });
        return r.length > 0;
      });
      if (!pris) continue;
      relances++;
      const membres = o.structureId ? await adressesMembres(s.db, o.structureId) : [];
      if (membres.length > 0) {
        const envoi = await envoiDe(s.db, o.id);
        for (const destinataire of membres) await envoyerSansEchec(s.messagerie, courrielRelance({ destinataire, resume: envoi.resume, envoyeeLe: o.envoyeeLe, lien: lienOrientation(s, o.id) }), o.id);
      } else {
        // Tokens are kept hashed: a reminder by link carries a fresh link, to the address of the last one.
        const adresse = await adresseDuLien(s.db, o.id);
        if (adresse) await creerLien(s, o.id, adresse, maintenant, "relance").catch(() => console.error(`Orientation ${o.id} : le rappel n'a pas pu partir.`));
      }
    }
    if (lot.length < LOT) break;
  }
  return { relances };
}

/** `envoyee` or `vue` for `expirationJours` days → `expiree` (event, audit, mail to the sender). */
export async function expirerOrientations(s: ServicesOrientations, maintenant: Date = new Date()): Promise<{ expirees: number }> {
  const seuil = avant(maintenant, s.reglages.expirationJours);
  let expirees = 0;
  for (;;) {
    const lot = await s.db.select({ id: orientations.id, statut: orientations.statut }).from(orientations).where(and(enAttente(), lte(orientations.envoyee_le, seuil))).limit(LOT);
    for (const o of lot) {
      const fait = await s.db.transaction(async (tx) => {
        const r = await tx
          .update(orientations)
          .set({ statut: "expiree", terminee_le: maintenant, modifie_le: maintenant })
          .where(and(eq(orientations.id, o.id), eq(orientations.statut, o.statut)))
          .returning({ id: orientations.id });
        if (r.length === 0) return false;
        await tx.insert(evenements_orientations).values({ orientation_id: o.id, evenement: "expiree", le: maintenant });
        await journaliser(tx, { action: "orientation.expirer", utilisateurId: null, objetType: "orientation", objetId: o.id, details: { de: o.statut, vers: "expiree" } });
        return true;
      });
      if (!fait) continue;
      expirees++;
      await prevenirAutreCote(s, o.id, "passerelle", "expiree");
    }
    if (lot.length < LOT) break;
  }
  return { expirees };
}

/**
 * `effacementJours` after the final status: the person's details and the consent go, the message and
 * the receiver's note and a free-text « réorientée vers » too (free texts may hold personal data); codes, dates, statuses, needs, outcome stay.
 */
export async function effacerDonneesPersonnelles(s: ServicesOrientations, maintenant: Date = new Date()): Promise<{ effacees: number }> {
  const seuil = avant(maintenant, s.reglages.effacementJours);
  let effacees = 0;
  for (;;) {
    const n = await s.db.transaction(async (tx) => {
      const ids = await tx
        .select({ id: orientations.id })
        .from(orientations)
        .where(and(isNotNull(orientations.terminee_le), isNull(orientations.donnees_effacees_le), lte(orientations.terminee_le, seuil)))
        .limit(LOT);
      if (ids.length === 0) return 0;
      const liste = ids.map((i) => i.id);
      await tx
        .update(orientations)
        .set({
          personne_prenom: null,
          personne_telephone: null,
          personne_courriel: null,
          consentement_mode: null,
          consentement_par: null,
          consentement_le: null,
          message: "",
          note_destinataire: "",
          // « Réorientée vers » in free text may name a person; the place id, when given, stays.
          reorientee_vers: null,
          donnees_effacees_le: maintenant,
        })
        .where(inArray(orientations.id, liste));
      await tx.insert(evenements_orientations).values(liste.map((id) => ({ orientation_id: id, evenement: "donnees_effacees", le: maintenant })));
      await journaliser(tx, { action: "orientation.effacer_donnees", utilisateurId: null, objetType: "orientation", objetId: null, details: { nombre: liste.length } });
      return liste.length;
    });
    effacees += n;
    if (n < LOT) break;
  }
  return { effacees };
}

export const FILES_ORIENTATIONS = { relances: "orientations-relances", expiration: "orientations-expiration", effacement: "orientations-effacement" } as const;

/** Every day, Paris time: expiry and erasure at night, reminders in the morning (after expiry, so an expired referral is not reminded). */
export function tachesOrientations(s: ServicesOrientations): Tache[] {
  return [
    {
      file: FILES_ORIENTATIONS.expiration,
      cron: "30 6 * * *",
      async executer() {
        const r = await expirerOrientations(s);
        return r.expirees > 0 ? `${r.expirees} orientations expirées` : undefined;
      },
    },
    {
      file: FILES_ORIENTATIONS.relances,
      cron: "0 8 * * *",
      async executer() {
        const r = await relancerOrientations(s);
        return r.relances > 0 ? `${r.relances} orientations relancées` : undefined;
      },
    },
    {
      file: FILES_ORIENTATIONS.effacement,
      cron: "0 3 * * *",
      async executer() {
        const r = await effacerDonneesPersonnelles(s);
        return r.effacees > 0 ? `données personnelles effacées de ${r.effacees} orientations` : undefined;
      },
    },
  ];
}

/** The three jobs once, in the order of a day (the CLI). */
export async function executerTachesOrientations(s: ServicesOrientations, maintenant: Date = new Date()): Promise<{ expirees: number; relances: number; effacees: number }> {
  const { expirees } = await expirerOrientations(s, maintenant);
  const { relances } = await relancerOrientations(s, maintenant);
  const { effacees } = await effacerDonneesPersonnelles(s, maintenant);
  return { expirees, relances, effacees };
}
