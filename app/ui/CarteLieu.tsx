import { DispositifProgrammeNational, ModaliteAcces } from "@gouvfr-anct/lieux-de-mediation-numerique";
import { fraicheur, LIBELLES_FRAICHEUR } from "~/lieux/fiche/fraicheur";
import { explicationService } from "~/lieux/presentation/services";
import type { LieuTrouve } from "~/lieux/recherche/resultat";
import { formaterDate, formaterDistance, PROGRAMMES_PRINCIPAUX } from "./textes";
import "./lieux.css";

/** What a card shows: a search result (`LieuTrouve`) fits; loaders may send only these fields to keep pages light. */
export type LieuCarte = Pick<
  LieuTrouve,
  | "id"
  | "nom"
  | "adresse"
  | "complement_adresse"
  | "code_postal"
  | "commune"
  | "distance_km"
  | "position_approchee"
  | "ouvert_maintenant"
  | "sur_rendez_vous"
  | "modalites_acces"
  | "frais_a_charge"
  | "dispositif_programmes_nationaux"
  | "services"
  | "date_maj"
>;

/** Only the fields of a card: the page's data is sent twice (HTML and hydration), so it is trimmed. */
export function versLieuCarte(l: LieuTrouve): LieuCarte {
  const carte: LieuCarte = {
    id: l.id,
    nom: l.nom,
    adresse: l.adresse,
    code_postal: l.code_postal,
    commune: l.commune,
    position_approchee: l.position_approchee,
    sur_rendez_vous: l.sur_rendez_vous,
    modalites_acces: l.modalites_acces,
    frais_a_charge: l.frais_a_charge,
    dispositif_programmes_nationaux: l.dispositif_programmes_nationaux,
    services: l.services,
    date_maj: l.date_maj,
  };
  if (l.complement_adresse !== undefined) carte.complement_adresse = l.complement_adresse;
  if (l.distance_km !== undefined) carte.distance_km = l.distance_km;
  if (l.ouvert_maintenant !== undefined) carte.ouvert_maintenant = l.ouvert_maintenant;
  return carte;
}

export interface ProprietesCarteLieu {
  lieu: LieuCarte;
  /** Level of the place name's heading, so that the page's heading order holds. */
  niveauTitre?: 2 | 3 | 4;
  /** Embedded on a partner's site: the place page opens in a new tab of the full site. */
  nouvelOnglet?: boolean;
  /** Origin for links when the card is shown outside Passerelle's pages (embed); relative by default. */
  origine?: string;
  /** Today, for the freshness hint (given by the loader so server and browser agree). */
  aujourdhui?: Date;
  /** The « Orienter vers ce lieu » link for professionals (not in the embed on partners' sites). */
  orienter?: boolean;
}

const ETATS_OUVERTURE = {
  ouvert: { texte: "Ouvert maintenant", classe: "etat etat-ouvert" },
  ferme: { texte: "Fermé maintenant", classe: "etat etat-ferme" },
} as const;

/** One place in a list of results: what a person needs to choose where to go. */
export function CarteLieu({ lieu, niveauTitre = 3, nouvelOnglet = false, origine = "", aujourdhui = new Date(), orienter = !nouvelOnglet }: ProprietesCarteLieu) {
  const Titre = `h${niveauTitre}` as const;
  const lien = `${origine}/lieux/${lieu.id}`;
  const cible = nouvelOnglet ? { target: "_blank", rel: "noopener" } : {};
  const etat = lieu.ouvert_maintenant === undefined ? undefined : ETATS_OUVERTURE[lieu.ouvert_maintenant ? "ouvert" : "ferme"];
  const programmes = PROGRAMMES_PRINCIPAUX.filter((p) => lieu.dispositif_programmes_nationaux.includes(p.valeur));
  const autresProgrammes = lieu.dispositif_programmes_nationaux.filter(
    (d) => !PROGRAMMES_PRINCIPAUX.some((p) => p.valeur === d) && d !== DispositifProgrammeNational.AidantsConnect,
  );
  const sansRdv = lieu.modalites_acces.includes(ModaliteAcces.SePresenter);
  const pasDePublic = lieu.modalites_acces.includes(ModaliteAcces.PasDePublic);
  const etatFraicheur = fraicheur(lieu.date_maj, aujourdhui);

  return (
    <article className="carte-lieu" aria-labelledby={`titre-${lieu.id}`}>
      <Titre className="carte-lieu-nom" id={`titre-${lieu.id}`}>
        <a href={lien} {...cible}>
          {lieu.nom}
          {nouvelOnglet ? <span className="visuellement-cache"> (nouvel onglet)</span> : null}
        </a>
      </Titre>
      <p className="carte-lieu-adresse">
        {lieu.adresse}
        {lieu.complement_adresse ? `, ${lieu.complement_adresse}` : ""}, {lieu.code_postal} {lieu.commune}
        {lieu.distance_km !== undefined ? (
          <>
            {" — "}
            <strong>{formaterDistance(lieu.distance_km)}</strong>
            {/* The point is the commune's centre: the distance is only a rough idea. */}
            {lieu.position_approchee ? <span className="aide"> (position approximative)</span> : null}
          </>
        ) : null}
      </p>
      <ul className="badges" aria-label="En bref">
        {etat ? <li className={etat.classe}>{etat.texte}</li> : <li className="etat">Horaires non renseignés</li>}
        {pasDePublic ? <li className="badge badge-alerte">N'accueille pas de public</li> : null}
        {lieu.sur_rendez_vous ? <li className="badge badge-rdv">Sur rendez-vous</li> : null}
        {sansRdv ? <li className="badge">Sans rendez-vous</li> : null}
        {lieu.frais_a_charge.includes("Gratuit") ? <li className="badge">Gratuit</li> : null}
        {programmes.map((p) => (
          <li key={p.valeur} className="badge badge-programme">
            {p.libelle}
          </li>
        ))}
      </ul>
      {lieu.services.length > 0 ? (
        <p className="carte-lieu-services">
          <span className="intitule">Pour : </span>
          {lieu.services.map((s) => explicationService(s)?.libelle ?? s).join(" · ")}
        </p>
      ) : null}
      {autresProgrammes.length > 0 ? <p className="carte-lieu-discret">Aussi : {autresProgrammes.join(", ")}</p> : null}
      <p className="carte-lieu-discret">
        Informations du {formaterDate(lieu.date_maj)}
        {etatFraicheur === "a_jour" ? null : <span className={`fraicheur fraicheur-${etatFraicheur}`}> ({LIBELLES_FRAICHEUR[etatFraicheur]})</span>}
      </p>
      {orienter ? (
        <p className="carte-lieu-discret">
          <a href={`/orientations/nouvelle?lieu=${lieu.id}`}>
            Orienter vers ce lieu<span className="visuellement-cache"> : {lieu.nom}</span>
          </a>
        </p>
      ) : null}
    </article>
  );
}
