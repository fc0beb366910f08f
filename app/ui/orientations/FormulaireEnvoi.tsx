import { Form } from "react-router";
import { EXPLICATIONS_SERVICES } from "~/lieux/presentation/services";
import { LIBELLES_DEMARCHES, LIBELLES_MODES_CONSENTEMENT, LIBELLES_URGENCES, DEMARCHES, MESSAGE_MAX, MODES_CONSENTEMENT, URGENCES } from "~/orientation/suivi/vocabulaire";
import type { DetailErreur } from "~/platform/erreurs";
import { ChampListe, ChampTexte, ResumeErreurs } from "~/structures/ui/Champs";

/** Where the error summary's links go: the first box of a group of checkboxes or radios. */
export const IDS_ENVOI: Record<string, string> = {
  structure: "structure",
  services: `service-${EXPLICATIONS_SERVICES[0]?.service ?? ""}`,
  demarches: `demarche-${DEMARCHES[0]}`,
  urgence: `urgence-${URGENCES[0]}`,
  message: "message",
  partager_contact: "partager_contact",
  consentement: `consentement-${MODES_CONSENTEMENT[0]}`,
  prenom: "prenom",
  telephone: "telephone",
  courriel: "courriel",
  lieu: "structure",
};
export const ORDRE_ENVOI = Object.keys(IDS_ENVOI);

type Valeurs = Record<string, string | string[]>;
const texte = (v: Valeurs, cle: string) => {
  const x = v[cle];
  return typeof x === "string" ? x : "";
};
const liste = (v: Valeurs, cle: string) => {
  const x = v[cle];
  return Array.isArray(x) ? x : typeof x === "string" && x !== "" ? [x] : [];
};

function ErreurGroupe({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="erreur-champ" id={id}>
      {message}
    </p>
  ) : null;
}

