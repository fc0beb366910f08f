import { and, asc, eq, inArray, or } from "drizzle-orm";
import { utilisateurs } from "~/comptes/comptes.schema";
import { lieux } from "~/lieux/lieux.schema";
import { journaliser } from "~/platform/audit/journal.server";
import type { BaseDeDonnees } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { appartient } from "~/platform/listes";
import { exiger, type Droits } from "~/structures/droits.server";
import { structures } from "~/structures/structures.schema";
import { normaliserCodeOrientation } from "./codes";
import { evenements_orientations, orientations } from "./orientations.schema";
import type { ServicesOrientations } from "./services.server";
import { chargerPourActeur, traiterOrientation, type Acteur } from "./traiter.server";
import { actionsPossibles, type Cote } from "./transitions";
import { DEMARCHES, EVENEMENTS, ISSUES, MODES_CONSENTEMENT, MOTIFS_REFUS, URGENCES, type Action, type Demarche, type Evenement, type Issue, type ModeConsentement, type MotifRefus, type Statut, type Urgence } from "./vocabulaire";

/**
 * Reading one referral: only members of its two structures (and the holder of its signed link).
 * Hub administrators and coordinators are NOT let in: the person's details are for the two
 * structures (DESIGN §4). Every read that returns them is logged, in the referral and in the audit log.
 */
export interface VueOrientation {
  id: string;
  code: string;
  statut: Statut;
  cotes: Cote[];
  actions: Action[];
  lieu: { id: string; nom: string; commune: string; adresse: string };
  structureEmettrice: { id: string; nom: string; type: string };
  structureDestinataire: { id: string; nom: string } | null;
  emetteur: { nom: string | null } | null;
  services: string[];
  demarches: Demarche[];
  urgence: Urgence;
  message: string;
  rdvLe: Date | null;
  issue: Issue | null;
  reorienteeVers: { lieuId: string | null; nom: string } | null;
  motifRefus: MotifRefus | null;
  /** Null for the sender: never shown to them. */
  noteDestinataire: string | null;
  personne: { prenom: string | null; telephone: string | null; courriel: string | null; consentement: { mode: ModeConsentement; par: string | null; le: Date } } | null;
  donneesEffaceesLe: Date | null;
  envoyeeLe: Date;
  /** par: the person's name (or address), "lien reçu par courriel", or "Passerelle" (scheduled jobs). */
  evenements: { evenement: Evenement; le: Date; par: string }[];
}

const nomDe = (u: { nom: string | null; courriel: string | null } | undefined): string | null => (u ? u.nom || u.courriel : null);

