import type { LieuStandard } from "../standard/lieu";
import {
  DISPOSITIFS,
  FORMATIONS_LABELS,
  FRAIS,
  MODALITES_ACCES,
  MODALITES_ACCOMPAGNEMENT,
  PUBLIC_PAR_DEFAUT,
  PUBLICS,
  SERVICES,
  SERVICES_DI,
  TYPOLOGIES,
  correspondance,
  type CleServiceDI,
} from "../taxonomie/correspondances";
import type {
  FraisDI,
  ModeAccueilDI,
  ModeMobilisationDI,
  PersonneMobilisatriceDI,
  PublicDI,
  ReseauPorteurDI,
  ThematiqueDI,
  TypeServiceDI,
} from "../taxonomie/vocabulaires-data-inclusion";

/** Fields shared by structures and services (v1 schema; absent values are null, as data·inclusion dumps them). */
interface AdresseContactDI {
  adresse: string | null;
  complement_adresse: string | null;
  code_postal: string | null;
  code_insee: string | null;
  commune: string | null;
  latitude: number | null;
  longitude: number | null;
  telephone: string | null;
  courriel: string | null;
  horaires_accueil: string | null;
  lien_source: string | null;
}

/** data·inclusion v1 `structure.json`. */
export interface StructureDataInclusion extends AdresseContactDI {
  source: string;
  id: string;
  nom: string;
  date_maj: string;
  siret: string | null;
  description: string | null;
  site_web: string | null;
  accessibilite_lieu: string | null;
  reseaux_porteurs: ReseauPorteurDI[] | null;
}

/** data·inclusion v1 `service.json`. */
export interface ServiceDataInclusion extends AdresseContactDI {
  source: string;
  structure_id: string;
  id: string;
  nom: string;
  description: string;
  date_maj: string;
  type: TypeServiceDI | null;
  thematiques: ThematiqueDI[] | null;
  publics: PublicDI[] | null;
  publics_precisions: string | null;
  frais: FraisDI | null;
  frais_precisions: string | null;
  conditions_acces: string | null;
  modes_accueil: ModeAccueilDI[] | null;
  modes_mobilisation: ModeMobilisationDI[] | null;
  mobilisable_par: PersonneMobilisatriceDI[] | null;
  mobilisation_precisions: string | null;
  lien_mobilisation: string | null;
  contact_nom_prenom: string | null;
  zone_eligibilite: string[] | null;
  volume_horaire_hebdomadaire: number | null;
  nombre_semaines: number | null;
}

export type LieuPourDataInclusion = LieuStandard & { uuid: string; modifieLe: string };

const uniques = <T>(valeurs: Iterable<T>): T[] => [...new Set(valeurs)];
const ouNull = <T>(liste: T[]): T[] | null => (liste.length > 0 ? liste : null);

/** Absolute http(s) URL, ASCII-encoded as JSON Schema's `uri` format wants, or null. */
function url(valeur: string | undefined): string | null {
  if (!valeur) return null;
  const avecSchema = /^[a-z][a-z0-9+.-]*:/i.test(valeur) ? valeur : `https://${valeur}`;
  if (!URL.canParse(avecSchema)) return null;
  const u = new URL(avecSchema);
  return (u.protocol === "https:" || u.protocol === "http:") && u.hostname.includes(".") ? u.href : null;
}

const LOCAL_COURRIEL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;

/** First address valid for RFC 5322 tooling; an accented (IDN) domain is written in punycode. */
function courriel(courriels: readonly string[]): string | null {
  for (const c of courriels) {
    const i = c.lastIndexOf("@");
    const local = c.slice(0, i);
    if (i <= 0 || !LOCAL_COURRIEL.test(local) || !URL.canParse(`http://${c.slice(i + 1)}`)) continue;
    const domaine = new URL(`http://${c.slice(i + 1)}`).hostname;
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domaine)) return `${local}@${domaine}`;
  }
  return null;
}

/** 3 to 150 characters, no final dot (schema description). */
function nom(lieu: LieuStandard): string {
  let n = lieu.nom.trim().replace(/\.+$/, "");
  if (n.length < 3) n = `${n} (${lieu.commune})`;
  return n.length > 150 ? `${n.slice(0, 149)}…` : n;
}

