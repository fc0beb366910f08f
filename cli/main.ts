import { Command, InvalidArgumentError, Option } from "commander";
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