/** The send form: needs, urgency, a short message, and the person's contact details only with consent. */
export function FormulaireEnvoi(p: { lieuId: string; structures: { id: string; nom: string }[]; valeurs: Valeurs; erreurs: DetailErreur[] }) {
  const { valeurs: v, erreurs } = p;
  const erreur = (champ: string) => erreurs.find((e) => e.champ === champ)?.message;
  const decrit = (champ: string, ...autres: string[]) => [...autres, erreur(champ) ? `erreur-${champ}` : ""].filter(Boolean).join(" ") || undefined;
  const services = liste(v, "services");
  const demarches = liste(v, "demarches");
  const urgence = texte(v, "urgence") || "normale";
  const partage = texte(v, "partager_contact") === "oui";
  return (
    <Form method="post" noValidate className="formulaire-envoi">
      {erreurs.length > 0 ? <ResumeErreurs message="L'orientation n'est pas envoyée : corrigez les champs ci-dessous." erreurs={erreurs} ids={IDS_ENVOI} /> : null}
      <input type="hidden" name="lieu" value={p.lieuId} />
      <ChampListe
        id="structure"
        name="structure"
        libelle="Structure qui oriente"
        requis
        defaultValue={texte(v, "structure") || (p.structures.length === 1 ? p.structures[0]?.id : undefined)}
        erreurs={erreurs}
        options={p.structures.map((s) => ({ valeur: s.id, libelle: s.nom }))}
        {...(p.structures.length > 1 ? { choisir: "Choisissez une de vos structures" } : {})}
      />
      <fieldset aria-describedby={decrit("services", "aide-besoin")}>
        <legend>Ce dont la personne a besoin</legend>
        <p className="aide" id="aide-besoin">
          Cochez au moins un service ou une démarche.
        </p>
        <ErreurGroupe id="erreur-services" message={erreur("services")} />
        {EXPLICATIONS_SERVICES.map((s) => (
          <div className="case" key={s.service}>
            <input type="checkbox" id={`service-${s.service}`} name="services" value={s.service} defaultChecked={services.includes(s.service)} />
            <label htmlFor={`service-${s.service}`}>{s.libelle}</label>
          </div>
        ))}
      </fieldset>
      <fieldset aria-describedby={decrit("demarches")}>
        <legend>La démarche concernée (facultatif)</legend>
        <ErreurGroupe id="erreur-demarches" message={erreur("demarches")} />
        {DEMARCHES.map((d) => (
          <div className="case" key={d}>
            <input type="checkbox" id={`demarche-${d}`} name="demarches" value={d} defaultChecked={demarches.includes(d)} />
            <label htmlFor={`demarche-${d}`}>{LIBELLES_DEMARCHES[d]}</label>
          </div>
        ))}
      </fieldset>
      <fieldset aria-describedby={decrit("urgence")}>
        <legend>Urgence</legend>
        <ErreurGroupe id="erreur-urgence" message={erreur("urgence")} />
        {URGENCES.map((u) => (
          <div className="case" key={u}>
            <input type="radio" id={`urgence-${u}`} name="urgence" value={u} defaultChecked={urgence === u} />
            <label htmlFor={`urgence-${u}`}>{LIBELLES_URGENCES[u]}</label>
          </div>
        ))}
      </fieldset>
      <div className="champ">
        <label htmlFor="message">
          Message pour le lieu (facultatif)
          <span className="aide" id="aide-message">
            {MESSAGE_MAX} caractères au plus. Ne donnez pas de données de santé ni de détails personnels : décrivez le besoin, pas la personne.
          </span>
        </label>
        <textarea id="message" name="message" rows={4} maxLength={MESSAGE_MAX} defaultValue={texte(v, "message")} aria-describedby={decrit("message", "aide-message")} {...(erreur("message") ? { "aria-invalid": true } : {})} />
        <ErreurGroupe id="erreur-message" message={erreur("message")} />
      </div>
      <fieldset className="coordonnees" aria-describedby={decrit("partager_contact", "aide-coordonnees")}>
        <legend>Coordonnées de la personne (facultatif)</legend>
        <p className="aide" id="aide-coordonnees">
          Par défaut, rien de personnel n'est envoyé : la personne se présente avec la fiche d'orientation et son code. Ne remplissez cette partie que si la personne accepte que le lieu la contacte. Ses coordonnées ne sont visibles que par votre structure et le lieu, et sont effacées automatiquement après la clôture.
        </p>
        <ErreurGroupe id="erreur-partager_contact" message={erreur("partager_contact")} />
        <div className="case">
          <input type="checkbox" id="partager_contact" name="partager_contact" value="oui" defaultChecked={partage} />
          <label htmlFor="partager_contact">La personne accepte que ses coordonnées soient transmises au lieu</label>
        </div>
        <fieldset aria-describedby={decrit("consentement")}>
          <legend>Comment la personne a-t-elle donné son accord ?</legend>
          <ErreurGroupe id="erreur-consentement" message={erreur("consentement")} />
          {MODES_CONSENTEMENT.map((m) => (
            <div className="case" key={m}>
              <input type="radio" id={`consentement-${m}`} name="consentement" value={m} defaultChecked={texte(v, "consentement") === m} />
              <label htmlFor={`consentement-${m}`}>{LIBELLES_MODES_CONSENTEMENT[m]}</label>
            </div>
          ))}
        </fieldset>
        <ChampTexte id="prenom" name="prenom" libelle="Prénom" autoComplete="off" defaultValue={texte(v, "prenom")} erreurs={erreurs} />
        <ChampTexte id="telephone" name="telephone" libelle="Téléphone" aide="Un téléphone ou une adresse électronique, au moins." autoComplete="off" defaultValue={texte(v, "telephone")} erreurs={erreurs} conditionnel />
        <ChampTexte id="courriel" name="courriel" type="email" libelle="Adresse électronique" autoComplete="off" defaultValue={texte(v, "courriel")} erreurs={erreurs} conditionnel />
      </fieldset>
      <button type="submit">Envoyer l'orientation</button>
    </Form>
  );
}
