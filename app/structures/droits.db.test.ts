import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connexion } from "~/platform/db/connexion.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { baseDeTest } from "../../test/aide/base";
import { demanderAdhesion, deciderDemande } from "./adhesions.server";
import type { Acteur, ServicesStructures } from "./contexte.server";
import { ajouterCoordination, retirerCoordination } from "./coordinations.server";
import { droitsDe, estCoordinateurDe, peutModifierLieu } from "./droits.server";
import { accepterInvitation, hacherJeton, inviter } from "./invitations.server";
import { lierLieu, delierLieu, structureDuLieu } from "./lieux-structures.server";
import { changerRole, retirerMembre } from "./membres.server";
import { creerStructure, modifierStructure } from "./structures.server";
import { coordinations, demandes_adhesion, invitations_structures, lieux_structures, membres_structures, structures } from "./structures.schema";
import { compte, lieu, RENNES, RENNES_METROPOLE, saisie, servicesDeTest } from "./test-outils";

/**
 * Every mutation × every role, through the real use cases on the database. Each case gets a fresh
 * world (structure S with a médiateur, a prescripteur and a responsable; structure T with its own
 * responsable; a free place and a place run by S, both in Rennes), so that allowed cases change nothing
 * the next case reads.
 */

const ROLES = ["anonyme", "sans_structure", "mediateur", "prescripteur", "responsable", "responsable_autre", "coordinateur_epci", "coordinateur_ailleurs", "administrateur"] as const;
type Role = (typeof ROLES)[number];
type Issue = "ok" | "non_authentifie" | "interdit" | "conflit";

interface Monde {
  S: string;
  T: string;
  lieuLibre: string;
  lieuDeS: string;
  demande: string;
  jeton: string;
  n: number;
}

let c: Connexion;
let s: ServicesStructures;
const acteurs = new Map<Role, Acteur>();
let compteur = 0;

async function structure(nom: string, membres: [string, "mediateur" | "responsable" | "prescripteur"][]): Promise<string> {
  const [l] = await c.db.insert(structures).values({ nom, type: "association", code_insee: RENNES }).returning({ id: structures.id });
  if (!l) throw new Error("structure");
  for (const [id, role] of membres) await c.db.insert(membres_structures).values({ structure_id: l.id, utilisateur_id: id, role });
  return l.id;
}

function id(role: Role): string {
  const a = acteurs.get(role);
  if (!a) throw new Error(role);
  return a.id;
}

async function monde(): Promise<Monde> {
  const n = ++compteur;
  const S = await structure(`S${n}`, [[id("mediateur"), "mediateur"], [id("prescripteur"), "prescripteur"], [id("responsable"), "responsable"]]);
  const T = await structure(`T${n}`, [[id("responsable_autre"), "responsable"]]);
  const lieuLibre = await lieu(c.db, `Lieu libre ${n}`);
  const lieuDeS = await lieu(c.db, `Lieu de S ${n}`);
  await c.db.insert(lieux_structures).values({ lieu_id: lieuDeS, structure_id: S });
  const demandeur = await compte(c.db, `demandeur${n}@exemple.fr`);
  const [d] = await c.db.insert(demandes_adhesion).values({ structure_id: S, utilisateur_id: demandeur.id }).returning({ id: demandes_adhesion.id });
  const jeton = `jeton-${n}`;
  await c.db.insert(invitations_structures).values({ structure_id: S, courriel: `invite${n}@exemple.fr`, role: "mediateur", hash_jeton: hacherJeton(jeton), expire_le: new Date(Date.now() + 86_400_000) });
  const cible = await compte(c.db, `cible${n}@exemple.fr`);
  await c.db.insert(coordinations).values({ utilisateur_id: cible.id, type_territoire: "departement", code: "56" });
  if (!d) throw new Error("demande");
  return { S, T, lieuLibre, lieuDeS, demande: d.id, jeton, n };
}

const MUTATIONS: Record<string, (a: Acteur, m: Monde) => Promise<unknown>> = {
  "créer une structure": (a, m) => creerStructure(s, a, saisie({ nom: `Nouvelle ${m.n}` })),
  "modifier la structure": (a, m) => modifierStructure(s, a, m.S, saisie({ nom: `S${m.n} modifiée` })),
  "inviter dans la structure": (a, m) => inviter(s, a, m.S, `nouveau${m.n}@exemple.fr`, "mediateur"),
  "demander à rejoindre": (a, m) => demanderAdhesion(s, a, m.S, ""),
  "accepter une invitation": (a, m) => accepterInvitation(s, a, m.jeton),
  "accepter une demande": (a, m) => deciderDemande(s, a, m.demande, "acceptee"),
  "refuser une demande": (a, m) => deciderDemande(s, a, m.demande, "refusee"),
  "changer le rôle d'un membre": (a, m) => changerRole(s, a, m.S, id("mediateur"), "prescripteur"),
  "retirer un membre": (a, m) => retirerMembre(s, a, m.S, id("prescripteur")),
  "rattacher un lieu": (a, m) => lierLieu(s, a, m.S, m.lieuLibre),
  "détacher un lieu": (a, m) => delierLieu(s, a, m.S, m.lieuDeS),
  "nommer un coordinateur": (a, m) => ajouterCoordination(s, a, { courriel: `coord${m.n}@exemple.fr`, type: "epci", code: RENNES_METROPOLE }),
  "retirer un coordinateur": (a, m) => retirerCoordination(s, a, { courriel: `cible${m.n}@exemple.fr`, type: "departement", code: "56" }),
};

