import type { z } from "zod";

/** Zod issues on URL parameters as French sentences naming the parameter, for the page (never a crash). */
export function messagesCriteres(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => {
    const parametre = i.path.length > 0 ? `« ${i.path.map(String).join(".")} »` : "la recherche";
    // Our own messages (regex, refine) are already in French; zod's built-in ones are not.
    const propre = i.code === "custom" || i.code === "invalid_format";
    return propre ? `Paramètre ${parametre} : ${i.message}.` : `Le paramètre ${parametre} a une valeur non comprise.`;
  });
}
