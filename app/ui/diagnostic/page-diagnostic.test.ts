import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ACCES, RAPPORT_EXEMPLE } from "~/diagnostic/vues/exemple.test-outils";
import { slugService } from "~/diagnostic/vues/indicateurs-carte";
import { vueDiagnostic } from "~/diagnostic/vues/page.server";
import { PageDiagnostic } from "./PageDiagnostic";

const CHEMIN = "/territoires/epci/245600465/diagnostic";

/** The markup with React's entity escapes undone, so that sentences read as written. */
function rendre(requete: string): string {
  return renderToStaticMarkup(createElement(PageDiagnostic, { vue: vueDiagnostic(RAPPORT_EXEMPLE, new URL(`http://localhost${CHEMIN}?${requete}`)) })).replace(/&#x27;/g, "'");
}

/** The row headers (names) of a table, in order. */
function nomsDuTableau(html: string, id: string): string[] {
  const table = html.match(new RegExp(`<table id="${id}"[\\s\\S]*?</table>`))?.[0] ?? "";
  const corps = table.slice(table.indexOf("<tbody>"));
  return [...corps.matchAll(/<th scope="row">(?:<a [^>]*>)?([^<]*)/g)].map((m) => m[1] ?? "");
}

describe("page du diagnostic (rendu serveur)", () => {
  it("sorts the communes table as the URL asks and marks the sorted header", () => {
    const html = rendre("tri=population&ordre=asc");
    expect(nomsDuTableau(html, "tableau-communes")).toEqual(["Locmaria", "Bangor", "Sauzon", "Le Palais"]);
    expect(html).toMatch(/<th scope="col" aria-sort="ascending" class="nombre"><a href="[^"]*tri=population&amp;ordre=desc#tableau-communes"/);
    // The comparison keeps its own order (rank), whatever the communes table's sort.
    expect(nomsDuTableau(html, "tableau-comparaison")).toEqual(["Locmaria", "Bangor", "Le Palais", "Sauzon"]);
    expect(html).toContain("trié par « Population (habitants) », ordre croissant");
  });

  it("draws the map as an image with a summary, a legend and a hatched unknown class", () => {
    const html = rendre("");
    expect(html).toMatch(/<svg class="carte-svg" viewBox="0 0 1000 \d+" role="img" aria-label="Carte : Indice de fragilité numérique \(score de 0 à 10\), pour 4 communes/);
    expect(html.match(/<path d="M/g)?.length).toBe(4);
    expect(html).toContain("<title>Sauzon : donnée inconnue</title>");
    expect(html).toContain('fill="url(#carte-communes-inconnu)"');
    expect(html).toContain("Donnée inconnue");
    expect(html).toContain("Le tableau « Les communes : CC de Belle Ile en Mer » donne les mêmes chiffres.");
  });

  it("offers every indicator in a form that keeps the tables' sort", () => {
    const html = rendre(`tri=lieux&ordre=desc&carte=distance_${slugService(ACCES)}`);
    expect(html).toMatch(/<form [^>]*action="\/territoires\/epci\/245600465\/diagnostic#cartes" method="get">/);
    expect(html).toContain('<input type="hidden" name="tri" value="lieux"/>');
    expect(html).toMatch(/<option value="distance_acces-internet-et-materiel-informatique" selected="">Distance au lieu le plus proche pour « Utiliser un ordinateur ou internet sur place »<\/option>/);
    // The mapped distance is a column of the communes table.
    expect(html).toContain("Distance au lieu le plus proche pour « Utiliser un ordinateur ou internet sur place » (km)");
    expect(html).toContain("<title>Locmaria : 16,4\u00a0km</title>");
    // The PDF link asks for the same maps.
    expect(html).toContain(`href="${CHEMIN}.pdf?carte=distance_acces-internet-et-materiel-informatique"`);
  });

  it("falls back to the IFN map for an unknown indicator, and says so", () => {
    const html = rendre("carte=n_importe_quoi");
    expect(html).toContain("L'indicateur demandé n'existe pas");
    expect(html).toContain('<option value="ifn_total" selected="">');
  });

  it("shows what is known of an unknown measure, and links the files", () => {
    const html = rendre("");
    expect(html).toContain("<strong>Inconnue pour ce territoire.</strong> Le nombre d'allocataires du RSA n'est connu que pour 1 commune sur 4.");
    expect(html).toContain("ce qui est connu : 120 pour 1 commune sur 4");
    expect(html).toContain(`${CHEMIN}.pdf`);
    expect(html).toContain(`${CHEMIN}.csv`);
    expect(html).toContain(`${CHEMIN}.geojson`);
    expect(html).toContain('href="/api/v1/territoires/epci/245600465/diagnostic"');
    expect(html).toContain('<a href="/territoires/departement/56/diagnostic">Morbihan</a>');
  });
});