const G: Issue = "ok";
const I: Issue = "interdit";
const A: Issue = "non_authentifie";
const C: Issue = "conflit";
// Columns in the order of ROLES.
const ATTENDU: Record<keyof typeof MUTATIONS, Issue[]> = {
  //                               anon sans med presc resp resp2 coordE coordX admin
  "créer une structure": /*      */ [A, G, G, G, G, G, G, G, G],
  "modifier la structure": /*    */ [A, I, I, I, G, I, I, I, G],
  "inviter dans la structure": /**/ [A, I, I, I, G, I, I, I, G],
  // Members cannot ask to join their own structure.
  "demander à rejoindre": /*     */ [A, G, C, C, C, G, G, G, G],
  // Any account can take an invitation; a member keeps their role.
  "accepter une invitation": /*  */ [A, G, G, G, G, G, G, G, G],
  "accepter une demande": /*     */ [A, I, I, I, G, I, I, I, G],
  "refuser une demande": /*      */ [A, I, I, I, G, I, I, I, G],
  "changer le rôle d'un membre": [A, I, I, I, G, I, I, I, G],
  "retirer un membre": /*        */ [A, I, I, I, G, I, I, I, G],
  "rattacher un lieu": /*        */ [A, I, I, I, G, I, I, I, G],
  "détacher un lieu": /*         */ [A, I, I, I, G, I, I, I, G],
  "nommer un coordinateur": /*   */ [A, I, I, I, I, I, I, I, G],
  "retirer un coordinateur": /*  */ [A, I, I, I, I, I, I, I, G],
};

async function issue(travail: Promise<unknown>): Promise<Issue | string> {
  try {
    await travail;
    return "ok";
  } catch (e) {
    if (e instanceof ErreurPasserelle) return e.code;
    throw e;
  }
}

beforeAll(async () => {
  c = await baseDeTest();
  s = servicesDeTest(c.db);
  acteurs.set("anonyme", null);
  for (const role of ROLES.slice(1)) acteurs.set(role, await compte(c.db, `${role}@exemple.fr`, role === "administrateur" ? "administrateur" : null));
  await c.db.insert(coordinations).values({ utilisateur_id: id("coordinateur_epci"), type_territoire: "epci", code: RENNES_METROPOLE });
  await c.db.insert(coordinations).values({ utilisateur_id: id("coordinateur_ailleurs"), type_territoire: "departement", code: "29" });
});

afterAll(async () => {
  await c.fermer();
});

describe("chaque mutation, pour chaque rôle", () => {
  for (const [nom, faire] of Object.entries(MUTATIONS)) {
    it.each(ROLES.map((r, i) => [r, ATTENDU[nom]?.[i]] as const))(`${nom} — %s : %s`, async (role, attendu) => {
      const m = await monde();
      expect(await issue(faire(acteurs.get(role) ?? null, m))).toBe(attendu);
    });
  }

  it("un refus ne change rien : S garde son nom, ses membres, ses lieux", async () => {
    const m = await monde();
    const a = acteurs.get("mediateur") ?? null;
    for (const faire of [MUTATIONS["modifier la structure"], MUTATIONS["retirer un membre"], MUTATIONS["rattacher un lieu"], MUTATIONS["détacher un lieu"]]) {
      await expect(faire?.(a, m)).rejects.toThrow(ErreurPasserelle);
    }
    const [S] = await c.db.select({ nom: structures.nom }).from(structures).where(eq(structures.id, m.S));
    expect(S?.nom).toBe(`S${m.n}`);
    expect(await c.db.select().from(membres_structures).where(eq(membres_structures.structure_id, m.S))).toHaveLength(3);
    expect(await structureDuLieu(c.db, m.lieuDeS)).toBe(m.S);
    expect(await structureDuLieu(c.db, m.lieuLibre)).toBeNull();
  });
});

describe("modifier un lieu (peutModifierLieu, droits lus en base)", () => {
  // Columns in the order of ROLES: a place run by S, then a place no structure runs, both in Rennes.
  const LIEU_DE_S = [false, false, true, false, true, false, true, false, true];
  const LIEU_LIBRE = [false, false, false, false, false, false, true, false, true];
  it.each(ROLES.map((r, i) => [r, LIEU_DE_S[i], LIEU_LIBRE[i]] as const))("%s : lieu de S %s, lieu sans structure %s", async (role, deS, libre) => {
    const m = await monde();
    const droits = await droitsDe(c.db, acteurs.get(role) ?? null, s.referentiel);
    expect(peutModifierLieu(droits, { id: m.lieuDeS, code_insee: RENNES }, await structureDuLieu(c.db, m.lieuDeS))).toBe(deS);
    expect(peutModifierLieu(droits, { id: m.lieuLibre, code_insee: RENNES }, await structureDuLieu(c.db, m.lieuLibre))).toBe(libre);
  });

  it("estCoordinateurDe suit l'EPCI et le département de la commune", async () => {
    const epci = await droitsDe(c.db, acteurs.get("coordinateur_epci") ?? null, s.referentiel);
    const finistere = await droitsDe(c.db, acteurs.get("coordinateur_ailleurs") ?? null, s.referentiel);
    expect(estCoordinateurDe(epci, RENNES, s.referentiel)).toBe(true);
    // Cesson-Sévigné is in Rennes Métropole; Vitré (35360) is not.
    expect(estCoordinateurDe(epci, "35051", s.referentiel)).toBe(true);
    expect(estCoordinateurDe(epci, "35360", s.referentiel)).toBe(false);
    expect(estCoordinateurDe(finistere, "29019", s.referentiel)).toBe(true);
    expect(estCoordinateurDe(finistere, RENNES, s.referentiel)).toBe(false);
    expect(estCoordinateurDe(null, RENNES, s.referentiel)).toBe(false);
  });
});
