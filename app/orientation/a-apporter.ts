import { Service } from "@gouvfr-anct/lieux-de-mediation-numerique";

/**
 * What to bring, by need: printed on the orientation sheet so that the first visit is not wasted
 * (mediators' most common complaint: the person comes without their logins or papers). Each item
 * says why, in plain words. Items shared by several needs are printed once.
 */

export interface ObjetAApporter {
  objet: string;
  pourquoi: string;
}

const TELEPHONE: ObjetAApporter = {
  objet: "Votre téléphone portable, chargé",
  pourquoi: "beaucoup de sites envoient un code par SMS pour vérifier que c'est bien vous.",
};
const IDENTIFIANTS: ObjetAApporter = {
  objet: "Vos identifiants et mots de passe (adresse courriel, numéro allocataire CAF, numéro fiscal, numéro de sécurité sociale…)",
  pourquoi: "sans eux, on ne peut pas entrer dans vos comptes. Si vous les avez perdus, venez quand même : on vous aidera à les retrouver.",
};
const PIECE_IDENTITE: ObjetAApporter = {
  objet: "Une pièce d'identité (carte d'identité, passeport ou titre de séjour)",
  pourquoi: "elle est souvent demandée pour créer un compte ou faire une démarche.",
};
const APPAREIL: ObjetAApporter = {
  objet: "Votre ordinateur, tablette ou téléphone, si vous en avez un, avec son chargeur",
  pourquoi: "vous apprendrez sur votre propre appareil, celui que vous utiliserez ensuite chez vous.",
};
const LUNETTES: ObjetAApporter = {
  objet: "Vos lunettes, si vous en portez",
  pourquoi: "pour lire l'écran confortablement.",
};
const CLE_USB: ObjetAApporter = {
  objet: "Une clé USB, si vous en avez une",
  pourquoi: "pour repartir avec vos documents (CV, lettres, photos).",
};

export const A_APPORTER: Record<Service, readonly ObjetAApporter[]> = {
  [Service.AideAuxDemarchesAdministratives]: [
    IDENTIFIANTS,
    PIECE_IDENTITE,
    TELEPHONE,
    {
      objet: "Les courriers reçus au sujet de votre démarche (lettre de la CAF, avis d'impôt, courrier de France Travail…)",
      pourquoi: "ils contiennent les numéros et les informations qu'on vous demandera.",
    },
    {
      objet: "Les justificatifs utiles : justificatif de domicile, relevé d'identité bancaire (RIB), dernières fiches de paie",
      pourquoi: "beaucoup de démarches demandent de les envoyer en photo ou en fichier.",
    },
  ],
  [Service.MaitriseDesOutilsNumeriquesDuQuotidien]: [
    APPAREIL,
    TELEPHONE,
    { objet: "Votre adresse courriel et son mot de passe, si vous en avez une", pourquoi: "pour apprendre à lire et envoyer vos messages." },
    LUNETTES,
  ],
  [Service.InsertionProfessionnelleViaLeNumerique]: [
    { objet: "Votre CV, sur papier ou sur une clé USB, si vous en avez un", pourquoi: "pour le mettre à jour plutôt que de tout recommencer." },
    { objet: "Votre identifiant France Travail et son mot de passe", pourquoi: "pour consulter les offres et votre espace personnel." },
    TELEPHONE,
    CLE_USB,
  ],
  [Service.UtilisationSecuriseeDuNumerique]: [
    APPAREIL,
    TELEPHONE,
    { objet: "Les messages ou courriels qui vous semblent suspects (sans cliquer dessus)", pourquoi: "on regardera ensemble s'il s'agit d'une arnaque." },
  ],
  [Service.ParentaliteEtEducationAvecLeNumerique]: [
    { objet: "Les identifiants de l'espace numérique de travail (ENT) de l'école ou du collège", pourquoi: "pour apprendre à suivre les notes, les devoirs et les messages des enseignants." },
    APPAREIL,
    TELEPHONE,
  ],
  [Service.LoisirsEtCreationsNumeriques]: [
    APPAREIL,
    { objet: "Vos photos, vidéos ou musiques, sur votre téléphone ou une clé USB", pourquoi: "pour travailler sur vos propres créations." },
  ],
  [Service.ComprehensionDuMondeNumerique]: [
    APPAREIL,
    { objet: "Vos questions, notées sur un papier", pourquoi: "pour ne rien oublier de ce que vous voulez comprendre." },
  ],
  [Service.AccesInternetEtMaterielInformatique]: [
    IDENTIFIANTS,
    { objet: "Les documents à imprimer ou à scanner, sur papier, sur clé USB ou dans vos courriels", pourquoi: "le lieu met à disposition une imprimante et un scanner." },
    CLE_USB,
    { objet: "Un peu de monnaie", pourquoi: "certains lieux font payer les impressions (quelques centimes la page)." },
  ],
  [Service.MaterielInformatiqueAPrixSolidaire]: [
    PIECE_IDENTITE,
    {
      objet: "Un justificatif de votre situation (attestation CAF, RSA, France Travail, avis d'impôt…)",
      pourquoi: "le prix solidaire est souvent réservé aux personnes qui ont de faibles revenus.",
    },
    { objet: "Un moyen de paiement", pourquoi: "le matériel reconditionné est vendu à petit prix, pas donné." },
  ],
};

function estService(s: string): s is Service {
  return Object.values<string>(Service).includes(s);
}

/** Without a known need, what almost every visit needs. */
const PAR_DEFAUT: readonly ObjetAApporter[] = [IDENTIFIANTS, PIECE_IDENTITE, TELEPHONE];

/** What to bring for the chosen needs, each item once, in the order of the needs. */
export function aApporter(services: readonly string[]): ObjetAApporter[] {
  if (!services.some(estService)) return [...PAR_DEFAUT];
  const vus = new Set<string>();
  const liste: ObjetAApporter[] = [];
  for (const s of services) {
    if (!estService(s)) continue;
    for (const o of A_APPORTER[s]) {
      if (vus.has(o.objet)) continue;
      vus.add(o.objet);
      liste.push(o);
    }
  }
  return liste;
}
