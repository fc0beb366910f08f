import type { DetailErreur } from "~/platform/erreurs";

/** Form fields with their label, help and error, linked for screen readers (aria-describedby). */

interface PropsChamp {
  id: string;
  name: string;
  libelle: string;
  aide?: string;
  erreurs?: readonly DetailErreur[] | undefined;
  /** The field named in the use case's errors, when it differs from `name`. */
  champ?: string;
  defaultValue?: string | undefined;
  requis?: boolean;
  /** Required only in some cases, which the help says: no "(facultatif)" after the label. */
  conditionnel?: boolean;
}

function erreurDe(p: PropsChamp): string | undefined {
  return p.erreurs?.find((e) => e.champ === (p.champ ?? p.name))?.message;
}

function Autour({ p, children }: { p: PropsChamp; children: (attrs: { "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode }) {
  const erreur = erreurDe(p);
  const decrit = [p.aide ? `aide-${p.id}` : "", erreur ? `erreur-${p.id}` : ""].filter(Boolean).join(" ");
  return (
    <div className="champ">
      <label htmlFor={p.id}>
        {p.libelle}
        {p.requis || p.conditionnel ? "" : " (facultatif)"}
        {p.aide ? (
          <span className="aide" id={`aide-${p.id}`}>
            {p.aide}
          </span>
        ) : null}
      </label>
      {children({ ...(erreur ? { "aria-invalid": true } : {}), ...(decrit ? { "aria-describedby": decrit } : {}) })}
      {erreur ? (
        <p className="erreur-champ" id={`erreur-${p.id}`}>
          {p.libelle} : {erreur}
        </p>
      ) : null}
    </div>
  );
}

export function ChampTexte(p: PropsChamp & { type?: "text" | "email" | "search"; autoComplete?: string }) {
  return <Autour p={p}>{(a) => <input type={p.type ?? "text"} id={p.id} name={p.name} defaultValue={p.defaultValue} required={p.requis} autoComplete={p.autoComplete} {...a} />}</Autour>;
}

export function ChampZone(p: PropsChamp) {
  return <Autour p={p}>{(a) => <textarea id={p.id} name={p.name} defaultValue={p.defaultValue} required={p.requis} {...a} />}</Autour>;
}

export function ChampListe(p: PropsChamp & { options: readonly { valeur: string; libelle: string }[]; choisir?: string }) {
  return (
    <Autour p={p}>
      {(a) => (
        <select id={p.id} name={p.name} defaultValue={p.defaultValue ?? ""} required={p.requis} {...a}>
          {p.choisir ? <option value="">{p.choisir}</option> : null}
          {p.options.map((o) => (
            <option key={o.valeur} value={o.valeur}>
              {o.libelle}
            </option>
          ))}
        </select>
      )}
    </Autour>
  );
}

/** The list of a form's errors at its top, each a link to its field. */
export function ResumeErreurs({ message, erreurs, ids }: { message: string; erreurs: readonly DetailErreur[]; ids: Record<string, string> }) {
  return (
    <div className="message-erreur resume-erreurs" role="alert">
      <p>{message}</p>
      {erreurs.length > 0 ? (
        <ul>
          {erreurs.map((e) => (
            <li key={e.champ}>
              <a href={`#${ids[e.champ] ?? e.champ}`}>{e.message}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Confirmation({ texte }: { texte: string | null }) {
  return texte ? (
    <p className="message-succes" role="status">
      {texte}
    </p>
  ) : null;
}
