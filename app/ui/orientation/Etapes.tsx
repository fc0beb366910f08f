import { GROUPES_SERVICES } from "~/lieux/presentation/services";
import { JOURS, type Criteres } from "~/lieux/recherche/criteres";
import { OPTIONS_FRAIS, OPTIONS_PRISE_EN_CHARGE, OPTIONS_PUBLICS, OPTIONS_QUAND, OPTIONS_RENDEZ_VOUS } from "~/orientation/choix";
import { RAYONS_KM, type ErreurChamp, type Quand } from "~/orientation/parcours";
import { AutourDeMoiOrientation } from "./AutourDeMoiOrientation";
import { Cases, MessageChamp } from "./Cases";

/** The fields of each step, inside the step's form (the route draws the form, counts and buttons). */

export interface ProprietesEtape {
  criteres: Criteres;
  erreurs: readonly ErreurChamp[];
  quand: Quand;
  /** Where the place typed was found ("Brest"), shown under the field. */
  centre?: string;
  onPosition?: () => void;
}

const erreurDe = (erreurs: readonly ErreurChamp[], champ: string) => erreurs.find((e) => e.champ === champ)?.message;

export function EtapeBesoin({ criteres, erreurs }: ProprietesEtape) {
  const erreur = erreurDe(erreurs, "services");
  return (
    <fieldset>
      <legend>Cochez un ou plusieurs besoins</legend>
      <MessageChamp id="erreur-services" message={erreur} />
      {GROUPES_SERVICES.map((g, i) => (
        <fieldset key={g.groupe} className="groupe-besoins">
          <legend>{g.groupe}</legend>
          <Cases
            nom="services"
            options={g.services.map((s) => ({ valeur: s.service, libelle: s.libelle, explication: s.explication }))}
            coches={criteres.services}
            {...(i === 0 ? { idPremier: "services" } : {})}
            {...(erreur ? { erreur: "erreur-services" } : {})}
          />
        </fieldset>
      ))}
    </fieldset>
  );
}

export function EtapeOu({ criteres, erreurs, centre, onPosition }: ProprietesEtape) {
  const erreur = erreurDe(erreurs, "ou");
  const autourDeMoi = criteres.lat !== undefined && criteres.ou === undefined;
  return (
    <fieldset>
      <legend>Près de quel endroit, et jusqu'à quelle distance ?</legend>
      <div className="champ">
        <label htmlFor="ou">
          Votre commune ou son code postal
          <span className="aide" id="ou-aide">
            Par exemple : Quimper, ou 29000.
          </span>
        </label>
        <MessageChamp id="erreur-ou" message={erreur} />
        <input
          type="text"
          id="ou"
          name="ou"
          autoComplete="address-level2"
          defaultValue={criteres.ou ?? ""}
          aria-describedby={["ou-aide", erreur ? "erreur-ou" : "", centre ? "ou-trouve" : ""].filter(Boolean).join(" ")}
          aria-invalid={erreur ? true : undefined}
        />
        {centre && !erreur ? (
          <p className="aide" id="ou-trouve">
            {autourDeMoi ? "Nous cherchons autour de votre position." : `Nous cherchons autour de : ${centre}.`}
          </p>
        ) : null}
      </div>
      <input type="hidden" name="lat" defaultValue={criteres.lat ?? ""} />
      <input type="hidden" name="lon" defaultValue={criteres.lon ?? ""} />
      {criteres.commune ? <input type="hidden" name="commune" value={criteres.commune} /> : null}
      <AutourDeMoiOrientation {...(onPosition ? { onPosition } : {})} />
      <div className="champ">
        <label htmlFor="rayon_km">Jusqu'à quelle distance ?</label>
        <select id="rayon_km" name="rayon_km" defaultValue={String(criteres.rayon_km ?? 30)}>
          {RAYONS_KM.map((r) => (
            <option key={r} value={r}>
              {r} km{r === 30 ? " (conseillé)" : ""}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

export function EtapeAccueil({ criteres }: ProprietesEtape) {
  return (
    <>
      <p className="aide-etape">Tout est facultatif : ne cochez rien si vous n'avez pas de besoin particulier.</p>
      <fieldset>
        <legend>Un accueil adapté à votre situation</legend>
        <Cases nom="prise_en_charge" options={OPTIONS_PRISE_EN_CHARGE} coches={criteres.prise_en_charge} />
      </fieldset>
      <fieldset>
        <legend>Un lieu qui accueille surtout</legend>
        <Cases nom="publics" options={OPTIONS_PUBLICS} coches={criteres.publics} />
      </fieldset>
      <fieldset>
        <legend>Rendez-vous</legend>
        <Cases nom="rendez_vous" type="radio" options={OPTIONS_RENDEZ_VOUS} coches={[criteres.rendez_vous ?? ""]} />
      </fieldset>
      <fieldset>
        <legend>Prix</legend>
        <Cases nom="frais" options={OPTIONS_FRAIS} coches={criteres.frais} />
      </fieldset>
    </>
  );
}

export function EtapeQuand({ criteres, erreurs, quand }: ProprietesEtape) {
  const erreurJour = erreurDe(erreurs, "jour");
  const erreurHeure = erreurDe(erreurs, "heure");
  return (
    <fieldset>
      <legend>Choisissez un moment</legend>
      <Cases nom="quand" type="radio" options={OPTIONS_QUAND} coches={[quand]} />
      <div className="sous-champs">
        <p className="aide" id="jour-aide">
          Si vous choisissez « Un jour précis » :
        </p>
        <div className="champ">
          <label htmlFor="jour">Quel jour ?</label>
          <MessageChamp id="erreur-jour" message={erreurJour} />
          <select
            id="jour"
            name="jour"
            defaultValue={criteres.jour ?? ""}
            aria-describedby={["jour-aide", erreurJour ? "erreur-jour" : ""].filter(Boolean).join(" ")}
            aria-invalid={erreurJour ? true : undefined}
          >
            <option value="">Choisir un jour</option>
            {JOURS.map((j) => (
              <option key={j} value={j}>
                {j.charAt(0).toUpperCase() + j.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div className="champ">
          <label htmlFor="heure">
            À quelle heure ? <span className="aide">(facultatif, par exemple 14:30)</span>
          </label>
          <MessageChamp id="erreur-heure" message={erreurHeure} />
          <input
            type="time"
            id="heure"
            name="heure"
            defaultValue={criteres.heure ?? ""}
            aria-describedby={erreurHeure ? "erreur-heure" : undefined}
            aria-invalid={erreurHeure ? true : undefined}
          />
        </div>
      </div>
    </fieldset>
  );
}
