import type { AppLoadContext } from "react-router";
import { sessionDe } from "~/comptes/session.server";
import { destinationDe, lireConditions, type ConditionsOrientation } from "~/orientation/suivi/conditions.server";
import { dateHeureEnFrancais } from "~/platform/courriel/gabarit";
import { droitsDe, peutModifierLieu } from "~/structures/droits.server";
import { structureDuLieu } from "~/structures/lieux-structures.server";
import type { ConditionsAffichees } from "./Conditions";
import type { OrienterLieu } from "./SectionOrienter";

/** Conditions for a page; the structure's orientation address and phone only for signed-in people. */
export function conditionsAffichees(c: ConditionsOrientation, connecte: boolean): ConditionsAffichees {
  return {
    publicAccueilli: c.publicAccueilli,
    modalites: c.modalites,
    aApporter: c.aApporter,
    delais: c.delais,
    accepteOrientations: c.accepteOrientations,
    courrielOrientation: connecte ? c.courrielOrientation : null,
    telephoneOrientation: connecte ? c.telephoneOrientation : null,
    modifieLe: c.modifieLe ? dateHeureEnFrancais(c.modifieLe) : null,
  };
}

/** The place page's « Orienter une personne vers ce lieu » section: conditions, destination, who is looking. */
export async function orientationDuLieu(request: Request, context: AppLoadContext, lieu: { id: string; code_insee?: string | undefined }): Promise<OrienterLieu> {
  const session = context.comptes ? await sessionDe(request, context) : null;
  const [conditions, destination, droits] = await Promise.all([
    lireConditions(context.db, lieu.id),
    destinationDe(context.db, lieu.id),
    session ? droitsDe(context.db, session.utilisateur, context.referentiel) : Promise.resolve(null),
  ]);
  const peutModifier = droits ? peutModifierLieu(droits, { id: lieu.id, code_insee: lieu.code_insee ?? null }, await structureDuLieu(context.db, lieu.id)) : false;
  return {
    conditions: conditionsAffichees(conditions, session !== null),
    destination: destination.type,
    raison: destination.type === "impossible" ? destination.raison : null,
    visiteur: !session ? "anonyme" : droits && droits.membres.length > 0 ? "membre" : "sans_structure",
    peutModifier,
  };
}
