import { Command, InvalidArgumentError, Option } from "commander";
import { ajouterAdministrateur, listerAdministrateurs, retirerAdministrateur } from "~/comptes/administrateurs.server";
import { VALIDITE_LIEN_MINUTES } from "~/comptes/reglages";
import { creerLienConnexion } from "~/comptes/lien-direct.server";
import { lireConfig } from "~/platform/config.server";
import { readFile, writeFile } from "node:fs/promises";
import { estFormatIndicateurs, FORMATS_INDICATEURS, importerIndicateurs } from "~/diagnostic/indicateurs/importer.server";
import { listerIndicateurs } from "~/diagnostic/indicateurs/liste.server";
import { listeEnFrancais, rapportIndicateursEnFrancais } from "~/diagnostic/indicateurs/rapport-texte";
import { chargerIndicateursBretagne } from "~/diagnostic/indicateurs/seed.server";
import { listerDoublons } from "~/lieux/doublons/doublons.server";
import { estFormatExport, FORMATS_EXPORT, lieuxAExporter, serialiser } from "~/lieux/export/exporter.server";
import { FichierInutilisable } from "~/lieux/import/fichier";
import { importerLieux } from "~/lieux/import/importer.server";
import { estFormatImport, FORMATS_IMPORT } from "~/lieux/import/lecture";
import { chargerDonneesBretagne } from "~/lieux/seed.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { chargerReferentiel } from "~/territoire/referentiel.server";
import { ajouterCoordination, retirerCoordination } from "~/structures/coordinations.server";
import { creerMessagerie } from "~/platform/courriel/messagerie.server";
import { relancerFraicheur } from "~/lieux/fraicheur/relances.server";
import { executerTachesOrientations } from "~/orientation/suivi/taches.server";
import { effacerAdressesSignalements } from "~/lieux/signalements/conservation.server";
import { purgerConservation } from "~/platform/taches/conservation.server";
import { avecBase } from "./contexte";
import { rapportEnFrancais } from "./rapport";

const programme = new Command("passerelle").description("Passerelle — outils en ligne de commande").showHelpAfterError();

programme
  .command("migrate")
  .description("Crée ou met à jour le schéma de la base de données")
  .action(async () => {
    await avecBase(async (c) => console.log(`Base ${c.moteur} à jour.`));
  });

programme
  .command("import")
  .description("Importe un fichier de lieux (toutes les lignes sont vérifiées ; code 0 : tout accepté, 2 : lignes rejetées, 1 : fichier inutilisable)")
  .argument("<fichier>", "chemin du fichier")
  .addOption(new Option("--format <format>", "format du fichier").choices(FORMATS_IMPORT).makeOptionMandatory())
  .option("--source <nom>", "nom de la source enregistré pour chaque champ")
  .option("--dry-run", "vérifie et simule sans rien enregistrer", false)
  .option("--report <fichier.json>", "écrit le rapport complet en JSON")
  .action(async (fichier: string, opts: { format: string; source?: string; dryRun: boolean; report?: string }) => {
    if (!estFormatImport(opts.format)) throw new InvalidArgumentError(opts.format);
    const format = opts.format;
    const octets = await readFile(fichier);
    const rapport = await avecBase(({ db }) =>
      importerLieux(db, octets, { format, source: opts.source, fichier, dryRun: opts.dryRun, referentiel: chargerReferentiel() }),
    );
    console.log(rapportEnFrancais(rapport, fichier));
    if (opts.report) {
      const { records, accepted, rejected, issues, ...resume } = rapport;
      await writeFile(opts.report, `${JSON.stringify({ records, accepted, rejected, issues, ...resume }, null, 2)}\n`);
    }
    process.exitCode = rapport.rejected > 0 ? 2 : 0;
  });

