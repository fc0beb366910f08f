import type { FormEvent, ReactNode } from "react";
import { useNavigate } from "react-router";
import { GROUPES_SERVICES } from "~/lieux/presentation/services";
import type { Criteres } from "~/lieux/recherche/criteres";
import { FRAIS_A_CHARGE, MODALITES_ACCOMPAGNEMENT, PRISES_EN_CHARGE_SPECIFIQUES, PUBLICS_SPECIFIQUEMENT_ADRESSES } from "~/lieux/standard/enumerations";
import { AutourDeMoi } from "./AutourDeMoi";
import { EXPLICATIONS_ACCOMPAGNEMENT, EXPLICATIONS_FRAIS, JOURS_SEMAINE, LANGUES, PROGRAMMES_PRINCIPAUX } from "./textes";
import "./lieux.css";

export interface ProprietesFormulaire {
  /** Where the GET form goes: `/lieux` or `/embed`. */
  action: string;
  valeurs: Partial<Criteres>;
  /** What the "où" field shows when the search came from a commune code (`?commune=`). */
  ouAffiche?: string | undefined;
  /** Extra hidden parameters kept across searches (the embed's `territoire`). */
  caches?: Record<string, string>;
}

const RAYONS = [5, 10, 20, 30, 50, 100] as const;
/** The two stored language values are searched through the single "Langues étrangères" choice. */
const PRISES_EN_CHARGE_PROPOSEES = [...PRISES_EN_CHARGE_SPECIFIQUES.filter((p) => !p.startsWith(LANGUES)), LANGUES];

function Case({ nom, valeur, coche, children, aide }: { nom: string; valeur: string; coche: boolean; children: ReactNode; aide?: string | undefined }) {
  const id = `f-${nom}-${valeur}`.replace(/[^\w-]/g, "_");
  return (
    <div className="case">
      <input type="checkbox" id={id} name={nom} value={valeur} defaultChecked={coche} aria-describedby={aide ? `${id}-aide` : undefined} />
      <label htmlFor={id}>
        {children}
        {aide ? (
          <span className="aide" id={`${id}-aide`}>
            {aide}
          </span>
        ) : null}
      </label>
    </div>
  );
}

/** Clears a previous "autour de moi" position as soon as the person types another place. */
function oublierPosition(e: FormEvent<HTMLInputElement>) {
  const form = e.currentTarget.form;
  for (const nom of ["lat", "lon"]) {
    const champ = form?.elements.namedItem(nom);
    if (champ instanceof HTMLInputElement) champ.value = "";
  }
}

function nombreFiltres(v: Partial<Criteres>): number {
  const listes = [v.services, v.publics, v.prise_en_charge, v.frais, v.accompagnement, v.dispositifs].reduce((n, l) => n + (l?.length ?? 0), 0);
  const drapeaux = [v.itinerant, v.ouvert_maintenant, v.soir, v.week_end, v.rendez_vous !== undefined, v.jour !== undefined, v.heure !== undefined].filter(Boolean).length;
  return listes + drapeaux;
}

