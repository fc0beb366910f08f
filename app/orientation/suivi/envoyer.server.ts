import { journaliser } from "~/platform/audit/journal.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { estViolationUnicite } from "~/structures/contexte.server";
import { exiger, roleDans, type Droits } from "~/structures/droits.server";
import { nouveauCodeOrientation } from "./codes";
import { destinationDe } from "./conditions.server";
import { courrielNouvelleOrientation } from "./courriels";
import { creerLien } from "./liens.server";
import { adressesMembres, envoiDe, envoyerSansEchec, lienOrientation } from "./notifier.server";
import { evenements_orientations, orientations } from "./orientations.schema";
import type { SaisieOrientation } from "./saisie";
import type { ServicesOrientations } from "./services.server";

/**
 * Sending a referral (issue 5, point 2): by any member of the sending structure, to a place that
 * takes referrals. It lands in the inbox of the structure running the place, or goes by signed link
 * to the place's orientation address. The person's details are stored only with a consent (who, when, how).
 */
export async function envoyerOrientation(s: ServicesOrientations, droits: Droits | null, saisie: SaisieOrientation): Promise<{ id: string; code: string }> {
  exiger(droits, roleDans(droits, saisie.structureEmettriceId) !== null, "Seuls les membres de la structure peuvent orienter en son nom.");
  const destination = await destinationDe(s.db, saisie.lieuId);
  if (destination.type === "impossible") throw new ErreurPasserelle("conflit", destination.raison, [{ champ: "lieu", message: destination.raison }]);
  const maintenant = new Date();
  const p = saisie.personne;
  const ligne = {
    lieu_id: saisie.lieuId,
    structure_destinataire_id: destination.type === "structure" ? destination.structureId : null,
    structure_emettrice_id: saisie.structureEmettriceId,
    emetteur_id: droits.utilisateurId,
    services: saisie.services,
    demarches: saisie.demarches,
    urgence: saisie.urgence,
    message: saisie.message,
    personne_prenom: p?.prenom ?? null,
    personne_telephone: p?.telephone ?? null,
    personne_courriel: p?.courriel ?? null,
    consentement_mode: p?.consentement ?? null,
    consentement_par: p ? droits.utilisateurId : null,
    consentement_le: p ? maintenant : null,
    envoyee_le: maintenant,
    modifie_le: maintenant,
  };
  let cree: { id: string; code: string } | undefined;
  // 31⁸ codes: a collision is rare; the unique index decides, and another code is drawn.
  for (let essai = 0; essai < 5 && !cree; essai++) {
    const code = nouveauCodeOrientation();
    try {
      cree = await s.db.transaction(async (tx) => {
        const [o] = await tx.insert(orientations).values({ ...ligne, code }).returning({ id: orientations.id, code: orientations.code });
        if (!o) throw new Error("insertion sans retour");
        await tx.insert(evenements_orientations).values({ orientation_id: o.id, evenement: "envoyee", utilisateur_id: droits.utilisateurId, le: maintenant });
        await journaliser(tx, {
          action: "orientation.envoyer",
          utilisateurId: droits.utilisateurId,
          objetType: "orientation",
          objetId: o.id,
          details: { lieu_id: saisie.lieuId, structure_emettrice_id: saisie.structureEmettriceId, destination: destination.type, champs_personne: p ? Object.entries(p).flatMap(([k, v]) => (v !== null && k !== "consentement" ? [k] : [])) : [] },
        });
        return o;
      });
    } catch (e) {
      if (!estViolationUnicite(e, "orientations_code_uk")) throw e;
    }
  }
  if (!cree) throw new ErreurPasserelle("indisponible", "Aucun code d'orientation libre n'a été trouvé : réessayez.");
  if (destination.type === "structure") {
    const envoi = await envoiDe(s.db, cree.id);
    for (const destinataire of await adressesMembres(s.db, destination.structureId)) {
      await envoyerSansEchec(s.messagerie, courrielNouvelleOrientation({ destinataire, resume: envoi.resume, lien: lienOrientation(s, cree.id) }), cree.id);
    }
  } else {
    const id = cree.id;
    // The referral is stored and the link too: a mail that did not leave stays in the outbox, and the reminder job sends a fresh link.
    await creerLien(s, id, destination.courriel, maintenant).catch(() => console.error(`Orientation ${id} : le lien signé n'a pas pu partir (voir /admin/courriels).`));
  }
  return cree;
}