programme
  .command("export")
  .description("Exporte l'annuaire (tout ou un territoire)")
  .addOption(new Option("--format <format>", "format de sortie").choices(FORMATS_EXPORT).default("standard-csv"))
  .option("--territoire <code>", "code de département, SIREN d'EPCI ou code INSEE de commune")
  .option("--out <fichier>", "fichier de sortie (sinon la sortie standard)")
  .action(async (opts: { format: string; territoire?: string; out?: string }) => {
    if (!estFormatExport(opts.format)) throw new InvalidArgumentError(opts.format);
    const format = opts.format;
    const texte = await avecBase(async ({ db }) => serialiser(format, await lieuxAExporter(db, chargerReferentiel(), opts.territoire)));
    if (opts.out) {
      await writeFile(opts.out, texte);
      console.error(`Export ${format} écrit dans ${opts.out}.`);
    } else process.stdout.write(texte);
  });

programme
  .command("doublons")
  .description("Liste les paires de lieux peut-être identiques, à revoir, avec leurs scores")
  .option("--json", "sortie JSON", false)
  .action(async (opts: { json: boolean }) => {
    const paires = await avecBase(({ db }) => listerDoublons(db));
    if (opts.json) {
      console.log(JSON.stringify(paires, null, 2));
      return;
    }
    if (paires.length === 0) console.log("Aucune paire à revoir.");
    for (const p of paires) {
      const s = p.signaux;
      console.log(
        `${p.score.toFixed(2)}  ${p.a.nom} (${p.a.commune}, ${p.a.sources.join("+")}) ↔ ${p.b.nom} (${p.b.commune}, ${p.b.sources.join("+")})\n` +
          `      nom ${s.nom ?? "?"} · adresse ${s.adresse ?? "?"} · distance ${s.distance_m ?? "inconnue"} m · siret ${s.siret ? "oui" : "non"} · tél ${s.telephone ? "oui" : "non"} · courriel ${s.courriel ? "oui" : "non"}\n` +
          `      ${p.a.id} / ${p.b.id}`,
      );
    }
  });

programme
  .command("seed")
  .description("Charge les données de Bretagne livrées avec Passerelle (lieux : France services, Aidants Connect, conseillers numériques ; indicateurs : IFN, CNAF)")
  .action(async () => {
    const [bilan, indicateurs] = await avecBase(async ({ db }) => {
      const referentiel = chargerReferentiel();
      return [await chargerDonneesBretagne(db, referentiel), await chargerIndicateursBretagne(db, referentiel)] as const;
    });
    for (const r of bilan) console.log(`${r.source} : ${r.accepted} accepté(s), ${r.rejected} rejeté(s), ${r.crees} créé(s), ${r.fusionnes} fusionné(s), ${r.aRevoir} à revoir`);
    for (const r of indicateurs) console.log(`${r.fichier} : ${r.valeurs} valeur(s) d'indicateurs, ${r.nouvelles} ajoutée(s), ${r.modifiees} remplacée(s), ${r.inchangees} déjà à jour`);
  });

const indicateurs = programme.command("indicateurs").description("Indicateurs du diagnostic territorial (méthode PORTREA)");

function annee(valeur: string): number {
  if (!/^\d{4}$/.test(valeur)) throw new InvalidArgumentError("année sur 4 chiffres attendue.");
  return Number(valeur);
}

indicateurs
  .command("import")
  .description("Importe un fichier d'indicateurs (toutes les lignes sont vérifiées ; code 0 : tout accepté, 2 : lignes rejetées, 1 : fichier inutilisable)")
  .argument("<fichier>", "chemin du fichier")
  .addOption(new Option("--format <format>", "format du fichier").choices(FORMATS_INDICATEURS).makeOptionMandatory())
  .option("--annee <année>", "année des chiffres, pour les fichiers qui ne la donnent pas (cnaf, ifn, france-travail)", annee)
  .option("--dry-run", "vérifie et simule sans rien enregistrer", false)
  .option("--report <fichier.json>", "écrit le rapport complet en JSON")
  .action(async (fichier: string, opts: { format: string; annee?: number; dryRun: boolean; report?: string }) => {
    if (!estFormatIndicateurs(opts.format)) throw new InvalidArgumentError(opts.format);
    const format = opts.format;
    const octets = await readFile(fichier);
    const rapport = await avecBase(({ db }) => importerIndicateurs(db, octets, { format, fichier, annee: opts.annee, dryRun: opts.dryRun, referentiel: chargerReferentiel() }));
    console.log(rapportIndicateursEnFrancais(rapport, fichier));
    if (opts.report) await writeFile(opts.report, `${JSON.stringify(rapport, null, 2)}\n`);
    process.exitCode = rapport.rejetees > 0 ? 2 : 0;
  });