export async function lireOrientation(s: ServicesOrientations, acteur: Acteur, id: string): Promise<VueOrientation> {
  let { o, statut, cotes, utilisateurId } = await chargerPourActeur(s.db, acteur, id);
  if (statut === "envoyee" && cotes.includes("destinataire")) {
    // First opening by the receiver: the sender learns it was seen. Someone else may have been first.
    await traiterOrientation(s, acteur, id, { action: "voir" }).catch((e: unknown) => {
      if (!(e instanceof ErreurPasserelle && e.code === "conflit")) throw e;
    });
    ({ o, statut, cotes, utilisateurId } = await chargerPourActeur(s.db, acteur, id));
  }
  const [lieu] = await s.db.select({ id: lieux.id, nom: lieux.nom, commune: lieux.commune, adresse: lieux.adresse }).from(lieux).where(eq(lieux.id, o.lieu_id));
  const idsStructures = [o.structure_emettrice_id, ...(o.structure_destinataire_id ? [o.structure_destinataire_id] : [])];
  const lesStructures = await s.db.select({ id: structures.id, nom: structures.nom, type: structures.type }).from(structures).where(inArray(structures.id, idsStructures));
  const emettrice = lesStructures.find((x) => x.id === o.structure_emettrice_id);
  const destinataire = lesStructures.find((x) => x.id === o.structure_destinataire_id);
  const idsComptes = [o.emetteur_id, o.consentement_par].flatMap((x) => (x ? [x] : []));
  const comptes = idsComptes.length > 0 ? await s.db.select({ id: utilisateurs.id, nom: utilisateurs.nom, courriel: utilisateurs.courriel }).from(utilisateurs).where(inArray(utilisateurs.id, idsComptes)) : [];
  const [versLieu] = o.reorientee_vers_lieu_id ? await s.db.select({ nom: lieux.nom, commune: lieux.commune }).from(lieux).where(eq(lieux.id, o.reorientee_vers_lieu_id)) : [];

  const aDesDonnees = o.personne_prenom !== null || o.personne_telephone !== null || o.personne_courriel !== null;
  const personne: VueOrientation["personne"] =
    aDesDonnees && o.consentement_mode && appartient(MODES_CONSENTEMENT, o.consentement_mode) && o.consentement_le
      ? {
          prenom: o.personne_prenom,
          telephone: o.personne_telephone,
          courriel: o.personne_courriel,
          consentement: { mode: o.consentement_mode, par: nomDe(comptes.find((c) => c.id === o.consentement_par)), le: o.consentement_le },
        }
      : null;
  if (personne) {
    const maintenant = new Date();
    const champs = (["prenom", "telephone", "courriel"] as const).filter((k) => personne[k] !== null);
    await s.db.transaction(async (tx) => {
      await tx.insert(evenements_orientations).values({ orientation_id: id, evenement: "donnees_lues", utilisateur_id: utilisateurId, par_lien: acteur.type === "lien", le: maintenant });
      await journaliser(tx, { action: "orientation.lire_donnees", utilisateurId, objetType: "orientation", objetId: id, details: { champs, par_lien: acteur.type === "lien" } });
    });
  }
  const evenements = await s.db
    .select({ evenement: evenements_orientations.evenement, le: evenements_orientations.le, parLien: evenements_orientations.par_lien, nom: utilisateurs.nom, courriel: utilisateurs.courriel })
    .from(evenements_orientations)
    .leftJoin(utilisateurs, eq(utilisateurs.id, evenements_orientations.utilisateur_id))
    .where(eq(evenements_orientations.orientation_id, id))
    .orderBy(asc(evenements_orientations.le), asc(evenements_orientations.rang));
  return {
    id: o.id,
    code: o.code,
    statut,
    cotes,
    actions: actionsPossibles(statut, cotes),
    lieu: lieu ?? { id: o.lieu_id, nom: "Lieu supprimé", commune: "", adresse: "" },
    structureEmettrice: emettrice ?? { id: o.structure_emettrice_id, nom: "Structure supprimée", type: "autre" },
    structureDestinataire: destinataire ? { id: destinataire.id, nom: destinataire.nom } : null,
    emetteur: o.emetteur_id ? { nom: nomDe(comptes.find((c) => c.id === o.emetteur_id)) } : null,
    services: o.services,
    demarches: o.demarches.filter((d) => appartient(DEMARCHES, d)),
    urgence: appartient(URGENCES, o.urgence) ? o.urgence : "normale",
    message: o.message,
    rdvLe: o.rdv_le,
    issue: o.issue && appartient(ISSUES, o.issue) ? o.issue : null,
    reorienteeVers: o.issue === "reorientee" ? { lieuId: o.reorientee_vers_lieu_id, nom: versLieu ? `${versLieu.nom} (${versLieu.commune})` : (o.reorientee_vers ?? "") } : null,
    motifRefus: o.motif_refus && appartient(MOTIFS_REFUS, o.motif_refus) ? o.motif_refus : null,
    noteDestinataire: cotes.includes("destinataire") ? o.note_destinataire : null,
    personne,
    donneesEffaceesLe: o.donnees_effacees_le,
    envoyeeLe: o.envoyee_le,
    evenements: evenements.flatMap((e) =>
      appartient(EVENEMENTS, e.evenement) ? [{ evenement: e.evenement, le: e.le, par: e.parLien ? "lien reçu par courriel" : e.nom || e.courriel || "Passerelle" }] : [],
    ),
  };
}

/** The id of a referral RECEIVED or SENT by one of the person's structures with that code; null otherwise (or a malformed code). */
export async function trouverParCode(db: BaseDeDonnees, droits: Droits | null, saisi: string): Promise<string | null> {
  exiger(droits, true, "");
  const code = normaliserCodeOrientation(saisi);
  const mesStructures = droits.membres.map((m) => m.structureId);
  if (!code || mesStructures.length === 0) return null;
  const [o] = await db
    .select({ id: orientations.id })
    .from(orientations)
    .where(and(eq(orientations.code, code), or(inArray(orientations.structure_destinataire_id, mesStructures), inArray(orientations.structure_emettrice_id, mesStructures))));
  return o?.id ?? null;
}