function texte(valeur: string | undefined, min: number, max: number): string | null {
  const t = valeur?.trim() ?? "";
  if (t.length < min) return null;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function adresseContact(lieu: LieuStandard): AdresseContactDI {
  return {
    adresse: lieu.adresse,
    complement_adresse: lieu.complement_adresse ?? null,
    code_postal: /^\d{5}$/.test(lieu.code_postal) ? lieu.code_postal : null,
    code_insee: lieu.code_insee ?? null,
    commune: lieu.commune,
    latitude: lieu.latitude ?? null,
    longitude: lieu.longitude ?? null,
    telephone: lieu.telephone ?? null,
    courriel: courriel(lieu.courriels),
    horaires_accueil: lieu.horaires ?? null,
    lien_source: null,
  };
}

function reseauxPorteurs(lieu: LieuStandard): ReseauPorteurDI[] {
  const r: (ReseauPorteurDI | null | undefined)[] = [
    ...lieu.dispositif_programmes_nationaux.map((d) => correspondance<ReseauPorteurDI | null>(DISPOSITIFS, d)),
    ...lieu.formations_labels.map((f) => correspondance(FORMATIONS_LABELS, f)),
    ...lieu.typologie.map((t) => correspondance(TYPOLOGIES, t)),
  ];
  return uniques(r.filter((x): x is ReseauPorteurDI => typeof x === "string"));
}

function structure(lieu: LieuPourDataInclusion, source: string): StructureDataInclusion {
  const pivot = lieu.pivot.replace(/\s/g, "");
  return {
    source,
    id: `${source}--${lieu.uuid}`,
    nom: nom(lieu),
    // The source's own update date, not Passerelle's storage time: data·inclusion scores freshness on it.
    date_maj: lieu.date_maj,
    // RNA pivots and the "unknown" 14 zeros are not SIRETs.
    siret: /^\d{14}$/.test(pivot) && !/^0+$/.test(pivot) ? pivot : null,
    description: texte(lieu.presentation_detail ?? lieu.presentation_resume, 5, 10_000),
    site_web: lieu.site_web.map(url).find((u) => u !== null) ?? null,
    accessibilite_lieu: url(lieu.fiche_acces_libre),
    reseaux_porteurs: ouNull(reseauxPorteurs(lieu)),
    ...adresseContact(lieu),
  };
}

/** Which data·inclusion services a place yields, with the standard services each one covers. */
function groupes(lieu: LieuStandard): Map<CleServiceDI, string[]> {
  const g = new Map<CleServiceDI, string[]>();
  const ajouter = (cle: CleServiceDI, service: string): void => void g.set(cle, [...(g.get(cle) ?? []), service]);
  for (const service of lieu.services) {
    const c = correspondance(SERVICES, service);
    if (!c) continue;
    if (c.groupe !== "usages") {
      ajouter(c.groupe, service);
      continue;
    }
    const cles = lieu.modalites_accompagnement.map((m) => correspondance(MODALITES_ACCOMPAGNEMENT, m)?.usages).filter((k) => k !== undefined);
    const parDefaut: CleServiceDI[] = ["usages-accompagnement"];
    for (const cle of uniques(cles.length > 0 ? cles : parDefaut)) ajouter(cle, service);
  }
  return g;
}

function frais(lieu: LieuStandard): { frais: FraisDI | null; frais_precisions: string | null } {
  const valeurs = uniques(lieu.frais_a_charge.map((f) => correspondance<FraisDI>(FRAIS, f)).filter((f) => f !== undefined));
  const precisions = lieu.frais_a_charge.includes("Gratuit sous condition") || valeurs.length > 1 ? lieu.frais_a_charge.join(", ") : null;
  return { frais: valeurs.length === 1 ? (valeurs[0] ?? null) : null, frais_precisions: precisions };
}

function mobilisation(lieu: LieuStandard): Pick<ServiceDataInclusion, "modes_mobilisation" | "mobilisable_par" | "lien_mobilisation"> {
  const lien = url(lieu.prise_rdv);
  const modes: ModeMobilisationDI[] = [];
  const par: PersonneMobilisatriceDI[] = [];
  const acces = lien ? [...lieu.modalites_acces, "Prendre un RDV en ligne"] : lieu.modalites_acces;
  for (const m of acces) {
    const c = correspondance(MODALITES_ACCES, m);
    if (!c || (c.mode === "utiliser-lien-mobilisation" && !lien)) continue;
    modes.push(c.mode);
    par.push(...c.par);
  }
  return { modes_mobilisation: ouNull(uniques(modes)), mobilisable_par: ouNull(uniques(par)), lien_mobilisation: lien };
}

/** Workshops, free access and equipment happen on site; the other services follow the place's modalities. */
function modesAccueil(lieu: LieuStandard, cle: CleServiceDI): ModeAccueilDI[] | null {
  const selonModalites = cle === "demarches" || cle === "usages-accompagnement";
  const modes = selonModalites
    ? lieu.modalites_accompagnement.map((m) => correspondance(MODALITES_ACCOMPAGNEMENT, m)?.accueil).filter((m) => m !== undefined)
    : [];
  const surPlace = !lieu.modalites_acces.includes("Ce lieu n'accueille pas de public");
  const parDefaut: ModeAccueilDI[] = ["en-presentiel"];
  const resultat = uniques(modes.length > 0 ? modes : parDefaut).filter((m) => surPlace || m === "a-distance");
  return ouNull(resultat.sort());
}

function services(lieu: LieuPourDataInclusion, source: string): ServiceDataInclusion[] {
  const publics = uniques(lieu.publics_specifiquement_adresses.map((p) => correspondance<PublicDI>(PUBLICS, p)).filter((p) => p !== undefined));
  const communs = {
    source,
    structure_id: `${source}--${lieu.uuid}`,
    date_maj: lieu.date_maj,
    publics: publics.length > 0 ? publics : [PUBLIC_PAR_DEFAUT],
    publics_precisions: lieu.prise_en_charge_specifique.length > 0 ? `Accompagnement adapté : ${lieu.prise_en_charge_specifique.join(", ")}.` : null,
    ...frais(lieu),
    ...mobilisation(lieu),
    conditions_acces: null,
    mobilisation_precisions: null,
    contact_nom_prenom: null,
    zone_eligibilite: null,
    volume_horaire_hebdomadaire: null,
    nombre_semaines: null,
    ...adresseContact(lieu),
    // data·inclusion falls back on the structure's hours when a service has none.
    horaires_accueil: null,
  };
  return [...groupes(lieu)].map(([cle, servicesStandard]) => {
    const thematiques = uniques(servicesStandard.flatMap((s): readonly ThematiqueDI[] => correspondance(SERVICES, s)?.thematiques ?? []));
    const detail = [`${nom(lieu)} : ${servicesStandard.join(", ")}.`];
    if (lieu.modalites_accompagnement.length > 0) detail.push(`Modalités : ${lieu.modalites_accompagnement.join(", ")}.`);
    if (lieu.itinerance.includes("Itinérant")) detail.push("Lieu itinérant : se renseigner sur les lieux et jours de passage.");
    if (lieu.presentation_resume) detail.push(lieu.presentation_resume);
    return {
      ...communs,
      id: `${source}--${lieu.uuid}--${cle}`,
      nom: SERVICES_DI[cle].nom,
      type: SERVICES_DI[cle].type,
      thematiques: ouNull(thematiques.sort()),
      description: texte(detail.join(" "), 5, 10_000) ?? SERVICES_DI[cle].nom,
      modes_accueil: modesAccueil(lieu, cle),
    };
  });
}

/**
 * data·inclusion v1: one structure per place and one service per group of standard services
 * (démarches, usages — split into individual and workshop —, free access, equipment).
 * `options.source` is the producer id in data·inclusion; ids are `<source>--<uuid>`.
 */
export function versDataInclusion(
  lieux: readonly LieuPourDataInclusion[],
  options: { source: string },
): { structures: StructureDataInclusion[]; services: ServiceDataInclusion[] } {
  return {
    structures: lieux.map((l) => structure(l, options.source)),
    services: lieux.flatMap((l) => services(l, options.source)),
  };
}