indicateurs
  .command("liste")
  .description("Liste les indicateurs chargés : indicateur, niveau, année, source, nombre de valeurs")
  .option("--json", "sortie JSON", false)
  .action(async (opts: { json: boolean }) => {
    const jeux = await avecBase(({ db }) => listerIndicateurs(db));
    console.log(opts.json ? JSON.stringify(jeux, null, 2) : listeEnFrancais(jeux));
  });

const admin = programme.command("admin").description("Administrateurs du hub (accès à tout, dont /admin/courriels)");

admin
  .command("ajouter")
  .description("Rend administrateur le compte de cette adresse (le crée s'il n'existe pas : la personne se connecte ensuite par lien)")
  .argument("<courriel>", "adresse électronique")
  .action(async (courriel: string) => {
    const { cree } = await avecBase(({ db }) => ajouterAdministrateur(db, courriel));
    console.log(`${courriel.trim().toLowerCase()} est administrateur${cree ? " (compte créé)" : ""}.`);
  });

admin
  .command("retirer")
  .description("Retire le rôle d'administrateur (le compte reste)")
  .argument("<courriel>", "adresse électronique")
  .action(async (courriel: string) => {
    await avecBase(({ db }) => retirerAdministrateur(db, courriel));
    console.log(`${courriel.trim().toLowerCase()} n'est plus administrateur.`);
  });

admin
  .command("liste")
  .description("Liste les administrateurs")
  .action(async () => {
    const liste = await avecBase(({ db }) => listerAdministrateurs(db));
    console.log(liste.length === 0 ? "Aucun administrateur." : liste.map((a) => (a.nom ? `${a.courriel} (${a.nom})` : a.courriel)).join("\n"));
  });

const coordination = programme.command("coordination").description("Coordinateurs territoriaux (portée : une intercommunalité ou un département)");

function porteeCoordination(opts: { epci?: string; departement?: string }): { type: "epci" | "departement"; code: string } {
  if ((opts.epci === undefined) === (opts.departement === undefined)) throw new ErreurPasserelle("entree_invalide", "indiquez --epci SIREN ou --departement CODE (un seul des deux).");
  return opts.epci !== undefined ? { type: "epci", code: opts.epci } : { type: "departement", code: opts.departement ?? "" };
}

for (const [verbe, description] of [
  ["ajouter", "Nomme cette adresse coordinatrice du territoire (crée le compte s'il n'existe pas)"],
  ["retirer", "Retire la coordination de ce territoire (le compte reste)"],
] as const) {
  coordination
    .command(verbe)
    .description(description)
    .argument("<courriel>", "adresse électronique")
    .option("--epci <siren>", "SIREN de l'intercommunalité")
    .option("--departement <code>", "code du département (22, 29, 35, 56)")
    .action(async (courriel: string, opts: { epci?: string; departement?: string }) => {
      const portee = { courriel, ...porteeCoordination(opts) };
      const message = await avecBase(async ({ db }) => {
        const config = lireConfig();
        const s = { db, messagerie: creerMessagerie(db, config), urlPublique: config.urlPublique, referentiel: chargerReferentiel() };
        if (verbe === "retirer") {
          await retirerCoordination(s, "console", portee);
          return "ne coordonne plus";
        }
        return (await ajouterCoordination(s, "console", portee)).nouvelle ? "coordonne désormais" : "coordonnait déjà";
      });
      console.log(`${courriel.trim().toLowerCase()} ${message} ${portee.type === "epci" ? "l'EPCI" : "le département"} ${portee.code}.`);
    });
}

