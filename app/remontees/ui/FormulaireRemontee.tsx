import { Form } from "react-router";
import type { DetailErreur } from "~/platform/erreurs";
import { ChampListe, ChampTexte, ChampZone, ResumeErreurs } from "~/structures/ui/Champs";
import type { Portee, TexteRemontee } from "../saisie";
import { DESCRIPTION_MAX, LIBELLES_OPERATEURS, LIBELLES_THEMES, OPERATEURS, THEMES } from "../vocabulaire";

/** The feedback form: plain POST, every error on its field and summed up at the top. */

export interface StructureProposee {
  id: string;
  nom: string;
  /** The territory choices around its commune: "Rennes", "Rennes Métropole", "Ille-et-Vilaine". */
  territoires: { portee: Portee; nom: string }[];
}

const IDS: Record<string, string> = { structure: "structure", operateur: "operateur", demarche: "demarche", theme: "theme", description: "description", personnes: "personnes", territoire: "territoire-commune" };
const OPTIONS_OPERATEURS = OPERATEURS.map((o) => ({ valeur: o, libelle: LIBELLES_OPERATEURS[o] }));
const OPTIONS_THEMES = THEMES.map((t) => ({ valeur: t, libelle: LIBELLES_THEMES[t] }));
const GENERIQUE: Record<Portee, string> = { commune: "La commune de la structure", epci: "Son EPCI (communauté de communes, d'agglomération…)", departement: "Son département" };

export function FormulaireRemontee(p: { structures: readonly StructureProposee[]; valeurs: Partial<TexteRemontee>; erreurs?: readonly DetailErreur[] | undefined; message?: string | undefined }) {
  const v = p.valeurs;
  const seule = p.structures.length === 1 ? p.structures[0] : undefined;
  const territoires = seule?.territoires ?? (["commune", "epci", "departement"] as const).map((portee) => ({ portee, nom: GENERIQUE[portee] }));
  const erreurTerritoire = p.erreurs?.find((e) => e.champ === "territoire")?.message;
  const choisi = v.territoire ?? "commune";
  return (
    <Form method="post" noValidate>
      {p.message ? <ResumeErreurs message={p.message} erreurs={p.erreurs ?? []} ids={IDS} /> : null}
      {seule ? (
        <p>
          <input type="hidden" name="structure" value={seule.id} />
          Structure : <strong>{seule.nom}</strong>
        </p>
      ) : (
        <ChampListe id="structure" name="structure" libelle="Pour quelle structure ?" requis defaultValue={v.structure} erreurs={p.erreurs} options={p.structures.map((s) => ({ valeur: s.id, libelle: s.nom }))} choisir="Choisissez une structure" />
      )}
      <ChampListe id="operateur" name="operateur" libelle="Opérateur" requis defaultValue={v.operateur} erreurs={p.erreurs} options={OPTIONS_OPERATEURS} choisir="Choisissez un opérateur" />
      <ChampTexte id="demarche" name="demarche" libelle="Démarche en ligne concernée" requis aide="En quelques mots, par exemple : actualisation mensuelle, demande de complémentaire santé solidaire." defaultValue={v.demarche} erreurs={p.erreurs} />
      <ChampListe id="theme" name="theme" libelle="Thème" requis defaultValue={v.theme} erreurs={p.erreurs} options={OPTIONS_THEMES} choisir="Choisissez un thème" />
      <ChampZone id="description" name="description" libelle="Ce qui se passe" requis aide={`Ce que les personnes voient, à quelle étape, depuis quand. ${DESCRIPTION_MAX} caractères au plus.`} defaultValue={v.description} erreurs={p.erreurs} />
      <ChampTexte id="personnes" name="personnes" libelle="Nombre de personnes concernées" requis aide="Celles que votre structure a vues bloquées, par exemple 12." defaultValue={v.personnes ?? "1"} erreurs={p.erreurs} />
      <fieldset aria-describedby={erreurTerritoire ? "erreur-territoire" : undefined}>
        <legend>Territoire concerné</legend>
        {erreurTerritoire ? (
          <p className="erreur-champ" id="erreur-territoire">
            Territoire : {erreurTerritoire}
          </p>
        ) : null}
        {territoires.map((t) => (
          <div className="case" key={t.portee}>
            <input type="radio" id={`territoire-${t.portee}`} name="territoire" value={t.portee} defaultChecked={choisi === t.portee} />
            <label htmlFor={`territoire-${t.portee}`}>{t.nom}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit">Envoyer la remontée</button>
    </Form>
  );
}
