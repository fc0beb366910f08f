import { useState, type FormEvent } from "react";
import { depuisHoraires, enMots, grilleDuFormulaire, NOMS_JOURS, versHoraires } from "~/lieux/edition/horaires-grille";
import { Erreurs, type ErreursParChamp } from "./Champs";

/**
 * The hours editor: a weekly grid (two ranges a day), closed dates, public holidays; or the raw
 * OpenStreetMap string ("Expert"). Without JavaScript "Prévisualiser" posts and the server answers the
 * preview; with it the preview follows every keystroke (grid only: the library stays on the server).
 */
export function EditeurHoraires(p: { horaires: string; mode: "grille" | "expert"; apercu: { ok: boolean; texte: string } | undefined; erreurs: ErreursParChamp }) {
  const grilleInitiale = depuisHoraires(p.horaires);
  const mode = grilleInitiale ? p.mode : "expert";
  const g = grilleInitiale ?? depuisHoraires("");
  const [apercu, setApercu] = useState(p.apercu);
  const [chaine, setChaine] = useState(p.horaires);

  function suivre(e: FormEvent<HTMLFieldSetElement>) {
    const form = e.currentTarget.form;
    if (!form) return;
    const donnees = new FormData(form);
    if (donnees.get("horaires_mode") === "expert") return setApercu(undefined);
    const { grille, erreurs } = grilleDuFormulaire((n) => String(donnees.get(n) ?? ""));
    setChaine(versHoraires(grille));
    setApercu(erreurs.length > 0 ? { ok: false, texte: erreurs.join(" ") } : { ok: true, texte: enMots(grille) });
  }

  const e = p.erreurs.horaires;
  return (
    <fieldset className="champ horaires-editeur" onInput={suivre} aria-describedby={e && e.length > 0 ? "erreur-horaires" : undefined}>
      <legend>Horaires d'ouverture</legend>
      <Erreurs id="horaires" erreurs={e} />
      <p className="choix-mode">
        <label className="case">
          <input type="radio" name="horaires_mode" value="grille" defaultChecked={mode === "grille"} disabled={!grilleInitiale} /> Grille de la semaine
        </label>
        <label className="case">
          <input type="radio" name="horaires_mode" value="expert" defaultChecked={mode === "expert"} /> Expert (format OpenStreetMap)
        </label>
      </p>
      {grilleInitiale ? null : <p className="aide">Ces horaires sont trop détaillés pour la grille : modifiez-les en mode expert.</p>}
      <table className="grille-horaires">
        <caption>Plages d'ouverture (laissez vide un jour fermé)</caption>
        <thead>
          <tr>
            <th scope="col">Jour</th>
            <th scope="col">Matin ou journée</th>
            <th scope="col">Après-midi</th>
          </tr>
        </thead>
        <tbody>
          {NOMS_JOURS.map((jour, i) => (
            <tr key={jour}>
              <th scope="row">{jour}</th>
              {[1, 2].map((n) => {
                const plage = g?.jours[i]?.[n - 1];
                return (
                  <td key={n}>
                    <input type="time" name={`h_${i}_${n}_debut`} defaultValue={plage?.debut ?? ""} aria-label={`${jour}, plage ${n}, ouverture`} /> à{" "}
                    <input type="time" name={`h_${i}_${n}_fin`} defaultValue={plage?.fin ?? ""} aria-label={`${jour}, plage ${n}, fermeture`} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <label className="case">
        <input type="checkbox" name="h_feries" value="on" defaultChecked={g?.fermeJoursFeries ?? false} /> Fermé les jours fériés
      </label>
      <div className="champ">
        <label htmlFor="h_fermetures">Jours de fermeture exceptionnelle</label>
        <span className="aide" id="aide-h_fermetures">
          Une date par ligne, sous la forme AAAA-MM-JJ (par exemple 2025-12-24).
        </span>
        <textarea id="h_fermetures" name="h_fermetures" rows={2} defaultValue={g?.fermetures.join("\n") ?? ""} aria-describedby="aide-h_fermetures" />
      </div>
      <details open={mode === "expert"}>
        <summary>Expert : horaires au format OpenStreetMap</summary>
        <label htmlFor="horaires">Horaires (opening_hours)</label>
        <textarea id="horaires" name="horaires" rows={2} value={chaine} onChange={(ev) => setChaine(ev.target.value)} />
      </details>
      <div className="apercu" aria-live="polite">
        <strong>Aperçu :</strong> {apercu ? <span className={apercu.ok ? undefined : "erreur-champ"}>{apercu.texte}</span> : "cliquez sur « Prévisualiser » pour vérifier les horaires."}
      </div>
      <button type="submit" name="intention" value="previsualiser" className="bouton-secondaire" formNoValidate>
        Prévisualiser
      </button>
    </fieldset>
  );
}