programme
  .command("lien-connexion")
  .description("Affiche un lien de connexion pour cette adresse, sans l'envoyer par courriel (premier administrateur, pas de SMTP, assistance)")
  .argument("<courriel>", "adresse électronique")
  .option("--retour <chemin>", "page où arriver après la connexion", "/compte")
  .action(async (courriel: string, opts: { retour: string }) => {
    const lien = await avecBase(({ db }) => creerLienConnexion(db, lireConfig(), courriel, opts.retour));
    console.log(`Lien de connexion pour ${courriel.trim().toLowerCase()}, valable ${VALIDITE_LIEN_MINUTES} minutes, une seule fois :\n${lien}`);
  });

programme
  .command("fraicheur")
  .description("Boucle de fraîcheur des lieux")
  .command("relancer")
  .description("Envoie maintenant les rappels « lieux à vérifier » (la tâche quotidienne, une fois)")
  .action(async () => {
    const config = lireConfig();
    const r = await avecBase(({ db }) => relancerFraicheur({ db, messagerie: creerMessagerie(db, config), referentiel: chargerReferentiel(), urlPublique: config.urlPublique, fraicheurMois: config.fraicheurMois }));
    console.log(r.courriels === 0 ? "Aucun rappel à envoyer." : `${r.courriels} rappel${r.courriels > 1 ? "s" : ""} envoyé${r.courriels > 1 ? "s" : ""} pour ${r.lieux} lieu${r.lieux > 1 ? "x" : ""} à vérifier.`);
  });

programme
  .command("orientations")
  .description("Orientations suivies")
  .command("taches")
  .description("Exécute maintenant les tâches quotidiennes : expiration, relances, effacement des données personnelles")
  .option("--le <date>", "faire comme si l'on était à cette date (ISO 8601, ex. 2027-03-01T08:00:00Z) : essais, rattrapage")
  .action(async (opts: { le?: string }) => {
    const maintenant = dateDeLOption(opts.le);
    const config = lireConfig();
    const r = await avecBase(({ db }) =>
      executerTachesOrientations({ db, messagerie: creerMessagerie(db, config), referentiel: chargerReferentiel(), urlPublique: config.urlPublique, reglages: config.orientation }, maintenant),
    );
    console.log(`${r.expirees} orientation(s) expirée(s), ${r.relances} relance(s), données personnelles effacées de ${r.effacees} orientation(s).`);
  });

programme
  .command("conservation")
  .description("Durées de conservation des données")
  .command("purger")
  .description("Exécute maintenant la purge quotidienne : courriels et journal d'audit anciens, adresses des signalements traités")
  .option("--le <date>", "faire comme si l'on était à cette date (ISO 8601)")
  .action(async (opts: { le?: string }) => {
    const maintenant = dateDeLOption(opts.le);
    const config = lireConfig();
    const [p, a] = await avecBase(async ({ db }) => [await purgerConservation(db, config.conservation, maintenant), await effacerAdressesSignalements(db, maintenant)] as const);
    console.log(`${p.courriels} courriel(s) et ${p.journal} entrée(s) du journal supprimés, adresses effacées de ${a.adresses} signalement(s).`);
  });

/** `--le`: now, or the date given (tests, catching up). */
function dateDeLOption(le: string | undefined): Date {
  const d = le === undefined ? new Date() : new Date(le);
  if (Number.isNaN(d.getTime())) throw new ErreurPasserelle("entree_invalide", `Date illisible : « ${le ?? ""} » (attendu : 2027-03-01T08:00:00Z).`);
  return d;
}

try {
  await programme.parseAsync();
} catch (e) {
  if (e instanceof FichierInutilisable || e instanceof ErreurPasserelle) {
    console.error(`Erreur : ${e.message}`);
    process.exitCode = 1;
  } else if (e instanceof Error && "code" in e && e.code === "ENOENT") {
    console.error(`Erreur : fichier introuvable (${e.message}).`);
    process.exitCode = 1;
  } else {
    // Database errors carry the query parameters (personal data): print only the cause.
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : e instanceof Error ? e.message.split("\n")[0] : String(e);
    console.error(`Erreur inattendue : ${cause}`);
    process.exitCode = 1;
  }
}
