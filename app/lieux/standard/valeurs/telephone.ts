import { cite, echec, succes, type Resultat, type Succes } from "./resultat";

/** Country codes the standard's pattern admits. */
export const INDICATIFS = ["+33", "+590", "+594", "+262", "+596", "+269", "+687", "+689", "+508", "+681"] as const;

/**
 * Overseas départements are in the French national plan (0590…) but have their own country code:
 * 0590 12 34 56 is +590 590 12 34 56, not +33 590… (which does not route). Mayotte uses +262 since 2007.
 */
const OUTRE_MER: ReadonlyArray<readonly [RegExp, string]> = [
  [/^0(590|690|691)/, "+590"],
  [/^0(594|694)/, "+594"],
  [/^0(262|263|692|693|269|639)/, "+262"],
  [/^0(596|696|697)/, "+596"],
];

const ATTENDU = "attendu un numéro français à 10 chiffres (ex. 02 96 60 47 87) ou international (ex. +33296604787)";

function international(national: string): string {
  const outreMer = OUTRE_MER.find(([motif]) => motif.test(national));
  return `${outreMer ? outreMer[1] : "+33"}${national.slice(1)}`;
}

function normaliser(numero: string): Resultat<string> {
  let t = numero.replace(/\(0\)/g, "").replace(/[\s.\-()/\u00a0\u202f]/g, "");
  if (t.startsWith("00")) t = `+${t.slice(2)}`;
  if (t.startsWith("+")) {
    const indicatif = INDICATIFS.find((i) => t.startsWith(i));
    if (!indicatif) return echec(`Indicatif de ${cite(numero)} non admis par le standard : ${INDICATIFS.join(", ")}.`);
    const reste = t.slice(indicatif.length).replace(/^0/, "");
    const bon = indicatif === "+33" ? /^[1-9]\d{8}$/.test(reste) : /^\d{6,9}$/.test(reste);
    return bon ? succes(`${indicatif}${reste}`) : echec(`Numéro ${cite(numero)} de longueur incorrecte : ${ATTENDU}.`);
  }
  if (/^0[1-9]\d{8}$/.test(t)) return succes(international(t));
  if (/^[1-9]\d{8}$/.test(t)) {
    return succes(international(`0${t}`), `Numéro ${cite(numero)} à 9 chiffres : le zéro initial (perdu par un tableur) a été rétabli.`);
  }
  if (/^33[1-9]\d{8}$/.test(t)) return succes(`+${t}`, `Numéro ${cite(numero)} sans « + » devant l'indicatif 33 : rétabli.`);
  return echec(`Numéro de téléphone ${cite(numero)} non reconnu : ${ATTENDU}.`);
}

/** Several numbers in one cell: "02… / 06…", "02… ou 06…", or two 10-digit numbers glued by spaces. */
function separer(brut: string): string[] {
  const compact = brut.replace(/\(0\)/g, "").replace(/[\s.\-()/\u00a0\u202f]/g, "");
  // One number written with slashes or dots ("02/96/60/47/87") must not be split.
  if (/^(\+|00)?\d{9,13}$/.test(compact)) return [brut];
  if (/^0\d{9}0\d{9}$/.test(compact)) return [compact.slice(0, 10), compact.slice(10)];
  return brut.split(/\s*(?:[|;,/\n]|\bou\b|\bet\b)\s*/i).filter((m) => m.trim() !== "");
}

/**
 * The `telephone` field, normalised to the international form the standard wants (+33296604787).
 * The standard's pattern holds one number: when a cell has several, the first valid one is kept, with a warning.
 */
export function telephone(brut: string): Resultat<string> {
  const numeros = separer(brut.trim());
  if (numeros.length === 0) return echec(`Numéro de téléphone vide : ${ATTENDU}.`);
  const resultats = numeros.map(normaliser);
  const premier = resultats.find((r): r is Succes<string> => r.ok);
  if (!premier) return resultats[0] ?? echec(`Numéro de téléphone ${cite(brut)} non reconnu : ${ATTENDU}.`);
  if (numeros.length === 1) return premier;
  const plusieurs = `${numeros.length} numéros dans la même case : seul ${premier.valeur} est conservé, le standard n'en admet qu'un.`;
  return succes(premier.valeur, premier.avertissement ? `${premier.avertissement} ${plusieurs}` : plusieurs);
}
