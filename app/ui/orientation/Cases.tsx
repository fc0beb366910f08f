import type { Option } from "~/orientation/choix";

interface ProprietesCases {
  nom: string;
  options: readonly (Option & { explication?: string })[];
  coches: readonly string[];
  type?: "checkbox" | "radio";
  /** id of the error message describing the group, when the answer is missing. */
  erreur?: string;
  /** id given to the first box (the error summary links to it). */
  idPremier?: string;
}

/** A list of check boxes or radio buttons, each with its label and an optional plain explanation. */
export function Cases({ nom, options, coches, type = "checkbox", erreur, idPremier }: ProprietesCases) {
  return (
    <>
      {options.map((o, i) => {
        const id = i === 0 && idPremier ? idPremier : `${nom}-${i}`;
        const decrit = [o.explication ? `${id}-aide` : "", erreur ?? ""].filter(Boolean).join(" ");
        return (
          <div className="case" key={o.valeur}>
            <input
              type={type}
              id={id}
              name={nom}
              value={o.valeur}
              defaultChecked={coches.includes(o.valeur)}
              aria-describedby={decrit || undefined}
              aria-invalid={erreur ? true : undefined}
            />
            <label htmlFor={id}>
              {o.libelle}
              {o.explication ? (
                <span className="aide" id={`${id}-aide`}>
                  {o.explication}
                </span>
              ) : null}
            </label>
          </div>
        );
      })}
    </>
  );
}

/** The message under a field in error (the field points to it with aria-describedby). */
export function MessageChamp({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="erreur-champ" id={id}>
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
