import { z } from "zod";
import { SERVICES } from "~/lieux/standard/enumerations";
import { telephone } from "~/lieux/standard/valeurs/telephone";
import { appartient } from "~/platform/listes";
import { DEMARCHES, MESSAGE_MAX, MODES_CONSENTEMENT, URGENCES, type Demarche, type ModeConsentement, type Urgence } from "./vocabulaire";

/**
 * The send form (and the API's JSON body) → a validated referral, every error on its field, in plain
 * French. By default no personal data: the contact fields count only with `partager_contact=oui` and a
 * consent mode; typed without them they are refused, never silently kept (or silently dropped).
 */
/** The standard's service labels as plain strings (the enum's values: literals and enum members both fit). */
export type Service = `${(typeof SERVICES)[number]}`;

export interface SaisieOrientation {
  lieuId: string;
  structureEmettriceId: string;
  services: Service[];
  demarches: Demarche[];
  urgence: Urgence;
  message: string;
  personne: null | { prenom: string | null; telephone: string | null; courriel: string | null; consentement: ModeConsentement };
}

export const PRENOM_MAX = 80;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const schemaCourriel = z.email();

const un = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const plusieurs = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((x) => x.trim()).filter((x) => x !== "");

/** Fields: lieu, structure, services (repeated), demarches (repeated), urgence, message, partager_contact ("oui"), prenom, telephone, courriel, consentement. */
export function validerSaisieOrientation(champs: Record<string, string | string[]>): { ok: true; saisie: SaisieOrientation } | { ok: false; erreurs: Record<string, string> } {
  const erreurs: Record<string, string> = {};
  const lieuId = un(champs.lieu).toLowerCase();
  if (!UUID.test(lieuId)) erreurs.lieu = "Choisissez le lieu vers lequel orienter la personne.";
  const structureEmettriceId = un(champs.structure).toLowerCase();
  if (!UUID.test(structureEmettriceId)) erreurs.structure = "Choisissez la structure au nom de laquelle vous orientez.";

  const services: Service[] = [];
  for (const s of plusieurs(champs.services)) {
    if (appartient(SERVICES, s)) {
      if (!services.includes(s)) services.push(s);
    } else erreurs.services = "Choisissez les services dans la liste proposée.";
  }
  const demarches: Demarche[] = [];
  for (const d of plusieurs(champs.demarches)) {
    if (appartient(DEMARCHES, d)) {
      if (!demarches.includes(d)) demarches.push(d);
    } else erreurs.demarches = "Choisissez les démarches dans la liste proposée.";
  }
  if (services.length === 0 && demarches.length === 0 && !erreurs.services && !erreurs.demarches) erreurs.services = "Indiquez au moins un service ou une démarche dont la personne a besoin.";

  const urgenceBrute = un(champs.urgence) || "normale";
  let urgence: Urgence = "normale";
  if (appartient(URGENCES, urgenceBrute)) urgence = urgenceBrute;
  else erreurs.urgence = "Choisissez l'urgence dans la liste proposée.";

  const message = un(champs.message).replace(/\r\n/g, "\n");
  if (message.length > MESSAGE_MAX) erreurs.message = `Le message compte ${message.length} caractères : ${MESSAGE_MAX} au plus.`;

  const partager = un(champs.partager_contact).toLowerCase() === "oui";
  const prenom = un(champs.prenom);
  const telBrut = un(champs.telephone);
  const courrielBrut = un(champs.courriel).toLowerCase();
  const consentementBrut = un(champs.consentement);
  let personne: SaisieOrientation["personne"] = null;
  if (!partager) {
    if (prenom !== "" || telBrut !== "" || courrielBrut !== "") erreurs.partager_contact = "Vous avez saisi des coordonnées de la personne : cochez « partager ses coordonnées » et indiquez son consentement, ou effacez-les.";
  } else {
    let consentement: ModeConsentement | null = null;
    if (appartient(MODES_CONSENTEMENT, consentementBrut)) consentement = consentementBrut;
    else erreurs.consentement = "Indiquez comment la personne a donné son accord pour partager ses coordonnées.";
    if (prenom.length > PRENOM_MAX) erreurs.prenom = `Le prénom compte ${prenom.length} caractères : ${PRENOM_MAX} au plus.`;
    let tel: string | null = null;
    if (telBrut !== "") {
      const t = telephone(telBrut);
      if (t.ok && !t.avertissement) tel = t.valeur;
      else erreurs.telephone = "Saisissez un seul numéro de téléphone à 10 chiffres, par exemple 06 12 34 56 78.";
    }
    let courriel: string | null = null;
    if (courrielBrut !== "") {
      if (schemaCourriel.safeParse(courrielBrut).success) courriel = courrielBrut;
      else erreurs.courriel = "Saisissez une adresse électronique complète, par exemple prenom.nom@exemple.fr.";
    }
    if (telBrut === "" && courrielBrut === "") erreurs.telephone = "Indiquez au moins un téléphone ou une adresse électronique pour que le lieu puisse contacter la personne.";
    if (consentement) personne = { prenom: prenom === "" ? null : prenom, telephone: tel, courriel, consentement };
  }
  if (Object.keys(erreurs).length > 0) return { ok: false, erreurs };
  return { ok: true, saisie: { lieuId, structureEmettriceId, services, demarches, urgence, message, personne } };
}
