import type { ReactNode } from "react";

/** Errors by field, as the use case names them. */
export type ErreursParChamp = Readonly<Record<string, readonly string[]>>;

export function Erreurs({ id, erreurs }: { id: string; erreurs: readonly string[] | undefined }) {
  if (!erreurs || erreurs.length === 0) return null;
  return (
    <p id={`erreur-${id}`} className="erreur-champ">
      {erreurs.join(" ")}
    </p>
  );
}

const decrit = (id: string, erreurs: readonly string[] | undefined, aide?: string) =>
  [aide ? `aide-${id}` : "", erreurs && erreurs.length > 0 ? `erreur-${id}` : ""].filter((x) => x !== "").join(" ") || undefined;

export function Texte(p: { champ: string; libelle: string; valeur: string; erreurs: ErreursParChamp; aide?: string; multiligne?: boolean; type?: string; requis?: boolean }) {
  const e = p.erreurs[p.champ];
  const commun = { id: p.champ, name: p.champ, defaultValue: p.valeur, "aria-invalid": e && e.length > 0 ? true : undefined, "aria-describedby": decrit(p.champ, e, p.aide), required: p.requis };
  return (
    <div className="champ">
      <label htmlFor={p.champ}>
        {p.libelle}
        {p.requis ? " (obligatoire)" : ""}
      </label>
      {p.aide ? (
        <span id={`aide-${p.champ}`} className="aide">
          {p.aide}
        </span>
      ) : null}
      <Erreurs id={p.champ} erreurs={e} />
      {p.multiligne ? <textarea rows={4} {...commun} /> : <input type={p.type ?? "text"} {...commun} />}
    </div>
  );
}

/** An enumeration as checkboxes: `valeur` holds the checked values joined with "|". */
export function Cases(p: { champ: string; libelle: string; valeur: string; options: readonly { valeur: string; libelle: string }[]; erreurs: ErreursParChamp; replie?: boolean }) {
  const cochees = new Set(p.valeur.split("|"));
  const e = p.erreurs[p.champ];
  const cases: ReactNode = p.options.map((o, i) => (
    <label key={o.valeur} className="case">
      <input type="checkbox" name={p.champ} value={o.valeur} defaultChecked={cochees.has(o.valeur)} id={i === 0 ? p.champ : undefined} /> {o.libelle}
    </label>
  ));
  return (
    <fieldset className="champ" aria-describedby={e && e.length > 0 ? `erreur-${p.champ}` : undefined}>
      <legend>{p.libelle}</legend>
      <Erreurs id={p.champ} erreurs={e} />
      {p.replie ? (
        <details>
          <summary>Afficher les {p.options.length} choix ({cochees.size - (cochees.has("") ? 1 : 0)} cochés)</summary>
          {cases}
        </details>
      ) : (
        cases
      )}
    </fieldset>
  );
}
