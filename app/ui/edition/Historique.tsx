import { Form } from "react-router";
import type { ValeurChamp } from "~/lieux/edition/champs";
import type { EntreeHistorique } from "~/lieux/edition/historique.server";
import { LIBELLES_CHAMPS } from "~/lieux/fiche/libelles-champs";

export const valeurLisible = (v: ValeurChamp): string => (v === null || v === "" || (Array.isArray(v) && v.length === 0) ? "(vide)" : Array.isArray(v) ? v.join(", ") : String(v));

const quand = (d: Date | string) => new Date(d).toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" });

/** Who changed what and when, newest first, each with "Restaurer cette version" (its values before). */
export function HistoriqueLieu({ entrees, version }: { entrees: readonly EntreeHistorique[]; version: number }) {
  if (entrees.length === 0) return <p>Aucune modification faite dans Passerelle pour l'instant.</p>;
  return (
    <ol className="historique">
      {entrees.map((h) => (
        <li key={h.id}>
          <p>
            <strong>Version {h.version}</strong>, le {quand(h.quand)}, par {h.qui}
            {h.restaure ? " (restauration d'une version précédente)" : ""}
          </p>
          <table>
            <caption className="visuellement-cache">Changements de la version {h.version}</caption>
            <thead>
              <tr>
                <th scope="col">Champ</th>
                <th scope="col">Avant</th>
                <th scope="col">Après</th>
              </tr>
            </thead>
            <tbody>
              {h.changements.map((c) => (
                <tr key={c.champ}>
                  <th scope="row">{LIBELLES_CHAMPS[c.champ] ?? c.champ}</th>
                  <td>{valeurLisible(c.avant)}</td>
                  <td>{valeurLisible(c.apres)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Form method="post">
            <input type="hidden" name="intention" value="restaurer" />
            <input type="hidden" name="historique" value={h.id} />
            <input type="hidden" name="version" value={version} />
            <button type="submit" className="bouton-secondaire">
              Restaurer cette version
            </button>
          </Form>
        </li>
      ))}
    </ol>
  );
}
