/**
 * The one error vocabulary of Passerelle. Use cases throw these; the HTTP layer maps them
 * to status codes in one place (`statutHttp`), the CLI to exit codes.
 */
export type CodeErreur =
  | "entree_invalide"
  | "introuvable"
  | "non_authentifie"
  | "interdit"
  | "conflit"
  | "trop_de_requetes"
  | "indisponible";

const STATUTS: Record<CodeErreur, number> = {
  entree_invalide: 400,
  non_authentifie: 401,
  interdit: 403,
  introuvable: 404,
  conflit: 409,
  trop_de_requetes: 429,
  indisponible: 503,
};

export interface DetailErreur {
  champ: string;
  message: string;
}

export class ErreurPasserelle extends Error {
  constructor(
    readonly code: CodeErreur,
    message: string,
    readonly details: readonly DetailErreur[] = [],
  ) {
    super(message);
    this.name = "ErreurPasserelle";
  }
}

export function statutHttp(erreur: unknown): number {
  return erreur instanceof ErreurPasserelle ? STATUTS[erreur.code] : 500;
}

/** JSON body for an API error; never leaks internal messages of unexpected errors. */
export function corpsErreur(erreur: unknown): { erreur: { code: string; message: string; details: readonly DetailErreur[] } } {
  if (erreur instanceof ErreurPasserelle) {
    return { erreur: { code: erreur.code, message: erreur.message, details: erreur.details } };
  }
  return { erreur: { code: "erreur_interne", message: "Une erreur interne est survenue.", details: [] } };
}
