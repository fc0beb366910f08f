import type { AppLoadContext } from "react-router";
import { sessionDe } from "~/comptes/session.server";
import { peutModifier } from "./modifier.server";

/** The place page's "Modifier ce lieu" link, only for someone who may edit it (undefined otherwise). */
export async function lienModifier(request: Request, context: AppLoadContext, lieu: { id: string; code_insee?: string }): Promise<string | undefined> {
  // Without accounts on this server (some tests, the embed), nobody is signed in.
  if (!context.comptes) return undefined;
  const session = await sessionDe(request, context);
  if (!session) return undefined;
  const ok = await peutModifier(context.db, context.referentiel, session.utilisateur, { id: lieu.id, code_insee: lieu.code_insee ?? null });
  return ok ? `/lieux/${lieu.id}/modifier` : undefined;
}
