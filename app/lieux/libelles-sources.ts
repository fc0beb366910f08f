import { ADAPTATEURS } from "./sources";

/** The human name of a source key (the format of a known source, or a name given at import). */
export function libelleSource(cle: string): string {
  for (const a of Object.values(ADAPTATEURS)) if (a.format === cle) return a.nomSource;
  return cle;
}
