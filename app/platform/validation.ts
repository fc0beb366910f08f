import { z } from "zod";

// zod's messages in French, once for the process: every user of a schema imports this module.
z.config(z.locales.fr());

/** One invalid input, named as the person typed it (a URL parameter, a form field). */
export interface ErreurParametre {
  parametre: string;
  message: string;
}

/**
 * A zod error as a flat list of `{ parametre, message }`, one per problem, in French.
 * Positions in a list are dropped: `services.0` is the parameter `services` to the person who typed it.
 */
export function erreursParametres(erreur: z.ZodError): ErreurParametre[] {
  return erreur.issues.map((i) => {
    const chemin = i.path.filter((p) => typeof p !== "number").map(String);
    return { parametre: chemin.length > 0 ? chemin.join(".") : "*", message: i.message };
  });
}

export { z };
