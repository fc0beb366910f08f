import { cite, echec, succes, type Resultat } from "./resultat";

// Pragmatic RFC 5322 subset: dot-atom local part (no `|`, the standard's list separator),
// a domain of letter/digit labels (accented letters allowed: IDN) and a TLD of 2+ letters.
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{}~-]+)*$/i;
const DOMAINE = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u;

/** An e-mail address. `mailto:` is removed and the domain lower-cased (domains are case-insensitive; local parts are not). */
export function courriel(brut: string): Resultat<string> {
  const propre = brut.trim().replace(/^mailto:/i, "").replace(/[\u2019\u2018]/g, "'");
  const arobase = propre.lastIndexOf("@");
  const local = propre.slice(0, arobase);
  const domaine = propre.slice(arobase + 1).toLowerCase();
  if (arobase <= 0 || !LOCAL.test(local) || !DOMAINE.test(domaine) || local.length > 64) {
    return echec(`Courriel ${cite(brut)} invalide : attendu une adresse de la forme nom@domaine.fr, sans espace.`);
  }
  return succes(`${local}@${domaine}`);
}
