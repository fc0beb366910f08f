import { Service } from "@gouvfr-anct/lieux-de-mediation-numerique";

/**
 * The 9 services of the standard, grouped and explained in plain language for the public
 * (search filters, orientation questionnaire, place pages). The grouping follows the one people
 * knew on the national map: basic skills, digital culture, equipment.
 */
export interface ExplicationService {
  service: Service;
  /** Short label for a checkbox or a button. */
  libelle: string;
  /** One sentence a person who struggles with digital tools understands. */
  explication: string;
}

export interface GroupeServices {
  groupe: string;
  services: readonly ExplicationService[];
}

export const GROUPES_SERVICES: readonly GroupeServices[] = [
  {
    groupe: "Faire une démarche, apprendre les bases",
    services: [
      {
        service: Service.AideAuxDemarchesAdministratives,
        libelle: "Faire une démarche en ligne",
        explication: "Être aidé pour une démarche sur internet : CAF, impôts, ameli, France Travail, carte grise, retraite…",
      },
      {
        service: Service.MaitriseDesOutilsNumeriquesDuQuotidien,
        libelle: "Utiliser un ordinateur, un téléphone, internet",
        explication: "Apprendre à se servir d'un ordinateur, d'un smartphone ou d'une tablette, envoyer un courriel, naviguer sur internet.",
      },
      {
        service: Service.InsertionProfessionnelleViaLeNumerique,
        libelle: "Chercher un emploi, une formation",
        explication: "Faire son CV, chercher des offres, postuler en ligne, préparer un entretien à distance.",
      },
      {
        service: Service.UtilisationSecuriseeDuNumerique,
        libelle: "Se protéger en ligne",
        explication: "Reconnaître les arnaques, protéger ses comptes et ses données, choisir de bons mots de passe.",
      },
    ],
  },
  {
    groupe: "Comprendre et créer avec le numérique",
    services: [
      {
        service: Service.ParentaliteEtEducationAvecLeNumerique,
        libelle: "Accompagner ses enfants",
        explication: "Suivre la scolarité en ligne, encadrer les écrans et les réseaux sociaux des enfants.",
      },
      {
        service: Service.LoisirsEtCreationsNumeriques,
        libelle: "Loisirs et création",
        explication: "Photo, vidéo, musique, jeux, impression 3D : découvrir et créer avec le numérique.",
      },
      {
        service: Service.ComprehensionDuMondeNumerique,
        libelle: "Comprendre le numérique",
        explication: "Comprendre comment fonctionnent internet, les réseaux sociaux, l'intelligence artificielle, et s'informer de façon fiable.",
      },
    ],
  },
  {
    groupe: "S'équiper, se connecter",
    services: [
      {
        service: Service.AccesInternetEtMaterielInformatique,
        libelle: "Utiliser un ordinateur ou internet sur place",
        explication: "Un ordinateur, une imprimante, un scanner ou une connexion internet à disposition dans le lieu.",
      },
      {
        service: Service.MaterielInformatiqueAPrixSolidaire,
        libelle: "Acheter un ordinateur à petit prix",
        explication: "Acheter un ordinateur, une tablette ou un téléphone reconditionné à prix solidaire.",
      },
    ],
  },
];

export const EXPLICATIONS_SERVICES: readonly ExplicationService[] = GROUPES_SERVICES.flatMap((g) => g.services);

export function explicationService(service: string): ExplicationService | undefined {
  return EXPLICATIONS_SERVICES.find((e) => e.service === service);
}
