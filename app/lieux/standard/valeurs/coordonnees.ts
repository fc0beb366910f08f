import { cite, echec, succes, type Resultat } from "./resultat";

export type Axe = "latitude" | "longitude";

const LIMITE: Record<Axe, number> = { latitude: 90, longitude: 180 };

/**
 * One WGS84 coordinate as a number. A comma decimal separator (French spreadsheets) is accepted.
 * The pair rules (both or none, 0,0 rejected) belong to the row and live in the validator.
 */
export function coordonnee(brut: string, axe: Axe): Resultat<number> {
  const propre = brut.trim().replace(/\s/g, "").replace(",", ".");
  const nombre = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(propre) ? Number(propre) : NaN;
  if (!Number.isFinite(nombre)) {
    return echec(`${axe === "latitude" ? "Latitude" : "Longitude"} ${cite(brut)} illisible : attendu un nombre décimal en degrés WGS84 (ex. ${axe === "latitude" ? "48.1113" : "-1.6800"}).`);
  }
  const limite = LIMITE[axe];
  if (Math.abs(nombre) > limite) {
    return echec(`${axe === "latitude" ? "Latitude" : "Longitude"} ${propre} hors limites : attendu entre -${limite} et ${limite} (latitude et longitude inversées ?).`);
  }
  return succes(nombre);
}
