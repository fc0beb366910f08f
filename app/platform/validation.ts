import { z } from "zod";

// zod's messages in French, once for the process: every user of a schema imports this module.
z.config(z.locales.fr());

/** One invalid input, named as the person typed it (a URL parameter, a form field). */
export interface ErreurParametre {
  parametre: string;
  message: string;
}

/** A zod error as a flat list of `{ parametre, message }`, one per problem, in French. */
export function erreursParametres(erreur: z.ZodError): ErreurParametre[] {
  return erreur.issues.map((i) => ({
    parametre: i.path.length > 0 ? i.path.map(String).join(".") : "*",
    message: i.message,
  }));
}

export { z };
