import { data } from "react-router";
import { ErreurPasserelle, statutHttp, type DetailErreur } from "~/platform/erreurs";

/** A posted form as the domain validators read it: repeated fields (checkboxes) always as lists. */
export function champsDe(form: FormData, repetes: readonly string[] = []): Record<string, string | string[]> {
  const champs: Record<string, string | string[]> = {};
  for (const cle of new Set(form.keys())) {
    const valeurs = form.getAll(cle).flatMap((v) => (typeof v === "string" ? [v] : []));
    champs[cle] = repetes.includes(cle) ? valeurs : (valeurs[0] ?? "");
  }
  for (const cle of repetes) champs[cle] ??= [];
  return champs;
}

/** The validators' `{champ: message}` as the form components' details, in the fields' order. */
export function detailsDe(erreurs: Record<string, string>, ordre: readonly string[] = []): DetailErreur[] {
  const rang = (c: string) => (ordre.includes(c) ? ordre.indexOf(c) : ordre.length);
  return Object.entries(erreurs)
    .map(([champ, message]) => ({ champ, message }))
    .sort((a, b) => rang(a.champ) - rang(b.champ));
}

/** Forbidden, unknown, expired: pages with their status, never a crash. Anything else goes on. */
export function enPage(e: unknown): never {
  if (e instanceof ErreurPasserelle && (e.code === "interdit" || e.code === "introuvable" || e.code === "indisponible")) {
    throw data(e.code === "introuvable" ? "Page introuvable" : e.message, { status: statutHttp(e) });
  }
  throw e;
}
