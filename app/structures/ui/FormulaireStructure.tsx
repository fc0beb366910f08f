import { Form } from "react-router";
import type { DetailErreur } from "~/platform/erreurs";
import { LIBELLES_OPERATEURS, OPERATEURS } from "~/remontees/vocabulaire";
import { LIBELLES_TYPES, TYPES_STRUCTURES } from "../vocabulaire";
import type { TexteStructure } from "../saisie";
import { ChampListe, ChampTexte, ResumeErreurs } from "./Champs";

const OPTIONS_TYPES = TYPES_STRUCTURES.map((t) => ({ valeur: t, libelle: LIBELLES_TYPES[t] }));
const OPTIONS_OPERATEURS = OPERATEURS.map((o) => ({ valeur: o, libelle: LIBELLES_OPERATEURS[o] }));
export const IDS_STRUCTURE: Record<string, string> = { nom: "nom", type: "type", operateur: "operateur", siret: "siret", adresse: "adresse", commune: "commune", reseau: "reseau" };

/** Creation and edition of a structure: the same fields, with the typed values and errors after a failed POST. */
export function FormulaireStructure(p: { valeurs: Partial<TexteStructure>; erreurs?: readonly DetailErreur[] | undefined; message?: string | undefined; bouton: string; intention?: string }) {
  const v = p.valeurs;
  return (
    <Form method="post" noValidate>
      {p.message ? <ResumeErreurs message={p.message} erreurs={p.erreurs ?? []} ids={IDS_STRUCTURE} /> : null}
      {p.intention ? <input type="hidden" name="intention" value={p.intention} /> : null}
      <ChampTexte id="nom" name="nom" libelle="Nom de la structure" requis defaultValue={v.nom} erreurs={p.erreurs} autoComplete="organization" />
      <ChampListe id="type" name="type" libelle="Type de structure" requis defaultValue={v.type} erreurs={p.erreurs} options={OPTIONS_TYPES} choisir="Choisissez un type" />
      {/* Always shown, so the form works without JavaScript; the server requires it only for an operator. */}
      <ChampListe
        id="operateur"
        name="operateur"
        libelle="Quel opérateur ?"
        conditionnel
        aide="Obligatoire si le type est « Opérateur public » : ses prescripteur·rices répondront aux remontées de terrain sur cet opérateur. Laissez vide pour les autres types."
        defaultValue={v.operateur}
        erreurs={p.erreurs}
        options={OPTIONS_OPERATEURS}
        choisir="Aucun (pas un opérateur public)"
      />
      <ChampTexte id="siret" name="siret" libelle="SIRET" aide="14 chiffres, sur annuaire-entreprises.data.gouv.fr. Les espaces sont acceptés." defaultValue={v.siret} erreurs={p.erreurs} />
      <ChampTexte id="adresse" name="adresse" libelle="Adresse" aide="Numéro et voie, par exemple 7 boulevard de Yougoslavie." defaultValue={v.adresse} erreurs={p.erreurs} autoComplete="street-address" />
      <ChampTexte id="commune" name="commune" libelle="Commune" requis aide="Nom de la commune en Bretagne, ou son code INSEE." defaultValue={v.commune} erreurs={p.erreurs} />
      <ChampTexte id="reseau" name="reseau" libelle="Réseau" aide="Par exemple : France services, Conseillers numériques, un réseau local." defaultValue={v.reseau} erreurs={p.erreurs} />
      <button type="submit">{p.bouton}</button>
    </Form>
  );
}