/** The search form: a plain GET form, so every search is a URL that works without JavaScript. */
export function FormulaireRecherche({ action, valeurs: v, ouAffiche, caches = {} }: ProprietesFormulaire) {
  const filtres = nombreFiltres(v);
  const naviguer = useNavigate();
  // With JavaScript: same GET request, without the empty fields, and without a full page load.
  function envoyer(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const [cle, valeur] of new FormData(e.currentTarget)) if (typeof valeur === "string" && valeur !== "") params.append(cle, valeur);
    void naviguer(`${action}?${params.toString()}`);
  }
  const a = (liste: readonly string[] | undefined, valeur: string) => liste?.includes(valeur) ?? false;
  // Values in the URL that the form does not show (other programmes, a precise language) are kept.
  const dispositifsCaches = (v.dispositifs ?? []).filter((d) => !PROGRAMMES_PRINCIPAUX.some((p) => p.valeur === d));
  const prisesCachees = (v.prise_en_charge ?? []).filter((p) => !PRISES_EN_CHARGE_PROPOSEES.includes(p));
  return (
    <form method="get" action={action} id="formulaire-recherche" role="search" aria-label="Rechercher un lieu" onSubmit={envoyer}>
      {Object.entries(caches).map(([nom, valeur]) => (
        <input key={nom} type="hidden" name={nom} value={valeur} />
      ))}
      {dispositifsCaches.map((d) => (
        <input key={d} type="hidden" name="dispositifs" value={d} />
      ))}
      {prisesCachees.map((p) => (
        <input key={p} type="hidden" name="prise_en_charge" value={p} />
      ))}
      <input type="hidden" name="lat" defaultValue={v.lat ?? ""} />
      <input type="hidden" name="lon" defaultValue={v.lon ?? ""} />
      <div className="recherche-ou">
        <div className="champ">
          <label htmlFor="f-ou">
            Où ? <span className="aide">Commune, code postal ou adresse</span>
          </label>
          <input type="search" id="f-ou" name="ou" defaultValue={v.ou ?? ouAffiche ?? ""} autoComplete="address-level2" onInput={oublierPosition} />
        </div>
        <div className="champ champ-court">
          <label htmlFor="f-rayon">Jusqu'à</label>
          <select id="f-rayon" name="rayon_km" defaultValue={v.rayon_km === undefined ? "" : String(v.rayon_km)}>
            <option value="">30 km</option>
            {RAYONS.filter((r) => r !== 30).map((r) => (
              <option key={r} value={r}>
                {r} km
              </option>
            ))}
            {v.rayon_km !== undefined && !RAYONS.some((r) => r === v.rayon_km) ? <option value={v.rayon_km}>{v.rayon_km} km</option> : null}
          </select>
        </div>
        <button type="submit">Rechercher</button>
        <AutourDeMoi formulaire="formulaire-recherche" />
      </div>

      {/* Closed by default so that results stay near the top; the summary says how many criteria are on. */}
      <details className="filtres">
        <summary>
          Affiner : besoins, public, horaires, accès…{filtres > 0 ? ` (${filtres} critère${filtres > 1 ? "s" : ""} choisi${filtres > 1 ? "s" : ""})` : ""}
        </summary>
        <p>
          Les lieux affichés remplissent <strong>tous les critères</strong> choisis. Dans une même liste de cases, il suffit d'
          <strong>au moins une</strong> case cochée (par exemple : au moins un des besoins cochés).
        </p>
        <div className="filtres-groupes">
          <fieldset>
            <legend>Besoin : au moins un des besoins cochés</legend>
            {GROUPES_SERVICES.map((g) => (
              <div key={g.groupe}>
                <p className="sous-groupe">{g.groupe}</p>
                {g.services.map((s) => (
                  <Case key={s.service} nom="services" valeur={s.service} coche={a(v.services, s.service)} aide={s.explication}>
                    {s.libelle}
                  </Case>
                ))}
              </div>
            ))}
          </fieldset>

          <div>
            <fieldset>
              <legend>Quand ?</legend>
              <Case nom="ouvert_maintenant" valeur="1" coche={v.ouvert_maintenant ?? false}>
                Ouvert maintenant
              </Case>
              <div className="case-colonne">
                <label htmlFor="f-jour">Ouvert le</label>{" "}
                <select id="f-jour" name="jour" defaultValue={v.jour ?? ""}>
                  <option value="">n'importe quel jour</option>
                  {JOURS_SEMAINE.map((j) => (
                    <option key={j} value={j}>
                      {j}
                    </option>
                  ))}
                </select>{" "}
                <label htmlFor="f-heure">à</label>{" "}
                <input type="time" id="f-heure" name="heure" defaultValue={v.heure ?? ""} aria-describedby="f-heure-aide" />
                <span className="aide" id="f-heure-aide">
                  {" "}
                  (heure facultative, par exemple 14:30)
                </span>
              </div>
              <Case nom="soir" valeur="1" coche={v.soir ?? false} aide="Ouvert après 18 h au moins un jour de semaine">
                Le soir
              </Case>
              <Case nom="week_end" valeur="1" coche={v.week_end ?? false} aide="Ouvert le samedi ou le dimanche">
                Le week-end
              </Case>
            </fieldset>

            <fieldset>
              <legend>Comment y aller ?</legend>
              {(
                [
                  ["", "Peu importe", undefined],
                  ["sans", "Sans rendez-vous", "Je peux venir directement aux heures d'ouverture."],
                  ["sur", "Sur rendez-vous", "Je prends rendez-vous avant : en ligne, par téléphone ou par courriel."],
                ] as const
              ).map(([valeur, libelle, aide]) => (
                <div className="case" key={valeur}>
                  <input type="radio" id={`f-rdv-${valeur || "tous"}`} name="rendez_vous" value={valeur} defaultChecked={(v.rendez_vous ?? "") === valeur} />
                  <label htmlFor={`f-rdv-${valeur || "tous"}`}>
                    {libelle}
                    {aide ? <span className="aide">{aide}</span> : null}
                  </label>
                </div>
              ))}
              <Case nom="itinerant" valeur="1" coche={v.itinerant ?? false} aide="Bus numérique, permanences dans plusieurs communes">
                Seulement les lieux itinérants
              </Case>
            </fieldset>
          </div>

          <fieldset>
            <legend>Public : au moins un des publics cochés</legend>
            <p className="aide">Sans choix, tous les lieux sont montrés, y compris ceux ouverts à tout public.</p>
            {PUBLICS_SPECIFIQUEMENT_ADRESSES.map((p) => (
              <Case key={p} nom="publics" valeur={p} coche={a(v.publics, p)}>
                {p}
              </Case>
            ))}
          </fieldset>

          <fieldset>
            <legend>Aide adaptée : au moins une des aides cochées</legend>
            {PRISES_EN_CHARGE_PROPOSEES.map((p) => (
              <Case key={p} nom="prise_en_charge" valeur={p} coche={a(v.prise_en_charge, p)} aide={p === LANGUES ? "Anglais ou autres langues" : undefined}>
                {p}
              </Case>
            ))}
          </fieldset>

          <fieldset>
            <legend>Façon d'être aidé : au moins une des façons cochées</legend>
            {MODALITES_ACCOMPAGNEMENT.map((m) => (
              <Case key={m} nom="accompagnement" valeur={m} coche={a(v.accompagnement, m)} aide={EXPLICATIONS_ACCOMPAGNEMENT[m]?.explication}>
                {EXPLICATIONS_ACCOMPAGNEMENT[m]?.libelle ?? m}
              </Case>
            ))}
          </fieldset>

          <fieldset>
            <legend>Prix : au moins un des choix cochés</legend>
            {FRAIS_A_CHARGE.map((f) => (
              <Case key={f} nom="frais" valeur={f} coche={a(v.frais, f)}>
                {EXPLICATIONS_FRAIS[f] ?? f}
              </Case>
            ))}
          </fieldset>

          <fieldset>
            <legend>Programme national : au moins un des programmes cochés</legend>
            {PROGRAMMES_PRINCIPAUX.map((p) => (
              <Case key={p.valeur} nom="dispositifs" valeur={p.valeur} coche={a(v.dispositifs, p.valeur)} aide={p.explication}>
                {p.libelle}
              </Case>
            ))}
          </fieldset>
        </div>
        <button type="submit">Afficher les lieux</button>{" "}
        <a href={action + (caches.territoire ? `?territoire=${encodeURIComponent(caches.territoire)}` : "")}>Effacer tous les critères</a>
      </details>
    </form>
  );
}
