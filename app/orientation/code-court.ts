/**
 * Short codes printed on the orientation sheet: the first hex digits of the place's UUID, which
 * never changes (decision 004), so a printed code keeps working. Shown as `ABCD-1234`, easy to read
 * aloud or type at `/l/ABCD-1234`. Longer prefixes (12 digits) are used if 8 are ever ambiguous.
 */

export const LONGUEUR_CODE = 8;
export const LONGUEUR_CODE_LONG = 12;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function estUuid(v: string): boolean {
  return UUID.test(v);
}

/** "3f2a9c10-…" → "3F2A-9C10" (or "3F2A-9C10-B7E4" with 12 digits). */
export function codeCourt(uuid: string, longueur: number = LONGUEUR_CODE): string {
  const hex = uuid.replace(/-/g, "").slice(0, longueur).toUpperCase();
  return hex.match(/.{1,4}/g)?.join("-") ?? hex;
}

/**
 * What a person typed or scanned back to hex digits: case, spaces and dashes ignored, and the
 * letters people confuse with digits (O/0, I/l/1) read as digits. Undefined if it cannot be a code.
 */
export function normaliserCode(saisi: string): string | undefined {
  const hex = saisi
    .toLowerCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
  if (!/^[0-9a-f]+$/.test(hex)) return undefined;
  return hex.length === LONGUEUR_CODE || hex.length === LONGUEUR_CODE_LONG ? hex : undefined;
}

/** The lowest and highest UUIDs that start with these hex digits (a range the primary key index serves). */
export function bornesUuid(prefixeHex: string): [string, string] {
  const bas = (prefixeHex + "0".repeat(32)).slice(0, 32);
  const haut = (prefixeHex + "f".repeat(32)).slice(0, 32);
  const enUuid = (h: string) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  return [enUuid(bas), enUuid(haut)];
}
