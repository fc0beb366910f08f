import { Form } from "react-router";
import type { TexteLieu } from "~/lieux/edition/formulaire";
import { GROUPES_SERVICES } from "~/lieux/presentation/services";
import {
  DISPOSITIFS_PROGRAMMES_NATIONAUX,
  FORMATIONS_LABELS,
  FRAIS_A_CHARGE,
  ITINERANCES,
  MODALITES_ACCES,
  MODALITES_ACCOMPAGNEMENT,
  PRISES_EN_CHARGE_SPECIFIQUES,
  PUBLICS_SPECIFIQUEMENT_ADRESSES,
  TYPOLOGIES,
} from "~/lieux/standard/enumerations";
import { LIBELLES_CHAMPS } from "~/lieux/fiche/libelles-champs";
import { Cases, Texte, type ErreursParChamp } from "./Champs";
import { EditeurHoraires } from "./EditeurHoraires";

const options = (valeurs: readonly string[]) => valeurs.map((v) => ({ valeur: v, libelle: v }));
const SERVICES = GROUPES_SERVICES.flatMap((g) => g.services.map((s) => ({ valeur: String(s.service), libelle: s.libelle })));
const lignes = (v: string) => v.split("|").join("\n");

export interface EtatFormulaire {
  texte: TexteLieu;
  origine: TexteLieu;
  version: number;
  modeHoraires: "grille" | "expert";
  apercu?: { ok: boolean; texte: string } | undefined;
  erreurs: ErreursParChamp;
}

/** Every standard field of a place, grouped as the place page shows them; works without JavaScript. */
export function FormulaireLieu({ etat }: { etat: EtatFormulaire }) {
  const t = etat.texte;
  const e = etat.erreurs;
  const libelle = (c: string) => LIBELLES_CHAMPS[c] ?? c;
  return (
    <Form method="post" noValidate className="formulaire-lieu">
      <input type="hidden" name="version" value={etat.version} />
      <input type="hidden" name="origine" value={JSON.stringify(etat.origine)} />
      <section aria-labelledby="s-identite">
        <h2 id="s-identite">Identité</h2>
        <Texte champ="nom" libelle="Nom du lieu" valeur={t.nom} erreurs={e} requis />
        <Texte champ="pivot" libelle={libelle("pivot")} aide="14 chiffres ; 00000000000000 si vous ne le connaissez pas." valeur={t.pivot} erreurs={e} requis />
        <Texte champ="structure_parente" libelle={libelle("structure_parente")} valeur={t.structure_parente} erreurs={e} />
        <Texte champ="presentation_resume" libelle="Présentation courte" aide="280 caractères au plus." valeur={t.presentation_resume} erreurs={e} multiligne />
        <Texte champ="presentation_detail" libelle={libelle("presentation_detail")} valeur={t.presentation_detail} erreurs={e} multiligne />
        <Cases champ="typologie" libelle={libelle("typologie")} valeur={t.typologie} options={options(TYPOLOGIES)} erreurs={e} replie />
      </section>
      <section aria-labelledby="s-adresse">
        <h2 id="s-adresse">Adresse et position</h2>
        <Texte champ="adresse" libelle="Adresse" valeur={t.adresse} erreurs={e} requis />
        <Texte champ="complement_adresse" libelle={libelle("complement_adresse")} valeur={t.complement_adresse} erreurs={e} />
        <Texte champ="code_postal" libelle="Code postal" valeur={t.code_postal} erreurs={e} requis />
        <Texte champ="commune" libelle="Commune" valeur={t.commune} erreurs={e} requis />
        <Texte champ="code_insee" libelle="Code INSEE de la commune" aide="Laissé vide, il est déduit du code postal et de la commune." valeur={t.code_insee} erreurs={e} />
        <Texte champ="latitude" libelle="Latitude" aide="Par exemple 48.0870 (point décimal)." valeur={t.latitude} erreurs={e} />
        <Texte champ="longitude" libelle="Longitude" aide="Par exemple -1.6430." valeur={t.longitude} erreurs={e} />
        <Cases champ="itinerance" libelle={libelle("itinerance")} valeur={t.itinerance} options={options(ITINERANCES)} erreurs={e} />
      </section>
      <section aria-labelledby="s-contacts">
        <h2 id="s-contacts">Contacts</h2>
        <Texte champ="telephone" libelle="Téléphone" type="tel" valeur={t.telephone} erreurs={e} />
        <Texte champ="courriels" libelle={libelle("courriels")} aide="Une adresse par ligne." valeur={lignes(t.courriels)} erreurs={e} multiligne />
        <Texte champ="site_web" libelle={libelle("site_web")} aide="Une adresse par ligne, commençant par https://." valeur={lignes(t.site_web)} erreurs={e} multiligne />
        <Texte champ="prise_rdv" libelle="Lien de prise de rendez-vous" valeur={t.prise_rdv} erreurs={e} />
        <Texte champ="fiche_acces_libre" libelle="Fiche Accès libre (accessibilité)" valeur={t.fiche_acces_libre} erreurs={e} />
      </section>
      <section aria-labelledby="s-horaires">
        <h2 id="s-horaires">Horaires</h2>
        <EditeurHoraires horaires={t.horaires} mode={etat.modeHoraires} apercu={etat.apercu} erreurs={e} />
      </section>
      <section aria-labelledby="s-services">
        <h2 id="s-services">Services et publics</h2>
        <Cases champ="services" libelle={libelle("services")} valeur={t.services} options={SERVICES} erreurs={e} />
        <Cases champ="publics_specifiquement_adresses" libelle="Publics accueillis en particulier" valeur={t.publics_specifiquement_adresses} options={options(PUBLICS_SPECIFIQUEMENT_ADRESSES)} erreurs={e} />
        <Cases champ="prise_en_charge_specifique" libelle={libelle("prise_en_charge_specifique")} valeur={t.prise_en_charge_specifique} options={options(PRISES_EN_CHARGE_SPECIFIQUES)} erreurs={e} />
      </section>
      <section aria-labelledby="s-acces">
        <h2 id="s-acces">Accès et frais</h2>
        <Cases champ="modalites_acces" libelle={libelle("modalites_acces")} valeur={t.modalites_acces} options={options(MODALITES_ACCES)} erreurs={e} />
        <Cases champ="modalites_accompagnement" libelle={libelle("modalites_accompagnement")} valeur={t.modalites_accompagnement} options={options(MODALITES_ACCOMPAGNEMENT)} erreurs={e} />
        <Cases champ="frais_a_charge" libelle={libelle("frais_a_charge")} valeur={t.frais_a_charge} options={options(FRAIS_A_CHARGE)} erreurs={e} />
      </section>
      <section aria-labelledby="s-labels">
        <h2 id="s-labels">Programmes et labels</h2>
        <Cases champ="dispositif_programmes_nationaux" libelle={libelle("dispositif_programmes_nationaux")} valeur={t.dispositif_programmes_nationaux} options={options(DISPOSITIFS_PROGRAMMES_NATIONAUX)} erreurs={e} />
        <Cases champ="formations_labels" libelle={libelle("formations_labels")} valeur={t.formations_labels} options={options(FORMATIONS_LABELS)} erreurs={e} />
        <Texte champ="autres_formations_labels" libelle={libelle("autres_formations_labels")} aide="Un par ligne." valeur={lignes(t.autres_formations_labels)} erreurs={e} multiligne />
      </section>
      <p className="actions">
        <button type="submit" name="intention" value="enregistrer">
          Enregistrer les modifications
        </button>
      </p>
    </Form>
  );
}
